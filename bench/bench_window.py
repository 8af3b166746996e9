"""The main window on a district database: 50 / 200 / 500 schools (500: ~20,000 PTK, 60,000 SIASN).

Per size a child process builds the database (`build_district(n, seed=1)`, written, imported,
checked). Then, in fresh processes (offscreen, private settings folder), the real MainWindow:
- fill: from constructing the window (which opens the Workspace on the worker thread) to its
  `rows_loaded` signal (rows queried, model filled, sorted by Tingkat) and on to the window
  being idle (overview loaded too);
- detail: a click on a teacher with findings (the table's current row changes, as a mouse click
  does) to `detail_loaded`, then repainted; median over several teachers;
- filter: typing a name into the search box, choosing a severity and a follow-up status,
  clearing them; each timed to the proxy's row count being updated plus the view's repaint;
- peak RSS of the window process.
Floors, in the same run: fill - raw sqlite3 `SELECT` of the current PTK rows and open findings
(what any table of people must read); filter - one Python pass over the rows' search strings.
Usage: python bench/bench_window.py [50 200 500] [--repeat 3] [--tree NAME=PATH ...]
(`--tree` runs the window of each source tree, interleaved, on the same database.)
Goals at 20k PTK: fill <= 1.5 s, detail <= 100 ms, filter <= 50 ms, memory <= 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FILL_GOAL, DETAIL_GOAL_MS, FILTER_GOAL_MS, MEMORY_GOAL_MB = 1.5, 100.0, 50.0, 500.0


def _peak_mb() -> float:
    """This process's own peak (VmHWM): ru_maxrss keeps the forking parent's peak across exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_db(n: int, folder: Path) -> Path:
    from operator_app.samples.district import build_district
    from operator_app.store.workspace import Workspace

    d = build_district(n, seed=1)
    files = d.write(folder / "exports")
    db = folder / "db" / "district.sqlite3"
    db.parent.mkdir()
    ws = Workspace(db)
    ws.import_files(files.all)
    ws.run_checks(full=True)
    ws.close()
    return db


def floor_fill(db: Path) -> float:
    t0 = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute(
        "SELECT p.* FROM ptk p JOIN import_batch b ON b.id = p.batch_id WHERE b.is_current"
    ).fetchall()
    con.execute("SELECT * FROM finding").fetchall()
    con.close()
    return time.perf_counter() - t0


