"""NIP rules: empty, different, old 9-digit, damaged, and disagreeing with birth date or sex."""

from __future__ import annotations

from collections.abc import Iterator

from operator_app.core.identifiers import nip_problem, parse_nip
from operator_app.core.model import Finding
from operator_app.core.rules.context import RuleContext, show_date

CODES = (
    "NIP_KOSONG",
    "NIP_BEDA",
    "NIP_LAMA",
    "NIP_RUSAK",
    "NIP_TIDAK_SESUAI_TGL_LAHIR",
    "NIP_TIDAK_SESUAI_JK",
)
REQUIRES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "NIP_LAMA": (("siasn", ("nip_lama",)),),
    "NIP_TIDAK_SESUAI_TGL_LAHIR": (("dapodik", ("tanggal_lahir",)),),
    "NIP_TIDAK_SESUAI_JK": (("dapodik", ("jk",)),),
}


def _clean18(nip: str | None, numeric: bool) -> bool:
    return bool(nip) and len(nip or "") == 18 and nip_problem(nip, numeric) is None


def check(ctx: RuleContext) -> Iterator[Finding]:
    for p in ctx.inp.ptk:
        hit = ctx.matched(p)
        m, s = hit if hit else (None, None)
        if p.nip and not (len(p.nip) == 9 and p.nip.isdigit() and not p.nip_numeric):
            problem = nip_problem(p.nip, p.nip_numeric)
            if problem is not None:
                sug = s.nip_baru if s else None
                yield ctx.ptk_finding(
                    "NIP_RUSAK", p, s, m, field="NIP", dapodik_value=p.nip_raw or p.nip,
                    siasn_value=sug, suggested_value=sug, detail=problem,
                    action=(f"Perbaiki NIP di Verval PTK menjadi {sug} (NIP dari SIASN); " if sug else
                            "Minta NIP yang benar dari guru (lihat SK CPNS/PNS atau MyASN), lalu perbaiki di Verval PTK; ")
                    + "saat mengunduh ulang, pastikan sel NIP berformat Teks agar digitnya tidak hilang.",
                )  # fmt: skip
        if _clean18(p.nip, p.nip_numeric):
            info = parse_nip(p.nip or "")
            if not info.problems:
                if info.birth_date and p.tanggal_lahir and info.birth_date != p.tanggal_lahir:
                    agree = ""
                    if s is not None and s.tanggal_lahir is not None:
                        agree = (" SIASN sama dengan NIP: Tanggal Lahir di Dapodik yang perlu dikoreksi."
                                 if s.tanggal_lahir == info.birth_date else
                                 " SIASN sama dengan Dapodik: periksa kembali NIP." if s.tanggal_lahir == p.tanggal_lahir else "")  # fmt: skip
                    yield ctx.ptk_finding(
                        "NIP_TIDAK_SESUAI_TGL_LAHIR", p, s, m, field="Tanggal Lahir (NIP)",
                        dapodik_value=show_date(p.tanggal_lahir), siasn_value=show_date(info.birth_date),
                        suggested_value=show_date(info.birth_date) if agree.startswith(" SIASN sama dengan NIP") else None,
                        detail=f"NIP menyebut lahir {show_date(info.birth_date)}, Dapodik {show_date(p.tanggal_lahir)}.{agree}",
                        action="Cocokkan tanggal lahir dengan KK/Akte; bila Dapodik salah, ajukan perbaikan identitas di Verval PTK dengan KK dan Akte Kelahiran.",
                    )  # fmt: skip
                if info.sex and p.jk and info.sex != p.jk:
                    yield ctx.ptk_finding(
                        "NIP_TIDAK_SESUAI_JK", p, s, m, field="JK (NIP)", dapodik_value=p.jk,
                        siasn_value=info.sex, detail=f"Digit ke-15 NIP menunjukkan {info.sex}, JK di Dapodik {p.jk}.",
                        action="Periksa jenis kelamin di KTP; bila Dapodik salah, perbaiki lewat Verval PTK.",
                    )  # fmt: skip
        if s is None or m is None:
            continue
        if not p.nip:
            yield ctx.ptk_finding(
                "NIP_KOSONG", p, s, m, field="NIP", dapodik_value="", siasn_value=s.nip_baru,
                suggested_value=s.nip_baru, detail=f"NIP di Dapodik kosong; SIASN mencatat {s.nip_baru}.",
                action=f"Isi NIP {s.nip_baru} di Verval PTK (guru menyerahkan NIP dari SIASN/MyASN beserta SK CPNS/PNS/PPPK).",
            )  # fmt: skip
        elif m.by == "nip_lama":
            yield ctx.ptk_finding(
                "NIP_LAMA", p, s, m, field="NIP", dapodik_value=p.nip, siasn_value=s.nip_baru,
                suggested_value=s.nip_baru, detail=f"Dapodik memakai NIP lama {p.nip}; NIP baru di SIASN {s.nip_baru}.",
                action=f"Ganti NIP di Verval PTK dari {p.nip} menjadi {s.nip_baru}; lampirkan SK CPNS/PNS.",
            )  # fmt: skip
        elif (
            m.by in ("nik", "nama_tgl_lahir", "manual")
            and _clean18(p.nip, p.nip_numeric)
            and p.nip not in (s.nip_baru, s.nip_lama)
            and s.nip_baru
        ):
            yield ctx.ptk_finding(
                    "NIP_BEDA", p, s, m, field="NIP", dapodik_value=p.nip, siasn_value=s.nip_baru,
                    suggested_value=s.nip_baru, detail=f"NIP Dapodik {p.nip} berbeda dengan NIP SIASN {s.nip_baru}.",
                    action=f"Ajukan perbaikan NIP di Verval PTK dari {p.nip} menjadi {s.nip_baru}; lampirkan SK CPNS/PNS/PPPK.",
                )  # fmt: skip
