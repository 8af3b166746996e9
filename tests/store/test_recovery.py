"""Backups before every import, the start-up check, a damaged database moved aside, restore."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from db_helpers import corrupt, counts, later_exports

from operator_app.core.errors import DatabaseError
from operator_app.store import recovery
from operator_app.store.recovery import DamagedDatabaseError, backups_of
from operator_app.store.workspace import Workspace


@pytest.fixture
def workspace_with_data(tmp_path: Path, kabupaten_files: list[Path]) -> Workspace:
    ws = Workspace(tmp_path / "data" / "operator-app.sqlite3")
    ws.import_files(kabupaten_files)
    ws.run_checks()
    key = next(f.key for f in ws.findings() if f.code != "KEPSEK_TIDAK_ADA")
    ws.set_status(key, "diajukan", "catatan penting operator")
    return ws


def _day_by_import(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each call of the backup clock is one day later than the import before it."""
    from datetime import datetime, timedelta

    day = [0]
    start = datetime(2026, 11, 1, 8, 0)
    monkeypatch.setattr(
        recovery, "_now", lambda: start + timedelta(days=day[0], microseconds=len(str(day)))
    )
    return day


def test_backup_before_the_first_import_of_each_day_keeps_the_last_five(
    tmp_path: Path, workspace_with_data: Workspace, kabupaten: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace_with_data
    assert backups_of(ws.path) == []  # the first import had nothing to protect
    day = _day_by_import(monkeypatch)
    for minute in range(1, 8):
        day[0] = minute
        ws.import_files(later_exports(kabupaten[0], tmp_path / f"v{minute}", minute))
    backups = backups_of(ws.path)
    assert len(backups) == recovery.BACKUPS_KEPT
    assert [b.taken_at for b in backups] == sorted((b.taken_at for b in backups), reverse=True)
    assert {b.reason for b in backups} == {"sebelum-impor"}
    for b in backups:
        assert recovery.integrity_problem(b.path, full=True) is None
        con = sqlite3.connect(b.path)  # a standalone copy: no WAL needed
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        con.close()
    # the newest backup holds exactly what the database held before the last import
    batches_before_last = counts(ws.path)[0] - 1
    assert counts(backups[0].path)[0] == batches_before_last
    assert not list((ws.path.parent / "backups").glob("*.tmp"))
    assert "sebelum impor" in backups[0].label()
    # a second import on the same day: the morning's copy is the one kept
    ws.import_files(later_exports(kabupaten[0], tmp_path / "v8", 8))
    assert backups_of(ws.path) == backups


def test_backup_budget_holds_after_thirty_imports(
    tmp_path: Path, workspace_with_data: Workspace, kabupaten: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A district database: 30 days of imports never grow the folder past its budget, the
    newest copy is always there, and a migration copy is still made."""
    ws = workspace_with_data
    size_mb = ws.path.stat().st_size / 1e6
    budget = max(10, int(size_mb * 3) + 1)
    ws.set_backup_budget_mb(budget)
    assert ws.backup_budget_mb() == budget
    day = _day_by_import(monkeypatch)
    folder = ws.path.parent / "backups"
    for i in range(1, 31):
        day[0] = i
        ws.import_files(later_exports(kabupaten[0], tmp_path / f"d{i}", i))
        used = sum(p.stat().st_size for p in folder.glob("*.sqlite3"))
        assert used <= budget * 1_000_000, (i, used)
    got = backups_of(ws.path)
    assert got and got[0].taken_at.day == (recovery._now()).day
    assert len(got) <= recovery.BACKUPS_KEPT
    assert recovery.make_backup(ws.path, "sebelum-migrasi") is not None  # not one-a-day


def test_a_refused_import_makes_no_backup(tmp_path: Path, workspace_with_data: Workspace) -> None:
    """Files are checked before the backup: a bad file neither copies the database nor rotates
    an older backup out; a good one after it does get its backup."""
    from operator_app.core.errors import BadFileError

    ws = workspace_with_data
    bad = tmp_path / "terpotong.xlsx"
    bad.write_bytes(b"PK\x03\x04" + bytes(200))
    for _ in range(recovery.BACKUPS_KEPT + 1):
        with pytest.raises(BadFileError):
            ws.import_files([bad])
    assert backups_of(ws.path) == []
    from operator_app.samples import build_kabupaten

    ws.import_files(list(build_kabupaten(99, n_schools=1, siasn_rows=20).write(tmp_path / "b").all))
    assert [b.reason for b in backups_of(ws.path)] == ["sebelum-impor"]


def test_cut_off_backup_is_not_offered(tmp_path: Path, workspace_with_data: Workspace) -> None:
    ws = workspace_with_data
    good = recovery.make_backup(ws.path, "manual")
    assert good is not None
    folder = ws.path.parent / "backups"
    (folder / "operator-app-20991231-235959-000000-sebelum-impor.sqlite3.tmp").write_bytes(b"x")
    # a later "backup" that is damaged (e.g. copied by hand and cut off) is skipped
    bad = folder / "operator-app-20991231-235959-000000-manual.sqlite3"
    bad.write_bytes(good.read_bytes()[:8192])
    assert backups_of(ws.path)[0].path == bad
    assert recovery.latest_good_backup(ws.path).path == good  # type: ignore[union-attr]


def test_damaged_database_is_moved_aside_and_the_latest_good_backup_offered(
    tmp_path: Path, workspace_with_data: Workspace, kabupaten: Any
) -> None:
    ws = workspace_with_data
    ws.import_files(later_exports(kabupaten[0], tmp_path / "v1", 1))  # makes a backup
    before = counts(ws.path)
    ws.close()
    db = ws.path
    corrupt(db)
    damaged = db.read_bytes()
    with pytest.raises(DamagedDatabaseError) as err:
        Workspace(db)
    exc = err.value
    assert not db.exists()
    assert exc.moved_to.parent == db.parent / "rusak"
    assert exc.moved_to.read_bytes() == damaged  # kept, byte for byte
    assert exc.backup is not None and exc.backup.reason == "sebelum-impor"
    assert str(db) in exc.message and "rusak" in exc.message
    assert "operator-app restore" in exc.message

    kept = recovery.restore(db, exc.backup.path)
    assert kept is None  # nothing at the path any more: the damaged file is in rusak/
    ws2 = Workspace(db)
    assert counts(db)[0] == before[0] - 1  # the state before the last import
    notes = {f.note for f in ws2.findings()}
    assert "catatan penting operator" in notes  # the operator's decision survived
    ws2.close()


def test_damaged_database_without_backup_says_so(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "solo.sqlite3")
    with ws.engine.begin() as conn:
        from sqlalchemy import text

        conn.execute(text("CREATE TABLE pengisi(x TEXT)"))
        conn.execute(
            text("INSERT INTO pengisi VALUES (:v)"), [{"v": "x" * 500} for _ in range(400)]
        )
    ws.close()
    corrupt(ws.path)
    with pytest.raises(DamagedDatabaseError, match="Tidak ada cadangan yang baik") as err:
        Workspace(ws.path)
    assert err.value.backup is None
    # starting again gives a fresh, empty database at the same place
    fresh = Workspace(ws.path)
    assert fresh.schools() == []
    fresh.close()


def test_restore_keeps_the_current_database_as_a_backup(
    tmp_path: Path, workspace_with_data: Workspace, kabupaten: Any
) -> None:
    ws = workspace_with_data
    ws.import_files(later_exports(kabupaten[0], tmp_path / "v1", 1))
    ws.close()
    older = backups_of(ws.path)[0]
    now = counts(ws.path)
    kept = recovery.restore(ws.path, older.path)
    assert kept is not None and "sebelum-pulih" in kept.name
    assert counts(kept) == now  # the replaced database is itself a backup now
    assert counts(ws.path)[0] == now[0] - 1


def test_restore_refuses_a_damaged_backup(tmp_path: Path, workspace_with_data: Workspace) -> None:
    ws = workspace_with_data
    ws.close()
    bad = tmp_path / "cadangan-rusak.sqlite3"
    bad.write_bytes(ws.path.read_bytes()[:4096] + b"\x00" * 100)
    before = ws.path.read_bytes()
    with pytest.raises(DatabaseError, match="rusak juga"):
        recovery.restore(ws.path, bad)
    assert ws.path.read_bytes() == before


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "operator_app", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_damaged_database_exit_2_then_restore(
    tmp_path: Path, workspace_with_data: Workspace, kabupaten: Any
) -> None:
    ws = workspace_with_data
    ws.import_files(later_exports(kabupaten[0], tmp_path / "v1", 1))
    ws.close()
    db = ws.path
    corrupt(db)
    run: Callable[..., subprocess.CompletedProcess[str]] = _cli
    bad = run("check", "--db", db)
    assert bad.returncode == 2, bad.stderr
    assert "rusak" in bad.stderr and "Traceback" not in bad.stderr
    assert "operator-app restore" in bad.stderr

    listed = run("restore", "--list", "--db", db)
    assert listed.returncode == 0 and "baik" in listed.stdout and "sebelum impor" in listed.stdout

    done = run("restore", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "dipulihkan dari cadangan" in done.stdout
    again = run("check", "--db", db)
    assert again.returncode == 0, again.stderr


def test_cli_restore_without_backups_is_a_user_error(tmp_path: Path) -> None:
    done = _cli("restore", "--db", tmp_path / "kosong.sqlite3")
    assert done.returncode == 2
    assert "Tidak ada cadangan yang baik" in done.stderr