def _until(signal: Any, limit: float = 60.0) -> None:
    """Run the event loop until `signal` fires, as app.exec() would: the GUI thread sleeps in
    the dispatcher meanwhile (polling with processEvents would compete with the worker thread
    for the GIL and slow down what is measured)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    fired: list[bool] = []

    def done() -> None:
        fired.append(True)
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(int(limit * 1000), loop.quit)
    loop.exec()
    signal.disconnect(done)
    if not fired:
        raise RuntimeError("timed out")


def window_child(db: Path) -> None:
    from operator_app.ui.app import make_app, wait_idle
    from operator_app.ui.main_window import MainWindow

    app = make_app("id")
    marks: dict[str, float] = {}
    t0 = time.perf_counter()
    window = MainWindow(db)  # opens the Workspace on the worker thread
    window.rows_loaded.connect(lambda: marks.setdefault("rows", time.perf_counter()))
    window.show()
    _until(window.rows_loaded)
    app.processEvents()  # the table's first paint
    marks["painted"] = time.perf_counter()
    wait_idle(window, app)
    marks["idle"] = time.perf_counter()
    out: dict[str, Any] = {
        "rows": window.model.rowCount(),
        "fill": marks["rows"] - t0,
        "fill_painted": marks["painted"] - t0,
        "idle": marks["idle"] - t0,
    }
    out["detail"] = _details(app, window)
    out["peak_mb_filled"] = _peak_mb()
    out["filter"] = _filters(app, window)
    window.shutdown()
    window.close()
    out["peak_mb"] = _peak_mb()
    print(json.dumps(out), flush=True)
    os._exit(0)  # PySide6 may crash while the interpreter tears down its objects


def _details(app: Any, window: Any) -> list[float]:
    """Clicks on teachers with findings, spread over the table: seconds to the detail shown."""
    from operator_app.ui.app import wait_idle

    proxy, model, table = window.proxy, window.model, window.table
    rows = [
        r for r in range(proxy.rowCount())
        if model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).n_findings
    ]  # fmt: skip
    picks = rows[:: max(1, len(rows) // 7)][:7]
    times = []
    for r in picks:
        t0 = time.perf_counter()
        table.setCurrentIndex(proxy.index(r, 0))  # what a click does: the detail loads async
        _until(window.detail_loaded)
        app.processEvents()
        times.append(time.perf_counter() - t0)
        wait_idle(window, app)
    return times


def _filters(app: Any, window: Any) -> dict[str, list[float]]:
    """Typing and choosing in the filter bar; seconds to the filtered, repainted table."""
    from operator_app.ui.app import wait_idle

    bar, proxy, model = window.filters, window.proxy, window.model
    name = next(model.row_at(i) for i in range(model.rowCount()) if model.row_at(i).n_findings)
    needle = name.nama.split()[0].lower()

    def pick(combo_name: str, index: int) -> Any:
        combo = getattr(bar, combo_name, None)
        return (lambda: combo.setCurrentIndex(index)) if combo is not None else None

    steps = [
        (f"type {needle!r} in the search box", lambda: bar.search.setText(needle)),
        ("clear the search box", lambda: bar.search.setText("")),
        ("severity: the first level", pick("severity", 1)),
        ("status: the first status", pick("workflow", 1)),
        ("clear the status", pick("workflow", 0)),
        ("clear the severity", pick("severity", 0)),
    ]
    out: dict[str, list[float]] = {}
    for _ in range(5):
        window.table.selectRow(proxy.rowCount() // 2)
        wait_idle(window, app)
        for label, step in steps:
            if step is None:
                continue
            t0 = time.perf_counter()
            step()
            app.processEvents()  # the view's relayout and repaint
            out.setdefault(label, []).append(time.perf_counter() - t0)
            out.setdefault(label + " rows", []).append(proxy.rowCount())
            wait_idle(window, app)  # a detail load the selection change started
    return out


def floor_filter(db: Path, needle: str) -> float:
    from operator_app.store.workspace import Workspace

    ws = Workspace(db)
    hay = [
        f"{r.nama}\x1f{r.nip_dapodik}\x1f{r.nip_siasn}\x1f{r.nik}".lower() for r in ws.person_rows()
    ]
    ws.close()
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        [i for i, s in enumerate(hay) if needle in s]
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _child(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, *args], env=env, check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:6.1f} ms (max {max(values) * 1000:6.1f})"


def run(n: int, repeat: int, trees: dict[str, str | None]) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp / "config"))
        t0 = time.perf_counter()
        db = Path(_child(["--make", str(n), str(tmp)], env)["db"])
        built = time.perf_counter() - t0
        floors: list[float] = []
        got: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
        for _ in range(repeat):  # interleaved so machine noise hits all alike
            floors.append(floor_fill(db))
            for name, tree in trees.items():
                tree_env = env if tree is None else {**env, "PYTHONPATH": str(Path(tree).resolve())}
                got[name].append(_child(["--window", str(db)], tree_env))
        needle_floor = floor_filter(db, "a")
    for name, runs in got.items():
        if len(trees) > 1:
            print(f"[{name}]")
        _report(n, runs, floors, built)
    print(f"  floor: one Python pass over the search strings {needle_floor * 1000:.1f} ms")


def _report(n: int, runs: list[dict[str, Any]], floors: list[float], built: float) -> None:
    fill = statistics.median(r["fill"] for r in runs)
    floor = statistics.median(floors)
    details = [t for r in runs for t in r["detail"]]
    peak = max(r["peak_mb"] for r in runs)
    print(
        f"{n:4d} schools, {runs[0]['rows']:6d} table rows (db built in {built:.0f} s): "
        f"fill {fill:.2f} s (goal <= {FILL_GOAL} s: {'met' if fill <= FILL_GOAL else 'NOT met'}; "
        f"painted {statistics.median(r['fill_painted'] for r in runs):.2f} s, idle with the "
        f"overview {statistics.median(r['idle'] for r in runs):.2f} s; floor: raw SELECT of the "
        f"PTK and findings {floor:.3f} s, {fill / floor:.1f}x); peak {peak:.0f} MB (goal <= "
        f"{MEMORY_GOAL_MB:.0f}: {'met' if peak <= MEMORY_GOAL_MB else 'NOT met'})"
    )
    med = statistics.median(details) * 1000
    print(f"  detail (click -> shown)         {_ms(details)}  goal <= {DETAIL_GOAL_MS:.0f} ms: "
          f"{'met' if med <= DETAIL_GOAL_MS else 'NOT met'}")  # fmt: skip
    for label in runs[0]["filter"]:
        if label.endswith(" rows"):
            continue
        ts = [t for r in runs for t in r["filter"][label]]
        med = statistics.median(ts) * 1000
        shown = runs[0]["filter"][label + " rows"][0]
        print(f"  {label:<32}{_ms(ts)}, {shown:6d} rows shown; goal <= {FILTER_GOAL_MS:.0f} ms: "
              f"{'met' if med <= FILTER_GOAL_MS else 'NOT met'}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--make", nargs=2)
    ap.add_argument("--window")
    ap.add_argument("--tree", action="append", default=[], help="NAME=PATH (repeatable)")
    a = ap.parse_args()
    if a.make:
        print(json.dumps({"db": str(make_db(int(a.make[0]), Path(a.make[1])))}))
    elif a.window:
        window_child(Path(a.window))
    else:
        trees: dict[str, str | None] = dict(t.split("=", 1) for t in a.tree) or {"this": None}
        for n in a.sizes or [50, 200, 500]:
            run(n, a.repeat, trees)


if __name__ == "__main__":
    main()
