"""One package per school in one go: `operator-app export --per-school OUTDIR` and the window's
"Ekspor paket per sekolah…" (issue 16 item 3).

The district is read once (schools, findings with their SIASN NIPs, Kepala Sekolah, data dates,
e-Kinerja log rows, the Rekap's summaries) and split per school in memory; looping the
single-school export instead ran ~10 queries per school. Each file is written atomically. A
school that fails (a file open in Excel, a folder that cannot be made) is recorded with the
Indonesian reason and the next school is written; cancel is checked between schools and the
report then says what was written. Folder rules: `exporting_package`; names: `exporting_names`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from operator_app.core.errors import UserError
from operator_app.core.model import Finding, School
from operator_app.core.progress import CancelCheck, Progress, never_cancel, no_progress
from operator_app.core.views import SchoolSummary, SourceInfo
from operator_app.exporting import options_line, with_siasn_nips
from operator_app.exporting_package import (
    MANIFEST_NAME,
    PACKAGE_FORMAT,
    REKAP_NAME,
    SchoolPlan,
    check_outdir,
    plan_folders,
    prepare_outdir,
)
from operator_app.store.workspace import Workspace

if TYPE_CHECKING:
    from operator_app.reports.pdf_process import PdfWriter

KIND_LABELS = {"xlsx": "workbook", "pdf": "daftar periksa", "letter": "surat BKD"}


@dataclass
class SchoolOutcome:
    name: str
    kecamatan: str
    folder: str  # relative to OUTDIR
    findings: int
    planned: list[str]  # relative paths
    files: list[str] = field(default_factory=list)  # relative paths written
    errors: list[str] = field(default_factory=list)  # Indonesian reasons

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class PerSchoolReport:
    outdir: Path
    planned: int  # schools in the district
    schools: list[SchoolOutcome] = field(default_factory=list)  # attempted, in order
    rekap: str | None = None  # relative path written
    rekap_error: str | None = None
    manifest_error: str | None = None
    cancelled: bool = False
    paper: str = "a4"
    mask_nik: bool = False

    @property
    def failed(self) -> list[SchoolOutcome]:
        return [s for s in self.schools if not s.ok]

    @property
    def ok(self) -> bool:
        return not (self.failed or self.rekap_error or self.manifest_error or self.cancelled)

    @property
    def files_written(self) -> int:
        return sum(len(s.files) for s in self.schools) + (1 if self.rekap else 0)

    def lines(self, max_failures: int | None = None) -> list[str]:
        """The summary the CLI prints and the window shows (Indonesian); the window lists the
        first `max_failures` failed schools (all of them are in isi-paket.json)."""
        done = sum(1 for s in self.schools if s.ok)
        letters = sum(1 for s in self.schools for f in s.files if "/surat-bkd-" in f)
        head = (
            f"Dibatalkan: {len(self.schools)} dari {self.planned} sekolah sempat diproses."
            if self.cancelled
            else f"Paket per sekolah: {done} dari {self.planned} sekolah lengkap."
        )
        out = [
            head,
            f"Folder: {self.outdir}",
            f"{self.files_written} file ditulis (surat BKD untuk {letters} sekolah yang punya "
            "data untuk diperbaiki BKD).",
        ]
        if self.rekap:
            out.append(f"Rekap Dinas: {self.rekap} (di folder itu)")
        if self.rekap_error:
            out.append(f"Rekap Dinas GAGAL: {self.rekap_error}")
        if self.manifest_error:
            out.append(f"Daftar isi {MANIFEST_NAME} GAGAL ditulis: {self.manifest_error}")
        if self.failed:
            out.append(f"{len(self.failed)} sekolah GAGAL (sekolah lain tetap ditulis):")
            shown = self.failed[:max_failures] if max_failures is not None else self.failed
            out += [f"- {s.name}: {' '.join(s.errors)}" for s in shown]
            if len(shown) < len(self.failed):
                out.append(
                    f"... dan {len(self.failed) - len(shown)} sekolah lain ({MANIFEST_NAME})."
                )
        out.append(options_line(self.paper, self.mask_nik))
        return out


@dataclass
class District:
    """Everything the packages need, read once."""

    schools: list[School]
    findings: dict[int, list[Finding]]
    sync: dict[int, list[Any]]
    dates: dict[int, list[tuple[str, str]]]
    headmasters: dict[int, tuple[str, str]]
    summaries: list[SchoolSummary]
    db_id: str
    # finding key -> decision version, read with the findings: each school's workbook records
    # them, so reading its Status back never overwrites a decision made after the export
    versions: dict[tuple[str, str, str], int]


def load_district(ws: Workspace) -> District:
    schools = ws.schools()
    every, versions = ws.findings_with_versions()  # one snapshot: findings and their versions
    findings: dict[int, list[Finding]] = {}
    for f in with_siasn_nips(ws, every):
        if f.school_id is not None:
            findings.setdefault(f.school_id, []).append(f)
    sync: dict[int, list[Any]] = {}
    for row in ws.sync_failures():
        if row.school_id is not None:
            sync.setdefault(row.school_id, []).append(row)
    sources = ws.overview(None).sources
    dates = {s.id: _dates_of(s, sources) for s in schools}
    return District(
        schools, findings, sync, dates, ws.headmasters(), ws.school_summaries(), ws.db_id, versions
    )


def _dates_of(school: School, sources: tuple[SourceInfo, ...]) -> list[tuple[str, str]]:
    """The data dates a single-school export shows: that school's Dapodik files and SIASN."""
    out = []
    for src in sources:
        if src.kind != "siasn" and src.school_name != school.name:
            continue
        when = src.tanggal_unduh or src.imported_at
        label = "SIASN" if src.kind == "siasn" else f"Dapodik {src.school_name or ''}".strip()
        out.append((f"{label} ({src.file_name})", when.strftime("%d-%m-%Y %H:%M")))
    return out


