"""`check` on 50,000 SIASN rows x 2,000 PTK after import: core checker and the full store round trip.

Inputs are generated: a 50,000-row SIASN CSV and 50 schools' Dapodik exports whose 2,000 PTK are
people from that SIASN file (10% with an injected difference). Usage: python bench/bench_check.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path


def make_inputs(folder: Path, n_siasn: int = 50_000, n_ptk: int = 2_000) -> list[Path]:
    from datetime import datetime, timedelta

    from operator_app.samples import SampleSchool, siasn_rows_bulk, write_dapodik_xlsx, write_siasn_csv

    siasn = list(siasn_rows_bulk(n_siasn, seed=3))
    files = [write_siasn_csv(folder / "export-data-asn.csv", siasn)]
    by_unor: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in siasn:
        if row["UNOR_NAMA"].startswith(("SD NEGERI", "SMP NEGERI")):
            by_unor[row["UNOR_NAMA"]].append(row)
    taken = 0
    for i, (unor, people) in enumerate(sorted(by_unor.items())):
        if taken >= n_ptk:
            break
        people = people[: min(40, n_ptk - taken)]
        taken += len(people)
        rows = []
        for j, s in enumerate(people):
            d, m, y = s["TANGGAL_LAHIR"].split("-")
            rows.append({
                "Nama": s["NAMA"], "NIP": "" if j % 10 == 0 else s["NIP_BARU"], "NIK": s["NIK"],
                "JK": "L" if s["JENIS_KELAMIN"] in ("M", "L") else "P", "Tanggal Lahir": f"{y}-{m}-{d}",
                "Status Kepegawaian": "PNS" if j % 10 != 1 else "Guru Honor Sekolah",
                "Jenis PTK": "Kepala Sekolah" if j == 2 else "Guru",
            })  # fmt: skip
        school = SampleSchool(name=unor, downloaded_at=datetime(2026, 11, 1) + timedelta(minutes=i))
        files.append(write_dapodik_xlsx(folder / school.file_name("guru"), school, rows, "guru"))
    return files


def main() -> None:
    from operator_app.core.checker import run_checks
    from operator_app.store.loading import load_check_input
    from operator_app.store.workspace import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = make_inputs(folder)
        ws = Workspace(folder / "bench.sqlite3")
        t0 = time.perf_counter()
        ws.import_files(files)
        print(f"import of {len(files)} files: {time.perf_counter() - t0:.2f} s")
        with ws.engine.connect() as conn:
            t0 = time.perf_counter()
            inp = load_check_input(conn)
            load = time.perf_counter() - t0
        print(f"loaded {len(inp.ptk)} PTK and {len(inp.siasn)} SIASN rows in {load:.2f} s")
        core = []
        for _ in range(5):
            t0 = time.perf_counter()
            result = run_checks(inp)
            core.append(time.perf_counter() - t0)
        print(f"core match + rules: median {statistics.median(core):.3f} s ({len(result.findings)} findings)")
        full = []
        for _ in range(3):
            t0 = time.perf_counter()
            ws.run_checks()
            full.append(time.perf_counter() - t0)
        print(f"operator-app check (load + match + rules + store): median {statistics.median(full):.3f} s (goal <= 1 s)")


if __name__ == "__main__":
    main()
