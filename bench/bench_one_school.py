"""Importing ONE school into a district database (50 / 200 / 500 schools), scoped re-check included.

Per size: `build_district(n, seed=1)` is written, imported and fully checked into a base
database (not timed). Then a later export of one school (guru + tendik, downloaded an hour later,
two guru rows dropped and one NIP emptied, so findings change) is imported into a fresh copy of
that database and checked again (`Workspace.import_files` + `Workspace.run_checks`, which takes
the scoped path after an import of Dapodik files only). The daily "before import" backup is taken
before the clock starts (only the first import of a day pays it; its cost is printed once).
Floor, interleaved in the same run: python-calamine reading both files plus raw sqlite3
executemany of their rows into a fresh table, one transaction.
Each measurement runs in a child process (a warm-up import first, as in a window that has
imported before), so `--tree main=/work/main --tree this=.` compares two source trees
interleaved on the same base database.
Usage: python bench/bench_one_school.py [50 200 500] [--repeat 5] [--profile] [--tree NAME=PATH]
Goal: <= 0.5 s at 500 schools.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

GOAL = 0.5


def _peak_mb() -> float:
    """This process's own peak (VmHWM): ru_maxrss keeps the forking parent's peak across exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def floor(paths: list[Path], db: Path) -> None:
    """calamine -> sqlite3 of the files' rows, one transaction (what any import must pay)."""
    from python_calamine import CalamineWorkbook

    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    with con:
        for i, path in enumerate(paths):
            rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
            width = max(len(r) for r in rows)
            cols = ", ".join(f"c{j}" for j in range(width))
            con.execute(f"CREATE TABLE t{i} ({cols})")
            sql = f"INSERT INTO t{i} VALUES ({', '.join('?' * width)})"
            con.executemany(sql, [tuple(r) + ("",) * (width - len(r)) for r in rows])
    con.close()


def later_export(school: Any, folder: Path) -> list[Path]:
    """The school's guru and tendik exports an hour later, with edits that change findings."""
    from operator_app.samples.fastxlsx import write_dapodik_xlsx_fast

    later = dataclasses.replace(school, downloaded_at=school.downloaded_at + timedelta(hours=1))
    guru = [dict(r) for r in school.rows("guru")]
    del guru[1:3]
    guru[0] = {**guru[0], "NIP": ""}
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_dapodik_xlsx_fast(folder / later.file_name("guru"), later, guru, "guru"),
        write_dapodik_xlsx_fast(
            folder / later.file_name("tendik"), later, later.rows("tendik"), "tendik"
        ),
    ]


def one_import(base: Path, run_dir: Path, files: list[Path], profile: bool) -> tuple[float, int]:
    """Copy the base database (and its backups folder), import + re-check; (seconds, scope)."""
    from operator_app.store import scope as scope_mod
    from operator_app.store.workspace import Workspace

    shutil.copytree(base.parent, run_dir)
    ws = Workspace(run_dir / base.name)
    seen: list[int] = []
    real = scope_mod.scoped_input

    def spy(conn: Any, changed: Any, new: Any) -> Any:
        got = real(conn, changed, new)
        seen.append(-1 if got is None else len(got.school_ids))
        return got

    scope_mod.scoped_input = spy  # type: ignore[assignment]
    try:
        prof = None
        if profile:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        t0 = time.perf_counter()
        ws.import_files(files)
        ws.run_checks()
        dt = time.perf_counter() - t0
        if prof is not None:
            import pstats

            prof.disable()
            pstats.Stats(prof).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(35)
    finally:
        scope_mod.scoped_input = real
        ws.close()
    return dt, (seen[0] if seen else 0)


def measure(base: Path, work: Path, files: list[Path], profile: bool) -> None:
    """Child process: one warm-up import (lazy imports, statement caches: the window has them
    already after its first action), then the measured one on a fresh copy; prints JSON."""
    one_import(base, work / "warm", files, False)
    dt, scope = one_import(base, work / "run", files, profile)
    peak = _peak_mb()
    print(json.dumps({"seconds": dt, "scope": scope, "peak_mb": peak}))


def _child(tree: str, base: Path, work: Path, files: list[Path], profile: bool) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(Path(tree).resolve()))
    args = ["--measure", str(base), str(work), *map(str, files)] + (
        ["--profile"] if profile else []
    )
    out = subprocess.run(
        [sys.executable, __file__, *args], env=env, check=True, capture_output=True, text=True
    )
    if profile:
        print(out.stdout)
    shutil.rmtree(work, ignore_errors=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run(n: int, repeat: int, profile: bool, trees: dict[str, str]) -> None:
    from operator_app.samples.district import build_district
    from operator_app.store.db import backup
    from operator_app.store.workspace import Workspace

    d = build_district(n, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        all_files = d.write(folder / "exports")
        base = folder / "base" / "district.sqlite3"
        base.parent.mkdir()
        ws = Workspace(base)
        ws.import_files(all_files.all)
        ws.run_checks(full=True)
        ws.close()
        t0 = time.perf_counter()
        backup(base, "sebelum-impor")  # today's copy: later imports today take none
        backup_s = time.perf_counter() - t0
        school = d.schools[len(d.schools) // 2]
        files = later_export(school, folder / "later")
        n_rows = len(school.rows("guru")) - 2 + len(school.rows("tendik"))
        floors: list[float] = []
        got: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
        for i in range(repeat):  # interleaved so machine noise hits all alike
            t0 = time.perf_counter()
            floor(files, folder / f"floor-{i}.sqlite3")
            floors.append(time.perf_counter() - t0)
            for name, tree in trees.items():
                work = folder / f"{name}-{i}"
                got[name].append(_child(tree, base, work, files, profile and i == 0))
        size_mb = base.stat().st_size / 1e6
    f = statistics.median(floors)
    print(
        f"{n:4d} schools ({d.n_ptk:6d} PTK, {len(d.siasn_rows):6d} SIASN, db {size_mb:.0f} MB), "
        f"one school ({n_rows} rows, 2 files); floor (calamine + sqlite3 of the 2 files) "
        f"{f:.3f} s; daily backup (first import of a day only) {backup_s:.2f} s"
    )
    for name, runs in got.items():
        secs = [r["seconds"] for r in runs]
        a = statistics.median(secs)
        print(
            f"  {name:<8} import + re-check median {a:.3f} s (min {min(secs):.3f}, max "
            f"{max(secs):.3f}), {a / f:.0f}x the floor, scope {runs[0]['scope']} schools, peak "
            f"{max(r['peak_mb'] for r in runs):.0f} MB; goal <= {GOAL} s: "
            f"{'met' if a <= GOAL else 'NOT met'}"
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument(
        "--tree",
        action="append",
        default=[],
        help="NAME=PATH of a source tree to measure (repeatable; default: this checkout)",
    )
    ap.add_argument("--measure", nargs="+")
    a = ap.parse_args()
    if a.measure:
        base, work, *files = map(Path, a.measure)
        measure(base, work, files, a.profile)
        return
    root = str(Path(__file__).resolve().parent.parent)
    trees = dict(t.split("=", 1) for t in a.tree) or {"this": root}
    for n in a.sizes or [50, 200, 500]:
        run(n, a.repeat, a.profile, trees)


if __name__ == "__main__":
    main()
