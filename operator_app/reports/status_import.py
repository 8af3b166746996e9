"""Reading the Status/Catatan columns of an edited correction workbook back into the app.

Rows are found by the No column (so sorting and filtering in Excel are harmless) and checked
against the hidden `_kunci` sheet written by `reports.workbook`: its database id, its per-sheet
fingerprints, and the Kode of each row.
"""

from __future__ import annotations

import json
import warnings
import zipfile
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from operator_app.core.errors import BadFileError
from operator_app.core.model import WORKFLOW_STATUSES
from operator_app.reports.keys_sheet import (
    HASH_PREFIX,
    KEYS_FORMAT,
    KEYS_FORMAT_UNVERSIONED,
    WORKBOOK_ID,
    hashed_key,
    sheet_fingerprint,
    value_stamp,
)
from operator_app.reports.sheets import SHEET_KEYS, WORK_SHEETS

Key = tuple[str, str, str]
_HEADER_SCAN = 10  # the table header is within the first rows


@dataclass(frozen=True)
class StatusUpdate:
    key: Key
    status: str
    note: str | None
    sheet: str = field(default="", compare=False)
    row: int = field(default=0, compare=False)  # the Excel row the status was read from
    # the decision's version when the workbook was exported (None: an unversioned workbook)
    version: int | None = field(default=None, compare=False)
    # the row still shows what it was exported with: not a decision of the operator's
    as_exported: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class UnusedStatus:
    """An edited Status cell that cannot be applied, with the reason (Indonesian)."""

    sheet: str
    row: int
    status: str
    reason: str

    def text(self) -> str:
        return f"lembar '{self.sheet}' baris {self.row} ('{self.status}'): {self.reason}"


@dataclass(frozen=True)
class StatusRead:
    updates: list[StatusUpdate]
    unused: list[UnusedStatus]
    versioned: bool = True  # False: exported before decision versions (format 1)
    exported_at: str = ""  # the `dibuat` stamp of the hidden sheet (ISO, local time)
    workbook_id: str | None = None  # this export's identity (None: exported before it existed)


@dataclass
class _Keys:
    db_id: str = ""
    fmt: str = ""
    fingerprints: dict[str, str] | None = None
    rows: dict[str, list[tuple[int, str]]] | None = None  # sheet -> [(No, key JSON)]
    # sheet -> {No of a reminder row: (sheet, No) where its status lives}
    reminders: dict[str, dict[int, tuple[str, int]]] | None = None
    # sheet -> {No: (version at export, value stamp)}; format 2 only
    stamps: dict[str, dict[int, tuple[int | None, str]]] = field(default_factory=dict)
    made: str = ""
    workbook_id: str = ""


def _text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _cell(row: tuple[Any, ...], c: int | None) -> str:
    return _text(row[c]) if c is not None and c < len(row) else ""


def _as_no(v: object) -> int | None:
    t = _text(v)
    return int(t) if t.isdigit() else None


def _read_keys(rows: Iterable[tuple[Any, ...]], name: str) -> _Keys:
    k = _Keys(fingerprints={}, rows={s: [] for s in WORK_SHEETS}, reminders={})
    assert k.fingerprints is not None and k.rows is not None and k.reminders is not None
    for row in rows:
        cells = [_text(v) for v in row[:6]] + [""] * (6 - len(row[:6]))
        kind = cells[0]
        if kind == "format":
            k.fmt = cells[1]
        elif kind == "db_id":
            k.db_id = cells[1]
        elif kind == "dibuat":
            k.made = cells[1]
        elif kind == "workbook_id":
            k.workbook_id = cells[1]
        elif kind == "sidik":
            k.fingerprints[cells[1]] = cells[2]
        elif kind == "baris":
            no = _as_no(cells[2])
            if cells[1] not in k.rows or no is None:
                raise BadFileError(
                    f"Lembar _kunci di {name} rusak (baris tidak dikenal). "
                    "Ekspor workbook baru dari aplikasi.",
                    file=name,
                )
            k.rows[cells[1]].append((no, cells[3]))
            if cells[4] or cells[5]:
                version = int(cells[4]) if cells[4].isdigit() else None
                k.stamps.setdefault(cells[1], {})[no] = (version, cells[5])
        elif kind == "pengingat":
            no = _as_no(cells[2])
            target, _, target_no = cells[3].partition("\t")
            if no is not None and target_no.isdigit():
                k.reminders.setdefault(cells[1], {})[no] = (target, int(target_no))
    return k


