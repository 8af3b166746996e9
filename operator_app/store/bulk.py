"""Bulk loading for both engines: COPY on PostgreSQL (batched inserts for a login under row
security), one prepared executemany on SQLite.

Row-by-row ORM inserts cost 6-11x a raw executemany (PERFORMANCE.md); SQLAlchemy Core's
`execute(insert, dicts)` 2.3x. So rows arrive as tuples in the table's column order and go
straight to the driver, each value first through its column type's bind processor (booleans,
aware datetimes), so what lands is what the models declare on either engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Boolean, Connection, Table

CHUNK = 5000


def _processors(conn: Connection, table: Table, columns: Sequence[str]) -> list[Any]:
    """Each column's bind processor, None where the driver stores the value as it is: on SQLite
    a Python bool (True/False are the integers 1/0 to sqlite3, what the Boolean processor would
    turn them into), so the import's rows are not rebuilt one by one for two flag columns."""
    dialect = conn.dialect
    return [
        None
        if dialect.name == "sqlite" and isinstance(table.c[name].type, Boolean)
        else table.c[name].type._cached_bind_processor(dialect)
        for name in columns
    ]


def _process(rows: Iterable[tuple[Any, ...]], procs: list[Any]) -> Iterable[tuple[Any, ...]]:
    active = [(i, p) for i, p in enumerate(procs) if p is not None]
    if not active:
        yield from rows
        return
    for row in rows:
        values = list(row)
        for i, proc in active:
            values[i] = proc(values[i])
        yield tuple(values)


def bulk_insert(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Iterable[tuple[Any, ...]],
    after_chunk: Callable[[int], None] | None = None,
) -> int:
    """Insert `rows` (tuples in `columns` order) in the connection's transaction; returns the
    count. `after_chunk(n_so_far)` runs every CHUNK rows (progress and cancel)."""
    procs = _processors(conn, table, columns)
    processed = _process(rows, procs)
    if conn.dialect.name == "postgresql":
        # PostgreSQL refuses COPY FROM for a login that row-level security applies to (a
        # school's or the Dinas staff's login in district mode): those insert in batches.
        if _row_security_active(conn, table):
            return _executemany(conn, table, columns, processed, after_chunk, mark="%s")
        return _copy(conn, table, columns, processed, after_chunk)
    return _executemany(conn, table, columns, processed, after_chunk)


def _row_security_active(conn: Connection, table: Table) -> bool:
    from sqlalchemy import text

    return bool(conn.execute(text("SELECT row_security_active(:t)"), {"t": table.name}).scalar())


def _executemany(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Iterable[tuple[Any, ...]],
    after_chunk: Callable[[int], None] | None,
    mark: str = "?",
) -> int:
    quoted = ", ".join(conn.dialect.identifier_preparer.quote(c) for c in columns)
    marks = ", ".join([mark] * len(columns))  # the driver's own paramstyle
    sql = f"INSERT INTO {table.name} ({quoted}) VALUES ({marks})"
    n = 0
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            conn.exec_driver_sql(sql, chunk)
            n += len(chunk)
            chunk = []
            if after_chunk is not None:
                after_chunk(n)
    if chunk:
        conn.exec_driver_sql(sql, chunk)
        n += len(chunk)
    return n


def _copy(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Iterable[tuple[Any, ...]],
    after_chunk: Callable[[int], None] | None,
) -> int:
    from psycopg import sql as pgsql

    raw: Any = conn.connection.dbapi_connection  # a psycopg Connection on this path
    stmt = pgsql.SQL("COPY {} ({}) FROM STDIN").format(
        pgsql.Identifier(table.name), pgsql.SQL(", ").join(pgsql.Identifier(c) for c in columns)
    )
    n = 0
    with raw.cursor() as cur, cur.copy(stmt) as copy:
        for row in rows:
            copy.write_row(row)
            n += 1
            if after_chunk is not None and n % CHUNK == 0:
                after_chunk(n)
    return n


@contextmanager
def indexes_after(conn: Connection, table: Table) -> Iterator[None]:
    """SQLite: while `table` is empty, drop its indexes for the bulk insert inside and build them
    again after it, from their own stored definitions, in the same transaction (a failure rolls
    the drop back too). Sorting 50,000 keys once costs less than 50,000 inserts into three
    B-trees. A table that already holds rows (an earlier SIASN export) keeps its indexes:
    rebuilding them would cost in proportion to everything stored, not to the new file."""
    if (
        conn.dialect.name != "sqlite"
        or conn.exec_driver_sql(f"SELECT 1 FROM {table.name} LIMIT 1").first()
    ):
        yield
        return
    indexes = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL ORDER BY name",
        (table.name,),
    ).all()
    for name, _ in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        conn.exec_driver_sql(sql)
