"""Load the current data as plain records for the checker (key columns only, no ORM entities)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from operator_app.core.model import CheckInput, Decisions, Ptk, School, Siasn


def _d(value: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def load_schools(conn: Connection) -> list[School]:
    rows = conn.execute(
        text("SELECT id, name, kecamatan, kabupaten, provinsi FROM school ORDER BY name")
    ).all()
    return [School(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def load_ptk(conn: Connection) -> list[Ptk]:
    rows = conn.execute(
        text(
            "SELECT p.id, p.school_id, s.name, b.kind, b.file_name, p.row_number, p.nama, p.nip, "
            "p.nip_raw, p.nip_numeric, p.nik, p.nik_numeric, p.nuptk, p.jk, p.tanggal_lahir, "
            "p.status_kepegawaian, p.jenis_ptk, p.tugas_tambahan, p.tmt_pns, p.person_key, "
            "p.nama_key FROM ptk p JOIN import_batch b ON b.id = p.batch_id "
            "JOIN school s ON s.id = p.school_id WHERE b.is_current = 1 ORDER BY p.id"
        )
    ).all()
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
            tanggal_lahir=_d(r[14]),
            status_kepegawaian=r[15],
            jenis_ptk=r[16],
            tugas_tambahan=r[17],
            tmt_pns=_d(r[18]),
            person_key=r[19],
            nama_key=r[20],
        )
        for r in rows
    ]


def raw_rows(conn: Connection, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
    """Plain tuples straight from sqlite3 in this connection's transaction (50,000 rows: SQLAlchemy's
    Row objects cost about as much as the query)."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        return list(cursor.execute(sql, params).fetchall())
    finally:
        cursor.close()


def load_siasn(conn: Connection) -> tuple[list[Siasn], frozenset[str]]:
    batch = conn.execute(
        text(
            "SELECT id, file_name, fields_json FROM import_batch WHERE kind='siasn' AND is_current=1"
        )
    ).first()
    if batch is None:
        return [], frozenset()
    rows = raw_rows(
        conn,
        "SELECT id, row_number, nama, nip_baru, nip_lama, pns_id, gelar_depan, gelar_belakang, "
        "tanggal_lahir, jk, nik, nik_numeric, nip_numeric, jenis_pegawai_nama, "
        "kedudukan_hukum_id, kedudukan_hukum_nama, status_cpns_pns, tmt_pns, jabatan_nama, "
        "unor_id, unor_nama, instansi_kerja_nama, person_key, nama_key "
        "FROM siasn WHERE batch_id = ? ORDER BY id",
        (batch[0],),
    )
    file_name = batch[1]
    out = [
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
            tanggal_lahir=_d(r[8]),
            jk=r[9],
            nik=r[10],
            nik_numeric=bool(r[11]),
            nip_numeric=bool(r[12]),
            jenis_pegawai_nama=r[13],
            kedudukan_hukum_id=r[14],
            kedudukan_hukum_nama=r[15],
            status_cpns_pns=r[16],
            tmt_pns=_d(r[17]),
            jabatan_nama=r[18],
            unor_id=r[19],
            unor_nama=r[20],
            instansi_kerja_nama=r[21],
            person_key=r[22],
            nama_key=r[23],
        )
        for r in rows
    ]
    return out, frozenset(f for f in json.loads(batch[2]) if f)


def load_dapodik_columns(conn: Connection) -> frozenset[str]:
    cols: set[str] = set()
    for (fields,) in conn.execute(
        text("SELECT fields_json FROM import_batch WHERE kind != 'siasn' AND is_current = 1")
    ):
        cols.update(f for f in json.loads(fields) if f)
    return frozenset(cols)


def load_decisions(conn: Connection) -> Decisions:
    matches: dict[str, tuple[str, str]] = {}
    rejections: set[tuple[str, str]] = set()
    for person, siasn_key, verdict in conn.execute(
        text("SELECT person_key, siasn_key, decision FROM match_decision ORDER BY decided_at")
    ):
        if verdict == "reject":
            rejections.add((person, siasn_key))
        if verdict == "confirm" or matches.get(person, ("", ""))[1] != "confirm":
            matches[person] = (siasn_key, verdict)  # a confirmation outranks any rejection
    aliases = {
        r[0]: int(r[1]) for r in conn.execute(text("SELECT unor_key, school_id FROM unor_alias"))
    }
    conditions = {
        r[0]: r[1] for r in conn.execute(text("SELECT person_key, condition FROM unor_condition"))
    }
    return Decisions(
        matches=matches,
        unor_aliases=aliases,
        unor_conditions=conditions,
        rejections=frozenset(rejections),
    )


def load_check_input(conn: Connection, today: date | None = None) -> CheckInput:
    siasn, siasn_cols = load_siasn(conn)
    return CheckInput(
        schools=tuple(load_schools(conn)),
        ptk=tuple(load_ptk(conn)),
        siasn=tuple(siasn),
        siasn_columns=siasn_cols,
        dapodik_columns=load_dapodik_columns(conn),
        decisions=load_decisions(conn),
        today=today,
    )


def data_signature(conn: Connection) -> str:
    """Changes whenever the current data or an operator decision changes (staleness check)."""
    batches = conn.execute(
        text(
            "SELECT group_concat(id) FROM (SELECT id FROM import_batch WHERE is_current=1 ORDER BY id)"
        )
    ).scalar()
    stamps = conn.execute(
        text(
            "SELECT (SELECT count(*) || '/' || COALESCE(max(decided_at), '') FROM match_decision) "
            "|| ';' || (SELECT count(*) || '/' || COALESCE(max(created_at), '') FROM unor_alias) "
            "|| ';' || (SELECT count(*) || '/' || COALESCE(max(decided_at), '') FROM unor_condition)"
        )
    ).scalar()
    return f"{batches or ''}#{stamps or ''}"[:200]
