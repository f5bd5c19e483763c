"""Where a report goes: standard output, or a file written whole.

A report file is written to a temporary file beside it and renamed over it, so a run that
fails (while rendering, or on a full disk) leaves the old file or none, never a truncated
one; it may not be a file the run checks (``--output a.md`` on ``a.md`` would replace the
text with its own report). Standard output on a full disk is an error (exit 2), not a lost
report with exit 0; a closed pipe (``| head``) is the reader's choice and is not.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable


class OutputError(Exception):
    """The report cannot be written where asked; ``str()`` says why, in one line."""


def refuse_inputs(output: str, inputs: Iterable[str]) -> None:
    """An :class:`OutputError` when ``output`` is (or links to) one of the files checked."""
    target = os.path.realpath(output)
    for path in inputs:
        if isinstance(path, str) and path != "-" and os.path.realpath(path) == target:
            raise OutputError(f"{output}: is a file being checked; not overwriting it with the report")


def write_file(output: str, text: str) -> None:
    """``text`` as the whole of ``output`` (temporary file, then rename)."""
    folder = os.path.dirname(os.path.abspath(output))
    temporary = None
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False, prefix=".chronolint-",
                                         suffix=".tmp") as f:  # fmt: skip
            temporary = f.name
            f.write(text)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, output)
    except OSError as e:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise OutputError(f"{output}: cannot write the report: {e.strerror or e}") from None


def write_stdout(text: str) -> None:
    """``text`` on standard output, flushed; a full disk or an I/O error is an :class:`OutputError`."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    except OSError as e:
        _quiet_stdout()
        raise OutputError(f"cannot write the report to standard output: {e.strerror or e}") from None


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the exit's flush does not fail a second time."""
    try:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives until the process exits
    except OSError:
        pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
