"""The throwaway server's superuser, for tests that create databases and roles."""

from __future__ import annotations

from operator_app.store.location import parse_location

ADMIN = ""  # set by tests/district/conftest.py from the test run's own server (pg_admin_url)


def admin_exec(sql: str) -> None:
    import psycopg

    url = parse_location(ADMIN).server_url()
    with psycopg.connect(
        host=url.query.get("host") or url.host,
        port=int(url.query.get("port") or url.port or 5432),
        user=url.username,
        dbname=url.database,
        autocommit=True,
    ) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def admin_query(sql: str, params: tuple[object, ...] = ()) -> object:
    """The first value of a query run as the server's superuser."""
    import psycopg

    url = parse_location(ADMIN).server_url()
    with psycopg.connect(
        host=url.query.get("host") or url.host,
        port=int(url.query.get("port") or url.port or 5432),
        user=url.username,
        dbname=url.database,
        autocommit=True,
    ) as conn:
        row = conn.execute(sql, params).fetchone()  # type: ignore[arg-type]
    return row[0] if row else None