def export_per_school(
    ws: Workspace,
    outdir: Path,
    paper: str = "a4",
    mask_nik: bool = False,
    progress: Progress = no_progress,
    cancel: CancelCheck = never_cancel,
    *,
    replace: bool = False,
    operator_name: str = "",
) -> PerSchoolReport:
    """Write the package (see the module docstring). Raises UserError only for what stops the
    whole run (empty database, OUTDIR not usable); per-school failures are in the report."""
    outdir = Path(outdir)
    if not ws.has_data():
        raise UserError("Database masih kosong: impor file Dapodik dan SIASN dulu, lalu ekspor.")
    check_outdir(outdir, replace)  # before the long work; nothing is touched yet
    ws.ensure_checked(progress, cancel)
    progress(0, 0, "Membaca data semua sekolah")
    district = load_district(ws)
    prepare_outdir(outdir, replace)
    plans = plan_folders(district.schools)
    report = PerSchoolReport(outdir, len(plans), paper=paper, mask_nik=mask_nik)
    _write_manifest(report, plans, final=False)
    report.rekap, report.rekap_error = _write_rekap(district, outdir, paper)
    from operator_app.reports.pdf_process import pdf_writing

    # a child process on the window's worker thread (see reports/pdf_process.py)
    with pdf_writing() as pdf:
        writer = _SchoolWriter(district, outdir, paper, mask_nik, operator_name, pdf)
        for i, plan in enumerate(plans):
            if cancel():
                report.cancelled = True
                break
            progress(i, len(plans), f"Sekolah {i + 1} dari {len(plans)}: {plan.school.name}")
            report.schools.append(writer.write(plan))
    progress(len(report.schools), len(plans), "Menulis daftar isi paket")
    try:
        _write_manifest(report, plans, final=True)
    except UserError as exc:
        report.manifest_error = exc.message
    return report


def _write_rekap(district: District, outdir: Path, paper: str) -> tuple[str | None, str | None]:
    from operator_app.reports.rekap import write_rekap

    kab = next((s.kabupaten for s in district.schools if s.kabupaten), "") or ""
    try:
        write_rekap(district.summaries, outdir / REKAP_NAME, kabupaten=kab, paper=paper)
    except UserError as exc:
        return None, exc.message
    except OSError as exc:
        return None, os_reason(exc, REKAP_NAME)
    return REKAP_NAME, None


