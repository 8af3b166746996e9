"""The hidden `_kunci` sheet: which finding each work-sheet row is, for reading Status back.

Rows: `format`, `db_id`, `dibuat`, in a versioned workbook `workbook_id` (this export's random
identity: statuses read back from it are recorded with it, so the same file edited further and
read again is not refused by its own earlier imports; a workbook of format 2 without it reads as
before), one `sidik` (fingerprint) per work sheet, then one `baris` per row carrying a status
(sheet, No, key, and from format 2 on `versi` and `nilai`: the decision's version at export and
a stamp of the status and note the row was exported with) and one `pengingat` per reminder row
(sheet, No, the sheet and No where its status lives). With masked NIKs the key is written as
`#` + a hash of it, so the file holds no full NIK; reading back resolves the hash against the
database's current keys. Format 1 (before decision versions) is still read, as an unversioned
workbook.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from operator_app.reports.sheets import SHEET_KEYS, WORK_SHEETS
from operator_app.reports.workbook_meta import ExportMeta
from operator_app.reports.xlsx_base import put, text_value

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

KEYS_FORMAT = "operator-app/status-workbook/2"
KEYS_FORMAT_UNVERSIONED = "operator-app/status-workbook/1"
HASH_PREFIX = "#"
WORKBOOK_ID = re.compile(r"[0-9a-f]{8,32}")  # as ExportMeta makes it; fits finding_state


def value_stamp(status: str, note: str | None) -> str:
    """A short stamp of (status, note) as the cells show them: an unedited row reads back to
    the same stamp, so it is not taken for a decision of the operator's."""
    text = f"{status}\t{text_value(note or '').strip()}"
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def sheet_fingerprint(entries: Sequence[tuple[int, str]]) -> str:
    """Hash of (No, key JSON) in row order; detects a `_kunci` sheet edited by hand."""
    h = hashlib.sha256()
    for no, key_json in entries:
        h.update(f"{no}\t{key_json}\n".encode())
    return h.hexdigest()[:20]


def key_json(key: tuple[str, str, str]) -> str:
    return json.dumps(list(key), ensure_ascii=False)


def hashed_key(key: tuple[str, str, str]) -> str:
    return HASH_PREFIX + hashlib.sha256(key_json(key).encode()).hexdigest()[:32]


def write_keys(
    wb: Workbook,
    meta: ExportMeta,
    keyed: dict[str, list[tuple[int, str]]],
    reminders: Sequence[tuple[str, int, str, int]] = (),
) -> None:
    """`keyed[sheet]` = (No, key text); `reminders` = (sheet, No, status sheet, status No)."""
    ws = wb.create_sheet(SHEET_KEYS)
    stamps = _stamps(meta)
    put(ws, 1, 1, "format")
    put(ws, 1, 2, KEYS_FORMAT if stamps is not None else KEYS_FORMAT_UNVERSIONED)
    put(ws, 2, 1, "db_id")
    put(ws, 2, 2, meta.db_id)
    put(ws, 3, 1, "dibuat")
    put(ws, 3, 2, meta.generated_at.isoformat(timespec="seconds"))
    r = 4
    if stamps is not None:
        put(ws, r, 1, "workbook_id")
        put(ws, r, 2, meta.workbook_id)
        r += 1
    for name in WORK_SHEETS:
        for c, v in enumerate(("sidik", name, sheet_fingerprint(keyed[name])), start=1):
            put(ws, r, c, v)
        r += 1
    head = ("jenis", "lembar", "no", "kunci") + (("versi", "nilai") if stamps is not None else ())
    for c, v in enumerate(head, start=1):
        put(ws, r, c, v)
    for name in WORK_SHEETS:
        for no, kj in keyed[name]:
            r += 1
            extra = stamps.get(kj, ("", "")) if stamps is not None else ()
            for c, cell in enumerate(("baris", name, no, kj, *extra), start=1):
                put(ws, r, c, cell)
    for sheet, no, target, target_no in reminders:
        r += 1
        for c, cell in enumerate(("pengingat", sheet, no, f"{target}\t{target_no}"), start=1):
            put(ws, r, c, cell)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True  # against accidental edits; the work sheets stay unprotected


def _stamps(meta: ExportMeta) -> dict[str, tuple[int, str]] | None:
    """key text (as written in `kunci`) -> (version, value stamp); None: unversioned."""
    if meta.decisions is None:
        return None
    text = hashed_key if meta.mask_nik else key_json
    return {
        text(key): (version, value_stamp(status, note))
        for key, (version, status, note) in meta.decisions.items()
    }
