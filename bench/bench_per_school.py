"""Per-school export package (`export --per-school`) of 50 / 200 / 500 schools against a floor.

Per size: `samples.build_district(n, seed=1)` is written, imported and checked into a temporary
SQLite database (in a child). Then, each in a fresh child process (peak memory = its max RSS):
- app: `exporting_per_school.export_per_school` (the code behind the CLI and the window), wall
  time split into workbook / checklist / letter / the rest (Rekap, reading the district, folders);
- floor: the same folders and the same number of files of each kind written with nothing in
  them: an openpyxl workbook holding one cell, a one-page QPdfWriter PDF with one line of text
  (so each PDF still embeds a font), from one QGuiApplication;
- loop (`--loop`): `exporting.export` once per school, what a script calling
  the single-school export does (each call reads the database again).
Ratio = app / floor measured in the same run. Goal: 500 schools <= 60 s, peak <= 500 MB.
Usage: python bench/bench_per_school.py [50 200 500] [--loop]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's operator_app, not an installed one


def _peak_child(args: list[str]) -> tuple[dict[str, float], float]:
    """Run this script with `args`; returns (its JSON output, peak RSS in MB)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, text=True, env=env
    )
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"child {args} failed")
    return json.loads(out.strip().splitlines()[-1]), usage.ru_maxrss / 1024


def child_make(n: int, folder: Path) -> None:
    from operator_app.samples.district import build_district
    from operator_app.store.workspace import Workspace

    files = build_district(n, seed=1).write(folder / "exports")
    ws = Workspace(folder / "district.sqlite3")
    ws.import_files(files.all)
    ws.run_checks()
    ws.close()
    print(json.dumps({"db": 1}))


def child_app(db: Path, out: Path) -> None:
    from operator_app import exporting_per_school as eps
    from operator_app.store.workspace import Workspace

    spent = {"xlsx": 0.0, "pdf": 0.0, "letter": 0.0}
    real_write = eps._SchoolWriter._write

    def timed(self, kind, path, school, findings):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            real_write(self, kind, path, school, findings)
        finally:
            spent[kind] += time.perf_counter() - t0

    eps._SchoolWriter._write = timed  # type: ignore[method-assign]
    ws = Workspace(db)
    t0 = time.perf_counter()
    report = eps.export_per_school(ws, out)
    total = time.perf_counter() - t0
    n_xlsx = sum(f.endswith(".xlsx") for s in report.schools for f in s.files) + 1  # + Rekap
    n_pdf = sum(f.endswith(".pdf") for s in report.schools for f in s.files)
    print(json.dumps({"seconds": total, **spent, "xlsx_files": n_xlsx, "pdf_files": n_pdf,
                      "failed": len(report.failed), "schools": len(report.schools)}))  # fmt: skip


def child_floor(db: Path, out: Path, n_xlsx: int, n_pdf: int) -> None:
    from openpyxl import Workbook
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPainter, QPdfWriter

    from operator_app.exporting_package import plan_folders
    from operator_app.reports.printing import PDF_RESOLUTION, ensure_gui_app, page_layout
    from operator_app.store.workspace import Workspace

    ws = Workspace(db)
    t0 = time.perf_counter()
    plans = plan_folders(ws.schools())
    ensure_gui_app()
    folders = []
    for p in plans:
        folder = out.joinpath(*p.folder.split("/"))
        folder.mkdir(parents=True)
        folders.append((folder, p.school.name))
    for i in range(n_xlsx):
        folder, name = folders[i % len(folders)]
        wb = Workbook()
        wb.active["A1"] = name  # type: ignore[index]
        wb.save(folder / f"floor-{i}.xlsx")
    for i in range(n_pdf):
        folder, name = folders[i % len(folders)]
        writer = QPdfWriter(str(folder / f"floor-{i}.pdf"))
        writer.setResolution(PDF_RESOLUTION)
        writer.setPageLayout(page_layout("a4"))
        painter = QPainter(writer)
        painter.drawText(QPointF(0, 40), f"Daftar Periksa Perbaikan Data PTK - {name}")
        painter.end()
        del writer
    print(json.dumps({"seconds": time.perf_counter() - t0}))


def child_loop(db: Path, out: Path) -> None:
    from operator_app.exporting import ExportRequest, export
    from operator_app.store.workspace import Workspace

    ws = Workspace(db)
    t0 = time.perf_counter()
    for i, s in enumerate(ws.schools()):
        req = ExportRequest(school=s.name, xlsx=out / f"{i}.xlsx", pdf=out / f"{i}.pdf",
                            letter=out / f"{i}-surat.pdf")  # fmt: skip
        export(ws, req)
    print(json.dumps({"seconds": time.perf_counter() - t0}))


def run(n: int, loop: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        _peak_child(["make", str(n), tmp])
        made = time.perf_counter() - t0
        db = str(folder / "district.sqlite3")
        app, app_peak = _peak_child(["app", db, str(folder / "paket")])
        floor, floor_peak = _peak_child(
            ["floor", db, str(folder / "floor"), str(app["xlsx_files"]), str(app["pdf_files"])]
        )
        line = (
            f"{n:4d} schools: package {app['seconds']:6.2f} s (workbooks {app['xlsx']:.2f}, "
            f"checklists {app['pdf']:.2f}, letters {app['letter']:.2f}, rest "
            f"{app['seconds'] - app['xlsx'] - app['pdf'] - app['letter']:.2f}) "
            f"{app['xlsx_files']:.0f} xlsx + {app['pdf_files']:.0f} pdf, {app['failed']:.0f} "
            f"failed, peak {app_peak:.0f} MB | floor {floor['seconds']:.2f} s, peak "
            f"{floor_peak:.0f} MB | ratio {app['seconds'] / floor['seconds']:.1f}x "
            f"| {app['seconds'] / n * 1000:.0f} ms/school (district built in {made:.0f} s)"
        )
        if loop:
            (folder / "loop").mkdir()
            looped, loop_peak = _peak_child(["loop", db, str(folder / "loop")])
            line += f" | loop of single exports {looped['seconds']:.2f} s, peak {loop_peak:.0f} MB"
        print(line, flush=True)


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] == "--child":
        which, *rest = args[1:]
        if which == "make":
            child_make(int(rest[0]), Path(rest[1]))
        elif which == "app":
            child_app(Path(rest[0]), Path(rest[1]))
        elif which == "floor":
            child_floor(Path(rest[0]), Path(rest[1]), int(rest[2]), int(rest[3]))
        else:
            child_loop(Path(rest[0]), Path(rest[1]))
        return
    sizes = [int(a) for a in args if a.isdigit()] or [50, 200, 500]
    print(f"load average {os.getloadavg()[0]:.1f} at start", flush=True)
    for n in sizes:
        run(n, loop="--loop" in args)


if __name__ == "__main__":
    main()
