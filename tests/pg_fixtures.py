"""pytest plugin (registered in tests/conftest.py): PostgreSQL fixtures on a throwaway cluster.

    pg_server          session  PgServer: .port, .socket_dir, .admin_url(db), .url(user, pw, db),
                                .psql(sql, user=, password=, dbname=, tcp=), .libpq_env(...)
    pg_admin_url       session  superuser URL (unix socket, trust) to the `postgres` database
    pg_make_database   session  factory: pg_make_database("name") -> PgDatabase, a fresh database
                                owned by its own password role; dropped at the end of the session
    pg_db              module   a fresh PgDatabase for the test module
    pg_url             module   pg_db.url: its owner over TCP with a SCRAM password

Tests that use them get the `pg` marker automatically (`pytest -m pg` / `-m "not pg"`).

The cluster is started on first use only (a run without PG tests starts nothing) and stopped
and deleted at the end of the session, failed or not. When it cannot be started: with CI=true
the tests that need it FAIL with the reason (CI must not go green without PostgreSQL);
otherwise they are skipped with the reason.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from pgserver import SUPERUSER, PgServer, PgUnavailable, start_server

PG_FIXTURES = {"pg_server", "pg_admin_url", "pg_make_database", "pg_db", "pg_url"}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@dataclass(frozen=True)
class PgDatabase:
    server: PgServer
    name: str
    owner: str
    password: str

    @property
    def url(self) -> str:
        """The owner (a non-superuser with CREATEROLE, like a Dinas admin) over TCP."""
        return self.server.url(self.owner, self.password, self.name)

    @property
    def admin_url(self) -> str:
        """The bootstrap superuser over the unix socket, for fixtures' own housekeeping."""
        return self.server.admin_url(self.name)

    def url_for(self, user: str, password: str | None) -> str:
        return self.server.url(user, password, self.name)

    def psql(self, sql: str, **kw: object) -> str:
        """psql as the superuser on this database (or user=/password= given); stdout."""
        kw.setdefault("dbname", self.name)
        return self.server.psql(sql, **kw).stdout  # type: ignore[arg-type]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "pg: needs the throwaway PostgreSQL test cluster (tests/pg_fixtures.py)"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if PG_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.pg)


_state: dict[str, object] = {}


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    """One line in the run's summary: which server, how long its start and stop took."""
    server = _state.get("server")
    if isinstance(server, PgServer):
        terminalreporter.write_line(
            f"PostgreSQL test cluster ({server.bindir.parent.name}, port {server.port}, "
            f"user {server.owner.pw_name if server.owner else 'self'}): started in "
            f"{server.started_in:.2f} s, stopped and deleted in {server.stopped_in:.2f} s"
        )
    elif "error" in _state:
        terminalreporter.write_line(f"PostgreSQL test cluster NOT started: {_state['error']}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if "error" in _state:
        _unavailable(str(_state["error"]))
    try:
        server = start_server()
    except PgUnavailable as exc:
        _state["error"] = exc
        _unavailable(str(exc))
    _state["server"] = server
    try:
        yield server
    finally:
        server.stop()


def _unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(
            f"CI=true and the PostgreSQL test cluster could not be started: {reason}",
            pytrace=False,
        )
    pytest.skip(f"PostgreSQL test cluster not available (set CI=true to fail instead): {reason}")


@pytest.fixture(scope="session")
def pg_admin_url(pg_server: PgServer) -> str:
    return pg_server.admin_url()


_NAME = re.compile(r"[^a-z0-9_]+")


@pytest.fixture(scope="session")
def pg_make_database(pg_server: PgServer) -> Iterator[Callable[[str], PgDatabase]]:
    made: list[PgDatabase] = []

    def make(name: str) -> PgDatabase:
        base = _NAME.sub("_", name.lower()).strip("_")[:40] or "db"
        dbname = f"t_{base}_{len(made)}"
        owner = f"{dbname}_owner"
        password = secrets.token_urlsafe(12)
        pg_server.psql(
            f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD '{password}'",
        )
        pg_server.psql(f"CREATE DATABASE {dbname} OWNER {owner}")
        pg_server.psql(f"REVOKE ALL ON DATABASE {dbname} FROM PUBLIC")
        # PostgreSQL 15+: public schema owned by the database owner, as on a fresh server.
        pg_server.psql(f"ALTER SCHEMA public OWNER TO {owner}", dbname=dbname)
        db = PgDatabase(pg_server, dbname, owner, password)
        made.append(db)
        return db

    yield make
    for db in made:
        pg_server.psql(f"DROP DATABASE IF EXISTS {db.name} WITH (FORCE)", check=False)


@pytest.fixture(scope="module")
def pg_db(
    pg_make_database: Callable[[str], PgDatabase], request: pytest.FixtureRequest
) -> PgDatabase:
    return pg_make_database(request.module.__name__.rsplit(".", 1)[-1])


@pytest.fixture(scope="module")
def pg_url(pg_db: PgDatabase) -> str:
    return pg_db.url


__all__ = ["SUPERUSER", "PgDatabase", "in_ci"]
