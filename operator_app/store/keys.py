"""Stable keys: a person across re-imports, a school across exports."""

from __future__ import annotations

import re
from datetime import datetime

_DIGITS16 = re.compile(r"^\d{16}$")


def school_name_key(name: str, kabupaten: str | None) -> str:
    """A school is its Dapodik name within its kabupaten (the export carries no NPSN)."""
    base = " ".join(name.upper().split())
    kab = " ".join((kabupaten or "").upper().split())
    return f"{base}|{kab}"


def person_key(
    nik: str | None,
    nik_numeric: bool,
    nuptk: str | None,
    nama_key: str,
    tanggal_lahir: str | None,
    school_id: int,
) -> str:
    """NIK when clean, else NUPTK, else name + birth date within the school."""
    if nik and not nik_numeric and _DIGITS16.match(nik):
        return f"nik:{nik}"
    if nuptk and _DIGITS16.match(nuptk):
        return f"nuptk:{nuptk}"
    return f"nama:{nama_key}|{tanggal_lahir or '-'}|{school_id}"


def ptk_person_key(rec: tuple[object, ...], school_id: int) -> str:
    """person_key of a row of sources.records.PTK_COLUMNS."""
    return person_key(
        rec[10] if isinstance(rec[10], str) else None,
        bool(rec[11]),
        rec[3] if isinstance(rec[3], str) else None,
        str(rec[2]),
        rec[6] if isinstance(rec[6], str) else None,
        school_id,
    )


def iso(value: datetime | None) -> str | None:
    """Datetimes are stored as ISO text (no reliance on sqlite3's deprecated adapters)."""
    return value.isoformat(sep=" ") if value is not None else None


def from_iso(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None
