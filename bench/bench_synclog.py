"""e-Kinerja sync log: import, join (first and cached), table/detail/overview overhead.

    PYTHONPATH=$PWD .venv/bin/python bench/bench_synclog.py [n_schools] [log_rows]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ekinerja"))
    from synclog_files import write_log_csv

    from operator_app.core.ekinerja.knowledge import entries
    from operator_app.samples import build_kabupaten
    from operator_app.store.workspace import Workspace

    n_schools = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    n_log = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    folder = Path(tempfile.mkdtemp(prefix="bench-synclog-"))
    kab = build_kabupaten(23, n_schools=n_schools, siasn_rows=n_schools * 120, inject=True)
    files = kab.write(folder / "in")
    ws = Workspace(folder / "db.sqlite3")
    ws.import_files(files.all)
    ws.run_checks()
    people = [r for r in ws.person_rows() if r.nip_siasn]
    rng = random.Random(7)
    wordings = [m for e in entries() for m in e.messages]
    rows = []
    for i in range(n_log):
        p = rng.choice(people)
        msg = rng.choice(wordings)
        if i % 10 == 0:  # some pasted with their own context: distinct texts
            msg = f"Gagal melakukan sinkro PMM dikarenakan {msg} (ref {i})"
        rows.append([p.nip_siasn, p.nama, msg])
    log = write_log_csv(folder / "log.csv", ["NIP", "Nama", "Pesan"], rows)

    def timed(label: str, fn):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        out = fn()
        print(f"{label:40s} {time.perf_counter() - t:7.3f} s")
        return out

    timed("person_rows without log", ws.person_rows)
    timed(f"import log ({n_log} rows)", lambda: ws.import_files([log]))
    timed("run_checks", ws.run_checks)
    timed("sync_failures (first: join + match)", ws.sync_failures)
    timed("sync_failures (cached)", ws.sync_failures)
    timed("person_rows with log", ws.person_rows)
    timed("person_detail with log", lambda: ws.person_detail(people[0].person_key))
    timed("overview (all schools)", ws.overview)
    print(f"{len(people)} people with a SIASN NIP, {n_schools} schools")
    ws.close()


if __name__ == "__main__":
    main()
