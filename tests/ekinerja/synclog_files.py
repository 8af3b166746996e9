"""Write e-Kinerja "Log Sinkronisasi PMM" exports as the BKD admin hands them over (tests only)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path


def write_log_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    titles: Sequence[str] = (),
    numeric_nip: bool = False,
) -> Path:
    """Title rows (merged across), the header row, the data; NIP cells as Excel numbers when
    `numeric_nip` (15 significant digits, as Excel keeps them)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Log Sinkronisasi"
    for i, t in enumerate(titles, start=1):
        ws.cell(row=i, column=1, value=t)
    start = len(titles) + (2 if titles else 1)  # an empty row between titles and header
    nip_col = next((i for i, h in enumerate(headers) if h.strip().upper().startswith("NIP")), None)
    for c, h in enumerate(headers, start=1):
        ws.cell(row=start, column=c, value=h)
    for r, row in enumerate(rows, start=start + 1):
        for c, v in enumerate(row, start=1):
            numeric = numeric_nip and c - 1 == nip_col and isinstance(v, str) and v.isdigit()
            ws.cell(row=r, column=c, value=float(f"{float(str(v)):.15g}") if numeric else v)
    wb.save(path)
    return path


def write_log_csv(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], delimiter: str = ";"
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(headers)
        w.writerows(rows)
    return path
