"""Workbook rows whose decision someone changed after the export, in the operator's words.

One line per row (sheet and row, teacher, finding, the workbook's value and note, the newer one,
who changed it and when in local time) for the CLI's refusal, the `--sebagian` summary and the
app's question (ui/status_flow.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from operator_app.core.errors import UserError

if TYPE_CHECKING:
    from operator_app.core.model import Finding
    from operator_app.reports.status_import import StatusUpdate
    from operator_app.store.workbook_statuses import StatusConflict


class StatusConflictError(UserError):
    """The whole workbook was refused: some rows would overwrite a newer decision.

    Nothing changed except the refused attempts in the history. `lines` lists the rows;
    `others` is how many rows would change if those were skipped (`--sebagian`)."""

    def __init__(self, message: str, *, file: str, lines: Sequence[str], others: int) -> None:
        super().__init__(message, file=file)
        self.lines = tuple(lines)
        self.others = others


def _value(status: str, note: str | None) -> str:
    return f"'{status}'" + (f' (catatan "{note}")' if note else "")


def _local(at: datetime | None) -> str:
    return at.astimezone().strftime("%d-%m-%Y %H:%M") if at else "waktu yang tidak tercatat"


def conflict_line(c: StatusConflict, u: StatusUpdate, f: Finding | None) -> str:
    who = (f.nama or f.school_name or "") if f else ""
    what = c.key[1] + (f" ({c.key[2]})" if c.key[2] else "")
    by = (c.changed_by or "pemeriksaan otomatis") + (
        " dari workbook lain" if c.from_other_workbook else ""
    )
    return (
        f"lembar '{u.sheet}' baris {u.row}: {who or c.key[0]}, {what}. Di workbook "
        f"{_value(c.attempted_status, c.attempted_note)}; sekarang "
        f"{_value(c.current_status, c.current_note)}, diubah oleh {by} pada "
        f"{_local(c.changed_at)}."
    )


def listed(lines: Sequence[str], limit: int | None = None) -> str:
    """The lines as a list; past `limit` the rest is counted (a message box must fit on a
    screen; the summary after reading the others lists every one)."""
    shown = list(lines if limit is None else lines[:limit])
    text = "".join(f"\n- {line}" for line in shown)
    if len(lines) > len(shown):
        text += f"\n- ... dan {len(lines) - len(shown)} baris lain"
    return text


def exported_text(made: str) -> str:
    """The hidden sheet's `dibuat` (ISO) as ' (pada 06-12-2026 16:50)'; '' if unreadable."""
    try:
        return f" (pada {datetime.fromisoformat(made).strftime('%d-%m-%Y %H:%M')})"
    except ValueError:
        return ""


def refusal(file_name: str, made: str, lines: Sequence[str], others: int) -> StatusConflictError:
    message = (
        f"Status dari {file_name} tidak dibaca: {len(lines)} baris sudah diubah di aplikasi "
        f"(atau dari workbook lain) setelah workbook ini diekspor{exported_text(made)}, dan "
        "isiannya di workbook berbeda dari nilai terbaru. Tidak ada yang diubah, supaya "
        f"keputusan yang lebih baru tidak tertimpa:{listed(lines)}\n"
        "Ekspor workbook baru (berisi nilai terbaru) lalu isi lagi baris di atas bila masih "
        "perlu"
    )
    message += (
        f", atau baca {others} baris lainnya saja dengan `operator-app import-status "
        f"--sebagian {file_name}` (baris di atas dilewati)."
        if others
        else ". Tidak ada baris lain yang mengubah status."
    )
    return StatusConflictError(message, file=file_name, lines=lines, others=others)


UNVERSIONED_NOTE = (
    "Catatan: workbook ini dibuat oleh versi aplikasi sebelum keputusan diberi versi, jadi "
    "perubahan status yang dibuat di aplikasi setelah ekspor tidak bisa dikenali dan bisa "
    "tertimpa isian workbook ini. Untuk pengisian berikutnya, ekspor workbook baru."
)
