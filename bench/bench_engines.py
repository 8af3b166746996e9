"""The 50,000-row SIASN import and the check, on SQLite and on PostgreSQL, each against its floor.

Floors, measured in the same run, in fresh processes:
- SQLite: python-calamine reading every row + raw sqlite3 executemany into a plain table.
- PostgreSQL: python-calamine reading every row + psycopg COPY into a plain text table.
The check is timed after the import on a database holding that SIASN file and a 3-school
kabupaten's Dapodik files; its floor is loading the same rows back (SELECT of every SIASN and
PTK row) on the same engine.

Usage: python bench/bench_engines.py --pg-url postgresql+psycopg://postgres@/postgres?host=/tmp/x&port=5432
       [--rows 50000] [--repeat 3]
(the URL names an existing server whose user may create databases; without --pg-url only the
SQLite half runs.)
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path


def make_inputs(folder: Path, rows: int) -> tuple[Path, list[Path]]:
    from operator_app.samples import build_kabupaten, siasn_rows_bulk, write_siasn_xlsx

    path = folder / f"siasn-{rows}.xlsx"
    if not path.exists():
        write_siasn_xlsx(path, list(siasn_rows_bulk(rows, seed=7)))
    kab_dir = folder / "kab-engines"
    if not kab_dir.exists():
        build_kabupaten(5, n_schools=3, siasn_rows=300, inject=True).write(kab_dir)
    dapodik = sorted(p for p in kab_dir.iterdir() if p.name.startswith("daftar-"))
    return path, dapodik


def _rows(path: Path):  # type: ignore[no-untyped-def]
    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    it = iter(sheet.iter_rows())
    return next(it), it


def floor_sqlite(path: Path, target: str) -> None:
    import sqlite3

    header, it = _rows(path)
    con = sqlite3.connect(target)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(len(header)))})")
    sql = f"INSERT INTO t VALUES ({', '.join('?' * len(header))})"
    with con:
        batch = []
        for row in it:
            batch.append(tuple(row))
            if len(batch) >= 5000:
                con.executemany(sql, batch)
                batch = []
        if batch:
            con.executemany(sql, batch)
    con.close()


def floor_pg(path: Path, target: str) -> None:
    import psycopg

    from operator_app.store.location import parse_location

    header, it = _rows(path)
    url = parse_location(target).server_url()
    dsn = url.render_as_string(hide_password=False).replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(dsn) as conn:
        cols = ", ".join(f"c{i} text" for i in range(len(header)))
        conn.execute(f"CREATE TABLE t ({cols})")  # type: ignore[arg-type]
        with conn.cursor() as cur, cur.copy("COPY t FROM STDIN") as copy:
            for row in it:
                copy.write_row([None if v == "" else str(v) for v in row])


def app_import(path: Path, target: str) -> None:
    from operator_app.store.workspace import Workspace

    ws = Workspace(target)
    assert ws.import_files([path]).files[0].rows > 0
    ws.close()


def floor_load(target: str) -> None:
    from sqlalchemy import text

    from operator_app.store.workspace import Workspace

    ws = Workspace(target)
    with ws.engine.connect() as conn:
        conn.execute(text("SELECT * FROM siasn")).all()
        conn.execute(text("SELECT * FROM ptk")).all()
    ws.close()


def app_check(target: str) -> None:
    from operator_app.store.workspace import Workspace

    ws = Workspace(target)
    ws.run_checks()
    ws.close()


def _new_target(engine: str, base: str | None, tmp: Path) -> str:
    if engine == "sqlite":
        return str(tmp / f"bench-{uuid.uuid4().hex[:6]}.sqlite3")
    import psycopg

    from operator_app.store.location import parse_location

    assert base
    url = parse_location(base).server_url()
    name = f"bench_{uuid.uuid4().hex[:10]}"
    dsn = url.render_as_string(hide_password=False).replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    return url.set(database=name).render_as_string(hide_password=False)


def child(which: str, engine: str, path: Path, target: str, dapodik: list[Path]) -> None:
    if which == "app":  # schema creation is not part of the import being measured
        from operator_app.store.workspace import Workspace

        Workspace(target, migrate=True).close()
    if which in ("check", "load"):  # a database holding the SIASN file and 3 schools
        from operator_app.store.workspace import Workspace

        ws = Workspace(target, migrate=True)
        ws.import_files([path, *dapodik])
        ws.close()
    t0 = time.perf_counter()
    if which == "floor":
        (floor_sqlite if engine == "sqlite" else floor_pg)(path, target)
    elif which == "app":
        app_import(path, target)
    elif which == "load":
        floor_load(target)
    else:
        app_check(target)
    dt = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": dt, "peak_mb": peak_mb}))


def run(
    which: str, engine: str, path: Path, base: str | None, dapodik: list[Path]
) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        target = _new_target(engine, base, Path(tmp))
        args = [sys.executable, __file__, "--child", which, engine, str(path), target]
        out = subprocess.run(
            [*args, *map(str, dapodik)], check=True, capture_output=True, text=True
        )
        if engine == "postgresql":
            _drop(base, target)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _drop(base: str | None, target: str) -> None:
    import psycopg

    from operator_app.store.location import parse_location

    assert base
    name = parse_location(target).server_url().database
    url = parse_location(base).server_url()
    dsn = url.render_as_string(hide_password=False).replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pg-url")
    ap.add_argument("--child", nargs="+")
    a = ap.parse_args()
    if a.child:
        which, engine, path, target, *dapodik = a.child
        child(which, engine, Path(path), target, [Path(p) for p in dapodik])
        return
    folder = Path(tempfile.gettempdir()) / "operator-app-bench"
    folder.mkdir(exist_ok=True)
    path, dapodik = make_inputs(folder, a.rows)
    engines = ["sqlite"] + (["postgresql"] if a.pg_url else [])
    for engine in engines:
        res: dict[str, list[dict[str, float]]] = {"floor": [], "app": [], "load": [], "check": []}
        for _ in range(a.repeat):  # interleaved so machine noise hits both alike
            for which, got in res.items():
                got.append(run(which, engine, path, a.pg_url, dapodik))
        med = {k: statistics.median(r["seconds"] for r in v) for k, v in res.items()}
        peak = max(r["peak_mb"] for v in res.values() for r in v)
        print(f"== {engine} ({a.rows} SIASN rows, median of {a.repeat})")
        print(
            f"  import: {med['app']:.2f} s, floor {med['floor']:.2f} s -> {med['app'] / med['floor']:.2f}x"
        )
        print(
            f"  check:  {med['check']:.2f} s, floor (load rows) {med['load']:.2f} s -> {med['check'] / med['load']:.2f}x"
        )
        print(f"  peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
