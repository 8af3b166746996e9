"""Facts about the database itself, kept in app_meta: small get/set helpers and the demo flag."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, insert, select, update

from operator_app.store.models import AppMeta

DEMO_KEY = "is_demo"


def get_meta(conn: Connection, key: str) -> str | None:
    return conn.execute(select(AppMeta.value).where(AppMeta.key == key)).scalar_one_or_none()


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Insert or replace one key, on any engine (no INSERT OR REPLACE / ON CONFLICT dialects)."""
    changed = conn.execute(update(AppMeta).where(AppMeta.key == key).values(value=value))
    if not changed.rowcount:
        conn.execute(insert(AppMeta).values(key=key, value=value))


def mark_demo(engine: Engine) -> None:
    """This database holds the synthetic demo data: the window shows DATA CONTOH, whatever the
    file is called."""
    with engine.begin() as conn:
        set_meta(conn, DEMO_KEY, "1")


def is_demo(engine: Engine) -> bool:
    with engine.connect() as conn:
        return get_meta(conn, DEMO_KEY) == "1"
