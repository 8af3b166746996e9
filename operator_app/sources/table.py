"""A sheet as rows: what every reader (calamine, CSV, SpreadsheetML) hands to detection and typing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

Cell = object


@dataclass
class Table:
    """A sheet as rows; `head` holds the first rows for detection, `rows()` streams all of them."""

    file: Path
    sheet: str
    head: list[list[Cell]]
    _rows: Iterator[list[Cell]] | None = field(default=None, repr=False)
    _all: list[list[Cell]] | None = field(default=None, repr=False)
    total_rows: int | None = None
    # every row is a list of str whose cells need no escaping in JSON (a plain CSV: csv_rows)
    plain_json: bool = False

    def rows(self) -> Iterator[list[Cell]]:
        """Every row from the first one (1-based row n is the n-th item)."""
        if self._all is not None:
            yield from self._all
            return
        yield from self.head
        if self._rows is not None:
            yield from self._rows

    def whole(self) -> Table:
        """This table with every row read into memory (sent from a reading process)."""
        return Table(self.file, self.sheet, self.head, _all=list(self.rows()),
                     total_rows=self.total_rows)  # fmt: skip

    def sized(self) -> Table:
        """Only the sheet name and size, for a table whose rows travel typed (ReadFile.typed):
        its head would be 40 rows of cells again, and nothing reads it after detection."""
        return Table(self.file, self.sheet, [], total_rows=self.total_rows)
