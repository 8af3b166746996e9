"""A whole kabupaten: generate, write, import and check 50 / 200 / 500 schools (samples.district).

Prints per size: generation and writing of the files (2 Dapodik xlsx per school + one SIASN CSV
of ~120 rows per school), import of all files in one call, the stored check, and the core
checker (match + rules) on the loaded input, median of 3. Cost should grow linearly in schools.
Usage: python bench/bench_district.py [50 200 500] [--repeat 3] [--tree main=/path/to/main]
(`--tree` times each source tree, this one as "branch", in its own child process, interleaved
on the same machine load; every child generates the same district, seed 1.)
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def _mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class WorkerPeak:
    """Peak resident memory of the largest reading worker (sources.read_procs), from its own
    VmHWM in /proc while it runs (Linux). RUSAGE_CHILDREN would count the parent's pages the
    child held between fork and exec, i.e. this process's size, not the worker's."""

    def __init__(self) -> None:
        self.mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> WorkerPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        import multiprocessing

        while not self._stop.wait(0.05):
            for child in multiprocessing.active_children():
                try:
                    status = Path(f"/proc/{child.pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        self.mb = max(self.mb, int(line.split()[1]) / 1024)


def run(n: int) -> dict[str, float]:
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
        with WorkerPeak() as workers:
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
        f"{cases} PTK_DI_DUA_SEKOLAH); max RSS {_mb():.0f} MB, largest worker {workers.mb:.0f} MB"
    )
    return {
        "import": imported,
        "check": stored,
        "total": imported + stored,
        "peak_mb": _mb(),
        "worker_mb": workers.mb,
    }


def _child(tree: str, n: int) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(Path(tree).resolve()))
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(n)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def compare(n: int, repeat: int, trees: dict[str, str]) -> None:
    got: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(repeat):
        for name, tree in trees.items():
            got[name].append(_child(tree, n))
    for name, runs in got.items():
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        totals = " / ".join(f"{r['total']:.2f}" for r in runs)
        print(
            f"{n} schools, {name}: import {med['import']:.2f} s + check {med['check']:.2f} s = "
            f"{med['total']:.2f} s median (runs {totals}), peak {med['peak_mb']:.0f} MB"
            f" + {med.get('worker_mb', 0):.0f} MB per worker"
        )


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] == "--child":
        print(json.dumps(run(int(args[1]))))
        return
    trees = {"branch": str(Path(__file__).resolve().parents[1])}
    repeat = 3
    sizes: list[int] = []
    while args:
        a = args.pop(0)
        if a == "--tree":
            name, path = args.pop(0).split("=", 1)
            trees[name] = path
        elif a == "--repeat":
            repeat = int(args.pop(0))
        elif a.isdigit():
            sizes.append(int(a))
    for n in sizes or [50, 200, 500]:
        if len(trees) == 1:
            sys.path.insert(0, trees["branch"])  # this tree, not an installed operator_app
            run(n)
        else:
            compare(n, repeat, trees)


if __name__ == "__main__":
    main()
