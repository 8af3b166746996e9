"""Masking NIKs in printed output (Qt-free: the workbook, the checklist and the letter use it)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_NIK_RE = re.compile(r"(?<!\d)\d{16}(?!\d)")


def mask_nik(nik: str) -> str:
    """'************0002': only the last four digits stay."""
    nik = (nik or "").strip()
    if len(nik) <= 4:
        return "*" * len(nik)
    return "*" * (len(nik) - 4) + nik[-4:]


def mask_niks_in(text: str, raws: Sequence[str] = ()) -> str:
    """`text` with the given NIKs, and any other 16-digit number, masked."""
    for raw in sorted({r.strip() for r in raws if r and len(r.strip()) > 4}, key=len, reverse=True):
        text = text.replace(raw, mask_nik(raw))
    return _NIK_RE.sub(lambda m: mask_nik(m.group(0)), text)
