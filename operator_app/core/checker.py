"""Run matching and every rule family over one CheckInput; report checks skipped for missing columns."""

from __future__ import annotations

from operator_app.core.matching import match_all
from operator_app.core.model import (
    SEVERITY_ORDER,
    CheckInput,
    CheckResult,
    Finding,
    Ptk,
    Siasn,
    SkippedCheck,
)
from operator_app.core.progress import (
    CancelCheck,
    Progress,
    check_cancel,
    never_cancel,
    no_progress,
)
from operator_app.core.rules import FAMILIES
from operator_app.core.rules.context import RuleContext

_SIASN_ONLY_NEEDED = frozenset(
    {"NIP_KOSONG", "NIP_BEDA", "NIP_LAMA", "NIK_BEDA", "NAMA_BEDA", "TGL_LAHIR_BEDA", "JK_BEDA",
     "STATUS_BUKAN_ASN", "STATUS_CPNS_SUDAH_PNS", "STATUS_JENIS_BEDA", "ASN_TIDAK_DITEMUKAN",
     "KEDUDUKAN_TIDAK_AKTIF", "UNOR_NOMENKLATUR", "UNOR_BEDA", "TIDAK_ADA_DI_DAPODIK",
     "KEPSEK_BUKAN_ASN", "PADANAN_RAGU"}
)  # fmt: skip


def skipped_checks(inp: CheckInput) -> list[SkippedCheck]:
    out: list[SkippedCheck] = []
    for family in FAMILIES:
        for code in family.CODES:
            if not inp.siasn and code in _SIASN_ONLY_NEEDED:
                out.append(SkippedCheck(code, "belum ada file SIASN yang diimpor"))
                continue
            for source, alternatives in family.REQUIRES.get(code, ()):
                have = inp.siasn_columns if source == "siasn" else inp.dapodik_columns
                if source == "siasn" and not inp.siasn:
                    continue
                if not any(a in have for a in alternatives):
                    where = "file SIASN" if source == "siasn" else "file Dapodik"
                    cols = " / ".join(a.upper() for a in alternatives)
                    out.append(SkippedCheck(code, f"kolom {cols} tidak ada di {where}"))
                    break
    return out


def _at_school(ctx: RuleContext) -> object:
    def at(p: Ptk, s: Siasn) -> bool:
        return bool(s.unor_nama) and ctx.unor_verdict(p, s.unor_nama) in (
            "sama",
            "nomenklatur",
            "alias",
        )

    return at


def _sort_key(f: Finding) -> tuple[str, int, str, str]:
    return (f.school_name or "", SEVERITY_ORDER.get(f.severity, 9), f.nama or "", f.code)


def run_checks(
    inp: CheckInput, progress: Progress = no_progress, cancel: CancelCheck = never_cancel
) -> CheckResult:
    total = len(FAMILIES) + 1
    progress(0, total, "Memadankan data Dapodik dan SIASN")
    ctx = RuleContext(inp, {}, {s.id: s for s in inp.siasn}, {s.id: s for s in inp.schools})
    ctx.matches = match_all(inp.ptk, inp.siasn, inp.decisions, _at_school(ctx))
    skipped = skipped_checks(inp)
    skip_codes = {s.code for s in skipped}
    findings: list[Finding] = []
    for i, family in enumerate(FAMILIES, start=1):
        check_cancel(cancel)
        progress(i, total, f"Memeriksa {family.__name__.rsplit('.', 1)[-1]}")
        findings.extend(f for f in family.check(ctx) if f.code not in skip_codes)
    findings.sort(key=_sort_key)
    progress(total, total, "Selesai")
    return CheckResult(findings=findings, matches=ctx.matches, skipped=skipped)
