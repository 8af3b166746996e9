"""Head-of-school rules: no Kepala Sekolah in Dapodik, or one who is not an ASN at this unor."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from operator_app.core.catalogue import MSG_ATASAN, MSG_PLT_EKINERJA, MSG_PLT_JUMLAH, MSG_PLT_PMM
from operator_app.core.model import Finding, Ptk
from operator_app.core.rules.context import Context, Family, Need
from operator_app.core.status import is_kepala_sekolah as _is_kepala_sekolah
from operator_app.core.status import is_plt

# Pure, and a district has a few dozen distinct (Jenis PTK, Tugas Tambahan) pairs: remembered.
is_kepala_sekolah = lru_cache(maxsize=4096)(_is_kepala_sekolah)

_ROLE = Need("dapodik", ("jenis_ptk", "tugas_tambahan"))
NEEDS: dict[str, tuple[Need, ...]] = {
    "KEPSEK_TIDAK_ADA": (_ROLE,),
    "KEPSEK_BUKAN_ASN": (_ROLE, Need("siasn", ("nip_baru",))),
}
_PLT_MESSAGES = "; ".join((MSG_ATASAN, MSG_PLT_PMM, MSG_PLT_EKINERJA, MSG_PLT_JUMLAH))


def check(ctx: Context) -> Iterator[Finding]:
    heads: dict[int, bool] = {}
    for p in ctx.inp.ptk:
        head = is_kepala_sekolah(p.jenis_ptk, p.tugas_tambahan)
        heads[p.school_id] = heads.get(p.school_id, False) or head
        if head:
            yield from _not_asn(ctx, p)
    for school_id, has_head in heads.items():
        if has_head:
            continue
        school = ctx.schools[school_id]
        yield ctx.school_finding(
            "KEPSEK_TIDAK_ADA", school, field="Kepala Sekolah",
            detail=(f"Tidak ada PTK {school.name} yang Jenis PTK atau Tugas Tambahan-nya "
                    "Kepala Sekolah."),
        )  # fmt: skip


def _not_asn(ctx: Context, p: Ptk) -> Iterator[Finding]:
    hit = ctx.matched(p)
    m = ctx.matches.get(p.id)
    plt = is_plt(p.tugas_tambahan)
    role = "Plt. Kepala Sekolah" if plt else "Kepala Sekolah"
    extra = {"ekinerja_message": _PLT_MESSAGES} if plt else {}
    if hit is None:
        if m is not None and m.candidates:
            return  # several candidates: PADANAN_RAGU first
        detail = f"{role} {p.nama} tidak ditemukan sebagai ASN di file SIASN."
        advice = (f"Pastikan {role} {p.nama} adalah ASN dengan NIP yang benar di Dapodik. Bila "
                  "kepala sekolahnya bukan ASN, guru ASN tidak punya atasan di e-Kinerja: minta "
                  "Admin Dapodik Dinas Pendidikan dan Admin Instansi (BKD) menetapkan atasan yang "
                  "ASN (misalnya Plt. Kepala Sekolah).")  # fmt: skip
        yield ctx.ptk_finding(
            "KEPSEK_BUKAN_ASN", p, None, field="Kepala Sekolah", dapodik_value=role,
            detail=detail, params={"advice": advice}, **extra,
        )  # fmt: skip
        return
    unor = hit[1].unor_nama
    if not unor or ctx.compare(p.school_name, unor).verdict != "beda":
        return
    if ctx.aliased(unor, p.school_id):
        return
    advice = (f"Minta Admin Instansi (BKD) memperbarui unor dan data atasan di e-Kinerja dan SIASN "
              f"agar {role} {p.nama} tercatat di {p.school_name}"
              + (" dan terdaftar sebagai Plt. Kepala Sekolah di e-Kinerja" if plt else "")
              + "; lampirkan SK Kepala Sekolah.")  # fmt: skip
    yield ctx.ptk_finding(
        "KEPSEK_BUKAN_ASN", p, hit, field="Kepala Sekolah", dapodik_value=p.school_name, siasn_value=unor,
        detail=f"{role} {p.nama} tercatat di unor lain di SIASN: '{unor}'.",
        params={"advice": advice}, **extra,
    )  # fmt: skip


FAMILY = Family("kepala sekolah", NEEDS, check)
