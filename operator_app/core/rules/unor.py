"""Unor rules: the school written differently (A), another unit (B/C), in SIASN but not Dapodik."""

from __future__ import annotations

from collections.abc import Iterator

from operator_app.core.catalogue import WHERE_DAPODIK, WHERE_SIASN
from operator_app.core.model import Finding, Match, Ptk, Siasn
from operator_app.core.rules.context import Context, Family, Need
from operator_app.core.rules.moved import case_note
from operator_app.core.rules.status import kedudukan_state  # remembered per text

_UNOR = Need("siasn", ("unor_nama",))
NEEDS: dict[str, tuple[Need, ...]] = {
    "UNOR_NOMENKLATUR": (_UNOR,),
    "UNOR_BEDA": (_UNOR,),
    "TIDAK_ADA_DI_DAPODIK": (_UNOR,),
}


def check(ctx: Context) -> Iterator[Finding]:
    for p in ctx.inp.ptk:
        hit = ctx.matched(p)
        if hit is not None and hit[1].unor_nama and hit[1].unor_nama.strip():
            yield from _compare(ctx, p, hit, hit[1].unor_nama)
    yield from _missing_in_dapodik(ctx)


def _compare(ctx: Context, p: Ptk, hit: tuple[Match, Siasn], unor: str) -> Iterator[Finding]:
    verdict = ctx.unor_verdict(p.school_id, p.school_name, unor)
    if verdict == "sama":
        return
    base: dict[str, str | None] = {
        "field": "Unor", "dapodik_value": p.school_name, "siasn_value": unor,
    }  # fmt: skip
    case = ctx.moved().get(p.id)
    for f in _compared(ctx, p, hit, unor, verdict, base):
        if case is not None:  # a person on several schools: this is part of that one case
            f.case_key = case.case_key
            f.action += case_note(case)
        yield f


def _compared(
    ctx: Context,
    p: Ptk,
    hit: tuple[Match, Siasn],
    unor: str,
    verdict: str,
    base: dict[str, str | None],
) -> Iterator[Finding]:
    if verdict in ("nomenklatur", "alias"):
        why = (
            "operator menyatakannya sekolah yang sama"
            if verdict == "alias"
            else ctx.compare(p.school_name, unor).reason
        )
        why = "" if why.startswith("hanya penulisan") else f" ({why})"
        yield ctx.ptk_finding(
            "UNOR_NOMENKLATUR", p, hit, **base,
            detail=(f"Unor SIASN '{unor}' adalah sekolah yang sama dengan '{p.school_name}', "
                    f"hanya penulisannya berbeda{why}."),
        )  # fmt: skip
        return
    reason = ctx.compare(p.school_name, unor).reason
    doubt = (" Bila sebenarnya sekolah yang sama, simpan nama unor ini sebagai alias sekolah."
             if verdict == "ragu" else "")  # fmt: skip
    condition = ctx.inp.decisions.unor_conditions.get(p.person_key)
    if condition == "C":
        who = {"actor": "operator_sekolah", "where": WHERE_DAPODIK}
        advice = (f"Kondisi C (Dapodik belum diperbarui): {p.nama} sudah bertugas di {unor}. "
                  f"Operator {p.school_name} memproses mutasi/PTK keluar di Dapodik dengan SK "
                  "Mutasi, lalu sekolah tujuan menariknya sebagai PTK terdaftar.")  # fmt: skip
    elif condition == "B":
        who = {"actor": "admin_instansi", "where": WHERE_SIASN}
        advice = (f"Kondisi B (SIASN belum diperbarui): minta Admin Instansi (BKD) memindahkan "
                  f"unor {p.nama} dari {unor} ke {p.school_name} di e-Kinerja menu Manajemen "
                  "Pegawai/SIASN; lampirkan SK Mutasi.")  # fmt: skip
    else:
        who = {}
        advice = (f"Tentukan kondisinya di aplikasi ini. Kondisi B: {p.nama} memang bertugas di "
                  f"{p.school_name} dan SIASN belum diperbarui, maka Admin Instansi (BKD) "
                  "memperbarui unor di e-Kinerja menu Manajemen Pegawai. Kondisi C: ia sudah "
                  f"pindah ke {unor} dan Dapodik belum diperbarui, maka operator sekolah "
                  "memproses mutasi di Dapodik." + doubt)  # fmt: skip
    yield ctx.ptk_finding(
        "UNOR_BEDA", p, hit, **base, params={"advice": advice}, **who,
        detail=f"Unor SIASN '{unor}' bukan '{p.school_name}' ({reason}).",
    )  # fmt: skip


def _missing_in_dapodik(ctx: Context) -> Iterator[Finding]:
    touched = ctx.touched()
    for s in ctx.inp.siasn:
        if s.id in touched or not s.unor_nama:
            continue
        school = ctx.home_school(s.unor_nama)
        if school is None:
            continue
        if kedudukan_state(s.kedudukan_hukum_id, s.kedudukan_hukum_nama) == "tidak_aktif":
            continue
        yield ctx.siasn_finding(
            "TIDAK_ADA_DI_DAPODIK", s, school, field="Unor", siasn_value=s.unor_nama,
            detail=(f"SIASN mencatat {s.nama} (NIP {s.nip_baru or '-'}) di unor '{s.unor_nama}', "
                    f"tetapi tidak ada PTK Dapodik {school.name} yang cocok dengannya."),
        )  # fmt: skip


FAMILY = Family("unor", NEEDS, check)
