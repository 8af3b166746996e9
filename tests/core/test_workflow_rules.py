"""The workflow rules every writer of a finding status obeys (store, workbook read-back, window)."""

from __future__ import annotations

import pytest

from operator_app.core.errors import UserError
from operator_app.core.workflow import (
    NOTE_REQUIRED_MESSAGE,
    needs_note,
    parse_status,
    status_problem,
    validate_status,
)


def test_only_diabaikan_needs_a_note() -> None:
    assert [s for s in ("baru", "diajukan", "selesai", "diabaikan") if needs_note(s)] == [
        "diabaikan"
    ]


@pytest.mark.parametrize("note", [None, "", "   \n"])
def test_diabaikan_without_a_reason_is_refused(note: str | None) -> None:
    assert status_problem("diabaikan", note) == NOTE_REQUIRED_MESSAGE
    with pytest.raises(UserError, match="perlu catatan alasannya"):
        validate_status("diabaikan", note)


def test_statuses_with_or_without_notes() -> None:
    assert status_problem("diabaikan", "sudah dikonfirmasi BKD") is None
    assert status_problem("selesai", None) is None
    assert status_problem("diajukan", "tiket 0451") is None


def test_unknown_status_names_the_choices() -> None:
    problem = status_problem("beres", None)
    assert problem == "Status 'beres' tidak dikenal; pilih baru, diajukan, selesai, diabaikan."
    with pytest.raises(UserError):
        validate_status("beres", "x")


def test_parse_status() -> None:
    assert parse_status("diajukan") == "diajukan"
    with pytest.raises(UserError, match="pilih baru, diajukan"):
        parse_status("Diajukan ")
