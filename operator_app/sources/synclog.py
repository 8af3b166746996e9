"""The BKD's e-Kinerja "Log Sinkronisasi PMM" export (failed syncs), read by header names.

Columns are found by name, never by position: a NIP column and a message column are required,
name, unor / unit kerja and time are optional. Title rows above the header are skipped; NIP
cells that went through a number (Excel) are read as text and flagged, never repaired.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from operator_app.sources.cells import cell_text, identifier_text
from operator_app.sources.layouts import normalise_header

KIND = "ekinerja_log"
LABEL = "e-Kinerja - Log Sinkronisasi PMM"

# normalised header -> canonical field of the log
NIP_HEADERS = ("nip", "nip_pegawai", "nip_baru", "nip_asn", "nip_18", "nip_pns")
MESSAGE_HEADERS = (  # in order of preference when a file has several
    "pesan_error", "pesan", "pesan_kesalahan", "error", "kendala", "alasan", "alasan_gagal",
    "keterangan", "keterangan_error", "status_sinkron", "status_sinkronisasi",
)  # fmt: skip
NAME_HEADERS = ("nama", "nama_pegawai", "nama_lengkap", "nama_asn")
UNOR_HEADERS = ("unor", "nama_unor", "unor_nama", "unit_kerja", "unit_organisasi", "satuan_kerja",
                "nama_sekolah", "sekolah", "unit_kerja_unor")  # fmt: skip
TIME_HEADERS = ("waktu", "tanggal", "waktu_sinkron", "tanggal_sinkron", "tgl_sinkron",
                "waktu_kejadian", "tanggal_waktu", "created_at", "tanggal_gagal")  # fmt: skip
SUCCESS = frozenset({"berhasil", "sukses", "success", "ok", "selesai", "tersinkron"})
TITLE_MARKERS = ("sinkron", "kendala", "log ", "gagal")


@dataclass(frozen=True, slots=True)
class LogColumns:
    nip: int
    messages: tuple[int, ...]  # every message column, preferred first
    nama: int | None = None
    unor: int | None = None
    waktu: int | None = None


def log_field(header: object) -> str:
    """Canonical field of a log header: nip / message / nama / unor / waktu / '' (other)."""
    return _log_field(normalise_header(header))


@lru_cache(maxsize=4096)  # every header row of every file is tested for the log's columns
def _log_field(key: str) -> str:
    for fld, names in (("nip", NIP_HEADERS), ("message", MESSAGE_HEADERS), ("nama", NAME_HEADERS),
                       ("unor", UNOR_HEADERS), ("waktu", TIME_HEADERS)):  # fmt: skip
        if key in names:
            return fld
    return ""


def find_columns(row: list[str]) -> LogColumns | None:
    """The log's columns in a header row, or None when it lacks a NIP or a message column."""
    keys = [normalise_header(c) if c else "" for c in row]  # an empty cell names nothing
    nip = next((i for i, k in enumerate(keys) if k in NIP_HEADERS), None)
    msgs = sorted(
        (i for i, k in enumerate(keys) if k in MESSAGE_HEADERS),
        key=lambda i: MESSAGE_HEADERS.index(keys[i]),
    )
    if nip is None or not msgs:
        return None

    def first(names: tuple[str, ...]) -> int | None:
        return next((i for i, k in enumerate(keys) if k in names), None)

    return LogColumns(
        nip, tuple(msgs), first(NAME_HEADERS), first(UNOR_HEADERS), first(TIME_HEADERS)
    )


def half_log(row: list[str]) -> str | None:
    """'nip' or 'message' when a header row has only one of the two required columns."""
    fields = {log_field(c) for c in row if c}
    if "message" in fields and "nip" not in fields:
        return "nip"
    if "nip" in fields and "message" not in fields and "nama" in fields:
        return "message"
    return None


@dataclass(frozen=True, slots=True)
class LogRecord:
    row_number: int  # 1-based as in the spreadsheet
    nip: str | None
    nip_damaged: bool
    nama: str | None
    unor: str | None
    message: str
    failed_at: str | None
    raw_json: str


def _cell(row: list[object], i: int | None) -> str:
    return cell_text(row[i]) if i is not None and i < len(row) else ""


def iter_log(
    rows: Iterator[list[object]], header_row: int, cols: LogColumns, issues: list[str]
) -> Iterator[LogRecord]:
    """Every failure row below the header; empty rows and rows marked successful are skipped."""
    for n, row in enumerate(rows, start=1):
        if n <= header_row or not any(cell_text(c) for c in row):
            continue
        texts = [_cell(row, i) for i in cols.messages]
        message = next((t for t in texts if t and t.lower() not in SUCCESS), "")
        if not message:
            if any(t.lower() in SUCCESS for t in texts):
                continue  # a successful sync listed with the failures
            issues.append(f"baris {n}: pesan kosong, dilewati")
            continue
        raw_nip = row[cols.nip] if cols.nip < len(row) else None
        nip, damaged = identifier_text(raw_nip)
        if not nip:
            issues.append(f"baris {n}: NIP kosong; pesannya tetap disimpan")
        elif damaged:
            issues.append(
                f"baris {n}: NIP {nip} tersimpan sebagai angka di Excel, digit terakhirnya mungkin "
                "hilang; dicocokkan dengan 15 digit pertama"
            )
        yield LogRecord(
            row_number=n,
            nip=nip or None,
            nip_damaged=damaged,
            nama=_cell(row, cols.nama) or None,
            unor=_cell(row, cols.unor) or None,
            message=" ".join(message.split()),
            failed_at=_cell(row, cols.waktu) or None,
            raw_json=json.dumps({"cells": [cell_text(c) for c in row], "nip_damaged": damaged},
                                ensure_ascii=False),
        )  # fmt: skip
