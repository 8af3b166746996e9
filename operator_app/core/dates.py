"""Reading the dates of Dapodik and SIASN cells in every spelling found there; DD-MM-YYYY out."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta

# Excel serials: 1 is 1900-01-01 and 60 is the 1900-02-29 that never was (the Lotus bug).
_SERIAL_MIN, _SERIAL_MAX = 1, 73415  # 1900-01-01 .. 2100-12-31
_EXCEL_EPOCH = date(1899, 12, 30)

_LEADING = re.compile(r"^[\s\u200b\ufeff]*(?:['‘’`][\s\u200b\ufeff]*)*")
_TRAILING = re.compile(r"[\s\u200b\ufeff]+$")
_NULLS = frozenset({"", "-", "--", "null", "none", "0000-00-00", "00-00-0000"})
_TIME = re.compile(
    r"[T\s]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|WIB|WITA|WIT)?",
    re.IGNORECASE,
)
_YMD = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
_D_MONTH_Y = re.compile(r"(\d{1,2})[\s\-/.]*([^\W\d_]+)\.?[\s\-/.,]*(\d{4})")
_SERIAL_TEXT = re.compile(r"(\d{5})(?:[.,]\d+)?")
_WEEKDAY = re.compile(r"[^\W\d_]+,\s*")

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "januari jan january",
        "februari pebruari feb peb february",
        "maret mar march",
        "april apr",
        "mei may",
        "juni jun june",
        "juli jul july",
        "agustus agu agt ags aug august",
        "september sep sept",
        "oktober okt oct october",
        "november nopember nov nop",
        "desember des dec december",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_serial(serial: float) -> datetime | None:
    if not _SERIAL_MIN <= serial < _SERIAL_MAX + 1:  # also False for NaN
        return None
    days = math.floor(serial)
    if days == 60:
        return None
    base = _EXCEL_EPOCH + timedelta(days=days + 1 if days < 60 else days)
    seconds = round((serial - days) * 86400)
    return datetime.combine(base, time()) + timedelta(seconds=min(seconds, 86399))


def _clean(text: str) -> str:
    """Without surrounding spaces (NBSP too) and the apostrophe that forces a text cell."""
    return _TRAILING.sub("", _LEADING.sub("", text, count=1))


def _text_date(text: str) -> date | None:
    if m := _YMD.fullmatch(text):
        return _real(int(m[1]), int(m[3]), int(m[4]))
    if m := _DMY.fullmatch(text):
        return _real(int(m[4]), int(m[3]), int(m[1]))
    if m := _D_MONTH_Y.fullmatch(_WEEKDAY.sub("", text, count=1)):
        month = _MONTHS.get(m[2].lower())
        return _real(int(m[3]), month, int(m[1])) if month else None
    if m := _SERIAL_TEXT.fullmatch(text):
        serial = _from_serial(float(text.replace(",", ".")))
        return serial.date() if serial else None
    return None


def _split_time(text: str) -> tuple[str, time | None, bool]:
    """(date part, time or None when there is none, False when the time is impossible)."""
    m = _TIME.search(text)
    if m is None or m.end() != len(text):
        return text, None, True
    hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return text[: m.start()], None, False
    return text[: m.start()], time(hour, minute, second), True


def parse_date(value: object) -> date | None:
    """A date from a cell value: date objects, Excel serials, or text; None when there is none.

    Numeric text is read day-first (`DD-MM-YYYY`, `DD/MM/YYYY`, `DD.MM.YYYY`) unless it starts
    with the year; month-first is never assumed, because Indonesian operators do not write it.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        serial = _from_serial(value)
        return serial.date() if serial else None
    if not isinstance(value, str):
        return None
    text = _clean(value)
    if text.lower() in _NULLS:
        return None
    return _text_date(_split_time(text)[0].strip())


def parse_datetime(value: object) -> datetime | None:
    """A date and time, e.g. '2024-01-15 10:11:12' of Dapodik's 'Tanggal Unduh'; midnight if none."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if isinstance(value, int | float):
        return _from_serial(value)
    if not isinstance(value, str):
        return None
    text = _clean(value)
    if text.lower() in _NULLS:
        return None
    date_part, at, time_ok = _split_time(text)
    d = _text_date(date_part.strip())
    if d is None or not time_ok:
        return None
    return datetime.combine(d, at or time())


def format_date(d: date | None) -> str:
    """DD-MM-YYYY, the way Indonesian operators read a date; '' for None."""
    if d is None:
        return ""
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"
