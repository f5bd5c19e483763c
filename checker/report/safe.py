"""Text from a file (its name, its lines, a message quoting it) made safe to print.

A file name or a line may hold terminal escape sequences (``ESC [ 2 J`` clears the screen;
others retitle the window or hide text), a newline that would split a ``path:line:col`` line
in two, or bidirectional overrides that reorder what the reader sees. Every control
character (C0, DEL, C1), line and paragraph separator and bidirectional control is shown as
a visible escape (``\\x1b``, ``\\u202e``); a tab stays a tab.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f"  # C0 but tab, DEL, C1
    "\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"  # separators, bidirectional controls, BOM
    "\ud800-\udfff\ufffe\uffff]"  # lone surrogates (undecodable file names), non-characters
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every unsafe character as a visible escape (see the module)."""
    return _UNSAFE.sub(_escape, text)


def unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None
