"""DUPLIKAT: the same NIP or NIK on two Dapodik rows, or on two SIASN rows that concern the schools."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from operator_app.core.model import Finding, Ptk, School, Siasn
from operator_app.core.rules.context import RuleContext
from operator_app.core.rules.unor import school_of_unor

CODES = ("DUPLIKAT",)
REQUIRES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
_KIND = {"dapodik_guru": "daftar guru", "dapodik_tendik": "daftar tendik"}


def check(ctx: RuleContext) -> Iterator[Finding]:
    yield from _dapodik(ctx)
    yield from _siasn(ctx)


def _dapodik(ctx: RuleContext) -> Iterator[Finding]:
    groups: dict[tuple[str, str], list[Ptk]] = defaultdict(list)
    for p in ctx.inp.ptk:
        if p.nip and p.nip.isdigit() and len(p.nip) in (9, 18) and not p.nip_numeric:
            groups[("NIP", p.nip)].append(p)
        if p.nik and p.nik.isdigit() and len(p.nik) == 16 and not p.nik_numeric:
            groups[("NIK", p.nik)].append(p)
    for (what, value), rows in groups.items():
        if len(rows) < 2:
            continue
        for p in rows:
            others = "; ".join(
                f"{o.school_name}, {_KIND.get(o.kind, o.kind)} baris {o.row}"
                for o in rows
                if o is not p
            )
            hit = ctx.matched(p)
            yield ctx.ptk_finding(
                "DUPLIKAT", p, *(hit[::-1] if hit else ()), field=f"{what} ({_KIND.get(p.kind, p.kind)} {p.school_name})",
                dapodik_value=value, detail=f"{what} {value} juga tercatat pada: {others}.",
                action="Pastikan satu orang hanya tercatat satu kali di Dapodik: hapus/keluarkan baris ganda "
                "(misalnya guru yang juga terdaftar sebagai tendik) atau perbaiki identitas yang tertukar.",
            )  # fmt: skip


def _siasn(ctx: RuleContext) -> Iterator[Finding]:
    matched = {m.siasn_id for m in ctx.matches.values() if m.siasn_id is not None}
    for m in ctx.matches.values():
        matched.update(m.candidates)
    groups: dict[tuple[str, str], list[Siasn]] = defaultdict(list)
    for s in ctx.inp.siasn:
        if s.nip_baru:
            groups[("NIP", s.nip_baru)].append(s)
        if s.nik and len(s.nik) == 16:
            groups[("NIK", s.nik)].append(s)
    cache: dict[str, School | None] = {}
    for (what, value), rows in groups.items():
        if len(rows) < 2:
            continue
        schools = [school_of_unor(ctx, s.unor_nama, cache) if s.unor_nama else None for s in rows]
        if not any(schools) and not any(s.id in matched for s in rows):
            continue
        school = next((x for x in schools if x is not None), None)
        for s in rows:
            others = ", ".join(str(o.row) for o in rows if o is not s)
            yield ctx.siasn_finding(
                "DUPLIKAT", s, school, person_key=f"siasn:{s.pns_id or s.nip_baru or s.row}",
                field=f"{what} SIASN", siasn_value=value, actor="admin_instansi", where="SIASN",
                detail=f"{what} {value} tercatat pada lebih dari satu baris SIASN (juga baris {others}).",
                action="Minta Admin Instansi (BKD) memeriksa data ganda di SIASN.",
            )  # fmt: skip
