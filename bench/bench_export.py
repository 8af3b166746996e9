"""Export of 1 school and of 50 schools (workbook, checklist PDF, letter PDF) against floors.

The input is generated: `build_kabupaten` (50 schools, a 50,000-row SIASN export, every finding
code planted), written, imported and checked into a temporary database. Each export then runs
through `exporting.export`, the code behind `operator-app export` and the GUI's export action,
in a fresh process: "cold" is the first export of the process (it pays the lazy imports of
openpyxl / Qt and the QGuiApplication, as the CLI does), "warm" the median of the next ones (as
a second export from the window). Peak memory is the child's max RSS (os.wait4); the database is
built in a child too, so that no child inherits a big parent's high-water mark through fork.

Floors, measured in the same run and in the same way (cold and warm):
- workbook: openpyxl `write_only` writing the same cell values, no styles (the app's own output
  read back, sheet by sheet);
- PDFs: QPdfWriter writing the same number of pages (same resolution and paper), each with only
  a header and a footer line, no text layout.
Besides, the whole `python -m operator_app export ...` process is timed for the 1-school case.
Usage: python bench/bench_export.py [--schools 50] [--siasn 50000] [--repeat 3] [--warm 3]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KINDS = ("xlsx", "pdf", "letter")  # ExportRequest fields
LABELS = {"xlsx": "workbook (xlsx)", "pdf": "checklist (PDF)", "letter": "letter (PDF)"}
GOALS = {"one": 1.0, "all": 10.0}


def make_database(folder: Path, n_schools: int, siasn_rows: int) -> tuple[Path, str, int]:
    """Build, import and check a kabupaten; returns the DB, the school with the most findings
    (the 1-school case) and the total number of findings."""
    from collections import Counter

    from operator_app.samples import build_kabupaten
    from operator_app.store.workspace import Workspace

    kab = build_kabupaten(23, n_schools=n_schools, siasn_rows=siasn_rows, inject=True)
    files = kab.write(folder / "inputs")
    db = folder / "bench.sqlite3"
    ws = Workspace(db)
    ws.import_files(files.all)
    ws.run_checks()
    findings = ws.findings()
    ws.close()
    busiest, _ = Counter(f.school_name for f in findings).most_common(1)[0]
    return db, busiest or "", len(findings)


def _peak_child(cmd: list[str]) -> tuple[str, float, float]:
    """Run `cmd`; returns (stdout, wall seconds, peak RSS in MB of that process)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed with {proc.returncode}")
    return out, wall, usage.ru_maxrss / 1024


def child_app(kind: str, db: Path, school: str, out: Path, warm: int) -> None:
    from operator_app.exporting import ExportRequest, export
    from operator_app.store.workspace import Workspace

    ws = Workspace(db)
    req = ExportRequest(school=school or None, **{kind: out})
    times = []
    for _ in range(1 + warm):
        t0 = time.perf_counter()
        export(ws, req)
        times.append(time.perf_counter() - t0)
    print(json.dumps({"cold": times[0], "warm": statistics.median(times[1:])}))


def child_floor_xlsx(cells_file: Path, out: Path, warm: int) -> None:
    sheets = pickle.loads(cells_file.read_bytes())
    times = []
    for _ in range(1 + warm):
        t0 = time.perf_counter()
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        for name, rows in sheets:
            ws = wb.create_sheet(name)
            for row in rows:
                ws.append(row)
        wb.save(out)
        times.append(time.perf_counter() - t0)
    print(json.dumps({"cold": times[0], "warm": statistics.median(times[1:])}))


def child_floor_pdf(pages: int, out: Path, warm: int) -> None:
    times = []
    for _ in range(1 + warm):
        t0 = time.perf_counter()
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QGuiApplication, QPainter, QPdfWriter

        from operator_app.reports.printing import PDF_RESOLUTION, page_layout

        if QGuiApplication.instance() is None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            app = QGuiApplication(sys.argv[:1])  # noqa: F841  # lives until the process ends
        writer = QPdfWriter(str(out))
        writer.setResolution(PDF_RESOLUTION)
        writer.setPageLayout(page_layout("a4"))
        painter = QPainter(writer)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.drawText(QPointF(0, 40), "Daftar Periksa Perbaikan Data PTK - SD NEGERI 1")
            painter.drawText(QPointF(0, writer.height() - 10), f"Halaman {page + 1} dari {pages}")
        painter.end()
        del writer
        times.append(time.perf_counter() - t0)
    print(json.dumps({"cold": times[0], "warm": statistics.median(times[1:])}))


def cells_of(xlsx: Path, dest: Path) -> int:
    """Pickle every sheet's cell values of `xlsx` to `dest`; returns the number of cells."""
    from openpyxl import load_workbook

    wb = load_workbook(xlsx, read_only=True)
    sheets = [(ws.title, [list(r) for r in ws.iter_rows(values_only=True)]) for ws in wb]
    wb.close()
    dest.write_bytes(pickle.dumps(sheets))
    return sum(len(r) for _, rows in sheets for r in rows)


