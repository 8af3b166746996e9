"""Load the current data as plain records for the checker (key columns only, no ORM entities)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, func, select

from operator_app.core.checker import no_gc_pauses
from operator_app.core.model import CheckInput, Decisions, Ptk, School, Siasn
from operator_app.store.models import (
    ImportBatch,
    MatchDecision,
    PtkRow,
    SiasnRow,
    UnorAlias,
    UnorCondition,
    tbl,
)
from operator_app.store.models import School as SchoolRow

B = tbl(ImportBatch)
P = tbl(PtkRow)
S = tbl(SchoolRow)
SI = tbl(SiasnRow)
DAPODIK_KINDS = ("dapodik_guru", "dapodik_tendik")


def _d(value: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


class _Dates(dict[object, "date | None"]):
    """_d remembered within one load: 80,000 records carry a few thousand distinct dates."""

    def __missing__(self, key: object) -> date | None:
        value = self[key] = _d(key)
        return value


def school_sort_key(name: str | None) -> tuple[str, str]:
    """Names sorted the same on every engine (no reliance on a collation)."""
    text_ = name or ""
    return (" ".join(text_.casefold().split()), text_)


def load_schools(conn: Connection) -> list[School]:
    rows = list(conn.execute(select(S.c.id, S.c.name, S.c.kecamatan, S.c.kabupaten, S.c.provinsi)))
    rows.sort(key=lambda r: (school_sort_key(r[1]), r[0]))
    return [School(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def current_ptk_select() -> Select[Any]:
    return (
        select(
            P.c.id,
            P.c.school_id,
            S.c.name,
            B.c.kind,
            B.c.file_name,
            P.c.row_number,
            P.c.nama,
            P.c.nip,
            P.c.nip_raw,
            P.c.nip_numeric,
            P.c.nik,
            P.c.nik_numeric,
            P.c.nuptk,
            P.c.jk,
            P.c.tanggal_lahir,
            P.c.status_kepegawaian,
            P.c.jenis_ptk,
            P.c.tugas_tambahan,
            P.c.tmt_pns,
            P.c.person_key,
            P.c.nama_key,
        )
        .join(B, B.c.id == P.c.batch_id)
        .join(S, S.c.id == P.c.school_id)
        .where(B.c.is_current.is_(True))
        .order_by(P.c.id)
    )


def load_ptk(conn: Connection) -> list[Ptk]:
    return ptk_from_rows(raw_rows(conn, current_ptk_select()))  # text, integers, 0/1 flags


def ptk_from_rows(rows: Sequence[Any]) -> list[Ptk]:
    """Rows of current_ptk_select() as the checker's records."""
    day = _Dates()
    return [
        Ptk(
            id=r[0],
            school_id=r[1],
            school_name=r[2],
            kind=r[3],
            source_file=r[4],
            row=r[5],
            nama=r[6],
            nip=r[7],
            nip_raw=r[8],
            nip_numeric=bool(r[9]),
            nik=r[10],
            nik_numeric=bool(r[11]),
            nuptk=r[12],
            jk=r[13],
            tanggal_lahir=day[r[14]],
            status_kepegawaian=r[15],
            jenis_ptk=r[16],
            tugas_tambahan=r[17],
            tmt_pns=day[r[18]],
            person_key=r[19],
            nama_key=r[20],
        )
        for r in rows
    ]


def raw_rows(conn: Connection, stmt: Select[Any]) -> list[tuple[Any, ...]]:
    """Plain tuples straight from the driver in this connection's transaction (50,000 rows:
    SQLAlchemy's Row objects cost about as much as the query). The statement is compiled for
    the connection's dialect, so its placeholders are the driver's own; only columns without
    result processing (text, integers) may be read this way: booleans come back as the engine
    stores them (0/1 on SQLite), so callers wrap them in bool()."""
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.params
    if compiled.positiontup is not None:
        args: Any = tuple(params[name] for name in compiled.positiontup)
    else:
        args = params
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), args)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def siasn_select() -> Select[Any]:
    """The SIASN columns the checker reads, in file order (by id)."""
    return select(
        SI.c.id,
        SI.c.row_number,
        SI.c.nama,
        SI.c.nip_baru,
        SI.c.nip_lama,
        SI.c.pns_id,
        SI.c.gelar_depan,
        SI.c.gelar_belakang,
        SI.c.tanggal_lahir,
        SI.c.jk,
        SI.c.nik,
        SI.c.nik_numeric,
        SI.c.nip_numeric,
        SI.c.jenis_pegawai_nama,
        SI.c.kedudukan_hukum_id,
        SI.c.kedudukan_hukum_nama,
        SI.c.status_cpns_pns,
        SI.c.tmt_pns,
        SI.c.jabatan_nama,
        SI.c.unor_id,
        SI.c.unor_nama,
        SI.c.instansi_kerja_nama,
        SI.c.person_key,
        SI.c.nama_key,
    ).order_by(SI.c.id)


