"""Import many files in one transaction: detect, stream rows into the database, keep history."""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, select, text, update

from operator_app.core.errors import BadFileError
from operator_app.core.progress import CancelCheck, Progress, check_cancel
from operator_app.sources.detect import Detected
from operator_app.sources.read_procs import read_files
from operator_app.sources.records import (
    PTK_COLUMNS,
    SIASN_COLUMNS,
    RowIssue,
    typer_for,
)
from operator_app.store import import_sql
from operator_app.store.bulk import bulk_insert, indexes_after
from operator_app.store.checkpoint import no_checkpoint_in_commit
from operator_app.store.import_types import Imported, Planned
from operator_app.store.keys import ptk_person_key, school_name_key
from operator_app.store.models import ImportBatch, PtkRow, School, SiasnRow, tbl, utcnow
from operator_app.store.synclog import import_log

log = logging.getLogger(__name__)
SCHOOL_T = tbl(School)
BATCH_T = tbl(ImportBatch)


def plan(
    paths: Sequence[Path],
    skip_bad: bool = False,
    cancel: CancelCheck | None = None,
    labels: Sequence[str] | None = None,
) -> tuple[list[Planned], list[Imported]]:
    """Read and detect every file before anything is written; duplicates within the call skipped.

    A file that cannot be read stops everything (nothing lands), unless `skip_bad`: then it is
    reported with its reason and the others go on. Files are read two at a time
    (sources.read_many), a kabupaten's files in two processes that also type their rows
    (sources.read_procs); the answers come in the order of `paths`.
    """
    planned: list[Planned] = []
    skipped: list[Imported] = []
    seen: set[str] = set()
    outcomes = read_files([Path(p) for p in paths], cancel)
    ok = False
    try:
        for i, got in enumerate(outcomes):
            label = labels[i] if labels is not None else Path(paths[i]).name
            if isinstance(got, BadFileError):
                if not skip_bad:
                    raise got
                skipped.append(Imported(label, "", None, 0, [], False, False, got.message))
                continue
            det = got.det
            if got.sha256 in seen:
                skipped.append(
                    Imported(got.path.name, det.kind, det.school_name, 0, [], True, False)
                )
                if got.typed is not None:
                    got.typed.close()
                continue
            seen.add(got.sha256)
            planned.append(Planned(got.path, got.sha256, got.table, det, got.typed))
        ok = True
    finally:
        outcomes.close()
        if not ok:
            close_typed(planned)
    return planned, skipped


def close_typed(planned: Sequence[Planned]) -> None:
    """End the processes still typing rows for these files (sources.big_file): every one, even
    when closing one fails (that is logged, not raised over what ended the import)."""
    for item in planned:
        if item.typed is not None:
            try:
                item.typed.close()
            except Exception:
                log.exception("proses pembaca %s tidak bisa diakhiri", item.path.name)


def run_import(
    engine: Engine,
    paths: Sequence[Path],
    progress: Progress,
    cancel: CancelCheck,
    before_write: Callable[[], object] | None = None,
    skip_bad: bool = False,
    labels: Sequence[str] | None = None,
) -> list[Imported]:
    """All files land or none does (one transaction); a file already imported is skipped.

    Every file is read and checked first; `before_write` (the backup) runs only once they all
    passed, so a refused file costs no backup and rotates no older one out. On a shared server
    the transaction first takes a lock per school (and one for SIASN): two imports of one school
    run one after the other, imports of different schools at the same time.
    """
    planned, reports = plan(paths, skip_bad, cancel, labels)
    try:
        return _write(engine, planned, reports, progress, cancel, before_write)
    finally:
        close_typed(planned)