def pages_of(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def _me(*args: object) -> list[str]:
    return [sys.executable, __file__, "--child", *map(str, args)]


def measure(
    kind: str, scope: str, db: Path, school: str, tmp: Path, repeat: int, warm: int
) -> dict[str, float]:
    suffix = ".xlsx" if kind == "xlsx" else ".pdf"
    out = tmp / f"{kind}-{scope}{suffix}"
    floor_out = tmp / f"floor-{kind}-{scope}{suffix}"
    name = school if scope == "one" else ""
    apps, floors, peaks, floor_peaks = [], [], [], []
    size = 0
    for i in range(repeat):  # interleaved so machine noise hits both alike
        text, _, peak = _peak_child(_me("app", kind, db, name, out, warm))
        apps.append(json.loads(text))
        peaks.append(peak)
        if i == 0:
            size = cells_of(out, tmp / "cells.pickle") if kind == "xlsx" else pages_of(out)
        floor_args = ("floor-xlsx", tmp / "cells.pickle") if kind == "xlsx" else ("floor-pdf", size)
        text, _, peak = _peak_child(_me(*floor_args, floor_out, warm))
        floors.append(json.loads(text))
        floor_peaks.append(peak)
    med = {f"{k}_{w}": statistics.median(r[w] for r in rs) for k, rs in (("app", apps), ("floor", floors)) for w in ("cold", "warm")}  # fmt: skip
    return {**med, "size": size, "peak": max(peaks), "floor_peak": max(floor_peaks)}


def cli_wall(kind: str, db: Path, school: str, tmp: Path, repeat: int) -> tuple[float, float]:
    """Median wall time and peak RSS of the whole `python -m operator_app export` process."""
    out = tmp / f"cli-{kind}{'.xlsx' if kind == 'xlsx' else '.pdf'}"
    cmd = [sys.executable, "-m", "operator_app", "export", "--db", str(db)]
    cmd += ["--school", school] if school else []
    runs = [_peak_child([*cmd, f"--{kind}", str(out)]) for _ in range(repeat)]
    return statistics.median(r[1] for r in runs), max(r[2] for r in runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--schools", type=int, default=50)
    ap.add_argument("--siasn", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--warm", type=int, default=3)
    ap.add_argument("--child", nargs="+")
    a = ap.parse_args()
    if a.child:
        which, *rest = a.child
        if which == "make":
            db, school, n = make_database(Path(rest[0]), int(rest[1]), int(rest[2]))
            print(json.dumps({"db": str(db), "school": school, "findings": n}))
        elif which == "app":
            child_app(rest[0], Path(rest[1]), rest[2], Path(rest[3]), int(rest[4]))
        elif which == "floor-xlsx":
            child_floor_xlsx(Path(rest[0]), Path(rest[1]), int(rest[2]))
        else:
            child_floor_pdf(int(rest[0]), Path(rest[1]), int(rest[2]))
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        t0 = time.perf_counter()
        made = json.loads(_peak_child(_me("make", tmp, a.schools, a.siasn))[0])
        db, school, n_findings = Path(made["db"]), made["school"], made["findings"]
        print(f"input: {a.schools} schools, {a.siasn} SIASN rows, {n_findings} findings "
              f"(built, imported and checked in {time.perf_counter() - t0:.1f} s); "
              f"1 school = {school}")  # fmt: skip
        print(f"{'export':<44} {'cold':>7} {'floor':>7} {'ratio':>6} {'warm':>7} {'floor':>7} "
              f"{'ratio':>6} {'peak MB':>8} {'goal':>6}")  # fmt: skip
        for scope in ("one", "all"):
            for kind in KINDS:
                r = measure(kind, scope, db, school, tmp, a.repeat, a.warm)
                unit = "cells" if kind == "xlsx" else "pages"
                label = (
                    f"{LABELS[kind]}, {'1 school' if scope == 'one' else f'{a.schools} schools'}"
                )
                label += f" ({r['size']:.0f} {unit})"
                goal = GOALS[scope]
                print(f"{label:<44} {r['app_cold']:6.2f}s {r['floor_cold']:6.2f}s "
                      f"{r['app_cold'] / r['floor_cold']:5.1f}x {r['app_warm']:6.2f}s "
                      f"{r['floor_warm']:6.2f}s {r['app_warm'] / r['floor_warm']:5.1f}x "
                      f"{r['peak']:7.0f} {'<=' if r['app_cold'] <= goal else '>'}{goal:.0f}s")  # fmt: skip
        floor_cmd = "import openpyxl, PySide6.QtGui, sqlalchemy.orm"
        start = statistics.median(
            _peak_child([sys.executable, "-c", floor_cmd])[1] for _ in range(a.repeat)
        )
        print(f"whole `python -m operator_app export` process, 1 school "
              f"(floor: python -c '{floor_cmd}' {start:.2f} s):")  # fmt: skip
        for kind in KINDS:
            wall, peak = cli_wall(kind, db, school, tmp, a.repeat)
            print(f"  --{kind:<7} median {wall:.2f} s, peak {peak:.0f} MB (goal <= 1 s)")


if __name__ == "__main__":
    main()
