"""The e-Kinerja sync log in the database: one import_batch per file, rows in sync_failure.

The newest imported log is the current one (older logs stay as history); the import runs inside
store/importer.py's transaction, so a refused file changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select, update

from operator_app.core.ekinerja.failures import (
    LogRow,
    PersonRef,
    SyncFailure,
    by_message,
    by_owner,
    link,
)
from operator_app.core.errors import BadFileError
from operator_app.core.progress import CancelCheck, check_cancel
from operator_app.core.views import PersonDetail, PersonRow, SchoolOverview
from operator_app.sources.synclog import KIND, find_columns, iter_log
from operator_app.store.import_types import Imported, Planned
from operator_app.store.models import ImportBatch, SyncFailureRow

CHUNK = 2000


def import_log(conn: Connection, item: Planned, cancel: CancelCheck) -> tuple[Imported, int]:
    """Store one log file as a new current batch; refused (BadFileError) when it has no rows."""
    from operator_app.sources.cells import cell_text

    det = item.det
    header = [cell_text(c) for c in item.table.head[det.header_row - 1]]
    cols = find_columns(header)
    if cols is None:  # detect() found them; a changed file between plan and import
        from operator_app.sources.detect import log_refusal

        raise log_refusal(item.path.name, str(item.path))
    batch_id = conn.execute(
        insert(ImportBatch)
        .values(
            file_name=item.path.name,
            file_path=str(item.path.resolve()),
            sha256=item.sha256,
            kind=KIND,
            school_id=None,
            sheet=item.table.sheet,
            imported_at=datetime.now(UTC),
            row_count=0,
            header_row=det.header_row,
            columns_json=json.dumps(det.headers, ensure_ascii=False),
            fields_json=json.dumps(det.fields),
            warnings_json="[]",
            is_current=False,
        )
        .returning(ImportBatch.id)
    ).scalar_one()
    issues: list[str] = []
    chunk: list[dict[str, object]] = []
    n = 0
    for rec in iter_log(item.table.rows(), det.header_row, cols, issues):
        chunk.append({
            "batch_id": batch_id, "row_number": rec.row_number, "nip": rec.nip,
            "nama": rec.nama, "unor": rec.unor, "message": rec.message,
            "failed_at": rec.failed_at, "raw_json": rec.raw_json,
        })  # fmt: skip
        if len(chunk) >= CHUNK:
            conn.execute(insert(SyncFailureRow), chunk)
            n += len(chunk)
            chunk = []
            check_cancel(cancel)
    if chunk:
        conn.execute(insert(SyncFailureRow), chunk)
        n += len(chunk)
    if n == 0:
        raise BadFileError(
            f"File {item.path.name} (Log Sinkronisasi PMM) tidak berisi satu pun baris gagal "
            f"sinkron di bawah baris judul kolom (baris {det.header_row}). Tidak ada yang diubah.",
            file=str(item.path),
        )
    warnings = issues[:50] + (
        [f"... dan {len(issues) - 50} baris lain"] if len(issues) > 50 else []
    )
    conn.execute(update(ImportBatch).where(ImportBatch.kind == KIND).values(is_current=False))
    conn.execute(
        update(ImportBatch)
        .where(ImportBatch.id == batch_id)
        .values(
            is_current=True, row_count=n, warnings_json=json.dumps(warnings, ensure_ascii=False)
        )
    )
    return Imported(item.path.name, KIND, None, n, warnings, False, True), n


def current_log_rows(conn: Connection) -> list[LogRow]:
    """The rows of the current log (empty when none was imported)."""
    rows = conn.execute(
        select(
            SyncFailureRow.row_number, SyncFailureRow.nip, SyncFailureRow.nama,
            SyncFailureRow.unor, SyncFailureRow.message, SyncFailureRow.failed_at,
            SyncFailureRow.raw_json, ImportBatch.file_name,
        )
        .join(ImportBatch, ImportBatch.id == SyncFailureRow.batch_id)
        .where(ImportBatch.kind == KIND, ImportBatch.is_current.is_(True))
        .order_by(SyncFailureRow.id)
    ).all()  # fmt: skip
    out = []
    for r in rows:
        try:
            damaged = bool(json.loads(r[6]).get("nip_damaged"))
        except (ValueError, AttributeError):
            damaged = False
        out.append(LogRow(r[0], r[1], r[2], r[3], r[4], r[5], damaged, r[7]))
    return out


def has_log(conn: Connection) -> bool:
    return (
        conn.execute(
            select(ImportBatch.id)
            .where(ImportBatch.kind == KIND, ImportBatch.is_current.is_(True))
            .limit(1)
        ).first()
        is not None
    )


def _people(conn: Connection) -> list[tuple[str, PersonRef]]:
    """(NIP, person) for every current PTK: the Dapodik NIP and the matched SIASN NIP_BARU."""
    from sqlalchemy import text

    from operator_app.core.status import is_kepala_sekolah, is_plt

    out: list[tuple[str, PersonRef]] = []
    for key, nama, sid, sname, nip, jenis, tugas, nip_siasn in conn.execute(
        text(
            "SELECT p.person_key, p.nama, p.school_id, s.name, p.nip, p.jenis_ptk, "
            "p.tugas_tambahan, si.nip_baru FROM ptk p JOIN import_batch b ON b.id = p.batch_id "
            "JOIN school s ON s.id = p.school_id LEFT JOIN ptk_match m ON m.ptk_id = p.id "
            "LEFT JOIN siasn si ON si.id = m.siasn_id WHERE b.is_current = :t ORDER BY p.id"
        ),
        {"t": True},
    ):
        ref = PersonRef(
            key, nama, sid, sname, bool(is_kepala_sekolah(jenis, tugas) and is_plt(tugas))
        )
        for n in (nip_siasn, nip):
            if n:
                out.append((str(n), ref))
    return out


# (engine, latest check run, current log batch) -> the linked failures: the table, every detail
# click and every school's overview reuse one join until a check run or a new log changes it.
_CACHE: dict[tuple[str, object, object], list[SyncFailure]] = {}


def _linked(conn: Connection) -> list[SyncFailure]:
    from operator_app.store.models import AppMeta, CheckRun
    from operator_app.store.queries import load_findings

    log = conn.execute(
        select(ImportBatch.id, ImportBatch.imported_at).where(
            ImportBatch.kind == KIND, ImportBatch.is_current.is_(True)
        )
    ).first()
    if log is None:
        return []
    run = conn.execute(
        select(CheckRun.id, CheckRun.finished_at).order_by(CheckRun.id.desc()).limit(1)
    ).first()
    db_id = conn.execute(select(AppMeta.value).where(AppMeta.key == "db_id")).scalar()
    # timestamps too: a restored backup can reuse the same ids for other data
    key = (f"{db_id}|{conn.engine.url}", tuple(run) if run else None, tuple(log))
    hit = _CACHE.get(key)
    if hit is None:
        hit = link(current_log_rows(conn), _people(conn), load_findings(conn))
        if len(_CACHE) >= 4:
            _CACHE.clear()
        _CACHE[key] = hit
    return hit


def sync_failures(conn: Connection, school_id: int | None = None) -> list[SyncFailure]:
    """The current log joined to our people and findings; only one school's when `school_id`."""
    failures = _linked(conn)
    if school_id is not None:
        failures = [f for f in failures if f.school_id == school_id]
    return list(failures)


def with_sync_rows(conn: Connection, rows: list[PersonRow]) -> list[PersonRow]:
    """The table rows with `sync_failed` filled in (unchanged when no log was imported)."""
    if not has_log(conn):
        return rows
    found: dict[str, list[int]] = {}
    for f in sync_failures(conn):
        if f.person_key:
            found.setdefault(f.person_key, []).append(f.ekinerja_no or 0)
    return [
        replace(r, sync_failed=tuple(found[r.person_key])) if r.person_key in found else r
        for r in rows
    ]


def with_sync_detail(conn: Connection, detail: PersonDetail) -> PersonDetail:
    if not has_log(conn):
        return detail
    key = detail.row.person_key
    mine = tuple(f for f in sync_failures(conn) if f.person_key == key)
    row = replace(detail.row, sync_failed=tuple(f.ekinerja_no or 0 for f in mine))
    return replace(detail, row=row, sync_failures=mine)


def with_sync_overview(
    conn: Connection, ov: SchoolOverview, school_id: int | None
) -> SchoolOverview:
    if not has_log(conn):
        return ov
    fs = sync_failures(conn, school_id)
    return replace(ov, sync_by_message=by_message(fs), sync_by_owner=by_owner(fs))
