"""YAML with line numbers: packs and facts files are composed into nodes (never constructed
into Python objects, so no tag can run code) and every value keeps the line it came from, so a
problem is reported as ``file:line: message`` (PackError)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

KeyPath = tuple[str | int, ...]
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}


class PackError(ValueError):
    """A pack that cannot be used; ``str()`` is ``file:line: message``."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file, self.line, self.message = file, line, message
        super().__init__(f"{file}:{line}: {message}" if line else f"{file}: {message}")


@dataclass(frozen=True)
class LinedYaml:
    """A parsed YAML file: plain data plus the line of every key and item."""

    file: str
    data: Any
    lines: Mapping[KeyPath, int]

    def line(self, path: Sequence[str | int]) -> int | None:
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def error(self, path: Sequence[str | int], message: str) -> PackError:
        return PackError(self.file, self.line(path), message)


# libyaml's composer when PyYAML was built with it: the same nodes and marks, five times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, file: str) -> LinedYaml:
    """Compose YAML with the safe resolver and convert nodes by hand: no constructor runs."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        context = f" ({exc.context} at line {exc.context_mark.line + 1})" if exc.context and exc.context_mark else ""
        raise PackError(
            file, mark.line + 1 if mark else None, f"malformed YAML: {exc.problem or exc}{context}"
        ) from None
    except yaml.YAMLError as exc:
        raise PackError(file, None, f"malformed YAML: {exc}") from None
    except RecursionError:
        raise PackError(file, None, "nested too deeply") from None
    if root is None:
        raise PackError(file, 1, "empty file")
    lines: dict[KeyPath, int] = {}
    try:
        return LinedYaml(file, _convert(root, (), lines, set(), file), lines)
    except RecursionError:
        raise PackError(file, None, "nested too deeply") from None


def _convert(node: Node, path: KeyPath, lines: dict[KeyPath, int], seen: set[int], file: str) -> Any:
    line = node.start_mark.line + 1
    lines.setdefault(path, line)
    if id(node) in seen:
        raise PackError(file, line, "YAML anchors and aliases are not supported in packs")
    seen.add(id(node))
    if isinstance(node, ScalarNode) and node.tag in _SCALAR_TAGS:
        return _scalar(node, file)
    if isinstance(node, SequenceNode) and node.tag == f"{_TAG}seq":
        return [_convert(item, path + (i,), lines, seen, file) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode) and node.tag == f"{_TAG}map":
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _SCALAR_TAGS:
                raise PackError(file, key_node.start_mark.line + 1, "mapping keys must be plain words")
            key = key_node.value
            if key in out:
                raise PackError(file, key_node.start_mark.line + 1, f"duplicate key {key!r}")
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, path + (key,), lines, seen, file)
        return out
    raise PackError(file, line, f"YAML tag {node.tag.replace(_TAG, '!!')} is not allowed: packs are plain data")


def _scalar(node: ScalarNode, file: str) -> Any:
    """Plain scalars as YAML 1.1 reads them, except timestamps, which stay text (checked later)."""
    kind = node.tag[len(_TAG) :]
    if kind in ("str", "timestamp"):
        return node.value
    if kind == "null":
        return None
    try:
        return _SCALARS[kind](node)
    except ValueError as exc:
        raise PackError(file, node.start_mark.line + 1, f"bad {kind} value {node.value!r}: {exc}") from None


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALARS = {
    "int": _CONSTRUCTOR.construct_yaml_int,
    "float": _CONSTRUCTOR.construct_yaml_float,
    "bool": _CONSTRUCTOR.construct_yaml_bool,
}


# ---------------------------------------------------------------- validation
