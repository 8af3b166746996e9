"""Turn the data rows of a detected table into typed records, keeping every original column."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from operator_app.sources.cells import NULL_TEXTS, cell_text, date_text, identifier_text
from operator_app.sources.detect import Detected
from operator_app.sources.readers import Table

# Typed columns stored for every Dapodik PTK row (the rest stays in raw_json).
PTK_COLUMNS: tuple[str, ...] = (
    "row_number",
    "nama",
    "nama_key",
    "nuptk",
    "jk",
    "tempat_lahir",
    "tanggal_lahir",
    "nip",
    "nip_raw",
    "nip_numeric",
    "nik",
    "nik_numeric",
    "status_kepegawaian",
    "jenis_ptk",
    "tugas_tambahan",
    "tmt_pns",
    "raw_json",
)

# Typed columns stored for every SIASN row.
SIASN_COLUMNS: tuple[str, ...] = (
    "row_number",
    "pns_id",
    "nip_baru",
    "nip_lama",
    "nama",
    "nama_key",
    "gelar_depan",
    "gelar_belakang",
    "tanggal_lahir",
    "jk",
    "nik",
    "nik_numeric",
    "nip_numeric",
    "jenis_pegawai_nama",
    "kedudukan_hukum_id",
    "kedudukan_hukum_nama",
    "status_cpns_pns",
    "tmt_pns",
    "jabatan_nama",
    "unor_id",
    "unor_nama",
    "instansi_kerja_nama",
    "raw_json",
)


@dataclass
class RowIssue:
    row: int
    text: str


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=cell_text).encode


def _raw_json(row: list[object]) -> str:
    """Every cell as read (dates as ISO text): nothing the file had is thrown away."""
    return _ENCODE(row)


def _index(det: Detected) -> dict[str, int]:
    idx: dict[str, int] = {}
    for i, f in enumerate(det.fields):
        if f and f not in idx:
            idx[f] = i
    return idx


def _get(row: list[object], i: int | None) -> object:
    if i is None or i >= len(row):
        return ""
    return row[i]


def _text(row: list[object], i: int | None) -> str | None:
    """Cell text with whitespace runs collapsed to one space; None when empty."""
    if i is None or i >= len(row):
        return None
    v = row[i]
    # Fast path (most cells): printable text has no whitespace but ' ', so nothing to collapse.
    if type(v) is str and v.isprintable() and "  " not in v and v[:1] != " " != v[-1:]:
        return v if v and v not in NULL_TEXTS else None
    return " ".join(cell_text(v).split()) or None


def iter_dapodik(
    table: Table, det: Detected, issues: list[RowIssue]
) -> Iterator[tuple[object, ...]]:
    """Rows of PTK_COLUMNS; rows without a name are skipped and reported in `issues`."""
    from operator_app.core.names import name_key, normalise_jk, repair_mojibake

    ix = _index(det)
    i_nama, i_nip, i_nik = ix.get("nama"), ix.get("nip"), ix.get("nik")
    for n, row in enumerate(table.rows(), start=1):
        if n <= det.header_row:
            continue
        if not any(cell_text(c) for c in row):
            continue
        nama = _text(row, i_nama)
        if not nama:
            issues.append(RowIssue(n, f"baris {n} tidak punya Nama: dilewati"))
            continue
        nama = repair_mojibake(nama)
        nip_raw = cell_text(_get(row, i_nip)) or None
        nip, nip_num = identifier_text(_get(row, i_nip))
        nik, nik_num = identifier_text(_get(row, i_nik))
        nuptk, _ = identifier_text(_get(row, ix.get("nuptk")))
        yield (
            n,
            nama,
            name_key(nama),
            nuptk or None,
            normalise_jk(cell_text(_get(row, ix.get("jk")))),
            _text(row, ix.get("tempat_lahir")),
            date_text(_get(row, ix.get("tanggal_lahir"))) or None,
            nip or None,
            nip_raw,
            nip_num,
            nik or None,
            nik_num,
            _text(row, ix.get("status_kepegawaian")),
            _text(row, ix.get("jenis_ptk")),
            _text(row, ix.get("tugas_tambahan")),
            date_text(_get(row, ix.get("tmt_pns"))) or None,
            _raw_json(row),
        )


def iter_siasn(table: Table, det: Detected, issues: list[RowIssue]) -> Iterator[tuple[object, ...]]:
    """Rows of SIASN_COLUMNS (the hot path of a 50,000-row import: keep it lean)."""
    from operator_app.core.names import name_key, normalise_jk

    ix = _index(det)
    g = ix.get
    i_nama, i_nip, i_lama, i_nik, i_pns = (
        g("nama"),
        g("nip_baru"),
        g("nip_lama"),
        g("nik"),
        g("pns_id"),
    )
    i_tgl, i_jk, i_unor = g("tanggal_lahir"), g("jenis_kelamin"), g("unor_nama")
    text_cols = [g(f) for f in ("gelar_depan", "gelar_belakang")]
    tail_cols = [g(f) for f in ("jenis_pegawai_nama",)]
    i_kid, i_knama, i_status = (
        g("kedudukan_hukum_id"),
        g("kedudukan_hukum_nama"),
        g("status_cpns_pns"),
    )
    i_tmt, i_jab, i_unor_id, i_inst = (
        g("tmt_pns"),
        g("jabatan_nama"),
        g("unor_id"),
        g("instansi_kerja_nama"),
    )
    for n, row in enumerate(table.rows(), start=1):
        if n <= det.header_row:
            continue
        nama = _text(row, i_nama)
        nip, nip_num = identifier_text(_get(row, i_nip))
        if not nama and not nip:
            if any(cell_text(c) for c in row):
                issues.append(RowIssue(n, f"baris {n} tanpa NAMA dan NIP_BARU: dilewati"))
            continue
        lama, _ = identifier_text(_get(row, i_lama))
        nik, nik_num = identifier_text(_get(row, i_nik))
        pns_id = cell_text(_get(row, i_pns)).lstrip("'") or None
        kid = cell_text(_get(row, i_kid)).lstrip("'").lstrip("0") or None
        status = cell_text(_get(row, i_status)).upper() or None
        yield (
            n,
            pns_id,
            nip or None,
            lama or None,
            nama or "",
            name_key(nama or ""),
            _text(row, text_cols[0]),
            _text(row, text_cols[1]),
            date_text(_get(row, i_tgl)) or None,
            normalise_jk(cell_text(_get(row, i_jk))),
            nik or None,
            nik_num,
            nip_num,
            _text(row, tail_cols[0]),
            kid,
            _text(row, i_knama),
            status,
            date_text(_get(row, i_tmt)) or None,
            _text(row, i_jab),
            cell_text(_get(row, i_unor_id)) or None,
            _text(row, i_unor),
            _text(row, i_inst),
            _raw_json(row),
        )
