"""Head of school rules: none in Dapodik, or not an ASN at this unit in SIASN."""

from __future__ import annotations

from collections.abc import Iterator

from operator_app.core.catalogue import make_finding
from operator_app.core.model import Finding
from operator_app.core.rules.context import RuleContext
from operator_app.core.status import is_kepala_sekolah

CODES = ("KEPSEK_TIDAK_ADA", "KEPSEK_BUKAN_ASN")
REQUIRES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    c: (("dapodik", ("jenis_ptk", "tugas_tambahan")),) for c in CODES
}


def check(ctx: RuleContext) -> Iterator[Finding]:
    has_head: set[int] = set()
    present: dict[int, str] = {}
    for p in ctx.inp.ptk:
        present[p.school_id] = p.school_name
        if not is_kepala_sekolah(p.jenis_ptk, p.tugas_tambahan):
            continue
        has_head.add(p.school_id)
        hit = ctx.matched(p)
        if hit is None:
            yield ctx.ptk_finding(
                "KEPSEK_BUKAN_ASN", p, field="Kepala Sekolah", dapodik_value=p.nama,
                detail="Kepala Sekolah di Dapodik tidak ditemukan sebagai ASN di SIASN.",
                action="Atasan guru di e-Kinerja harus ASN di unor sekolah ini. Admin Instansi memperbarui atasan unor di "
                "e-Kinerja/SIASN; Admin Dapodik Dinas memeriksa tugas tambahan Kepala Sekolah/Plt.",
            )  # fmt: skip
            continue
        m, s = hit
        if s.unor_nama and ctx.unor_verdict(p, s.unor_nama) == "beda":
            yield ctx.ptk_finding(
                "KEPSEK_BUKAN_ASN", p, s, m, field="Kepala Sekolah", dapodik_value=p.school_name,
                siasn_value=s.unor_nama, detail=f"Kepala Sekolah tercatat di SIASN pada unor lain: '{s.unor_nama}'.",
                action="Admin Instansi menyesuaikan atasan/unor Kepala Sekolah (termasuk Plt) di e-Kinerja dan SIASN.",
            )  # fmt: skip
    for school_id, name in present.items():
        if school_id not in has_head:
            yield make_finding(
                "KEPSEK_TIDAK_ADA", school_id=school_id, school_name=name, field="Kepala Sekolah",
                detail="Tidak ada PTK dengan Jenis PTK atau Tugas Tambahan 'Kepala Sekolah' di Dapodik sekolah ini.",
                action="Admin Dapodik Dinas mengisi tugas tambahan Kepala Sekolah/Plt sesuai SK; tanpa atasan, guru tidak "
                "bisa sinkron SKP.",
            )  # fmt: skip