def _header_map(rows: list[tuple[Any, ...]]) -> tuple[int, dict[str, int]] | None:
    for i, row in enumerate(rows[:_HEADER_SCAN]):
        names = {_text(v).lower(): c for c, v in enumerate(row) if _text(v)}
        if {"no", "kode", "status"} <= names.keys():
            return i, names
    return None


def _parse_key(kj: str, name: str, hashes: dict[str, Key]) -> Key | None:
    """The key of a `_kunci` row; None for a hashed key that no current finding has."""
    if kj.startswith(HASH_PREFIX):
        return hashes.get(kj)
    try:
        value = json.loads(kj)
    except ValueError:
        value = None
    if not (isinstance(value, list) and len(value) == 3 and all(isinstance(x, str) for x in value)):
        raise BadFileError(
            f"Lembar _kunci di {name} rusak. Ekspor workbook baru dari aplikasi.", file=name
        )
    return (value[0], value[1], value[2])


def _load(path: Path) -> tuple[_Keys, dict[str, list[tuple[Any, ...]]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    name = path.name
    if not path.is_file():
        raise BadFileError(f"File {path} tidak ditemukan.", file=str(path))
    try:
        with warnings.catch_warnings():
            # Excel adds extensions openpyxl warns about; they do not matter here.
            warnings.simplefilter("ignore")
            wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise BadFileError(
            f"{name} bukan file Excel (.xlsx) yang bisa dibaca. Pilih workbook perbaikan "
            "yang diekspor aplikasi ini.",
            file=str(path),
        ) from exc
    try:
        if SHEET_KEYS not in wb.sheetnames:
            raise BadFileError(
                f"{name} bukan workbook perbaikan dari aplikasi ini (lembar _kunci tidak ada). "
                "Pilih file yang diekspor lewat menu Ekspor workbook.",
                file=str(path),
            )
        keys = _read_keys(wb[SHEET_KEYS].iter_rows(values_only=True), name)
        sheets = {
            s: list(wb[s].iter_rows(values_only=True)) for s in WORK_SHEETS if s in wb.sheetnames
        }
    finally:
        wb.close()
    return keys, sheets


class StaleRowsError(BadFileError):
    """Some rows of the workbook no longer match a current finding (data re-imported since)."""

    def __init__(self, message: str, *, file: str, stale: int, total: int) -> None:
        super().__init__(message, file=file)
        self.stale = stale
        self.total = total


def read_status_workbook(
    path: Path,
    db_id: str,
    known_keys: Collection[Key],
    *,
    strict: bool = True,
) -> list[StatusUpdate]:
    """The Status and Catatan of every keyed row, in sheet order.

    Refuses (BadFileError) a workbook that is not ours, one from another database, one whose
    rows were tampered with, and, when `strict`, one with rows whose finding no longer exists
    (StaleRowsError). With `strict=False` such rows are skipped. An empty Status cell gives no
    update.
    """
    read = read_status_rows(path, db_id, known_keys)
    known = set(known_keys)
    updates = [u for u in read.updates if u.key in known]
    every = read.updates
    if strict and len(updates) < len(every):
        raise stale_rows_error(Path(path), len(every) - len(updates), len(every))
    return updates


def stale_rows_error(path: Path, unknown: int, total: int) -> StaleRowsError:
    return StaleRowsError(
        f"{unknown} dari {total} baris di {path.name} tidak cocok lagi dengan temuan saat ini "
        "(data sudah diimpor ulang atau temuannya sudah hilang). Ekspor workbook baru, "
        "atau impor hanya baris yang cocok (import-status --sebagian).",
        file=str(path),
        stale=unknown,
        total=total,
    )


def read_all_status_rows(
    path: Path, db_id: str, known_keys: Collection[Key] = ()
) -> list[StatusUpdate]:
    """Every keyed row with a Status, whether or not its finding still exists."""
    return read_status_rows(path, db_id, known_keys).updates


_GONE: Key = ("", "", "")  # a hashed key no current finding has


def read_status_rows(path: Path, db_id: str, known_keys: Collection[Key] = ()) -> StatusRead:
    """Every keyed row with a Status, and every other edited Status cell with why it is not
    used (a reminder row whose status lives on another sheet, a row without a known No, a copied
    row). Hashed keys (a workbook exported with masked NIKs) are resolved against `known_keys`;
    one that matches none comes back with key ("", "", "")."""
    path = Path(path)
    name = path.name
    keys, sheets = _load(path)
    assert keys.rows is not None and keys.fingerprints is not None and keys.reminders is not None
    if keys.fmt not in (KEYS_FORMAT, KEYS_FORMAT_UNVERSIONED):
        raise BadFileError(
            f"{name} dibuat oleh versi aplikasi lain (format {keys.fmt or '?'}). "
            "Ekspor workbook baru dari aplikasi ini.",
            file=str(path),
        )
    if keys.db_id != db_id:
        raise BadFileError(
            f"Workbook ini dibuat dari database lain ({name}). Buka database yang dipakai saat "
            "mengekspor, atau ekspor workbook baru dari database ini.",
            file=str(path),
        )
    for sheet, entries in keys.rows.items():
        if keys.fingerprints.get(sheet) != sheet_fingerprint(entries):
            raise BadFileError(
                f"Lembar _kunci di {name} sudah diubah (lembar {sheet} tidak cocok). "
                "Ekspor workbook baru dari aplikasi.",
                file=str(path),
            )
    hashes = {hashed_key(k): k for k in known_keys}
    valid = {s.lower(): s for s in WORKFLOW_STATUSES}
    updates: list[StatusUpdate] = []
    unused: list[UnusedStatus] = []
    versioned = keys.fmt == KEYS_FORMAT
    for sheet, entries in keys.rows.items():
        reminders = keys.reminders.get(sheet, {})
        stamps = keys.stamps.get(sheet, {})
        rows = sheets.get(sheet)
        if not entries and not reminders:
            continue
        found = _header_map(rows) if rows is not None else None
        if rows is None or found is None:
            raise BadFileError(
                f"Lembar '{sheet}' di {name} hilang atau judul kolomnya (No, Kode, Status) "
                "diubah. Kembalikan lembar itu atau ekspor workbook baru.",
                file=str(path),
            )
        head, cols = found
        c_no, c_code, c_status = cols["no"], cols["kode"], cols["status"]
        c_note = cols.get("catatan")
        by_no: dict[int, tuple[int, tuple[Any, ...]]] = {}
        used: set[int] = set()
        for i, row in enumerate(rows[head + 1 :], start=head + 2):
            no = _as_no(row[c_no]) if c_no < len(row) else None
            if no is not None and no not in by_no:
                by_no[no] = (i, row)
                used.add(i)
        for no, kj in entries:
            hit = by_no.get(no)
            if hit is None:
                continue  # row deleted by the operator: nothing to bring back
            excel_row, row = hit
            key = _parse_key(kj, name, hashes) or _GONE
            if key != _GONE and _cell(row, c_code).upper() != key[1]:
                raise BadFileError(
                    f"Lembar '{sheet}' baris {excel_row} di {name}: kolom No atau Kode sudah "
                    f"diubah (No {no} seharusnya kode {key[1]}). Kembalikan isinya atau ekspor "
                    "workbook baru.",
                    file=str(path),
                )
            status = _status(row, c_status, valid, sheet, excel_row, name)
            if status is not None:
                note = _cell(row, c_note) or None
                version, stamp = stamps.get(no, (None, ""))
                same = bool(stamp) and value_stamp(status, note) == stamp
                updates.append(StatusUpdate(key, status, note, sheet, excel_row, version, same))
        keyed_nos = {no for no, _ in entries}
        for i, row in enumerate(rows[head + 1 :], start=head + 2):
            text = _cell(row, c_status)
            no = _as_no(row[c_no]) if c_no < len(row) else None
            if not text or (i in used and no in keyed_nos):
                continue
            unused.append(UnusedStatus(sheet, i, text, _why_unused(no, i in used, reminders)))
    identity = keys.workbook_id if versioned and WORKBOOK_ID.fullmatch(keys.workbook_id) else None
    return StatusRead(updates, unused, versioned, keys.made, identity)


def _status(
    row: tuple[Any, ...], c: int, valid: Mapping[str, str], sheet: str, excel_row: int, name: str
) -> str | None:
    text = _cell(row, c)
    if not text:
        return None
    status = valid.get(text.lower())
    if status is None:
        raise BadFileError(
            f"Lembar '{sheet}' baris {excel_row} di {name}: status '{text}' tidak "
            f"dikenal. Isi salah satu: {', '.join(WORKFLOW_STATUSES)}.",
            file=name,
        )
    return status


def _why_unused(no: int | None, first: bool, reminders: dict[int, tuple[str, int]]) -> str:
    if no is not None and first and no in reminders:
        target, target_no = reminders[no]
        return (
            f"baris ini hanya pengingat; statusnya dicatat di lembar '{target}' No. {target_no}. "
            "Ubah Status di sana."
        )
    if no is None:
        return "baris ini tidak punya No dari aplikasi (baris tambahan), jadi tidak dipakai."
    if not first:
        return f"No {no} muncul lebih dari sekali; hanya baris pertama dengan No itu yang dipakai."
    return f"No {no} tidak dikenal di lembar ini, jadi tidak dipakai."
