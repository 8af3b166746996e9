"""Realistic district data in a PostgreSQL test database, without the PostgreSQL importer.

The schema comes from the app's own Alembic migrations run on the PostgreSQL connection; the
rows come from a real import + check of a synthetic kabupaten into SQLite (the embedded path
that works today), copied table by table with SQLAlchemy Core, ids kept and sequences moved on.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, func, insert, select, text

from operator_app.store.models import Base


def alembic_upgrade(engine: Engine) -> None:
    from alembic import command

    from operator_app.store.db import _alembic_config

    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def sqlite_kabupaten(files: list[Path], db: Path, *, decide: bool = True) -> Path:
    """Import the files into a fresh SQLite database, run the checks, make a few decisions."""
    from operator_app.store.workspace import Workspace

    ws = Workspace(db)
    try:
        ws.import_files(files)
        ws.run_checks()
        if decide:
            for school in ws.schools():
                found = ws.findings(school.id)
                if found:
                    ws.set_status(found[0].key, "diajukan", f"catatan {school.name}")
    finally:
        ws.close()
    return db


def copy_sqlite_to_pg(sqlite_db: Path, pg: Engine) -> dict[str, int]:
    """Every model table's rows from SQLite into PostgreSQL (same ids); rows per table."""
    src = create_engine(f"sqlite:///{sqlite_db}")
    counts: dict[str, int] = {}
    try:
        with src.connect() as s, pg.begin() as d:
            for table in Base.metadata.sorted_tables:
                rows = [dict(r._mapping) for r in s.execute(select(table))]
                if rows:
                    d.execute(insert(table), rows)
                counts[table.name] = len(rows)
                if "id" in table.c and rows:
                    top = d.execute(select(func.max(table.c.id))).scalar_one()
                    d.execute(
                        text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :v)"),
                        {"t": table.name, "v": top},
                    )
    finally:
        src.dispose()
    return counts
