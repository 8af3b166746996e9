"""Application service behind `operator-app export` and the GUI's export actions."""

from __future__ import annotations

from dataclasses import dataclass, replace
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


@dataclass(frozen=True, slots=True)
class RekapResult:
    path: Path
    n_schools: int
    n_kecamatan: int


def export_rekap(ws: Workspace, out: Path, paper: str = "a4") -> RekapResult:
    """The Dinas's Rekap (one row per school, one sheet per kecamatan, totals): the same for
    `export --rekap` and Berkas → Ekspor Rekap Dinas…"""
    from operator_app.reports.output import check_writable
    from operator_app.reports.rekap import write_rekap

    if out.suffix.lower() != ".xlsx":
        raise UserError(
            f"Rekap Dinas ditulis sebagai workbook Excel: beri nama berakhiran .xlsx ({out.name})."
        )
    if not ws.has_data():
        raise UserError("Database masih kosong: impor file Dapodik dan SIASN dulu, lalu ekspor.")
    check_writable(out)
    ws.ensure_checked()
    summaries = ws.school_summaries()
    kabupaten = next((s.kabupaten for s in ws.schools() if s.kabupaten), "") or ""
    n = write_rekap(summaries, out, kabupaten=kabupaten, paper=paper)
    return RekapResult(out, n, len({s.kecamatan for s in summaries}))


def _scope(
    ws: Workspace, school: str | None
) -> tuple[list[School], list[Finding], dict[tuple[str, str, str], int]]:
    """The schools and findings of an export, each finding's decision version read together
    with it (the workbook records them so import-status never overwrites a newer decision)."""
    schools = [ws.school_by_name(school)] if school else ws.schools()
    findings, versions = ws.findings_with_versions(schools[0].id if school else None)
    return schools, findings, versions


def data_dates(ws: Workspace, school_id: int | None) -> list[tuple[str, str]]:
    ov = ws.overview(school_id)
    out = []
    for src in ov.sources:
        when = src.tanggal_unduh or src.imported_at
        label = "SIASN" if src.kind == "siasn" else f"Dapodik {src.school_name or ''}".strip()
        label = "Log Sinkronisasi PMM" if src.kind == "ekinerja_log" else label  # h15
        out.append((f"{label} ({src.file_name})", when.strftime("%d-%m-%Y %H:%M")))
    return out


_KINDS = {"xlsx": ("workbook perbaikan", ".xlsx"), "pdf": ("daftar periksa", ".pdf"),
          "letter": ("surat ke BKD", ".pdf")}  # fmt: skip


def output_path(path: Path, kind: str) -> tuple[Path, str]:
    """The target with the right extension: a name without one gets it (and a note saying so);
    a wrong one (`--xlsx hasil.pdf`) is refused, so no file is written under a misleading name."""
    what, ext = _KINDS[kind]
    path = Path(path)
    if path.suffix.lower() == ext:
        return path, ""
    if not path.suffix:
        fixed = path.with_name(path.name + ext)
        return fixed, f"(nama {path.name} diberi akhiran {ext}: {fixed.name})"
    raise UserError(
        f"{path.name} bukan nama file {what}: akhirannya harus {ext}, bukan {path.suffix}. "
        f"Ganti namanya, misalnya {path.with_suffix(ext).name}."
    )


def with_siasn_nips(ws: Workspace, findings: list[Finding]) -> list[Finding]:
    """Findings stored before they carried the SIASN NIP get it from the current SIASN rows."""
    missing = {f.siasn_id for f in findings if f.siasn_id is not None and not f.siasn_nip}
    if not missing:
        return findings
    nips = ws.siasn_nips(sorted(missing))
    return [
        replace(f, siasn_nip=nips.get(f.siasn_id))
        if f.siasn_id is not None and not f.siasn_nip
        else f
        for f in findings
    ]


