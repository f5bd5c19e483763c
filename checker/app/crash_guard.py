"""The command's last line of defence: whatever escapes is one line on stderr and exit 2.

CI reads exit 1 as "findings", and a Python traceback exits 1, so a crash would pass for a
report. Here an unexpected exception is named in one line (``CHRONOLINT_DEBUG=1`` prints the
traceback too) and the exit code is 2, like every other error; standard output that cannot be
flushed (a full disk) is an error too, a closed pipe is not.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable

CRASH = 2


def run(command: Callable[[], object]) -> int:
    """Run the command; its exit code (2 for any crash, 130 for Ctrl-C)."""
    try:
        command()
        code: object = 0
    except SystemExit as done:
        code = done.code
    except KeyboardInterrupt:
        code = 130
    except Exception as e:  # noqa: BLE001 - the point: nothing escapes as a traceback
        if os.environ.get("CHRONOLINT_DEBUG"):
            traceback.print_exc()
        message = str(e).strip().splitlines()
        _say(f"chronolint: internal error: {type(e).__name__}: {message[0] if message else ''} "
             "(CHRONOLINT_DEBUG=1 shows where; please report it)")  # fmt: skip
        code = CRASH
    if isinstance(code, str):
        _say(code)
    status = code if isinstance(code, int) else 0 if code is None else 1
    return max(status, _flushed())


def _flushed() -> int:
    """0, or 2 when standard output cannot take what is left (a full disk)."""
    failed = 0
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            pass
        except OSError as e:
            failed = CRASH
            _say(f"chronolint: cannot write the report: {e.strerror or e}")
        except ValueError:  # closed by the client (the language server's exit)
            pass
    return failed


def _say(line: str) -> None:
    from checker.report.safe import printable  # not for a run that ends well (--help)

    try:
        print(printable(line), file=sys.stderr)
    except (OSError, ValueError):
        pass
