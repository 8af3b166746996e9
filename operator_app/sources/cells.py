"""Turn spreadsheet cell values into the text the operator sees, flagging damaged identifiers."""

from __future__ import annotations

import math
from datetime import date, datetime, time

from operator_app.core.dates import parse_date
from operator_app.core.identifiers import clean_identifier, lost_precision

NULL_TEXTS = frozenset({"null", "NULL", "Null", "None", "none", "#N/A", "N/A"})


def cell_text(value: object) -> str:
    """Text of a cell: '' for empty/`null`, integral numbers without '.0', dates as ISO."""
    t = type(value)
    if t is str:
        s = value.strip()  # type: ignore[attr-defined]
        if s in NULL_TEXTS:
            return ""
        return s  # type: ignore[no-any-return]
    if value is None:
        return ""
    if t is float:
        f = float(value)  # type: ignore[arg-type]
        if math.isnan(f):
            return ""
        if f.is_integer() and abs(f) < 1e21:
            return str(int(f))
        return repr(f)
    if t is int:
        return str(value)
    if t is bool:
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def identifier_text(value: object) -> tuple[str, bool]:
    """(cleaned identifier text, damaged?) for an identifier cell.

    Damaged means the value went through a number: a numeric cell keeps only 15 significant
    digits, scientific notation or a trailing '.0' show it. The value is never repaired.
    """
    if type(value) is str:
        if value.isdigit() and not (len(value) == 18 and value.endswith("000")):
            return (value, False)  # the common case: a clean identifier typed as text
        if not value or value in NULL_TEXTS:
            return ("", False)  # an empty cell, SIASN's 'null' (a NIP_LAMA, NIK not filled in)
        digits = value[1:]
        if (
            value[:1] == "'"
            and digits.isdigit()
            and not (len(digits) == 18 and digits[-3:] == "000")
        ):
            return (digits, False)  # a SIASN CSV's '198503292011122024
    return _identifier_slow(value)


def _identifier_slow(value: object) -> tuple[str, bool]:
    """identifier_text without its fast paths (a property test checks that both agree)."""
    if type(value) in (float, int):
        cleaned = clean_identifier(value)
        return (cleaned or "", True)
    text = cell_text(value)
    if not text:
        return ("", False)
    damaged = lost_precision(text)
    cleaned = clean_identifier(text)
    return (cleaned or "", damaged)


_DMY: dict[str, str] = {}  # date cell text -> ISO text or '', bounded
_DMY_MAX = 1 << 16


def date_text(value: object) -> str:
    """ISO date text ('YYYY-MM-DD') or '' when the value is not a date."""
    if type(value) is str:
        # Text cells (SIASN's DD-MM-YYYY, Dapodik's ISO text, 'null', ''): the answer depends on
        # the text alone and the same texts recur over a district, so it is remembered.
        iso = _DMY.get(value)
        if iso is None:
            iso = _date_text_plain(value)
            if len(_DMY) >= _DMY_MAX:
                _DMY.clear()
            _DMY[value] = iso
        return iso
    return _date_text_plain(value)


def _date_text_plain(value: object) -> str:
    """date_text without its memory (a property test checks that both agree)."""
    if type(value) is str and len(value) == 10 and value[2] == "-" and value[5] == "-":
        try:  # SIASN's DD-MM-YYYY, the common case
            return date(int(value[6:]), int(value[3:5]), int(value[:2])).isoformat()
        except ValueError:
            pass
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    d = parse_date(value)
    return d.isoformat() if d else ""
