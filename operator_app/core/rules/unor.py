"""Unor rules: the school written differently (A), another unit (B/C), in SIASN but not in Dapodik."""

from __future__ import annotations

from collections.abc import Iterator

from operator_app.core.model import Finding, School
from operator_app.core.rules.context import RuleContext
from operator_app.core.status import kedudukan_state

CODES = ("UNOR_NOMENKLATUR", "UNOR_BEDA", "TIDAK_ADA_DI_DAPODIK")
REQUIRES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    c: (("siasn", ("unor_nama",)),) for c in CODES
}


def check(ctx: RuleContext) -> Iterator[Finding]:
    matched_ids: set[int] = set()
    for p in ctx.inp.ptk:
        m_any = ctx.matches.get(p.id)
        if m_any is not None:
            matched_ids.update(m_any.candidates)
            if m_any.siasn_id is not None:
                matched_ids.add(m_any.siasn_id)
        hit = ctx.matched(p)
        if hit is None:
            continue
        m, s = hit
        if not s.unor_nama:
            continue
        verdict = ctx.unor_verdict(p, s.unor_nama)
        if verdict in ("nomenklatur", "alias"):
            yield ctx.ptk_finding(
                "UNOR_NOMENKLATUR", p, s, m, field="Unor", dapodik_value=p.school_name,
                siasn_value=s.unor_nama, suggested_value=p.school_name,
                detail=f"SIASN menulis '{s.unor_nama}', Dapodik '{p.school_name}': sekolah yang sama, penulisan berbeda (kondisi A).",
                action="Sinkron PMM tetap bisa dilanjutkan. Bila ingin disamakan, Admin Instansi mengganti nama unor di "
                "e-Kinerja (menu Manajemen Unor).",
            )  # fmt: skip
        elif verdict in ("beda", "ragu"):
            cond = ctx.inp.decisions.unor_conditions.get(p.person_key)
            reason = ctx.compare(p.school_name, s.unor_nama).reason
            if cond == "C":
                extra = {"actor": "operator_sekolah", "where": "Dapodik - Mutasi PTK",
                         "action": f"Kondisi C (Dapodik belum diperbarui): guru sudah pindah ke {s.unor_nama}. "
                         "Operator memproses mutasi/PTK keluar di Dapodik dengan SK mutasi."}  # fmt: skip
            elif cond == "B":
                extra = {"actor": "admin_instansi", "where": "e-Kinerja - Manajemen Pegawai / SIASN",
                         "action": f"Kondisi B (SIASN belum diperbarui): minta Admin Instansi memindahkan unor guru ke "
                         f"{p.school_name} di e-Kinerja (Manajemen Pegawai) dengan SK penempatan."}  # fmt: skip
            else:
                extra = {"action": "Tentukan kondisinya di aplikasi ini: B bila SIASN belum diperbarui (Admin Instansi "
                         "memperbaiki unor di e-Kinerja/SIASN), C bila Dapodik belum diperbarui (operator memproses mutasi "
                         "di Dapodik). Bila ini sebenarnya sekolah yang sama, tambahkan alias nama sekolah."}  # fmt: skip
            yield ctx.ptk_finding(
                "UNOR_BEDA", p, s, m, field="Unor", dapodik_value=p.school_name, siasn_value=s.unor_nama,
                detail=f"Unor di SIASN '{s.unor_nama}' bukan '{p.school_name}' ({reason}).", **extra,
            )  # fmt: skip
    yield from _missing_in_dapodik(ctx, matched_ids)


def school_of_unor(ctx: RuleContext, unor: str, cache: dict[str, School | None]) -> School | None:
    if unor in cache:
        return cache[unor]
    found = None
    for school in ctx.inp.schools:
        v = ctx.compare(school.name, unor).verdict
        if v in ("sama", "nomenklatur") or ctx.aliased(unor, school.id):
            found = school
            break
    cache[unor] = found
    return found


def _missing_in_dapodik(ctx: RuleContext, matched_ids: set[int]) -> Iterator[Finding]:
    cache: dict[str, School | None] = {}
    have_ptk = {p.school_id for p in ctx.inp.ptk}
    for s in ctx.inp.siasn:
        if s.id in matched_ids or not s.unor_nama:
            continue
        school = school_of_unor(ctx, s.unor_nama, cache)
        if school is None or school.id not in have_ptk:
            continue
        if kedudukan_state(s.kedudukan_hukum_id, s.kedudukan_hukum_nama) == "tidak_aktif":
            continue
        yield ctx.siasn_finding(
            "TIDAK_ADA_DI_DAPODIK", s, school, field="PTK", siasn_value=s.unor_nama,
            detail=f"{s.nama} (NIP {s.nip_baru}) tercatat di SIASN pada unor '{s.unor_nama}', tetapi tidak ada di Dapodik sekolah ini.",
            action="Bila guru ini memang bertugas di sekolah ini, tambahkan sebagai PTK terdaftar di Dapodik (kondisi C); "
            "bila sudah pindah, minta Admin Instansi memperbarui unornya di SIASN (kondisi B).",
        )  # fmt: skip
