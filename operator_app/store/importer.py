"""Import many files in one transaction: detect, stream rows into SQLite, keep history."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from operator_app.core.errors import BadFileError
from operator_app.core.progress import CancelCheck, Progress, check_cancel
from operator_app.sources.detect import Detected, detect_file
from operator_app.sources.readers import Table
from operator_app.sources.records import (
    PTK_COLUMNS,
    SIASN_COLUMNS,
    RowIssue,
    iter_dapodik,
    iter_siasn,
)
from operator_app.store.keys import iso, ptk_person_key, school_name_key

CHUNK = 5000


@dataclass
class Planned:
    path: Path
    sha256: str
    table: Table
    det: Detected


@dataclass
class Imported:
    file: str
    kind: str
    school: str | None
    rows: int
    warnings: list[str]
    skipped_duplicate: bool = False
    current: bool = True


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def plan(paths: Sequence[Path]) -> tuple[list[Planned], list[Imported]]:
    """Read and detect every file before anything is written; duplicates within the call skipped."""
    planned: list[Planned] = []
    skipped: list[Imported] = []
    seen: set[str] = set()
    for p in paths:
        path = Path(p)
        table, det = detect_file(path)
        digest = sha256_of(path)
        if digest in seen:
            skipped.append(Imported(path.name, det.kind, det.school_name, 0, [], True, False))
            continue
        seen.add(digest)
        planned.append(Planned(path, digest, table, det))
    return planned, skipped


def run_import(
    engine: Engine,
    paths: Sequence[Path],
    progress: Progress,
    cancel: CancelCheck,
    before_write: Callable[[], object] | None = None,
) -> list[Imported]:
    """All files land or none does (one transaction); a file already imported is skipped.

    Every file is read and checked first; `before_write` (the backup) runs only once they all
    passed, so a refused file costs no backup and rotates no older one out.
    """
    planned, reports = plan(paths)
    if planned and before_write is not None:
        before_write()
    total = sum((p.table.total_rows or 0) for p in planned) or 0
    done = 0
    with engine.begin() as conn:
        for item in planned:
            check_cancel(cancel)
            dup = conn.execute(
                text("SELECT file_name FROM import_batch WHERE sha256=:h"), {"h": item.sha256}
            ).scalar()
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
    return reports


def _step(progress: Progress, base: int, total: int, name: str, k: int) -> None:
    progress(base + k, total, name)


def _school_id(conn: Connection, det: Detected, now: datetime) -> int:
    key = school_name_key(det.school_name or "", det.kabupaten)
    sid = conn.execute(text("SELECT id FROM school WHERE name_key=:k"), {"k": key}).scalar()
    if sid is not None:
        conn.execute(
            text(
                "UPDATE school SET name=:n, kecamatan=COALESCE(:kec, kecamatan), "
                "kabupaten=COALESCE(:kab, kabupaten), provinsi=COALESCE(:prov, provinsi) WHERE id=:id"
            ),
            {
                "n": det.school_name,
                "kec": det.kecamatan,
                "kab": det.kabupaten,
                "prov": det.provinsi,
                "id": sid,
            },
        )
        return int(sid)
    res = conn.execute(
        text(
            "INSERT INTO school(name, name_key, kecamatan, kabupaten, provinsi, created_at) "
            "VALUES (:n, :k, :kec, :kab, :prov, :now)"
        ),
        {
            "n": det.school_name,
            "k": key,
            "kec": det.kecamatan,
            "kab": det.kabupaten,
            "prov": det.provinsi,
            "now": iso(now),
        },
    )
    return int(res.lastrowid)


def _import_one(
    conn: Connection, item: Planned, progress: object, cancel: CancelCheck
) -> tuple[Imported, int]:
    det = item.det
    if det.kind == "ekinerja_log":  # h15: the e-Kinerja sync log has its own table
        from operator_app.store.synclog import import_log

        return import_log(conn, item, cancel)
    now = datetime.now()
    school_id = _school_id(conn, det, now) if det.kind != "siasn" else None
    res = conn.execute(
        text(
            "INSERT INTO import_batch(file_name, file_path, sha256, kind, school_id, sheet, "
            "tanggal_unduh, pengunduh, imported_at, row_count, header_row, columns_json, "
            "fields_json, warnings_json, is_current) VALUES (:fn, :fp, :h, :k, :s, :sh, :tu, :pg, "
            ":now, 0, :hr, :cols, :flds, '[]', 0)"
        ),
        {
            "fn": item.path.name,
            "fp": str(item.path.resolve()),
            "h": item.sha256,
            "k": det.kind,
            "s": school_id,
            "sh": item.table.sheet,
            "tu": iso(det.tanggal_unduh),
            "pg": det.pengunduh,
            "now": iso(now),
            "hr": det.header_row,
            "cols": json.dumps(det.headers, ensure_ascii=False),
            "flds": json.dumps(det.fields),
        },
    )
    batch_id = int(res.lastrowid)
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
    conn.execute(
        text("UPDATE import_batch SET row_count=:n, warnings_json=:w WHERE id=:id"),
        {"n": n, "w": json.dumps(warnings, ensure_ascii=False), "id": batch_id},
    )
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
    if det.kind == "siasn":
        cols = ("batch_id", *SIASN_COLUMNS, "person_key")
        rows_iter = iter_siasn(item.table, det, issues)
        table = "siasn"
    else:
        cols = ("batch_id", "school_id", *PTK_COLUMNS, "person_key")
        rows_iter = iter_dapodik(item.table, det, issues)
        table = "ptk"
    sql = f"INSERT INTO {table}({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    chunk: list[tuple[object, ...]] = []
    n = 0
    for rec in rows_iter:
        if det.kind == "siasn":
            # person key of a SIASN record: NIP_BARU, else PNS_ID, else row
            key = f"siasn:{rec[2] or rec[1] or f'row{rec[0]}'}"
            chunk.append((batch_id, *rec, key))
        else:
            chunk.append((batch_id, school_id, *rec, ptk_person_key(rec, school_id or 0)))
        if len(chunk) >= CHUNK:
            conn.exec_driver_sql(sql, chunk)
            n += len(chunk)
            chunk = []
            check_cancel(cancel)
            if callable(progress):
                progress(n)
    if chunk:
        conn.exec_driver_sql(sql, chunk)
        n += len(chunk)
    return n


def _make_current(conn: Connection, batch_id: int, kind: str, school_id: int | None) -> bool:
    """Newest export wins: by Tanggal Unduh, then by import order. Returns whether it is current."""
    if kind == "siasn":
        conn.execute(text("UPDATE import_batch SET is_current=0 WHERE kind='siasn'"))
        conn.execute(text("UPDATE import_batch SET is_current=1 WHERE id=:id"), {"id": batch_id})
        return True
    rows = conn.execute(
        text(
            "SELECT id FROM import_batch WHERE kind=:k AND school_id=:s "
            "ORDER BY COALESCE(tanggal_unduh, imported_at) DESC, id DESC"
        ),
        {"k": kind, "s": school_id},
    ).all()
    newest = rows[0][0]
    conn.execute(
        text("UPDATE import_batch SET is_current=(id=:n) WHERE kind=:k AND school_id=:s"),
        {"n": newest, "k": kind, "s": school_id},
    )
    return bool(newest == batch_id)
