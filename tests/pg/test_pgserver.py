"""The throwaway test cluster itself: who runs it, where it listens, who may log in how."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pg_fixtures import PgDatabase
from pgserver import SUPERUSER, PgServer
from sqlalchemy import create_engine, text

REPO = Path(__file__).resolve().parents[2]


def test_cluster_runs_unprivileged_on_a_private_socket(pg_server: PgServer) -> None:
    pid = int((pg_server.data / "postmaster.pid").read_text().split()[0])
    uid = os.stat(f"/proc/{pid}").st_uid
    assert uid != 0, "PostgreSQL must not run as root"
    mode = stat.S_IMODE(os.stat(pg_server.socket_dir).st_mode)
    assert mode == 0o700
    out = pg_server.psql("SHOW listen_addresses").stdout.strip()
    assert out == "127.0.0.1"
    assert pg_server.psql("SELECT current_user").stdout.strip() == SUPERUSER


def test_superuser_is_not_trusted_over_tcp(pg_server: PgServer) -> None:
    proc = pg_server.psql("SELECT 1", tcp=True, check=False)
    assert proc.returncode != 0
    assert "password" in proc.stderr.lower()


def test_database_owner_logs_in_with_its_password_only(pg_db: PgDatabase) -> None:
    ok = pg_db.server.psql(
        "SELECT current_user",
        user=pg_db.owner,
        password=pg_db.password,
        dbname=pg_db.name,
        tcp=True,
    )
    assert ok.stdout.strip() == pg_db.owner
    for tcp in (True, False):
        bad = pg_db.server.psql(
            "SELECT 1",
            user=pg_db.owner,
            password="salah",
            dbname=pg_db.name,
            tcp=tcp,
            check=False,
        )
        assert bad.returncode != 0
        assert "password authentication failed" in bad.stderr


def test_sqlalchemy_urls_work(pg_db: PgDatabase, pg_url: str, pg_admin_url: str) -> None:
    for url, who in ((pg_url, pg_db.owner), (pg_admin_url, SUPERUSER)):
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                assert conn.execute(text("SELECT current_user")).scalar() == who
        finally:
            engine.dispose()


def test_each_module_gets_its_own_database(pg_db: PgDatabase, pg_make_database) -> None:  # type: ignore[no-untyped-def]
    other = pg_make_database("another")
    assert other.name != pg_db.name
    names = pg_db.psql("SELECT datname FROM pg_database").split()
    assert {pg_db.name, other.name} <= set(names)


def test_ci_without_server_fails_instead_of_skipping(tmp_path: Path) -> None:
    """A pytest run under CI=true with PostgreSQL's binaries hidden fails; without CI it skips."""
    (tmp_path / "test_needs_pg.py").write_text(
        textwrap.dedent(
            """
            def test_uses_pg(pg_url):
                assert pg_url
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["pg_fixtures"]\n', encoding="utf-8")
    empty = tmp_path / "nobin"
    empty.mkdir()
    base = {k: v for k, v in os.environ.items() if k not in ("CI", "PG_BINDIR")}
    base.update(
        PG_BINDIR=str(empty),  # hides /usr/lib/postgresql and PATH: nothing to install either
        PYTHONPATH=os.pathsep.join([str(REPO / "tests"), str(REPO)]),
    )
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", str(tmp_path)]
    ci = subprocess.run(
        cmd,
        check=False,
        env={**base, "CI": "true"},
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert ci.returncode != 0, ci.stdout
    assert "CI=true and the PostgreSQL test cluster could not be started" in ci.stdout
    assert "1 error" in ci.stdout
    local = subprocess.run(
        cmd, check=False, env=base, capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert local.returncode == 0, local.stdout
    assert "1 skipped" in local.stdout
    assert "PostgreSQL test cluster not available" in local.stdout


@pytest.mark.parametrize("scheme", ["postgresql+psycopg"])
def test_url_shape(pg_db: PgDatabase, scheme: str) -> None:
    assert pg_db.url.startswith(f"{scheme}://{pg_db.owner}:")
    assert f"@127.0.0.1:{pg_db.server.port}/{pg_db.name}" in pg_db.url
