"""Schema versions: every released schema upgrades with the operator's data intact; newer is refused."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from operator_app.core.errors import DatabaseError
from operator_app.store.db import current_revision, head_revision
from operator_app.store.workspace import Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.sqlite3")), ids=lambda p: p.stem)
def test_released_schema_upgrades_and_keeps_decisions(fixture: Path, tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    shutil.copy(fixture, db)
    ws = Workspace(db)
    assert current_revision(db) == head_revision()
    with sqlite3.connect(db) as con:
        row = con.execute(
            "SELECT status, note FROM finding_state WHERE code='NIP_KOSONG'"
        ).fetchone()
    assert row == ("diajukan", "catatan operator")
    assert [s.name for s in ws.schools()] == ["SD NEGERI 3 SUKAMAJU"]
    assert len(ws.db_id) == 36


def test_fresh_database_is_at_head_with_wal(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    Workspace(db)
    assert current_revision(db) == head_revision()
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_database_refused_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "newer.sqlite3"
    Workspace(db).close()
    with sqlite3.connect(db) as con:
        con.execute("UPDATE alembic_version SET version_num='9999_future'")
    before = db.read_bytes()
    with pytest.raises(DatabaseError, match="lebih baru"):
        Workspace(db)
    assert db.read_bytes() == before


def test_not_a_database_refused(tmp_path: Path) -> None:
    db = tmp_path / "bukan.sqlite3"
    db.write_bytes(b"ini bukan database sama sekali" * 100)
    before = db.read_bytes()
    with pytest.raises(DatabaseError, match="bukan database operator-app") as err:
        Workspace(db)
    assert str(db) in err.value.message
    assert db.read_bytes() == before  # left where it is: it may be a file picked by mistake
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bukan.sqlite3"]


def test_another_programs_sqlite_database_refused_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "lain.sqlite3"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE kontak(nama TEXT)")
        con.execute("INSERT INTO kontak VALUES ('Budi')")
    before = db.read_bytes()
    with pytest.raises(DatabaseError, match="program lain"):
        Workspace(db)
    assert db.read_bytes() == before
    with sqlite3.connect(db) as con:
        assert [r[0] for r in con.execute("SELECT name FROM sqlite_master")] == ["kontak"]


def test_a_migration_is_preceded_by_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the schema is upgraded, a dated copy of the old database lands in backups/."""
    import alembic.command

    from operator_app.store import db as dbmod
    from operator_app.store.recovery import backups_of, integrity_problem

    fixture = sorted(FIXTURES.glob("schema-*.sqlite3"))[-1]
    db = tmp_path / "operator-app.sqlite3"
    shutil.copy(fixture, db)
    old = current_revision(db)
    upgraded: list[str] = []
    monkeypatch.setattr(dbmod, "head_revision", lambda: "9000_next")
    monkeypatch.setattr(dbmod, "known_revisions", lambda: {old, "9000_next"})
    monkeypatch.setattr(alembic.command, "upgrade", lambda _cfg, rev: upgraded.append(rev))
    dbmod.open_database(db).dispose()
    assert upgraded == ["head"]
    (copy,) = backups_of(db)
    assert copy.reason == "sebelum-migrasi"
    assert integrity_problem(copy.path, full=True) is None
    assert current_revision(copy.path) == old


def test_every_schema_revision_has_a_fixture_database() -> None:
    """A new migration must come with a committed database of the schema it upgrades from, once
    that schema has been released: `schema-NNNN.sqlite3` for every `NNNN_*.py` but the newest."""
    versions = Path(__file__).resolve().parents[2] / "operator_app" / "store" / "migrations"
    numbers = sorted(p.name[:4] for p in (versions / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    fixtures = {p.stem.removeprefix("schema-") for p in FIXTURES.glob("schema-*.sqlite3")}
    assert numbers, "no migration scripts found"
    assert set(numbers[:-1]) <= fixtures
    assert fixtures <= set(numbers)
    for number in fixtures:
        with sqlite3.connect(FIXTURES / f"schema-{number}.sqlite3") as con:
            (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
        assert revision.startswith(number), (number, revision)


def test_revisions_read_as_text_agree_with_alembic() -> None:
    """open_database reads head and known revisions from the scripts without Alembic."""
    from alembic.script import ScriptDirectory

    from operator_app.store.db import _alembic_config, known_revisions

    scripts = ScriptDirectory.from_config(_alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {s.revision for s in scripts.walk_revisions()}
