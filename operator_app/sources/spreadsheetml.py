"""Dapodik's XML SpreadsheetML 2003 '.xls' files, with their unescaped '&' and '<' repaired."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from operator_app.core.errors import BadFileError

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_KNOWN_TAGS = (
    "Workbook|Worksheet|Table|Row|Cell|Data|Styles|Style|Alignment|Font|Borders|Border|Interior|"
    "NumberFormat|Protection|Column|WorksheetOptions|DocumentProperties|OfficeDocumentSettings|"
    "ExcelWorkbook|Names|NamedRange|Comment|AutoFilter|ConditionalFormatting|DataValidation|"
    "B|I|U|S|Sub|Sup|Span|Author|Created|LastSaved|Version|Title|Subject|Company|LastAuthor"
)
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
        rows = _table_rows(table)
        if rows:
            return rows
    return []


def _table_rows(table: ET.Element) -> list[list[object]]:
    rows: list[list[object]] = []
    for row_el in table.iter(f"{_SS}Row"):
        idx = row_el.get(f"{_SS}Index")
        if idx and idx.isdigit():
            while len(rows) < int(idx) - 1:
                rows.append([])
        cells: list[object] = []
        for cell in row_el.findall(f"{_SS}Cell"):
            cidx = cell.get(f"{_SS}Index")
            if cidx and cidx.isdigit():
                while len(cells) < int(cidx) - 1:
                    cells.append("")
            data = cell.find(f"{_SS}Data")
            cells.append(_value(data))
            merge = cell.get(f"{_SS}MergeAcross")
            if merge and merge.isdigit():
                cells.extend([""] * int(merge))
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
