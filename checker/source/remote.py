"""Files named by URL (``s3://bucket/docs``, ``gs://...``, ``file:///...``), through fsspec.

fsspec is imported here, and only when a URL is given, so local runs do not pay
for it; its protocol packages (s3fs, gcsfs...) are the user's to install, and
credentials come from wherever each of them looks (environment, config files).
Every failure is an InputError naming the URL: backends raise their own
exception types, so anything they raise is turned into a one-line reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, BinaryIO

from checker.source.errors import InputError, os_input_error

if TYPE_CHECKING:
    from fsspec import AbstractFileSystem

_UNKNOWN_PROTOCOL = re.compile(r"Protocol not known: (\S+)")


def _protocol(url: str) -> str:
    return url.split("://", 1)[0]


def _missing_package(error: ImportError) -> str | None:
    """The top-level module an fsspec backend failed to import (fsspec wraps the original)."""
    name = error.name or getattr(error.__cause__, "name", None)
    return name.split(".")[0] if name else None


def _filesystem(url: str) -> tuple[AbstractFileSystem, str]:
    """The filesystem serving ``url`` and the path within it."""
    protocol = _protocol(url)
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise InputError(url, f"reading {protocol}:// URLs needs fsspec: pip install 'chronolint[remote]'") from None
    try:
        return url_to_fs(url, **_options(protocol))
    except ImportError as e:
        package = _missing_package(e)
        if package is None:
            raise InputError(url, f"cannot read {protocol}:// URLs: {_reason(e)}") from None
        raise InputError(url, f"reading {protocol}:// URLs needs {package}: pip install {package}") from None
    except ValueError as e:
        unknown = _UNKNOWN_PROTOCOL.search(str(e))
        if unknown:
            raise InputError(url, f"unknown protocol {unknown[1]!r} (not an fsspec filesystem)") from None
        raise InputError(url, f"bad URL: {_reason(e)}") from None
    except Exception as e:  # noqa: BLE001 - a backend's constructor may raise anything (credentials, config)
        raise InputError(url, f"cannot open: {_reason(e)}") from None


HTTP_TIMEOUT = 60.0  # seconds without a byte before an HTTP read gives up (aiohttp's default waits forever)


def _options(protocol: str) -> dict[str, Any]:
    """Options a backend needs to be safe to wait on: a read timeout for HTTP."""
    if protocol not in ("http", "https"):
        return {}
    try:
        import aiohttp
    except ImportError:
        return {}  # fsspec says what to install
    timeout = aiohttp.ClientTimeout(total=None, sock_connect=HTTP_TIMEOUT, sock_read=HTTP_TIMEOUT)
    return {"client_kwargs": {"timeout": timeout}}


_NAMED_REASONS = {
    "TooManyRedirects": "too many redirects (the server sends the request round in a loop)",
    "ServerTimeoutError": f"timed out (no data for {HTTP_TIMEOUT:.0f} seconds)",
}


def _reason(error: BaseException) -> str:
    """One line: the OS reason when there is one, else the message, else the exception's name."""
    named = _NAMED_REASONS.get(type(error).__name__)
    if named is not None:
        return named
    lines = str(getattr(error, "strerror", None) or error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


@contextmanager
def _reasons(url: str) -> Iterator[None]:
    """Backend exceptions as InputErrors worded like the local reader's."""
    try:
        yield
    except InputError:
        raise
    except (FileNotFoundError, IsADirectoryError, PermissionError) as e:
        raise os_input_error(url, e, missing="no such file or directory") from None
    except Exception as e:  # noqa: BLE001 - botocore, aiohttp, google-auth... each have their own
        raise InputError(url, f"cannot read: {_reason(e)}") from None


def files_under(url: str) -> list[str] | None:
    """The files below a folder URL, relative to it ('/'-separated, unsorted); None for a file URL.

    A file is asked about first: over HTTP a page with links also passes for a folder.
    """
    fs, root = _filesystem(url)
    with _reasons(url):
        if fs.isfile(root):
            return None
        if not fs.isdir(root):
            raise FileNotFoundError(root)
        prefix = root.rstrip("/") + "/"
        return [found[len(prefix) :] for found in fs.find(root) if found.startswith(prefix)]


def read_url(url: str, limit: int | None) -> bytes:
    """The bytes of a file URL, at most ``limit`` of them (the caller refuses a file that fills them)."""
    fs, path = _filesystem(url)
    with _reasons(url), fs.open(path, "rb") as f:
        return read_all(f, limit)


def read_all(stream: BinaryIO, limit: int | None, block: int = 1 << 20) -> bytes:
    """Everything ``stream`` holds, up to ``limit`` bytes. ``read(n)`` on a chunked HTTP body returns
    what has arrived, not ``n`` bytes, so one call would check a prefix as if it were the file;
    this reads until the end, or until ``limit`` (an endless stream stops there and is refused)."""
    chunks: list[bytes] = []
    total = 0
    while limit is None or total < limit:
        chunk = stream.read(block if limit is None else min(block, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)
