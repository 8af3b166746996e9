"""Both engines, one code path: the same findings, the same refusals, clear connection errors."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import text

from operator_app.core.errors import DatabaseError
from operator_app.store.location import DbLocation, parse_location
from operator_app.store.workspace import Workspace

pytestmark = pytest.mark.pg


def _findings_json(ws: Workspace) -> str:
    from datetime import datetime

    from operator_app.core.findings_json import findings_to_json
    from operator_app.core.model import CheckResult, SkippedCheck

    ws.run_checks()
    result = CheckResult(
        findings=ws.findings(),
        matches={},
        skipped=[SkippedCheck(c, r) for c, r in ws.skipped_checks()],
    )
    fixed = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)  # generated_at aside
    return json.dumps(findings_to_json(result, ws.sources(), fixed), ensure_ascii=False, indent=2)


def test_same_findings_json_on_sqlite_and_postgresql(
    tmp_path: Path, pg_location: DbLocation
) -> None:
    from builders import FULL, write_kabupaten

    _, files = write_kabupaten(tmp_path / "in", 11, **FULL)
    lite = Workspace(tmp_path / "a.sqlite3")
    lite.import_files(files.all)
    server = Workspace(pg_location)
    server.import_files(files.all)
    a, b = _findings_json(lite), _findings_json(server)
    assert len(json.loads(a)["findings"]) > 50  # realistic: every code planted
    assert {f["code"] for f in json.loads(a)["findings"]} >= {"NIP_BEDA", "UNOR_BEDA", "DUPLIKAT"}
    assert a == b
    # the teacher table and a detail are the same too
    assert lite.person_rows() == server.person_rows()
    key = next(r.person_key for r in lite.person_rows() if r.n_findings)
    assert lite.person_detail(key) == server.person_detail(key)
    lite.close()
    server.close()


def test_a_url_is_never_a_file_path(tmp_path: Path) -> None:
    loc = parse_location("postgresql+psycopg://guru@10.0.0.5:5432/dinas")
    assert not loc.is_sqlite and loc.display == "guru@10.0.0.5:5432/dinas"
    assert (
        parse_location("postgresql://guru:rahasia@h/d").remembered
        == "postgresql+psycopg://guru@h/d"
    )
    assert "rahasia" not in parse_location("postgresql://guru:rahasia@h/d").display
    with pytest.raises(DatabaseError, match="tidak didukung"):
        parse_location("mysql://root@localhost/x")
    with pytest.raises(DatabaseError, match="tidak menyebut nama database"):
        parse_location("postgresql+psycopg://guru@host:5432")
    assert parse_location(str(tmp_path / "a.sqlite3")).is_sqlite


def test_each_connection_failure_has_its_message(
    new_pg_db: Callable[[], DbLocation], pg_location: DbLocation
) -> None:
    from pg_admin import admin_exec

    url = pg_location.server_url()
    down = DbLocation(url=url.set(query={**url.query, "port": "1"}))
    with pytest.raises(DatabaseError, match="tidak bisa dihubungi"):
        Workspace(down)
    missing = DbLocation(url=url.set(database="tidak_ada_db"))
    with pytest.raises(DatabaseError, match="'tidak_ada_db' tidak ada"):
        Workspace(missing)
    admin_exec("CREATE ROLE t_guru LOGIN PASSWORD 'benar'")
    try:
        admin_exec(f'REVOKE CONNECT ON DATABASE "{url.database}" FROM PUBLIC')
        guru = DbLocation(url=url.set(username="t_guru", password="benar"))
        with pytest.raises(DatabaseError, match="tidak diizinkan masuk"):
            Workspace(guru)
        wrong = DbLocation(url=url.set(username="t_guru", password="salah"))
        with pytest.raises(DatabaseError, match="Kata sandi salah") as err:
            Workspace(wrong)
        assert "salah" not in err.value.message.replace("Kata sandi salah", "")
        asked: list[str] = []
        nopass = DbLocation(url=url.set(username="t_guru"))
        with pytest.raises(DatabaseError, match="tidak diizinkan masuk"):
            Workspace(nopass, password_prompt=lambda where: asked.append(where) or "benar")
        assert asked == [nopass.display]
    finally:
        admin_exec(f'GRANT CONNECT ON DATABASE "{url.database}" TO PUBLIC')
        admin_exec("DROP ROLE t_guru")


def test_old_new_and_missing_schema_refused_untouched(
    new_pg_db: Callable[[], DbLocation], pg_location: DbLocation
) -> None:
    empty = new_pg_db()
    with pytest.raises(DatabaseError, match=r"belum disiapkan.*db upgrade"):
        Workspace(empty)
    ws = Workspace(pg_location)
    with ws.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num='9999_future'"))
    ws.close()
    with pytest.raises(DatabaseError, match="lebih baru"):
        Workspace(pg_location)
    with pytest.raises(DatabaseError, match="lebih baru"):
        Workspace(pg_location, migrate=True)
    from operator_app.store.pg import make_engine

    engine = make_engine(pg_location)
    with engine.begin() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_future"
        )
        conn.execute(text("UPDATE alembic_version SET version_num='0001'"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="skema lama"):
        Workspace(pg_location)


def test_migrations_from_the_first_schema_keep_data_on_postgresql(
    new_pg_db: Callable[[], DbLocation], tmp_path: Path
) -> None:
    from alembic import command
    from builders import write_kabupaten

    from operator_app.store.db import _alembic_config, head_revision
    from operator_app.store.pg import make_engine

    loc = new_pg_db()
    engine = make_engine(loc)
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO app_meta(key, value) VALUES ('db_id', 'x')"))
    engine.dispose()
    ws = Workspace(loc, migrate=True)
    _, files = write_kabupaten(tmp_path)
    ws.import_files(files.all)
    ws.run_checks()
    with ws.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == head_revision()
        )
    assert ws.db_id == "x" and len(ws.schools()) == 3
    ws.close()


def test_sqlite_commands_refuse_a_missing_database(tmp_path: Path) -> None:
    missing = tmp_path / "salah-ketik.sqlite3"
    with pytest.raises(DatabaseError, match="tidak ada"):
        Workspace(missing, create=False)
    assert not missing.exists()
    assert sorted(tmp_path.iterdir()) == []
    with sqlite3.connect(tmp_path / "x.sqlite3"):
        pass
