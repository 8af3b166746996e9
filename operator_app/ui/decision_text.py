"""Decisions in words (issue 14): a stored time as local time, a decision's value as text.

Shared by the refusal message (ui/stale.py) and the history table (ui/history.py).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from operator_app.ui.labels import workflow_label


def local_time(at: datetime | None) -> str:
    """A stored UTC instant as the PC's local time, the way the operator reads a clock."""
    if at is None:
        return QCoreApplication.translate("Decisions", "waktu yang tidak tercatat")
    return at.astimezone().strftime("%d-%m-%Y %H:%M")


def value_text(kind: str, value: str | None, note: str | None = None, **context: object) -> str:
    """One decision's value in words: a status with its note, a match decision, a B/C
    condition, or the school an unor alias points to (`school_names` in context)."""
    if kind == "status":
        label = workflow_label(value or "")
        return label + (f' — "{note}"' if note else "")
    if kind == "match":
        return {
            "confirm": QCoreApplication.translate("Decisions", "padanan dikonfirmasi"),
            "reject": QCoreApplication.translate("Decisions", "padanan ditolak"),
        }.get(value or "", QCoreApplication.translate("Decisions", "belum diputuskan"))
    if kind == "unor_condition":
        return {
            "B": QCoreApplication.translate("Decisions", "Kondisi B (SIASN lama)"),
            "C": QCoreApplication.translate("Decisions", "Kondisi C (Dapodik lama)"),
        }.get(value or "", QCoreApplication.translate("Decisions", "tanpa kondisi"))
    if value is None:
        return QCoreApplication.translate("Decisions", "bukan alias (dihapus)")
    names = context.get("school_names")
    name = names.get(int(value)) if isinstance(names, dict) and value.isdigit() else None
    return QCoreApplication.translate("Decisions", "menunjuk {0}").format(
        name or QCoreApplication.translate("Decisions", "sekolah nomor {0}").format(value)
    )
