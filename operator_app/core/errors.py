"""Known, user-facing problems (shown as plain Indonesian messages) versus bugs."""

from __future__ import annotations

from datetime import datetime


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


class StaleEditError(UserError):
    """An operator decision made on data someone else changed in the meantime (issue 14).

    Nothing was written except the refused attempt in the history. The fields let the UI show
    who changed it and when, the newer value, and offer to re-apply the operator's own text.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str,  # "status" | "match" | "unor_condition" | "unor_alias"
        subject: tuple[str, ...],  # finding key / (person_key, siasn_key) / (person_key,) / (unor,)
        seen_version: int,
        current_version: int,
        changed_by: str | None,
        changed_at: datetime | None,  # timezone-aware UTC
        current_value: str | None,  # the newer status / decision / condition / school id
        current_note: str | None,
        attempted_value: str | None,  # what this operator asked for, to re-apply
        attempted_note: str | None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.subject = subject
        self.seen_version = seen_version
        self.current_version = current_version
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current_value = current_value
        self.current_note = current_note
        self.attempted_value = attempted_value
        self.attempted_note = attempted_note
