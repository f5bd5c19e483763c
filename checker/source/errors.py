"""Why an input cannot be checked: one-line messages for the user, shared by every reader."""

from __future__ import annotations


class InputError(Exception):
    """An input that cannot be checked; ``str()`` is a one-line message for the user."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def os_input_error(path: str, error: OSError, missing: str = "no such file") -> InputError:
    """An operating-system error as the one-line reason the user reads (local and remote readers)."""
    if isinstance(error, FileNotFoundError):
        return InputError(path, missing)
    if isinstance(error, IsADirectoryError):
        return InputError(path, "is a directory")
    if isinstance(error, PermissionError):
        return InputError(path, "permission denied")
    return InputError(path, f"cannot read: {error.strerror or error}")
