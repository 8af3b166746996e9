"""A whole kabupaten: generate, write, import and check 50 / 200 / 500 schools (samples.district).

Prints per size: generation and writing of the files (2 Dapodik xlsx per school + one SIASN CSV
of ~120 rows per school), import of all files in one call, the stored check, and the core
checker (match + rules) on the loaded input, median of 3. Cost should grow linearly in schools.
Usage: python bench/bench_district.py [50 200 500]
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path


def _mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int) -> None:
    from operator_app.core.checker import run_checks
    from operator_app.samples.district import build_district
    from operator_app.store.loading import load_check_input
    from operator_app.store.workspace import Workspace

    t0 = time.perf_counter()
    d = build_district(n, seed=1)
    gen = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        files = d.write(folder / "exports")
        write = time.perf_counter() - t0
        ws = Workspace(folder / "district.sqlite3")
        t0 = time.perf_counter()
        ws.import_files(files.all)
        imported = time.perf_counter() - t0
        t0 = time.perf_counter()
        summary = ws.run_checks()
        stored = time.perf_counter() - t0
        with ws.engine.connect() as conn:
            inp = load_check_input(conn)
        core = []
        for _ in range(3):
            t0 = time.perf_counter()
            result = run_checks(inp)
            core.append(time.perf_counter() - t0)
        cases = sum(f.code == "PTK_DI_DUA_SEKOLAH" for f in result.findings)
        ws.close()
    print(
        f"{n:4d} schools, {d.n_ptk:6d} PTK, {len(d.siasn_rows):6d} SIASN: generate {gen:5.2f} s, "
        f"write {len(files.all):4d} files {write:5.2f} s"
        + f", import {imported:5.2f} s, check+store {stored:5.2f} s"
        + f", core check median {statistics.median(core):.3f} s ({summary.findings} findings, "
        f"{cases} PTK_DI_DUA_SEKOLAH); max RSS {_mb():.0f} MB"
    )


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or [50, 200, 500]
    for n in sizes:
        run(n)


if __name__ == "__main__":
    main()
