"""The current SIASN export's lookup columns in memory, for the scoped re-check (store.scope)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress

from sqlalchemy import Connection, select

from operator_app.core.model import Siasn
from operator_app.store.loading import raw_rows, siasn_from_rows, siasn_select
from operator_app.store.models import SiasnRow, tbl

SI = tbl(SiasnRow)
CHUNK = 500


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    items = sorted(set(ids))
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


class SiasnKeys:
    """The current SIASN export's lookup columns, read in one pass: which rows have a NIP, NIK,
    name key, person key or unor among some values is answered here, and only those rows are
    read in full, by id (the table has no index on most of these columns, and each query on one
    would scan all of a district's 60,000 rows with their raw JSON)."""

    COLUMNS = ("nip_baru", "nip_lama", "nik", "nama_key", "person_key", "unor_nama")

    def __init__(self, conn: Connection, batch: int, file_name: str) -> None:
        self.conn, self.file_name = conn, file_name
        cols = [SI.c[name] for name in self.COLUMNS]
        keys = raw_rows(conn, select(SI.c.id, *cols).where(SI.c.batch_id == batch))
        self.id_list = [r[0] for r in keys]
        self.ids = set(self.id_list)
        # column-wise, so a lookup runs in C: compress(ids, map(wanted.__contains__, column))
        self.columns = {name: [r[i] for r in keys] for i, name in enumerate(self.COLUMNS, 1)}

    def unors(self) -> list[str]:
        """The distinct unor names, sorted."""
        return sorted({u for u in self.columns["unor_nama"] if u is not None})

    def where(self, column: str, values: Iterable[str]) -> list[Siasn]:
        """The rows whose `column` is one of `values` (as `column IN values`), in id order."""
        wanted = {v for v in values if v is not None}
        if not wanted:
            return []
        return self.rows(compress(self.id_list, map(wanted.__contains__, self.columns[column])))

    def rows(self, ids: Iterable[int]) -> list[Siasn]:
        """The rows of this export with these ids, in id order."""
        out: list[Siasn] = []
        for chunk in _chunks(i for i in ids if i in self.ids):
            # conn.execute, not raw_rows: a few hundred rows, and the statement (an expanding
            # IN) is compiled once and cached instead of once per chunk
            rows = self.conn.execute(siasn_select().where(SI.c.id.in_(chunk))).all()
            out += siasn_from_rows(rows, self.file_name)
        return sorted(out, key=lambda s: s.id)