def _write(
    engine: Engine,
    planned: list[Planned],
    reports: list[Imported],
    progress: Progress,
    cancel: CancelCheck,
    before_write: Callable[[], object] | None,
) -> list[Imported]:
    if planned and before_write is not None:
        before_write()
    total = sum((p.table.total_rows or 0) for p in planned) or 0
    done = 0
    with engine.connect() as conn, no_checkpoint_in_commit(conn), conn.begin():
        lock_sources(conn, [_lock_name(p.det) for p in planned])
        earlier = _imported_before(conn, [p.sha256 for p in planned])
        for item in planned:  # a big file's process types while the files before it are written
            if item.typed is not None:
                if item.sha256 in earlier:
                    item.typed.close()  # skipped below: its process has nothing more to do
                else:
                    item.typed.start()
        for item in planned:
            check_cancel(cancel)
            dup = earlier.get(item.sha256)
            if dup is not None:
                reports.append(
                    Imported(
                        item.path.name,
                        item.det.kind,
                        item.det.school_name,
                        0,
                        [f"sudah pernah diimpor (sebagai {dup}); dilewati"],
                        True,
                        False,
                    )
                )
                continue
            progress(done, total, f"Mengimpor {item.path.name}")
            step = functools.partial(_step, progress, done, total, item.path.name)
            rep, n = _import_one(conn, item, step, cancel)
            done += n
            reports.append(rep)
        check_cancel(cancel)
        if conn.dialect.name == "postgresql" and any(p.det.kind == "siasn" for p in planned):
            _refresh_district_unor(conn)
    return reports


def _imported_before(conn: Connection, digests: list[str]) -> dict[str, str]:
    """File name of an earlier import of each of these files (by sha256), one query per 500
    files instead of one per file (a kabupaten is 1,000 files). `plan` already dropped the
    duplicates within this call, so nothing imported later in the loop can be among them."""
    found: dict[str, str] = {}
    for start in range(0, len(digests), 500):
        part = digests[start : start + 500]
        rows = conn.execute(
            select(BATCH_T.c.sha256, BATCH_T.c.file_name)
            .where(BATCH_T.c.sha256.in_(part))
            .order_by(BATCH_T.c.id)
        )
        for digest, name in rows:
            found.setdefault(digest, name)
    return found


def _refresh_district_unor(conn: Connection) -> None:
    """District mode: which SIASN unor names are which school, for the row-level security
    that limits a school's SIASN view (store.district); only once `district setup` ran."""
    from sqlalchemy import inspect

    from operator_app.store.district import UNOR_TABLE, refresh_unor_scope

    if inspect(conn).has_table(UNOR_TABLE):
        refresh_unor_scope(conn)


def _lock_name(det: Detected) -> str:
    if det.kind == "siasn":
        return "siasn"
    return "school:" + school_name_key(det.school_name or "", det.kabupaten)


def lock_sources(conn: Connection, names: Sequence[str]) -> None:
    """PostgreSQL: transaction-scoped advisory locks, taken in one order (no deadlock). SQLite
    has one writer at a time anyway."""
    if conn.dialect.name != "postgresql":
        return
    for name in sorted(set(names)):
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:n, 0))"), {"n": name})


def _step(progress: Progress, base: int, total: int, name: str, k: int) -> None:
    progress(base + k, total, name)


def _as_instant(value: datetime | None) -> datetime | None:
    """Tanggal Unduh is written without a zone: it is the school PC's local wall time."""
    if value is None:
        return None
    return value if value.tzinfo is not None else value.astimezone()


