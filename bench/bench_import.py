"""Import of a 50,000-row x 67-column SIASN xlsx against the floor measured in the same run.

Floor = python-calamine reading every row + raw sqlite3 executemany of the same rows in one
transaction (PERFORMANCE.md). Each measurement runs in a fresh process (peak RSS is per process).
Usage: python bench/bench_import.py [--rows 50000] [--repeat 3] [--tree main=/path/to/main]
       [--shared-strings]
(`--shared-strings` measures the same export as Excel saves it, its texts in a shared-strings
part: sources.xlsx_pieces leaves such a workbook to the whole-file read.)
(`--tree` times another source tree's import too, interleaved with this one's and the floor.)
Wall-time medians decide the goal; the CPU-time ratio is printed too, because on a shared machine
wall time swings with the other work on the cores while the CPU time of the call barely does.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def make_input(folder: Path, rows: int, shared: bool = False) -> Path:
    from operator_app.samples import siasn_rows_bulk, write_siasn_xlsx

    path = folder / f"siasn-{rows}.xlsx"
    if not path.exists():
        write_siasn_xlsx(path, list(siasn_rows_bulk(rows, seed=7)))
    if not shared:
        return path
    out = folder / f"siasn-{rows}-shared-strings.xlsx"
    if not out.exists():
        _shared_strings(path, out)
    return out


def _shared_strings(src: Path, dst: Path) -> None:
    """`src` (openpyxl's inline strings) with every text moved into xl/sharedStrings.xml, as
    Excel writes a workbook; the cells read back the same."""
    import re
    import zipfile

    sheet_name = "xl/worksheets/sheet1.xml"
    index: dict[bytes, int] = {}

    def shared(m: re.Match[bytes]) -> bytes:
        i = index.setdefault(m[2], len(index))
        return b'<c r="' + m[1] + b'" t="s"><v>' + str(i).encode() + b"</v></c>"

    cell = re.compile(rb'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t>(.*?)</t></is></c>')
    ns = b"http://schemas.openxmlformats.org/"
    with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            data = zi.read(info)
            if info.filename == sheet_name:
                data = cell.sub(shared, data)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
                    b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdSst" Type="' + ns + b"officeDocument/2006/"
                    b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
                )
            zo.writestr(info.filename, data)
        items = b"".join(b"<si><t>" + text + b"</t></si>" for text in index)
        zo.writestr(
            "xl/sharedStrings.xml",
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="' + ns
            + b'spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(index), len(index))
            + items + b"</sst>",
        )  # fmt: skip


def floor(path: Path, db: Path) -> None:
    import sqlite3

    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    it = iter(sheet.iter_rows())
    header = next(it)
    cols = ", ".join(f"c{i}" for i in range(len(header)))
    con.execute(f"CREATE TABLE t ({cols})")
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


WORKER_MB: list[float] = []  # peak of the process that read the file (sources.big_file)


def app(path: Path, db: Path) -> None:
    from bench_district import WorkerPeak  # bench/ is this script's folder

    from operator_app.store.workspace import Workspace

    ws = Workspace(db)
    with WorkerPeak() as worker:
        report = ws.import_files([path])
    WORKER_MB.append(worker.mb)
    assert report.files[0].rows > 0
    # timed to the pages in the database file, as the floor's commit (store/checkpoint.py moves
    # that copy out of the import's commit onto a thread; close waits for it)
    ws.close()


def _children_cpu() -> float:
    t = os.times()
    return t.children_user + t.children_system


def child(which: str, path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        if which == "app":  # schema creation is not part of the import being measured
            from operator_app.store.db import open_database

            open_database(db).dispose()
        t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
        (floor if which == "floor" else app)(path, db)
        # the reading process's CPU counts too (it is waited for, so the OS reports it)
        dt = time.perf_counter() - t0
        cpu = time.process_time() - c0 + _children_cpu() - k0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = max(WORKER_MB, default=0.0)
    print(
        json.dumps({"seconds": dt, "cpu_seconds": cpu, "peak_mb": peak_mb, "worker_mb": worker_mb})
    )


def run(which: str, path: Path, tree: str | None = None) -> dict[str, float]:
    # this tree by default: without PYTHONPATH an installed (editable) operator_app may be another
    root = Path(tree).resolve() if tree is not None else Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=str(root))
    out = subprocess.run(
        [sys.executable, __file__, "--child", which, str(path)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", nargs=2)
    ap.add_argument("--shared-strings", action="store_true")
    ap.add_argument(
        "--tree",
        action="append",
        default=[],
        help="NAME=PATH: also time the import of this source tree, interleaved (repeatable)",
    )
    a = ap.parse_args()
    if a.child:
        child(a.child[0], Path(a.child[1]))
        return
    folder = Path(tempfile.gettempdir()) / "operator-app-bench"
    folder.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    path = make_input(folder, a.rows, a.shared_strings)
    print(
        f"input: {path.name} ({path.stat().st_size / 1e6:.1f} MB, made in {time.perf_counter() - t0:.1f} s)"
    )
    floors, apps = [], []
    trees = dict(t.split("=", 1) for t in a.tree)
    others: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(a.repeat):  # interleaved so machine noise hits both alike
        floors.append(run("floor", path))
        apps.append(run("app", path))
        for name, tree in trees.items():
            others[name].append(run("app", path, tree))
    f = statistics.median(r["seconds"] for r in floors)
    s = statistics.median(r["seconds"] for r in apps)
    fc = statistics.median(r["cpu_seconds"] for r in floors)
    sc = statistics.median(r["cpu_seconds"] for r in apps)
    peak = max(r["peak_mb"] for r in apps)
    print(
        f"floor (calamine + sqlite3 executemany): median {f:.2f} s, peak {max(r['peak_mb'] for r in floors):.0f} MB"
    )
    worker = max(r.get("worker_mb", 0.0) for r in apps)
    print(
        f"operator-app import:                    median {s:.2f} s, peak {peak:.0f} MB"
        f" + reading process {worker:.0f} MB"
    )
    print(
        f"ratio: {s / f:.2f}x the floor (goal <= 1.5x, limit 2x); peak {peak + worker:.0f} MB"
        " both processes (goal <= 300, limit 500)"
    )
    # CPU time of the measured call: steadier than wall time when other work shares the cores
    print(f"cpu: floor median {fc:.2f} s, operator-app {sc:.2f} s, ratio {sc / fc:.2f}x")
    for name, runs in others.items():
        w = statistics.median(r["seconds"] for r in runs)
        c = statistics.median(r["cpu_seconds"] for r in runs)
        print(
            f"tree {name}: median {w:.2f} s, {w / f:.2f}x the floor; cpu {c:.2f} s, "
            f"{c / fc:.2f}x; peak {max(r['peak_mb'] for r in runs):.0f} MB"
        )


if __name__ == "__main__":
    main()