class _SchoolWriter:
    """Writes one school's files; the print options and the Qt set-up are made once."""

    def __init__(
        self,
        district: District,
        outdir: Path,
        paper: str,
        mask_nik: bool,
        operator_name: str,
        pdf: PdfWriter,
    ) -> None:
        from operator_app.reports.printing import PrintOptions

        self.pdf = pdf
        self.d = district
        self.outdir = outdir
        self.paper = paper
        self.mask_nik = mask_nik
        place = next((s.kabupaten for s in district.schools if s.kabupaten), "") or ""
        self.options = PrintOptions(
            paper=paper,
            mask_nik=mask_nik,
            date=date.today(),
            operator_name=operator_name,
            place=place,
            headmasters=district.headmasters,
        )
        self.generated = datetime.now()

    def write(self, plan: SchoolPlan) -> SchoolOutcome:
        from operator_app.reports.letter import bkd_findings

        s = plan.school
        findings = self.d.findings.get(s.id, [])
        kinds = ["xlsx", "pdf"] + (["letter"] if bkd_findings(findings) else [])
        outcome = SchoolOutcome(
            s.name, s.kecamatan or "", plan.folder, len(findings), [plan.relative(k) for k in kinds]
        )
        folder = self.outdir.joinpath(*plan.folder.split("/"))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            outcome.errors.append(os_reason(exc, f"folder {plan.folder}"))
            return outcome
        for kind in kinds:
            path = plan.path(self.outdir, kind)
            try:
                self._write(kind, path, s, findings)
            except UserError as exc:
                outcome.errors.append(f"{KIND_LABELS[kind]}: {exc.message}")
            except OSError as exc:
                outcome.errors.append(os_reason(exc, f"{KIND_LABELS[kind]} {plan.relative(kind)}"))
            else:
                outcome.files.append(plan.relative(kind))
        return outcome

    def _write(self, kind: str, path: Path, s: School, findings: list[Finding]) -> None:
        if kind == "xlsx":
            from operator_app.reports.workbook import ExportMeta, exported_decisions, write_workbook

            meta = ExportMeta(
                db_id=self.d.db_id,
                generated_at=self.generated,
                data_dates=self.d.dates.get(s.id, []),
                title=s.name,
                paper=self.paper,
                mask_nik=self.mask_nik,
                decisions=exported_decisions(findings, self.d.versions),
            )
            write_workbook(path, findings, [s], meta, self.d.sync.get(s.id, []))
        else:
            from operator_app.reports.pdf_process import PdfJob

            name = "checklist" if kind == "pdf" else "letter"
            self.pdf.write(PdfJob(name, path, findings, [s], self.options))


def os_reason(exc: OSError, what: str) -> str:
    """An OSError as a sentence the operator can act on; `what` names the target
    ("folder Kec/Sekolah", "rekap-dinas.xlsx"), relative to the package folder."""
    if isinstance(exc, FileExistsError | NotADirectoryError):
        return f"{what} tidak bisa dibuat: sudah ada file dengan nama itu; pindahkan atau hapus."
    if isinstance(exc, PermissionError):
        return f"{what} tidak bisa ditulis: tidak ada izin; periksa izin folder paket."
    return f"{what} tidak bisa ditulis: {exc.strerror or exc}."


def _write_manifest(report: PerSchoolReport, plans: list[SchoolPlan], *, final: bool) -> None:
    """`isi-paket.json`: what the package holds (and, before the schools are written, what it
    will hold, so that `--timpa` can clear a run that was cut off)."""
    from operator_app.reports.output import atomic_output

    done: dict[str, SchoolOutcome] = {o.folder: o for o in report.schools}
    schools = []
    for plan in plans:
        o = done.get(plan.folder)
        planned = [plan.relative(k) for k in plan.files]
        schools.append(
            {
                "nama": plan.school.name,
                "kecamatan": plan.school.kecamatan or "",
                "folder": plan.folder,
                "file": o.files if o else [],
                "rencana": planned,
                "gagal": " ".join(o.errors) if o and o.errors else None,
                "ditulis": o is not None,
            }
        )
    data: dict[str, Any] = {
        "format": PACKAGE_FORMAT,
        "dibuat": datetime.now().astimezone().isoformat(timespec="seconds"),
        "selesai": final and not report.cancelled,
        "dibatalkan": report.cancelled,
        "kertas": report.paper,
        "nik_disamarkan": report.mask_nik,
        "rekap": report.rekap or (REKAP_NAME if not final else None),
        "sekolah": schools,
    }
    with atomic_output(report.outdir / MANIFEST_NAME) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