def siasn_from_rows(rows: Sequence[Any], file_name: str) -> list[Siasn]:
    """Rows of siasn_select() (plain tuples from raw_rows) as the checker's records."""
    day = _Dates()
    return [
        Siasn(
            id=r[0],
            source_file=file_name,
            row=r[1],
            nama=r[2],
            nip_baru=r[3],
            nip_lama=r[4],
            pns_id=r[5],
            gelar_depan=r[6],
            gelar_belakang=r[7],
            tanggal_lahir=day[r[8]],
            jk=r[9],
            nik=r[10],
            nik_numeric=bool(r[11]),
            nip_numeric=bool(r[12]),
            jenis_pegawai_nama=r[13],
            kedudukan_hukum_id=r[14],
            kedudukan_hukum_nama=r[15],
            status_cpns_pns=r[16],
            tmt_pns=day[r[17]],
            jabatan_nama=r[18],
            unor_id=r[19],
            unor_nama=r[20],
            instansi_kerja_nama=r[21],
            person_key=r[22],
            nama_key=r[23],
        )
        for r in rows
    ]


def load_siasn(conn: Connection) -> tuple[list[Siasn], frozenset[str]]:
    batch = conn.execute(
        select(B.c.id, B.c.file_name, B.c.fields_json).where(
            B.c.kind == "siasn", B.c.is_current.is_(True)
        )
    ).first()
    if batch is None:
        return [], frozenset()
    rows = raw_rows(conn, siasn_select().where(SI.c.batch_id == batch[0]))
    out = siasn_from_rows(rows, batch[1])
    return out, frozenset(f for f in json.loads(batch[2]) if f)


def load_dapodik_columns(conn: Connection) -> frozenset[str]:
    cols: set[str] = set()
    for (fields,) in conn.execute(
        select(B.c.fields_json).where(B.c.kind.in_(DAPODIK_KINDS), B.c.is_current.is_(True))
    ):
        cols.update(f for f in json.loads(fields) if f)
    return frozenset(cols)


def load_decisions(conn: Connection) -> Decisions:
    matches: dict[str, tuple[str, str]] = {}
    rejections: set[tuple[str, str]] = set()
    md = tbl(MatchDecision)
    for person, siasn_key, verdict in conn.execute(
        select(md.c.person_key, md.c.siasn_key, md.c.decision).order_by(
            md.c.decided_at, md.c.person_key, md.c.siasn_key
        )
    ):
        if verdict == "reject":
            rejections.add((person, siasn_key))
        if verdict == "confirm" or matches.get(person, ("", ""))[1] != "confirm":
            matches[person] = (siasn_key, verdict)  # a confirmation outranks any rejection
    ua, uc = tbl(UnorAlias), tbl(UnorCondition)
    aliases = {r[0]: int(r[1]) for r in conn.execute(select(ua.c.unor_key, ua.c.school_id))}
    conditions = {r[0]: r[1] for r in conn.execute(select(uc.c.person_key, uc.c.condition))}
    return Decisions(
        matches=matches,
        unor_aliases=aliases,
        unor_conditions=conditions,
        rejections=frozenset(rejections),
    )


def load_check_input(conn: Connection, today: date | None = None) -> CheckInput:
    """On a server (READ COMMITTED) another operator's import may commit between two of these
    statements, so what refers to a school (PTK rows, unor aliases) is read before the schools:
    schools are never deleted, so every school id read earlier is among the schools read last.
    The cyclic GC is paused while the ~80,000 records are built (they hold no cycles)."""
    with no_gc_pauses():
        return _load_check_input(conn, today)


def _load_check_input(conn: Connection, today: date | None) -> CheckInput:
    siasn, siasn_cols = load_siasn(conn)
    ptk = tuple(load_ptk(conn))
    dapodik_columns = load_dapodik_columns(conn)
    decisions = load_decisions(conn)
    return CheckInput(
        schools=tuple(load_schools(conn)),
        ptk=ptk,
        siasn=tuple(siasn),
        siasn_columns=siasn_cols,
        dapodik_columns=dapodik_columns,
        decisions=decisions,
        today=today,
    )


def _stamp(conn: Connection, table: Any, column: Any) -> str:
    count, latest = conn.execute(select(func.count(), func.max(column)).select_from(table)).one()
    return f"{count}/{latest.isoformat() if latest is not None else ''}"


def data_signature(conn: Connection) -> str:
    """Changes whenever the current data or an operator decision changes (staleness check)."""
    batches = conn.execute(select(B.c.id).where(B.c.is_current.is_(True)).order_by(B.c.id))
    md, ua, uc = tbl(MatchDecision), tbl(UnorAlias), tbl(UnorCondition)
    stamps = ";".join(
        (
            _stamp(conn, md, md.c.decided_at),
            _stamp(conn, ua, ua.c.created_at),
            _stamp(conn, uc, uc.c.decided_at),
        )
    )
    return f"{','.join(str(r[0]) for r in batches)}#{stamps}"[:200]
