"""Statuses read back from a correction workbook, applied as a set, against their floor.

    PYTHONPATH=$PWD .venv/bin/python bench/bench_workbook_status.py [rows] [other_findings]

Medians of 5 runs on a fresh SQLite file each: the first read of a workbook, the same workbook
read again after further edits (every row changed since the export, by itself), a second
workbook refused on every row, and the floor: raw sqlite3 executemany of the same UPDATE.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path


def _database(folder: Path, keys: list[tuple[str, str, str]], others: int) -> Path:
    from sqlalchemy import insert

    from operator_app.store.db import open_database
    from operator_app.store.models import FindingState

    path = folder / "db.sqlite3"
    eng = open_database(path)
    now = datetime.now(UTC)
    rows = [(k[0], k[1], k[2]) for k in keys] + [
        (f"nik:x{i}", "UNOR_BEDA", "Unor") for i in range(others)
    ]
    with eng.begin() as conn:
        conn.execute(
            insert(FindingState),
            [
                {
                    "who": w,
                    "code": c,
                    "field": f,
                    "school_id": 1,
                    "status": "baru",
                    "note": None,
                    "auto": False,
                    "open_now": True,
                    "first_seen_run": 1,
                    "last_seen_run": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for w, c, f in rows
            ],
        )
    eng.dispose()
    return path


def _once(n: int, others: int) -> dict[str, float]:
    from operator_app.store.db import open_database
    from operator_app.store.workbook_statuses import set_statuses_reporting_stale

    folder = Path(tempfile.mkdtemp(prefix="bench-wbstatus-"))
    keys = [(f"nik:{i:016d}", "NIP_KOSONG", "NIP") for i in range(n)]
    eng = open_database(_database(folder, keys, others))
    out: dict[str, float] = {}

    def timed(label: str, items: list, workbook: str, skip: bool = False) -> None:  # type: ignore[type-arg]
        t = time.perf_counter()
        set_statuses_reporting_stale(
            eng, items, "workbook", "Budi", skip_stale=skip, workbook_id=workbook
        )
        out[label] = time.perf_counter() - t

    timed("first read", [(k, "diajukan", "tiket", 1) for k in keys], "aaaaaaaaaaaaaaaa")
    timed("same workbook again", [(k, "selesai", None, 1) for k in keys], "aaaaaaaaaaaaaaaa")
    timed(
        "other workbook, refused",
        [(k, "diabaikan", "x", 1) for k in keys],
        "bbbbbbbbbbbbbbbb",
        True,
    )
    eng.dispose()
    con = sqlite3.connect(folder / "db.sqlite3", isolation_level=None)
    t = time.perf_counter()
    con.execute("BEGIN")
    con.executemany(
        "UPDATE finding_state SET status=?, note=?, version=version+1, workbook_id=? "
        "WHERE who=? AND code=? AND field=?",
        [("selesai", "floor", "cccccccccccccccc", *k) for k in keys],
    )
    con.execute("COMMIT")
    out["floor: raw executemany UPDATE"] = time.perf_counter() - t
    con.close()
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    others = int(sys.argv[2]) if len(sys.argv) > 2 else 30000
    runs = [_once(n, others) for _ in range(5)]
    floor = statistics.median(r["floor: raw executemany UPDATE"] for r in runs)
    for label in runs[0]:
        value = statistics.median(r[label] for r in runs)
        print(f"{label:32s} {value:7.3f} s  {value / floor:5.1f}x floor")
    print(f"{n} workbook rows, {n + others} findings")


if __name__ == "__main__":
    main()
