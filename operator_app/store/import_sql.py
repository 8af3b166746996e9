"""The import's per-file statements, built once with bound parameters (a kabupaten is 1,000
files: building and cache-keying a fresh construct per file cost about as much as running it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, String, bindparam, func, insert, select, update
from sqlalchemy.sql.elements import BindParameter

from operator_app.sources.detect import Detected
from operator_app.store.keys import school_name_key
from operator_app.store.models import ImportBatch, School, tbl

SCHOOL_T = tbl(School)
BATCH_T = tbl(ImportBatch)


def _p(name: str) -> BindParameter[str]:
    return bindparam(name, type_=String)


SCHOOL_BY_KEY = select(SCHOOL_T.c.id).where(SCHOOL_T.c.name_key == bindparam("p_key"))
SCHOOL_UPDATE = (
    update(SCHOOL_T)
    .where(SCHOOL_T.c.id == bindparam("p_id"))
    .values(
        name=bindparam("p_name"),
        kecamatan=func.coalesce(_p("p_kec"), SCHOOL_T.c.kecamatan),
        kabupaten=func.coalesce(_p("p_kab"), SCHOOL_T.c.kabupaten),
        provinsi=func.coalesce(_p("p_prov"), SCHOOL_T.c.provinsi),
    )
)
SCHOOL_INSERT = insert(SCHOOL_T).returning(SCHOOL_T.c.id)
BATCH_INSERT = insert(BATCH_T).returning(BATCH_T.c.id)
BATCH_DONE = (
    update(BATCH_T)
    .where(BATCH_T.c.id == bindparam("p_id"))
    .values(row_count=bindparam("p_n"), warnings_json=bindparam("p_warnings"))
)
SAME_DAPODIK = (BATCH_T.c.kind == bindparam("p_kind")) & (
    BATCH_T.c.school_id == bindparam("p_school")
)
DAPODIK_BATCHES = select(BATCH_T.c.id, BATCH_T.c.tanggal_unduh, BATCH_T.c.imported_at).where(
    SAME_DAPODIK
)
DAPODIK_CURRENT = (
    update(BATCH_T).where(SAME_DAPODIK).values(is_current=BATCH_T.c.id == bindparam("p_newest"))
)


def school_id_of(conn: Connection, det: Detected, now: datetime) -> int:
    key = school_name_key(det.school_name or "", det.kabupaten)
    sid = conn.execute(SCHOOL_BY_KEY, {"p_key": key}).scalar()
    if sid is not None:
        conn.execute(
            SCHOOL_UPDATE,
            {
                "p_id": sid,
                "p_name": det.school_name,
                "p_kec": det.kecamatan,
                "p_kab": det.kabupaten,
                "p_prov": det.provinsi,
            },
        )
        return int(sid)
    values = {
        "name": det.school_name,
        "name_key": key,
        "kecamatan": det.kecamatan,
        "kabupaten": det.kabupaten,
        "provinsi": det.provinsi,
        "created_at": now,
    }
    return int(conn.execute(SCHOOL_INSERT, values).scalar_one())
