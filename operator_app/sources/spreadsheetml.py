"""Dapodik's XML SpreadsheetML 2003 '.xls' files, with their unescaped '&' and '<' repaired."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from operator_app.core.errors import BadFileError
from operator_app.sources.limits import MAX_CELLS, MAX_COLUMNS, MAX_ROWS

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_KNOWN_TAGS = (
    "Workbook|Worksheet|Table|Row|Cell|Data|Styles|Style|Alignment|Font|Borders|Border|Interior|"
    "NumberFormat|Protection|Column|WorksheetOptions|DocumentProperties|OfficeDocumentSettings|"
    "ExcelWorkbook|Names|NamedRange|Comment|AutoFilter|ConditionalFormatting|DataValidation|"
    "B|I|U|S|Sub|Sup|Span|Author|Created|LastSaved|Version|Title|Subject|Company|LastAuthor"
)
_COUNT = re.compile(r"[0-9]+")  # ASCII digits only: '²'.isdigit() is True, int('²') fails
_HUGE = 10**12  # stands for a count with more than 12 digits (int() of 5,000 digits raises)
# '&' that does not start a character or predefined entity reference.
_BAD_AMP = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)")
# '<' that does not start a known tag, a namespaced tag, a comment or a processing instruction.
_BAD_LT = re.compile(
    rf"<(?!/?(?:[A-Za-z][\w.-]*:[\w.-]+|(?:{_KNOWN_TAGS}))[\s/>])(?!\?|!--|!\[CDATA\[)"
)


def repair_xml(text: str) -> str:
    """Escape the stray '&' and '<' that Dapodik writes unescaped inside cell text."""
    return _BAD_LT.sub("&lt;", _BAD_AMP.sub("&amp;", text))


def read_spreadsheetml(text: str, path: Path) -> list[list[object]]:
    """Rows of the first worksheet that has rows; values typed like calamine returns them."""
    probe = text[:65536].upper()
    if "<!DOCTYPE" in probe or "<!ENTITY" in probe:
        raise BadFileError(
            f"File {path.name} ditolak: berisi deklarasi DOCTYPE/ENTITY yang tidak pernah ada di "
            "ekspor Dapodik (bisa dipakai untuk serangan 'entity expansion').",
            file=str(path),
        )
    try:
        root = ET.fromstring(repair_xml(text))
    except ET.ParseError as exc:
        raise BadFileError(
            f"File {path.name} (XML Spreadsheet) rusak dan tidak bisa dibaca: {exc}. "
            "Unduh ulang dari Dapodik, atau buka di Excel lalu simpan sebagai .xlsx.",
            file=str(path),
        ) from exc
    for ws in root.iter(f"{_SS}Worksheet"):
        table = ws.find(f"{_SS}Table")
        if table is None:
            continue
        rows = _table_rows(table, path)
        if rows:
            return rows
    return []


def _count(value: str | None) -> int:
    """An ss:Index or ss:MergeAcross count; 0 when absent or not a plain number."""
    if value is None:
        return 0
    m = _COUNT.fullmatch(value.strip())
    if m is None:
        return 0
    return int(m[0]) if len(m[0]) <= 12 else _HUGE


def _too_large(path: Path, what: str) -> BadFileError:
    return BadFileError(
        f"File {path.name} ditolak: {what}, jauh melebihi ekspor Dapodik (batas {MAX_ROWS} baris, "
        f"{MAX_COLUMNS} kolom). File ini rusak atau sengaja dibuat untuk menghabiskan memori.",
        file=str(path),
    )


def _table_rows(table: ET.Element, path: Path) -> list[list[object]]:
    """The rows, with ss:Index gaps and ss:MergeAcross spans filled in, within the limits."""
    rows: list[list[object]] = []
    cells_total = 0
    for row_el in table.iter(f"{_SS}Row"):
        idx = _count(row_el.get(f"{_SS}Index"))
        if idx > MAX_ROWS:
            raise _too_large(path, f"baris bernomor {idx}")
        while len(rows) < idx - 1:
            rows.append([])
        cells: list[object] = []
        for cell in row_el.findall(f"{_SS}Cell"):
            cidx = _count(cell.get(f"{_SS}Index"))
            merge = _count(cell.get(f"{_SS}MergeAcross"))
            if max(cidx, len(cells) + 1 + merge) > MAX_COLUMNS:
                raise _too_large(
                    path, f"baris {len(rows) + 1} merentang lebih dari {MAX_COLUMNS} kolom"
                )
            while len(cells) < cidx - 1:
                cells.append("")
            cells.append(_value(cell.find(f"{_SS}Data")))
            cells.extend([""] * merge)
        cells_total += len(cells)
        if len(rows) >= MAX_ROWS or cells_total > MAX_CELLS:
            raise _too_large(path, f"lebih dari {len(rows)} baris atau {MAX_CELLS} sel")
        rows.append(cells)
    return rows


def _value(data: ET.Element | None) -> object:
    if data is None:
        return ""
    text = "".join(data.itertext())
    kind = data.get(f"{_SS}Type", "String")
    if kind == "Number":
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "DateTime":
        try:
            return datetime.fromisoformat(text.rstrip("Z").split(".")[0])
        except ValueError:
            return text
    if kind == "Boolean":
        return text.strip() in ("1", "true", "TRUE")
    return text