def export(
    ws: Workspace,
    req: ExportRequest,
    progress: Progress = no_progress,
    cancel: CancelCheck = never_cancel,
) -> list[str]:
    """Write the requested outputs (each atomically); returns one Indonesian line per file."""
    targets: dict[str, tuple[Path, str]] = {}
    for kind, target in (("xlsx", req.xlsx), ("pdf", req.pdf), ("letter", req.letter)):
        if target is not None:
            targets[kind] = output_path(Path(target), kind)
    if not ws.has_data():
        raise UserError("Database masih kosong: impor file Dapodik dan SIASN dulu, lalu ekspor.")
    from operator_app.reports.output import check_writable

    for path, _ in targets.values():
        check_writable(path)
    ws.ensure_checked(progress, cancel)
    schools, findings, versions = _scope(ws, req.school)
    findings = with_siasn_nips(ws, findings)
    lines: list[str] = []
    if "xlsx" in targets:
        from operator_app.reports.workbook import ExportMeta, exported_decisions, write_workbook

        path, note = targets["xlsx"]
        meta = ExportMeta(
            db_id=ws.db_id,
            generated_at=datetime.now(),
            data_dates=data_dates(ws, schools[0].id if req.school else None),
            title=schools[0].name if req.school else "Semua sekolah",
            paper=req.paper,
            mask_nik=req.mask_nik,
            decisions=exported_decisions(findings, versions),
        )
        sync = ws.sync_failures(schools[0].id if req.school else None)  # h15
        write_workbook(path, findings, schools, meta, sync)
        lines.append(_line(f"Workbook perbaikan: {path} ({len(findings)} temuan)", note))
    if "pdf" in targets or "letter" in targets:
        from operator_app.reports.printing import PrintOptions

        opts = PrintOptions(
            paper=req.paper,
            mask_nik=req.mask_nik,
            date=date.today(),
            operator_name=req.operator_name,
            place=req.place or _place(schools),
            headmasters=ws.headmasters(),
        )
        from operator_app.reports.pdf_process import PdfJob, pdf_writing

        # a child process on the window's worker thread (see reports/pdf_process.py)
        with pdf_writing() as pdf:
            if "pdf" in targets:
                path, note = targets["pdf"]
                pages = pdf.write(PdfJob("checklist", path, findings, schools, opts))
                lines.append(_line(f"Daftar periksa (PDF): {path} ({pages} halaman)", note))
            if "letter" in targets:
                path, note = targets["letter"]
                pages = pdf.write(PdfJob("letter", path, findings, schools, opts))
                lines.append(_line(f"Surat ke BKD (PDF): {path} ({pages} halaman)", note))
    lines.append(options_line(req.paper, req.mask_nik))
    return lines


def options_line(paper: str, mask_nik: bool) -> str:
    """What the paper and NIK options changed, for the CLI's output and the export dialog."""
    size = "F4 (folio 215 x 330 mm)" if paper == "f4" else "A4 (210 x 297 mm)"
    nik = (
        "NIK disamarkan (hanya 4 digit terakhir)"
        if mask_nik
        else "NIK ditulis lengkap (pilih samarkan NIK bila file dibagikan)"
    )
    return f"Kertas {size} dan {nik} di workbook, daftar periksa dan surat."


def _line(text: str, note: str) -> str:
    return f"{text} {note}" if note else text


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
    # every edited Status cell that was not applied: "lembar 'X' baris N ('selesai'): why"
    not_applied: tuple[str, ...] = ()
    # rows skipped (partial=True) because their decision changed since the export
    conflicts: tuple[str, ...] = ()
    kept_newer: int = 0  # rows left as exported whose decision changed since: newer value kept
    unversioned: bool = False  # a workbook exported before decision versions
    # rows showing their exported value again although this workbook already changed them:
    # the value read before is kept (a copy of the file with the row unfilled looks the same)
    kept_own: int = 0

    def summary(self, file_name: str) -> str:
        text = f"{self.changed} status diperbarui dari {file_name} ({self.unchanged} tidak berubah"
        if self.skipped:
            text += f"; {self.skipped} baris dilewati karena temuannya sudah tidak ada"
        if self.kept_newer:
            text += (
                f"; {self.kept_newer} baris tidak diubah di workbook tetapi sudah diubah di "
                "aplikasi sejak ekspor, nilai terbarunya dipertahankan"
            )
        if self.kept_own:
            text += (
                f"; {self.kept_own} baris berisi lagi nilai saat ekspor padahal statusnya sudah "
                "pernah dibaca dari workbook ini dengan nilai lain, nilai yang sudah dibaca "
                "dipertahankan (ubah di aplikasi bila memang perlu dikembalikan)"
            )
        text += ")."
        if self.conflicts:
            text += (
                f"\n{len(self.conflicts)} baris dilewati karena sudah diubah di aplikasi (atau "
                "dari workbook lain) setelah workbook ini diekspor (nilai terbaru dipertahankan; "
                "ekspor workbook baru bila isiannya masih perlu):"
            )
            text += "".join(f"\n- {line}" for line in self.conflicts)
        if self.not_applied:
            text += f"\n{len(self.not_applied)} isian Status tidak dipakai:"
            text += "".join(f"\n- {line}" for line in self.not_applied)
        if self.unversioned:
            from operator_app.reports.status_conflicts import UNVERSIONED_NOTE

            text += f"\n{UNVERSIONED_NOTE}"
        return text


