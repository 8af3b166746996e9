"""The follow-up workflow of a finding (baru → diajukan → selesai, or diabaikan) and its rules.

One place for the rules every writer of a status obeys: the store (one finding, a workbook read
back) refuses a bad status with a UserError, the window asks again before anything is saved.
"""

from __future__ import annotations

from operator_app.core.errors import UserError
from operator_app.core.model import WORKFLOW_STATUSES, WorkflowStatus


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's name, so pyside6-lupdate puts the message in the UI's translation file; no Qt here."""
    return text


NOTE_REQUIRED_MESSAGE = QT_TRANSLATE_NOOP(
    "Workflow", "Temuan yang diabaikan perlu catatan alasannya."
)
"""Shown when a finding is set to diabaikan without a note (CLI, workbook, window)."""


def needs_note(status: str) -> bool:
    """A finding set aside (diabaikan) must say why, so others know it was a decision."""
    return status == "diabaikan"


def unknown_status_message(status: str) -> str:
    return f"Status '{status}' tidak dikenal; pilih {', '.join(WORKFLOW_STATUSES)}."


def parse_status(text: str) -> WorkflowStatus:
    """`text` as one of the four states; UserError naming the choices otherwise."""
    for status in WORKFLOW_STATUSES:
        if text == status:
            return status
    raise UserError(unknown_status_message(text))


def status_problem(status: str, note: str | None) -> str | None:
    """The Indonesian reason `status` with `note` cannot be saved, or None when it can."""
    if status not in WORKFLOW_STATUSES:
        return unknown_status_message(status)
    if needs_note(status) and not (note or "").strip():
        return NOTE_REQUIRED_MESSAGE
    return None


def validate_status(status: str, note: str | None) -> None:
    """Raise UserError when `status` with `note` cannot be saved (store/decisions calls this)."""
    problem = status_problem(status, note)
    if problem is not None:
        raise UserError(problem)
