"""Application service behind `operator-app export` and the GUI's export actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from operator_app.core.errors import UserError
from operator_app.core.model import Finding, School
from operator_app.core.progress import CancelCheck, Progress, never_cancel, no_progress
from operator_app.store.workspace import Workspace


@dataclass(frozen=True)
class ExportRequest:
    school: str | None = None  # school name; None = all schools
    xlsx: Path | None = None
    pdf: Path | None = None
    letter: Path | None = None
    paper: str = "a4"
    mask_nik: bool = False
    operator_name: str = ""
    place: str = ""


def _scope(ws: Workspace, school: str | None) -> tuple[list[School], list[Finding]]:
    if school:
        s = ws.school_by_name(school)
        return [s], ws.findings(s.id)
    return ws.schools(), ws.findings()


def data_dates(ws: Workspace, school_id: int | None) -> list[tuple[str, str]]:
    ov = ws.overview(school_id)
    out = []
    for src in ov.sources:
        when = src.tanggal_unduh or src.imported_at
        label = "SIASN" if src.kind == "siasn" else f"Dapodik {src.school_name or ''}".strip()
        label = "Log Sinkronisasi PMM" if src.kind == "ekinerja_log" else label  # h15
        out.append((f"{label} ({src.file_name})", when.strftime("%d-%m-%Y %H:%M")))
    return out


def export(
    ws: Workspace,
    req: ExportRequest,
    progress: Progress = no_progress,
    cancel: CancelCheck = never_cancel,
) -> list[str]:
    """Write the requested outputs (each atomically); returns one Indonesian line per file."""
    if not ws.has_data():
        raise UserError("Database masih kosong: impor file Dapodik dan SIASN dulu, lalu ekspor.")
    for target in (req.xlsx, req.pdf, req.letter):
        if target is not None:
            from operator_app.reports.output import check_writable

            check_writable(Path(target))
    ws.ensure_checked(progress, cancel)
    schools, findings = _scope(ws, req.school)
    lines: list[str] = []
    if req.xlsx is not None:
        from operator_app.reports.workbook import ExportMeta, write_workbook

        meta = ExportMeta(
            db_id=ws.db_id,
            generated_at=datetime.now(),
            data_dates=data_dates(ws, schools[0].id if req.school else None),
            title=schools[0].name if req.school else "Semua sekolah",
        )
        sync = ws.sync_failures(schools[0].id if req.school else None)  # h15
        write_workbook(Path(req.xlsx), findings, schools, meta, sync)
        lines.append(f"Workbook perbaikan: {req.xlsx} ({len(findings)} temuan)")
    if req.pdf is not None or req.letter is not None:
        from operator_app.reports.printing import PrintOptions

        opts = PrintOptions(
            paper=req.paper,
            mask_nik=req.mask_nik,
            date=date.today(),
            operator_name=req.operator_name,
            place=req.place or _place(schools),
            headmasters=ws.headmasters(),
        )
        if req.pdf is not None:
            from operator_app.reports.checklist import write_checklist_pdf

            pages = write_checklist_pdf(Path(req.pdf), findings, schools, opts)
            lines.append(f"Daftar periksa (PDF): {req.pdf} ({pages} halaman)")
        if req.letter is not None:
            from operator_app.reports.letter import write_letter_pdf

            pages = write_letter_pdf(Path(req.letter), findings, schools, opts)
            lines.append(f"Surat ke BKD (PDF): {req.letter} ({pages} halaman)")
    return lines


def _place(schools: list[School]) -> str:
    for s in schools:
        if s.kabupaten:
            return s.kabupaten
    return ""


@dataclass(frozen=True, slots=True)
class StatusImportResult:
    changed: int
    unchanged: int
    skipped: int  # rows whose finding is gone (only with partial=True)

    def summary(self, file_name: str) -> str:
        text = f"{self.changed} status diperbarui dari {file_name} ({self.unchanged} tidak berubah"
        if self.skipped:
            text += f"; {self.skipped} baris dilewati karena temuannya sudah tidak ada"
        return text + ")."


def import_status(ws: Workspace, path: Path, *, partial: bool = False) -> StatusImportResult:
    """Bring the Status/Catatan columns edited in Excel back, all in one transaction.

    A workbook with rows whose finding no longer exists is refused (StaleRowsError) unless
    `partial`, in which case those rows are skipped and counted.
    """
    from operator_app.reports.status_import import read_all_status_rows, read_status_workbook

    current = {f.key: f for f in ws.findings()}
    if partial:
        every = read_all_status_rows(Path(path), ws.db_id)
        updates = [u for u in every if u.key in current]
        skipped = len(every) - len(updates)
    else:
        updates = read_status_workbook(Path(path), ws.db_id, set(current))
        skipped = 0
    changes = []
    for u in updates:
        f = current[u.key]
        if f.status != u.status or (f.note or None) != (u.note or None):
            changes.append((u.key, u.status, u.note))
    ws.set_statuses(changes, by="workbook")
    return StatusImportResult(len(changes), len(updates) - len(changes), skipped)
