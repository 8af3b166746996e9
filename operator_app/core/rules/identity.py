"""Identity rules: invalid NIK, and NIK / name / birth date / sex differing from SIASN."""

from __future__ import annotations

from collections.abc import Iterator

from operator_app.core.identifiers import nik_problem
from operator_app.core.model import Finding
from operator_app.core.rules.context import RuleContext, show_date

CODES = ("NIK_TIDAK_VALID", "NIK_BEDA", "NAMA_BEDA", "TGL_LAHIR_BEDA", "JK_BEDA")
REQUIRES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "NIK_TIDAK_VALID": (("dapodik", ("nik",)),),
    "NIK_BEDA": (("siasn", ("nik",)), ("dapodik", ("nik",))),
    "TGL_LAHIR_BEDA": (("siasn", ("tanggal_lahir",)), ("dapodik", ("tanggal_lahir",))),
    "JK_BEDA": (("siasn", ("jenis_kelamin",)), ("dapodik", ("jk",))),
}


def _nik16(v: str | None) -> bool:
    return bool(v) and len(v or "") == 16 and (v or "").isdigit()


def check(ctx: RuleContext) -> Iterator[Finding]:
    for p in ctx.inp.ptk:
        hit = ctx.matched(p)
        m, s = hit if hit else (None, None)
        if p.nik:
            problem = nik_problem(p.nik, p.tanggal_lahir, p.jk, p.nik_numeric)
            if problem is not None:
                yield ctx.ptk_finding(
                    "NIK_TIDAK_VALID", p, s, m, field="NIK", dapodik_value=p.nik,
                    siasn_value=s.nik if s else None, detail=problem,
                    action="Guru memeriksa NIK di KTP/KK (dan ke Disdukcapil bila data kependudukan salah); "
                    "operator lalu menyesuaikan NIK/tanggal lahir lewat Verval PTK.",
                )  # fmt: skip
        if s is None or m is None:
            continue
        if m.by != "nik" and _nik16(p.nik) and _nik16(s.nik) and p.nik != s.nik:
            yield ctx.ptk_finding(
                "NIK_BEDA", p, s, m, field="NIK", dapodik_value=p.nik, siasn_value=s.nik,
                detail=f"NIK Dapodik {p.nik} berbeda dengan NIK SIASN {s.nik}.",
                action="Guru mencocokkan NIK dengan KTP dan KK: bila Dapodik salah, operator memperbaiki lewat Verval PTK; "
                "bila SIASN salah, minta Admin Instansi (BKD) memperbaiki di SIASN.",
            )  # fmt: skip
        if p.nama_key and s.nama_key and p.nama_key != s.nama_key:
            yield ctx.ptk_finding(
                "NAMA_BEDA", p, s, m, field="Nama", dapodik_value=p.nama, siasn_value=s.nama,
                detail=f"Nama Dapodik '{p.nama}' berbeda dengan nama SIASN '{s.nama}' (gelar dan huruf besar/kecil sudah diabaikan).",
                action="Samakan nama sesuai KTP/Akte: perbaikan di Verval PTK (operator) atau di SIASN (Admin Instansi).",
            )  # fmt: skip
        if p.tanggal_lahir and s.tanggal_lahir and p.tanggal_lahir != s.tanggal_lahir:
            yield ctx.ptk_finding(
                "TGL_LAHIR_BEDA", p, s, m, field="Tanggal Lahir", dapodik_value=show_date(p.tanggal_lahir),
                siasn_value=show_date(s.tanggal_lahir),
                detail=f"Tanggal lahir Dapodik {show_date(p.tanggal_lahir)}, SIASN {show_date(s.tanggal_lahir)}.",
                action="Cocokkan dengan KK dan Akte Kelahiran; bila Dapodik salah ajukan perbaikan identitas di Verval PTK, "
                "bila SIASN salah minta Admin Instansi memperbaiki.",
            )  # fmt: skip
        if p.jk and s.jk and p.jk != s.jk:
            yield ctx.ptk_finding(
                "JK_BEDA", p, s, m, field="JK", dapodik_value=p.jk, siasn_value=s.jk,
                detail=f"JK Dapodik {p.jk}, SIASN {s.jk}.",
                action="Periksa KTP; perbaiki jenis kelamin lewat Verval PTK (atau minta BKD bila SIASN yang salah).",
            )  # fmt: skip
