"""What the correction workbook is told about one export, and what it reports back."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from operator_app.core.model import Finding


@dataclass(frozen=True)
class ExportMeta:
    db_id: str
    generated_at: datetime
    # (label, date text), e.g. ("SIASN (x.csv)", "15-01-2026 10:11")
    data_dates: Sequence[tuple[str, str]]
    title: str  # school name or "Semua sekolah"
    paper: str = "a4"  # "a4" | "f4" (Excel's Folio 8.5 x 13 in)
    mask_nik: bool = False  # NIKs show only their last four digits, also in the hidden sheet
    # finding key -> (decision version, status, note) as read with the findings: the hidden
    # sheet records them so reading the Status back never overwrites a newer decision.
    # None: an unversioned workbook (as before issue 14)
    decisions: Mapping[tuple[str, str, str], tuple[int, str, str | None]] | None = None
    # this export's identity (random, in the hidden sheet of a versioned workbook): statuses
    # read back from it are recorded with it, so the same workbook edited further and read
    # again is not refused by its own earlier imports (store/workbook_statuses.py)
    workbook_id: str = field(default_factory=lambda: secrets.token_hex(8))


def exported_decisions(
    findings: Sequence[Finding], versions: Mapping[tuple[str, str, str], int]
) -> dict[tuple[str, str, str], tuple[int, str, str | None]]:
    """ExportMeta.decisions from findings and their versions read in the same snapshot."""
    return {f.key: (versions[f.key], f.status, f.note) for f in findings if f.key in versions}


@dataclass(frozen=True)
class WorkbookSummary:
    path: Path
    findings: int
    rows: dict[str, int]  # work sheet -> rows carrying a status
    reminders: int  # extra rows on Untuk Pegawai whose status lives on another sheet