def import_status(
    ws: Workspace, path: Path, *, partial: bool = False, skip_conflicts: bool | None = None
) -> StatusImportResult:
    """Bring the Status/Catatan columns edited in Excel back, all in one transaction.

    A workbook with rows whose finding no longer exists is refused (StaleRowsError) unless
    `partial`, in which case those rows are skipped and reported. Each row carries the decision
    version it was exported with: a row whose decision someone changed since, to a value other
    than the workbook's, refuses the whole workbook (StatusConflictError, every such row listed)
    unless `partial`, which skips and lists them. Changes this same workbook made (it was read
    before, then edited further) do not count: its id is recorded with every status it brings
    back. A row left as exported is not a decision and never overwrites a newer one, not even
    one this workbook made (a copy of the file with that row unfilled looks the same). Every
    other edited Status cell that cannot be applied (a reminder row, a row added by hand) is
    reported by row. `skip_conflicts` (default: `partial`) lets the app ask about rows whose
    finding is gone and rows changed since the export as two questions (the CLI's --sebagian
    answers both).
    """
    skip_conflicts = partial if skip_conflicts is None else skip_conflicts
    from operator_app.reports.status_conflicts import conflict_line, refusal
    from operator_app.reports.status_import import StatusUpdate, read_status_rows, stale_rows_error

    current = {f.key: f for f in ws.findings()}
    read = read_status_rows(Path(path), ws.db_id, set(current))
    not_applied = [u.text() for u in read.unused]
    updates = [u for u in read.updates if u.key in current]
    gone = [u for u in read.updates if u.key not in current]
    if gone and not partial:
        raise stale_rows_error(Path(path), len(gone), len(read.updates))
    if partial:
        not_applied += [
            f"lembar '{u.sheet}' baris {u.row} ('{u.status}'): temuannya sudah tidak ada "
            "(data sudah diimpor ulang)."
            for u in gone
        ]
    changes: list[tuple[tuple[str, str, str], str, str | None, int | None]] = []
    by_key: dict[tuple[str, str, str], StatusUpdate] = {}
    kept_newer = kept_own = 0
    mine = ws.decided_from_workbook(read.workbook_id) if read.workbook_id else set()
    for u in updates:
        f = current[u.key]
        differs = f.status != u.status or (f.note or None) != (u.note or None)
        if read.versioned and u.as_exported:
            if differs:  # not the operator's decision: the newer one stays
                kept_own += u.key in mine
                kept_newer += u.key not in mine
        elif differs:
            changes.append((u.key, u.status, u.note, u.version if read.versioned else None))
            by_key[u.key] = u
    checked = ws.set_statuses_from_workbook(
        changes, skip_stale=skip_conflicts, workbook_id=read.workbook_id
    )
    lines = [conflict_line(c, by_key[c.key], current.get(c.key)) for c in checked.conflicts]
    if checked.refused_all:
        others = len(changes) - len(checked.conflicts) - checked.already
        raise refusal(Path(path).name, read.exported_at, lines, others)
    return StatusImportResult(
        checked.applied,
        len(updates) - checked.applied - len(checked.conflicts),
        len(gone),
        tuple(not_applied),
        tuple(lines),
        kept_newer,
        not read.versioned,
        kept_own,
    )
