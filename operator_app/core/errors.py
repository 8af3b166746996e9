"""Known, user-facing problems (shown as plain Indonesian messages) versus bugs."""

from __future__ import annotations


class UserError(Exception):
    """A problem the operator can fix (bad file, file open in Excel, disk full).

    `message` is Indonesian, names the file and says what to do. The CLI prints it and exits 2;
    the GUI shows it in a plain message box. Anything that is not a UserError is a bug.
    """

    def __init__(self, message: str, *, file: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file

    def __str__(self) -> str:
        return self.message


class BadFileError(UserError):
    """An input file that cannot be read or is not what it should be."""


class OutputError(UserError):
    """An output that cannot be written (open in Excel, read-only folder, disk full)."""


class DatabaseError(UserError):
    """The database cannot be used as it is (newer version, damaged)."""


class Cancelled(Exception):
    """Raised inside long work when the operator pressed Cancel; nothing is written."""