def _import_one(
    conn: Connection, item: Planned, progress: object, cancel: CancelCheck
) -> tuple[Imported, int]:
    det = item.det
    if det.kind == "ekinerja_log":  # h15: the e-Kinerja sync log has its own table
        return import_log(conn, item, cancel)
    now = utcnow()
    school_id = import_sql.school_id_of(conn, det, now) if det.kind != "siasn" else None
    batch = {
        "file_name": item.path.name,
        "file_path": str(item.path.resolve()),
        "sha256": item.sha256,
        "kind": det.kind,
        "school_id": school_id,
        "sheet": item.table.sheet,
        "tanggal_unduh": _as_instant(det.tanggal_unduh),
        "pengunduh": det.pengunduh,
        "imported_at": now,
        "row_count": 0,
        "header_row": det.header_row,
        "columns_json": json.dumps(det.headers, ensure_ascii=False),
        "fields_json": json.dumps(det.fields),
        "warnings_json": "[]",
        "is_current": False,
    }
    batch_id = int(conn.execute(import_sql.BATCH_INSERT, batch).scalar_one())
    issues: list[RowIssue] = []
    n = _insert_rows(conn, item, batch_id, school_id, issues, progress, cancel)
    if n == 0:
        raise BadFileError(
            f"File {item.path.name} tidak berisi satu baris data pun di bawah baris judul kolom "
            f"(baris {det.header_row}). Periksa apakah file yang benar yang dipilih.",
            file=str(item.path),
        )
    warnings = list(det.warnings) + [i.text for i in issues[:50]]
    if len(issues) > 50:
        warnings.append(f"... dan {len(issues) - 50} baris lain dilewati")
    current = _make_current(conn, batch_id, det.kind, school_id)
    done = {"p_id": batch_id, "p_n": n, "p_warnings": json.dumps(warnings, ensure_ascii=False)}
    conn.execute(import_sql.BATCH_DONE, done)
    return Imported(item.path.name, det.kind, det.school_name, n, warnings, False, current), n


def _insert_rows(
    conn: Connection,
    item: Planned,
    batch_id: int,
    school_id: int | None,
    issues: list[RowIssue],
    progress: object,
    cancel: CancelCheck,
) -> int:
    det = item.det

    def after_chunk(n: int) -> None:
        check_cancel(cancel)
        if callable(progress):
            progress(n)

    if det.kind == "siasn":
        # person key of a SIASN record: NIP_BARU, else PNS_ID, else row
        siasn_rows = (
            (batch_id, *rec, f"siasn:{rec[2] or rec[1] or f'row{rec[0]}'}")
            for rec in _records(item, issues)
        )
        cols = ("batch_id", *SIASN_COLUMNS, "person_key")
        with indexes_after(conn, tbl(SiasnRow)):
            return bulk_insert(conn, tbl(SiasnRow), cols, siasn_rows, after_chunk)
    sid = school_id or 0
    ptk_rows = (
        (batch_id, school_id, *rec, ptk_person_key(rec, sid)) for rec in _records(item, issues)
    )
    cols = ("batch_id", "school_id", *PTK_COLUMNS, "person_key")
    return bulk_insert(conn, tbl(PtkRow), cols, ptk_rows, after_chunk)


def _records(item: Planned, issues: list[RowIssue]) -> Iterator[tuple[object, ...]]:
    """The file's rows as typed records: held or streamed from a reading process, else typed
    now from its table (iter_siasn / iter_dapodik)."""
    if item.typed is not None:
        return item.typed.replay(issues)
    typer = typer_for(item.det.kind)
    assert typer is not None  # the e-Kinerja log has its own importer
    return typer(item.table, item.det, issues)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _make_current(conn: Connection, batch_id: int, kind: str, school_id: int | None) -> bool:
    """Newest export wins: by Tanggal Unduh, then by import order. Returns whether it is current."""
    if kind == "siasn":
        conn.execute(update(BATCH_T).where(BATCH_T.c.kind == "siasn").values(is_current=False))
        conn.execute(update(BATCH_T).where(BATCH_T.c.id == batch_id).values(is_current=True))
        return True
    same = {"p_kind": kind, "p_school": school_id}
    rows = conn.execute(import_sql.DAPODIK_BATCHES, same).all()
    newest = max(rows, key=lambda r: (r[1] or r[2] or _EPOCH, r[0]))[0]
    conn.execute(import_sql.DAPODIK_CURRENT, {**same, "p_newest": newest})
    return bool(newest == batch_id)
