"""District mode tests: a fresh PostgreSQL database per test on the throwaway server."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pg_admin
import pytest
from pg_admin import admin_exec

from operator_app.store.location import DbLocation, parse_location


@pytest.fixture
def new_pg_db(pg_admin_url: str) -> Iterator[Callable[[], DbLocation]]:
    """Factory: a new empty database on the server, dropped after the test."""
    pg_admin.ADMIN = pg_admin_url
    made: list[str] = []

    def make() -> DbLocation:
        name = f"t_{uuid.uuid4().hex[:12]}"
        admin_exec(f'CREATE DATABASE "{name}"')
        made.append(name)
        url = parse_location(pg_admin.ADMIN).server_url().set(database=name)
        return DbLocation(url=url)

    yield make
    for name in made:
        admin_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_location(new_pg_db: Callable[[], DbLocation]) -> DbLocation:
    """A new database at the current schema (as `operator-app db upgrade` leaves it)."""
    from operator_app.store.workspace import Workspace

    loc = new_pg_db()
    Workspace(loc, migrate=True).close()
    return loc
