"""Run matching and every rule family over one CheckInput; say which checks were skipped and why."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from operator_app.core.matching import match_all
from operator_app.core.model import SEVERITY_ORDER, CheckInput, CheckResult, Finding, SkippedCheck
from operator_app.core.progress import (
    CancelCheck,
    Progress,
    check_cancel,
    never_cancel,
    no_progress,
)
from operator_app.core.rules import FAMILIES, Context, Need

# Dapodik columns by the header the operator sees; SIASN columns are shown as BKN writes them.
_DAPODIK_HEADERS = {
    "nip": "NIP", "nik": "NIK", "tanggal_lahir": "Tanggal Lahir", "jk": "JK",
    "status_kepegawaian": "Status Kepegawaian", "jenis_ptk": "Jenis PTK",
    "tugas_tambahan": "Tugas Tambahan",
}  # fmt: skip


def _header(need: Need) -> str:
    if need.source == "dapodik":
        return " / ".join(
            _DAPODIK_HEADERS.get(c, c.replace("_", " ").title()) for c in need.columns
        )
    return " / ".join(c.upper() for c in need.columns)


def _why_skipped(inp: CheckInput, needs: tuple[Need, ...]) -> str | None:
    """Why a code cannot be checked on this input, or None. An empty column set means unknown."""
    if not inp.siasn and any(n.source == "siasn" for n in needs):
        return "file SIASN belum diimpor"
    for need in needs:
        have = inp.siasn_columns if need.source == "siasn" else inp.dapodik_columns
        if have and not any(c in have for c in need.columns):
            where = "file SIASN" if need.source == "siasn" else "file Dapodik"
            return f"kolom {_header(need)} tidak ada di {where}"
    return None


def skipped_checks(inp: CheckInput) -> list[SkippedCheck]:
    out = []
    for family in FAMILIES:
        for code, needs in family.needs.items():
            reason = _why_skipped(inp, needs)
            if reason is not None:
                out.append(SkippedCheck(code, reason))
    return out


def sort_key(f: Finding) -> tuple[str, int, str, str, str, int]:
    """By school, severity, name, code (then file row, so the order is stable)."""
    return (
        f.school_name or "",
        SEVERITY_ORDER.get(f.severity, 9),
        (f.nama or "").casefold(),
        f.code,
        f.dapodik_file or f.siasn_file or "",
        f.dapodik_row or f.siasn_row or 0,
    )


@contextmanager
def no_gc_pauses() -> Iterator[None]:
    """The cyclic GC off while checking: a district's input is ~80,000 records, each gen-2
    pass walks all of them, and the run makes no reference cycles worth collecting (a quarter
    of the check time at 500 schools). Restored afterwards, also on Cancelled. Loading the
    input (store.loading) builds those 80,000 records under it as well."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def run_checks(
    inp: CheckInput, progress: Progress = no_progress, cancel: CancelCheck = never_cancel
) -> CheckResult:
    """Every finding of the input, sorted; Cancelled is raised between steps on request."""
    with no_gc_pauses():
        return _run_checks(inp, progress, cancel)


def _run_checks(inp: CheckInput, progress: Progress, cancel: CancelCheck) -> CheckResult:
    total = len(FAMILIES) + 1
    progress(0, total, "Memadankan data Dapodik dengan SIASN")
    ctx = Context.build(inp)
    ctx.matches = match_all(inp.ptk, inp.siasn, inp.decisions, ctx.at_school)
    skipped = skipped_checks(inp)
    off = {s.code for s in skipped}
    findings: list[Finding] = []
    for done, family in enumerate(FAMILIES, start=1):
        check_cancel(cancel)
        progress(done, total, f"Memeriksa {family.name}")
        findings.extend(f for f in family.check(ctx) if f.code not in off)
    findings.sort(key=sort_key)
    progress(total, total, "Pemeriksaan selesai")
    return CheckResult(findings=findings, matches=ctx.matches, skipped=skipped)
