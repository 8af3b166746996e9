"""The Dinas tab and the school picker at 500 schools / ~20,000 PTK: what runs on the GUI thread.

The database: `samples.build_district(500, seed=1)` written, imported and checked (or `--db`).
Timed, median of `--repeat` runs, each including the views' relayout (processEvents):
- worker thread: `Workspace.school_summaries()` (the presenter's load_district);
- GUI thread: filling the Dinas tab (`DistrictPanel.show_summaries`) and the filter bar's
  picker (`set_schools` + `set_school_counts`), sorting the table by each column, the text
  and kecamatan filters (each timed as a change and its undoing), opening the picker's
  popup, and each keystroke typed into it; results in docs/performance.md;
- floor: one repaint of the Dinas table (30-odd visible rows x 16 columns), which every
  visible change includes.
A GUI-thread step under 16 ms fits in one frame; 100 ms is where a pause is noticed.
Usage: python bench/bench_dinas_view.py [--schools 500] [--repeat 5] [--db DB]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _build(folder: Path, n: int) -> Path:
    from operator_app.samples.district import build_district
    from operator_app.store.workspace import Workspace

    files = build_district(n, seed=1).write(folder / "exports")
    db = folder / "district.sqlite3"
    ws = Workspace(db)
    ws.import_files(files.all)
    ws.run_checks()
    ws.close()
    return db


def _ms(fn: Callable[[], object], repeat: int, app: object) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        app.processEvents()  # type: ignore[attr-defined]
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def run(db: Path, repeat: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from operator_app.store.workspace import Workspace
    from operator_app.ui.district_overview import DistrictPanel
    from operator_app.ui.filter_bar import FilterBar
    from operator_app.ui.filters import PersonFilterProxy

    app = QApplication.instance() or QApplication(sys.argv)
    ws = Workspace(db)
    summaries = ws.school_summaries()
    schools = ws.schools()
    worker = _ms(ws.school_summaries, repeat, app)
    ws.close()

    panel = DistrictPanel()
    panel.resize(1280, 700)
    panel.show()
    panel.show_summaries(summaries)
    app.processEvents()
    floor = _ms(panel.table.viewport().repaint, repeat, app)  # what any visible change costs
    bar = FilterBar(PersonFilterProxy())
    bar.show()
    results = {
        "fill Dinas tab": _ms(lambda: panel.show_summaries(summaries), repeat, app),
        "fill picker": _ms(
            lambda: (bar.set_schools(schools), bar.set_school_counts(summaries)), repeat, app
        ),
    }
    sorts = []
    for col in range(panel.model.columnCount()):
        sorts.append(
            _ms(lambda c=col: panel.table.sortByColumn(c, Qt.SortOrder.DescendingOrder), 1, app)
        )
    results["sort (worst column)"] = max(sorts)
    results["text filter 'sido'"] = _ms(
        lambda: (panel.search.setText("sido"), panel.search.clear()), repeat, app
    )
    results["kecamatan filter"] = _ms(
        lambda: (panel.kecamatan.setCurrentIndex(3), panel.kecamatan.setCurrentIndex(0)),
        repeat,
        app,
    )
    picker = bar.school
    results["open picker popup"] = _ms(
        lambda: (picker.open_search(), picker.popup.hide()), repeat, app
    )
    picker.open_search()
    typed = ("s", "sd", "sd ", "sd 2", "sd 2 s", "sd 2 si", "sd 2 sid", "sd 2 sido", "1", "12")
    keys: list[list[float]] = [[] for _ in typed]
    for _ in range(repeat):  # each keystroke changes the text, so each one filters anew
        picker.popup.edit.clear()
        app.processEvents()
        for n, text in enumerate(typed):
            t0 = time.perf_counter()
            picker.popup.edit.setText(text)
            app.processEvents()
            keys[n].append((time.perf_counter() - t0) * 1000)
    picker.popup.hide()
    results["picker keystroke (worst)"] = max(statistics.median(k) for k in keys)
    print(f"{len(summaries)} schools, {sum(s.n_ptk for s in summaries)} PTK; median of {repeat}:")
    print(f"  worker: school_summaries {worker:8.1f} ms")
    print(f"  floor:  repaint of the Dinas table     {floor:8.1f} ms")
    for name, ms in results.items():
        print(f"  GUI:    {name:28s} {ms:8.1f} ms  ({ms / max(floor, 1e-3):.1f}x floor)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--schools", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    if args.db:
        run(args.db, args.repeat)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        run(_build(Path(tmp), args.schools), args.repeat)
    return 0


if __name__ == "__main__":
    code = main()
    # PySide6 6.12.0 on Python 3.11 releases None once too often per void Qt call made from
    # Python; these loops make tens of thousands with few repaints between them (which, in
    # the app, hand None references back), and the interpreter's teardown then died with
    # "none_dealloc". The numbers are printed: leave without the teardown.
    sys.stdout.flush()
    os._exit(code)
