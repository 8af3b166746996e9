"""Several operators at once on one server: separate schools land together, one school never
mixes, a killed importer leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from operator_app.store.location import DbLocation
from operator_app.store.workspace import Workspace

pytestmark = [pytest.mark.pg, pytest.mark.slow]


def _cli(loc: DbLocation, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "operator_app", *args, "--db", loc.remembered],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": os.environ.get("PYTHONPATH", "") + os.pathsep + os.getcwd(),
        },
    )


def _school_files(files: list[Path]) -> dict[str, list[Path]]:
    by: dict[str, list[Path]] = {}
    for f in files:
        if f.name.startswith("daftar-"):
            school = f.name.split("-", 2)[2].rsplit("-", 4)[0]
            by.setdefault(school, []).append(f)
    return by


def test_eight_schools_imported_at_once_all_land(tmp_path: Path, pg_location: DbLocation) -> None:
    from builders import write_kabupaten

    _, files = write_kabupaten(tmp_path / "in", 23, n_schools=8, siasn_rows=800)
    siasn = [f for f in files.all if not f.name.startswith("daftar-")]
    ws = Workspace(pg_location)
    ws.import_files(siasn)
    schools = _school_files(list(files.all))
    assert len(schools) == 8
    procs = [_cli(pg_location, "import", *map(str, paths)) for paths in schools.values()]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 8, outs
    with ws.engine.connect() as conn:
        batches = conn.execute(
            text("SELECT count(*) FROM import_batch WHERE is_current AND kind <> 'siasn'")
        ).scalar()
        runs = conn.execute(text("SELECT count(*) FROM check_run")).scalar()
    assert batches == 16  # guru + tendik of each of the 8 schools
    assert len(ws.schools()) == 8
    assert runs == 8  # every import re-checked, one run after the other
    # the last stored run saw every school: same findings as a fresh check
    before = [f.key for f in ws.findings()]
    ws.run_checks()
    assert sorted(before) == sorted(f.key for f in ws.findings())
    ws.close()


def test_two_imports_of_one_school_never_mix(tmp_path: Path, pg_location: DbLocation) -> None:
    from builders import write_kabupaten
    from db_helpers import later_exports

    kab, files = write_kabupaten(tmp_path / "in", 29, n_schools=1, siasn_rows=300)
    first = [f for f in files.all if f.name.startswith("daftar-guru")]
    second = [f for f in later_exports(kab, tmp_path / "later", 30) if "daftar-guru" in f.name]
    assert first and second and first[0].name != second[0].name
    procs = [
        _cli(pg_location, "import", str(first[0])),
        _cli(pg_location, "import", str(second[0])),
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    ws = Workspace(pg_location)
    with ws.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT file_name, is_current, row_count FROM import_batch ORDER BY id")
        ).all()
        per_batch = conn.execute(
            text(
                "SELECT b.file_name, count(p.id) FROM import_batch b LEFT JOIN ptk p "
                "ON p.batch_id = b.id GROUP BY b.file_name"
            )
        ).all()
    assert len(rows) == 2
    assert sorted(r[1] for r in rows) == [False, True]  # exactly one batch current
    current = next(r[0] for r in rows if r[1])
    assert current == second[0].name  # the newer Tanggal Unduh wins, whichever landed last
    assert {name: n for name, n in per_batch} == {r[0]: r[2] for r in rows}  # whole batches
    # the same file twice at once: one lands, the other is told it is already there
    procs = [_cli(pg_location, "import", str(first[0])) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert sum("sudah pernah diimpor" in o[0] for o in outs) == 2
    ws.close()


def test_importer_killed_mid_copy_leaves_no_partial_batch(
    tmp_path: Path, pg_location: DbLocation
) -> None:
    from builders import siasn_rows_bulk, write_siasn_csv
    from pg_admin import admin_exec

    big = write_siasn_csv(tmp_path / "export-data-asn-besar.csv", siasn_rows_bulk(60_000, seed=3))
    proc = _cli(pg_location, "import", str(big))
    db = pg_location.server_url().database
    copying = False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        from pg_admin import admin_query

        active = admin_query(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND query LIKE 'COPY%%'",
            (db,),
        )
        if active:
            copying = True
            break
        time.sleep(0.02)
    if not copying:
        proc.kill()
        pytest.fail(f"the importer never reached COPY: {proc.communicate()}")
    time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    admin_exec("SELECT 1")
    deadline = time.monotonic() + 30
    ws = Workspace(pg_location)
    with ws.engine.connect() as conn:
        while time.monotonic() < deadline:  # the server notices the dead client
            from pg_admin import admin_query

            if not admin_query(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND query LIKE 'COPY%%'",
                (db,),
            ):
                break
            time.sleep(0.05)
        assert conn.execute(text("SELECT count(*) FROM import_batch")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM siasn")).scalar() == 0
    ws.close()
