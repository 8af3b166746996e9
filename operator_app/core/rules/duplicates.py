"""DUPLIKAT: one NIP or NIK on several Dapodik rows, or on several SIASN rows that concern us."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from operator_app.core.identifiers import is_nip_lama
from operator_app.core.model import Finding, Ptk, Siasn
from operator_app.core.rules.context import Context, Family, Need
from operator_app.core.rules.nip import clean18

NEEDS: dict[str, tuple[Need, ...]] = {"DUPLIKAT": ()}
_KIND = {"dapodik_guru": "file guru", "dapodik_tendik": "file tendik"}


def _place(p: Ptk) -> str:
    return f"{p.school_name}, {_KIND.get(p.kind, p.kind)} baris {p.row}"


def check(ctx: Context) -> Iterator[Finding]:
    yield from _dapodik(ctx)
    yield from _siasn(ctx)


def _groups_of_rows(ptk: tuple[Ptk, ...]) -> dict[int, list[tuple[str, str, list[Ptk]]]]:
    groups: dict[tuple[str, str], list[Ptk]] = defaultdict(list)
    for p in ptk:
        if p.nip and (clean18(p) or is_nip_lama(p.nip)):
            groups[("NIP", p.nip)].append(p)
        if p.nik and not p.nik_numeric:
            groups[("NIK", p.nik)].append(p)
    per_row: dict[int, list[tuple[str, str, list[Ptk]]]] = defaultdict(list)
    for (what, value), rows in groups.items():
        if len({(p.source_file, p.row) for p in rows}) > 1:
            for p in rows:
                per_row[p.id].append((what, value, rows))
    return per_row


def _dapodik(ctx: Context) -> Iterator[Finding]:
    moved = ctx.moved()  # a person on several schools is one PTK_DI_DUA_SEKOLAH case instead
    ptk = tuple(p for p in ctx.inp.ptk if p.id not in moved) if moved else ctx.inp.ptk
    per_row = _groups_of_rows(ptk)
    for p in ptk:
        hits = per_row.get(p.id)
        if not hits:
            continue
        what, value, rows = hits[0]  # NIP first: one finding per row
        others = "; ".join(_place(o) for o in rows if o is not p)
        also = " dan ".join(f"{w} {v}" for w, v, _ in hits)
        advice = (f"Pastikan {p.nama} hanya tercatat satu kali di Dapodik: periksa {others} dan "
                  "keluarkan/hapus baris yang ganda di Dapodik menu PTK (misalnya guru yang juga "
                  "terdaftar sebagai tenaga kependidikan), atau perbaiki identitas yang tertukar.")  # fmt: skip
        yield ctx.ptk_finding(
            "DUPLIKAT", p, ctx.matched(p), field=what, dapodik_value=value,
            detail=f"{also} juga tercatat pada {others}.", params={"advice": advice},
        )  # fmt: skip


def _twice(values: list[str | None]) -> set[str]:
    """Values that occur more than once (sets: cheap on a 50,000-row export)."""
    seen: set[str] = set()
    twice: set[str] = set()
    for v in values:
        if v:
            if v in seen:
                twice.add(v)
            else:
                seen.add(v)
    return twice


def _siasn(ctx: Context) -> Iterator[Finding]:
    all_rows = ctx.inp.siasn
    nips = _twice([s.nip_baru if not s.nip_numeric else None for s in all_rows])
    niks = _twice([s.nik if not s.nik_numeric else None for s in all_rows])
    if not nips and not niks:
        return
    groups: dict[tuple[str, str], list[Siasn]] = defaultdict(list)
    for s in all_rows:
        if s.nip_baru in nips and not s.nip_numeric:
            groups[("NIP", s.nip_baru or "")].append(s)
        if s.nik in niks and not s.nik_numeric:
            groups[("NIK", s.nik or "")].append(s)
    ptk = {p.id: p for p in ctx.inp.ptk}
    matched = {sid: ctx.schools[school] for sid, school in ctx.inp.matched_elsewhere.items()}
    matched.update(
        (m.siasn_id, ctx.schools[ptk[m.ptk_id].school_id])
        for m in ctx.matches.values()
        if m.siasn_id is not None and m.ptk_id in ptk
    )
    done: set[int] = set()
    for (what, value), rows in groups.items():
        homes = [ctx.home_school(s.unor_nama) for s in rows]
        if not any(homes) and not any(s.id in matched for s in rows):
            continue  # two rows of other agencies' units: not this operator's business
        school = next((h for h in homes if h is not None), None)
        for s, found in zip(rows, homes, strict=True):
            home = found or matched.get(s.id) or school
            if s.id in done:
                continue
            done.add(s.id)
            others = ", ".join(str(o.row) for o in rows if o is not s)
            advice = (f"Minta Admin Instansi (BKD) memeriksa {what} {value} yang tercatat pada "
                      f"beberapa baris SIASN (baris {s.row} dan {others}) dan menonaktifkan data "
                      "yang ganda.")  # fmt: skip
            yield ctx.siasn_finding(
                "DUPLIKAT", s, home, field=what, siasn_value=value,
                actor="admin_instansi", where="SIASN (Admin Instansi)",
                detail=f"{what} {value} tercatat pada lebih dari satu baris SIASN (juga baris {others}).",
                params={"advice": advice},
            )  # fmt: skip


FAMILY = Family("data ganda", NEEDS, check)
