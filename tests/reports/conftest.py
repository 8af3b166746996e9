"""The database two operators share in the workbook round-trip tests."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A file, or a fresh database on the test run's throwaway PostgreSQL server."""
    if request.param == "sqlite":
        yield str(tmp_path / "bersama.sqlite3")
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from operator_app.store.workspace import Workspace

    admin_url = request.getfixturevalue("pg_admin_url")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"wbver_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    Workspace(url, migrate=True).close()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
