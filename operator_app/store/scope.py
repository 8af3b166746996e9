"""What an import of some schools can change, and the check input for just that (incremental).

Matching is per PTK against the whole SIASN export, so a school's findings depend on its own
PTK, the SIASN rows those PTK can match (same NIP, NIP lama, NIK, or name + birth date), the
SIASN rows whose unor names the school, and a few cross-school facts. The scope of a re-check
is closed over those facts:

- the schools whose data changed;
- every school sharing a NIP or NIK with a PTK in the scope (DUPLIKAT, PTK_DI_DUA_SEKOLAH),
  including the people the new export no longer lists;
- the home schools of the SIASN rows the changed schools' PTK could match before or after
  the import (their TIDAK_ADA_DI_DAPODIK may come or go), and of the rows sharing a NIP/NIK
  with those (SIASN DUPLIKAT);
- for a school imported for the first time, the schools that were the home of a unor that
  now names the new school.

Outside the scope nothing changes, and what the scope needs from outside (SIASN rows matched
or listed by PTK of other schools) comes from the stored matches of the last run. The test
compares the result with a full re-check.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, select

from operator_app.core.model import CheckInput, Ptk, Siasn
from operator_app.core.rules.context import SAME_SCHOOL, Context
from operator_app.core.schools import parse_school
from operator_app.store.loading import (
    current_ptk_select,
    load_dapodik_columns,
    load_decisions,
    load_schools,
    ptk_from_rows,
    raw_rows,
)
from operator_app.store.models import ImportBatch, MatchRow, PtkRow, SiasnRow, tbl
from operator_app.store.siasn_keys import SiasnKeys

B, P, SI, M = tbl(ImportBatch), tbl(PtkRow), tbl(SiasnRow), tbl(MatchRow)
CHUNK = 500
MAX_ROUNDS = 50


@dataclass(frozen=True, slots=True)
class Scoped:
    inp: CheckInput
    school_ids: frozenset[int]


def _chunks(values: Iterable[Any]) -> Iterable[list[Any]]:
    items = sorted(set(values), key=repr)
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def _current_siasn_batch(conn: Connection) -> tuple[int, str, frozenset[str]] | None:
    row = conn.execute(
        select(B.c.id, B.c.file_name, B.c.fields_json).where(
            B.c.kind == "siasn", B.c.is_current.is_(True)
        )
    ).first()
    if row is None:
        return None
    return int(row[0]), str(row[1]), frozenset(f for f in json.loads(row[2]) if f)


def _imported_school_ids(conn: Connection) -> frozenset[int]:
    rows = conn.execute(
        select(P.c.school_id)
        .distinct()
        .join(B, B.c.id == P.c.batch_id)
        .where(B.c.is_current.is_(True))
    )
    return frozenset(int(r[0]) for r in rows)


def _ids_of(values: list[Any]) -> set[int]:
    return {int(v) for v in values if v is not None}


def _old_rows(conn: Connection, changed: frozenset[int]) -> tuple[set[str], set[str], set[int]]:
    """NIPs, NIKs and SIASN ids touched by the changed schools' PTK of the last run (rows of
    batches that are no longer current: the export the import replaced)."""
    nips: set[str] = set()
    niks: set[str] = set()
    touched: set[int] = set()
    for chunk in _chunks(changed):
        rows = conn.execute(
            select(P.c.nip, P.c.nik, M.c.siasn_id, M.c.candidates_json)
            .join(M, M.c.ptk_id == P.c.id)
            .join(B, B.c.id == P.c.batch_id)
            .where(P.c.school_id.in_(chunk), B.c.is_current.is_(False))
        )
        for nip, nik, sid, cands in rows:
            nips.update([nip] if nip else [])
            niks.update([nik] if nik else [])
            touched.update(_ids_of([sid, *json.loads(cands or "[]")]))
    return nips, niks, touched


def _sharing_schools(conn: Connection, nips: set[str], niks: set[str]) -> set[int]:
    out: set[int] = set()
    current = B.c.is_current.is_(True)
    for column, values in ((P.c.nip, nips), (P.c.nik, niks)):
        for chunk in _chunks(values):
            rows = conn.execute(
                select(P.c.school_id)
                .distinct()
                .join(B, B.c.id == P.c.batch_id)
                .where(current, column.in_(chunk))
            )
            out.update(int(r[0]) for r in rows)
    return out


def _load_ptk(conn: Connection, schools: Iterable[int]) -> list[Ptk]:
    out: list[Ptk] = []
    for chunk in _chunks(schools):
        out += ptk_from_rows(
            conn.execute(current_ptk_select().where(P.c.school_id.in_(chunk))).all()
        )
    return sorted(out, key=lambda p: p.id)


def _candidates(si: SiasnKeys, ptk: list[Ptk], keys: set[str]) -> list[Siasn]:
    """Every SIASN row some PTK of the scope can match (the matcher's own keys)."""
    from operator_app.core.names import name_key

    nips = {p.nip for p in ptk if p.nip}
    niks = {p.nik for p in ptk if p.nik}
    names = {p.nama_key or name_key(p.nama) for p in ptk if p.tanggal_lahir is not None}
    born = {p.tanggal_lahir for p in ptk if p.tanggal_lahir is not None}
    out: list[Siasn] = []
    for column, values in (
        ("nip_baru", nips),
        ("nip_lama", nips),
        ("nik", niks),
        ("nama_key", {n for n in names if n}),
        ("person_key", keys),
    ):
        out += si.where(column, values)
    # A row found only by name is a candidate only with the same birth date (the matcher's key).
    by_key = {s.id for s in out if s.nama_key not in names or s.tanggal_lahir in born}
    by_key |= {
        s.id
        for s in out
        if s.nama_key in names
        and (s.nip_baru in nips or s.nip_lama in nips or s.nik in niks or s.person_key in keys)
    }
    return [s for s in out if s.id in by_key]


def _partners(si: SiasnKeys, rows: dict[int, Siasn]) -> list[Siasn]:
    """SIASN rows sharing a NIP_BARU or NIK with a loaded row (SIASN DUPLIKAT groups)."""
    nips = {s.nip_baru for s in rows.values() if s.nip_baru}
    niks = {s.nik for s in rows.values() if s.nik}
    out: list[Siasn] = []
    for column, values in (("nip_baru", nips), ("nik", niks)):
        out += [s for s in si.where(column, values) if s.id not in rows]
    return out


StoredMatch = tuple[int, int | None, tuple[int, ...]]  # school, SIASN id, candidates listed


def _stored_matches(conn: Connection) -> list[StoredMatch]:
    """The last run's matches of current PTK, by school (read once per scoped re-check)."""
    rows = raw_rows(
        conn,
        select(P.c.school_id, M.c.siasn_id, M.c.candidates_json)
        .join(M, M.c.ptk_id == P.c.id)
        .join(B, B.c.id == P.c.batch_id)
        .where(B.c.is_current.is_(True)),
    )
    parsed: dict[str | None, tuple[int, ...]] = {None: (), "[]": ()}  # most lists are empty
    out: list[StoredMatch] = []
    for school, sid, cands in rows:
        listed = parsed.get(cands)
        if listed is None:
            listed = parsed[cands] = tuple(sorted(_ids_of(json.loads(cands))))
        out.append((int(school), None if sid is None else int(sid), listed))
    return sorted(out, key=lambda r: (r[0], r[1] or 0))


def _elsewhere(
    pairs: list[StoredMatch], inside: frozenset[int]
) -> tuple[frozenset[int], dict[int, int]]:
    """SIASN ids matched or listed by current PTK of schools outside the scope (last run)."""
    touched: set[int] = set()
    matched: dict[int, int] = {}
    for school, sid, listed in pairs:
        if school in inside:
            continue
        if sid is not None:
            touched.add(sid)
            matched.setdefault(sid, school)
        if listed:
            touched.update(listed)
    return frozenset(touched), matched


def _homed_unors(ctx: Context, unors: list[str], scope: frozenset[int]) -> list[str]:
    """The unor names whose home school is in the scope (only unors that can be compared with
    a scope school are compared at all)."""
    out = []
    aliases = ctx.inp.decisions.unor_aliases
    for unor in unors:
        parsed = parse_school(unor)
        inside = [s for s in ctx._pool(parsed.level, parsed.number) if s.id in scope]
        if not inside:
            continue
        # The home is the first school of the pool naming the unor: when no scope school names
        # it (and no alias decides), the home is outside the scope, and the other schools of
        # the pool need not be compared (a district has ~100 schools per level and number).
        if aliases.get(ctx.unor_key(unor)) is None and not any(
            ctx.unor_verdict(s.id, s.name, unor) in SAME_SCHOOL for s in inside
        ):
            continue
        home = ctx.home_school(unor)
        if home is not None and home.id in scope:
            out.append(unor)
    return out


def scoped_input(
    conn: Connection, changed: frozenset[int], new_schools: frozenset[int]
) -> Scoped | None:
    """The input of a re-check of what an import of `changed` schools can change; None when a
    full check is the right answer (no SIASN yet, nothing to scope)."""
    batch = _current_siasn_batch(conn)
    if batch is None or not changed:
        return None
    batch_id, file_name, siasn_cols = batch
    # The imported ids before the schools: on a server another operator's import may commit
    # between two statements, and a school's row lands with its first batch, so every id read
    # here is in the list read after it.
    imported = _imported_school_ids(conn)
    schools = load_schools(conn)
    decisions = load_decisions(conn)
    base = CheckInput(
        schools=tuple(schools),
        ptk=(),
        siasn=(),
        siasn_columns=siasn_cols,
        dapodik_columns=load_dapodik_columns(conn),
        decisions=decisions,
        imported_school_ids=imported,
    )
    old_nips, old_niks, old_touched = _old_rows(conn, changed)
    scope = set(changed)
    ptk = _load_ptk(conn, scope)
    nips = old_nips | {p.nip for p in ptk if p.nip}
    niks = old_niks | {p.nik for p in ptk if p.nik}
    keys = {k for k, _ in decisions.matches.values()} | {k for _, k in decisions.rejections}
    si = SiasnKeys(conn, batch_id, file_name)
    siasn: dict[int, Siasn] = {s.id: s for s in si.rows(old_touched)}
    siasn.update((s.id, s) for s in _candidates(si, ptk, keys))
    siasn.update((s.id, s) for s in _partners(si, siasn))
    ctx = Context.build(base)
    stored = _stored_matches(conn)
    _, matched_anywhere = _elsewhere(stored, frozenset())
    for s in siasn.values():  # homes of what the changed schools could touch, and partners
        home = ctx.home_school(s.unor_nama)
        if home is not None:
            scope.add(home.id)
        if s.id in matched_anywhere:
            scope.add(matched_anywhere[s.id])
    if new_schools:
        scope |= _homes_moved_to(base, si.unors(), new_schools)
    # The schools added as homes bring their own PTK into the closure too: a teacher of such a
    # school also active elsewhere (PTK_DI_DUA_SEKOLAH, DUPLIKAT) needs that other school in
    # the scope, or the re-check sees only half of the case and resolves it.
    homes = _load_ptk(conn, scope - changed)
    nips |= {p.nip for p in homes if p.nip}
    niks |= {p.nik for p in homes if p.nik}
    for _ in range(MAX_ROUNDS):  # close the scope over shared NIP/NIK
        grown = _sharing_schools(conn, nips, niks) - scope
        if not grown:
            break
        scope |= grown
        added = _load_ptk(conn, grown)
        nips |= {p.nip for p in added if p.nip}
        niks |= {p.nik for p in added if p.nik}
    else:
        return None
    frozen = frozenset(scope)
    if not frozen <= {s.id for s in schools}:
        return None  # a school imported meanwhile shares a NIP/NIK: check everything
    ptk = _load_ptk(conn, frozen)
    siasn.update((s.id, s) for s in _candidates(si, ptk, keys))
    homed = _homed_unors(ctx, si.unors(), frozen)
    siasn.update((s.id, s) for s in si.where("unor_nama", homed))
    siasn.update((s.id, s) for s in _partners(si, siasn))
    if not siasn:
        return None  # an empty subset would read as "no SIASN file": check everything
    touched_elsewhere, matched_elsewhere = _elsewhere(stored, frozen)
    inp = replace(
        base,
        ptk=tuple(ptk),
        siasn=tuple(sorted(siasn.values(), key=lambda s: s.id)),
        touched_elsewhere=touched_elsewhere & frozenset(siasn),
        matched_elsewhere={k: v for k, v in matched_elsewhere.items() if k in siasn},
    )
    return Scoped(inp, frozen)


def _homes_moved_to(base: CheckInput, unors: list[str], new_schools: frozenset[int]) -> set[int]:
    """Schools that were the home of a unor before a new school was imported and are not now
    (`unors`: the SIASN export's distinct unor names, sorted)."""
    imported = base.imported_school_ids or frozenset()
    before = Context.build(replace(base, imported_school_ids=imported - new_schools))
    after = Context.build(base)
    out: set[int] = set()
    for unor in _homed_unors(after, unors, new_schools):
        old = before.home_school(unor)
        if old is not None:
            out.add(old.id)
    return out
