"""Turn the data rows of a detected table into typed records, keeping every original column."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import Protocol

from operator_app.core.errors import BadFileError
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


class TypedRows(Protocol):
    """Rows typed away from the write (sources.read_procs, sources.big_file): what the importer
    inserts instead of iterating the table. `start` lets a worker begin typing (the import's
    write phase has begun); `replay` yields the rows, then adds what the typing skipped to
    `issues` and raises a damaged row's BadFileError where iterating the table would have
    raised it: at write time, inside the import's transaction, not as a refusal while reading;
    `close` ends a worker."""

    def start(self) -> None: ...

    def replay(self, issues: list[RowIssue]) -> Iterator[tuple[object, ...]]: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Typed:
    """Rows typed ahead in a worker process (sources.read_procs), held here."""

    rows: list[tuple[object, ...]]
    issues: list[RowIssue]
    error: BadFileError | None = None

    def start(self) -> None:
        pass

    def replay(self, issues: list[RowIssue]) -> Iterator[tuple[object, ...]]:
        yield from self.rows
        issues.extend(self.issues)
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        pass


def typer_for(
    kind: str,
) -> Callable[[Table, Detected, list[RowIssue]], Iterator[tuple[object, ...]]] | None:
    """iter_siasn or iter_dapodik for a kind; None for one without typed rows (the e-Kinerja log)."""
    if kind == "siasn":
        return iter_siasn
    if kind.startswith("dapodik"):
        return iter_dapodik
    return None


def type_rows(table: Table, det: Detected) -> Typed | None:
    """Every row typed now; None for a kind without typed rows here (the e-Kinerja log)."""
    typer = typer_for(det.kind)
    if typer is None:
        return None
    issues: list[RowIssue] = []
    rows: list[tuple[object, ...]] = []
    try:
        rows.extend(typer(table, det, issues))
    except BadFileError as exc:
        return Typed(rows, issues, exc)
    return Typed(rows, issues)


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=cell_text).encode
# JSONEncoder.encode builds json's C encoder anew for every call; one built here gives the same
# text (the fallback when the C accelerator is missing) about 15 % faster over 50,000 rows.
_C_MAKE = getattr(json.encoder, "c_make_encoder", None)
_C_ENCODE = (
    _C_MAKE(
        None,  # no circular-reference markers: a row is a flat list of cell values
        cell_text,
        json.encoder.c_encode_basestring,  # type: ignore[attr-defined]
        None,
        ":",
        ",",
        False,
        False,
        True,
    )
    if _C_MAKE is not None and getattr(json.encoder, "c_encode_basestring", None) is not None
    else None
)


def _raw_json(row: list[object]) -> str:
    """Every cell as read (dates as ISO text): nothing the file had is thrown away."""
    if _C_ENCODE is not None:
        return "".join(_C_ENCODE(row, 0))
    return _ENCODE(row)


def _plain_json(row: list[str]) -> str:
    """_raw_json of a row of texts none of which needs escaping (Table.plain_json)."""
    return '["' + '","'.join(row) + '"]' if row else "[]"


def _encoder(table: Table) -> Callable[[list[object]], str]:
    return _plain_json if table.plain_json else _raw_json  # type: ignore[return-value]


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
    return _clean(row[i])


def iter_dapodik(
    table: Table, det: Detected, issues: list[RowIssue]
) -> Iterator[tuple[object, ...]]:
    """Rows of PTK_COLUMNS; rows without a name are skipped and reported in `issues`."""
    from operator_app.core.names import name_key, normalise_jk, repair_mojibake

    ix = _index(det)
    i_nama, i_nip, i_nik = ix.get("nama"), ix.get("nip"), ix.get("nik")
    i_nuptk, i_jk, i_tempat = ix.get("nuptk"), ix.get("jk"), ix.get("tempat_lahir")
    i_tgl, i_status, i_jenis = (
        ix.get("tanggal_lahir"),
        ix.get("status_kepegawaian"),
        ix.get("jenis_ptk"),
    )
    i_tugas, i_tmt = ix.get("tugas_tambahan"), ix.get("tmt_pns")
    raw_json = _encoder(table)
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
        nuptk, _ = identifier_text(_get(row, i_nuptk))
        yield (
            n,
            nama,
            name_key(nama),
            nuptk or None,
            normalise_jk(cell_text(_get(row, i_jk))),
            _text(row, i_tempat),
            date_text(_get(row, i_tgl)) or None,
            nip or None,
            nip_raw,
            nip_num,
            nik or None,
            nik_num,
            _text(row, i_status),
            _text(row, i_jenis),
            _text(row, i_tugas),
            date_text(_get(row, i_tmt)) or None,
            raw_json(row),
        )


_SIASN_PICKED = (
    "nama", "nip_baru", "nip_lama", "nik", "pns_id", "kedudukan_hukum_id", "status_cpns_pns",
    "gelar_depan", "gelar_belakang", "tanggal_lahir", "jenis_kelamin", "jenis_pegawai_nama",
    "kedudukan_hukum_nama", "tmt_pns", "jabatan_nama", "unor_id", "unor_nama",
    "instansi_kerja_nama",
)  # fmt: skip


def _clean(v: object) -> str | None:
    """_text of one cell value."""
    if type(v) is str and v.isprintable() and "  " not in v and v[:1] != " " != v[-1:]:
        return v if v and v not in NULL_TEXTS else None
    return " ".join(cell_text(v).split()) or None


class _Cleaned(dict[str, "str | None"]):
    """_clean of text cells, remembered: most SIASN columns repeat a few hundred values (unit,
    position, status, titles) over 50,000 rows. Bounded; only str keys, so 1, 1.0 and True (equal
    as keys, different as cells) never share an entry."""

    LIMIT = 1 << 14

    def __missing__(self, key: str) -> str | None:
        if len(self) >= self.LIMIT:
            self.clear()
        value = self[key] = _clean(key)
        return value


def iter_siasn(table: Table, det: Detected, issues: list[RowIssue]) -> Iterator[tuple[object, ...]]:
    """Rows of SIASN_COLUMNS (the hot path of a 50,000-row import: keep it lean).

    The cells a record needs are taken from a row by one itemgetter. A column the file lacks
    reads the blank cell appended to the row (index -1); a short row is padded with blanks.
    """
    from operator_app.core.names import name_key, normalise_jk

    ix = _index(det)
    need = max((ix[f] + 1 for f in _SIASN_PICKED if f in ix), default=0)
    lacking = any(f not in ix for f in _SIASN_PICKED)
    pick = itemgetter(*(ix.get(f, -1) for f in _SIASN_PICKED))
    blanks = [""] * (need + 1)
    memo = _Cleaned()
    raw_json = _encoder(table)
    for n, row in enumerate(table.rows(), start=1):
        if n <= det.header_row:
            continue
        short = need - len(row)
        cells = row + blanks[: max(short, 0) + 1] if lacking or short > 0 else row
        (
            c_nama, c_nip, c_lama, c_nik, c_pns, c_kid, c_status, c_gd, c_gb, c_tgl, c_jk,
            c_jenis, c_knama, c_tmt, c_jab, c_unor_id, c_unor, c_inst,
        ) = pick(cells)  # fmt: skip
        nama = _clean(c_nama)
        nip, nip_num = identifier_text(c_nip)
        if not nama and not nip:
            if any(cell_text(c) for c in row):
                issues.append(RowIssue(n, f"baris {n} tanpa NAMA dan NIP_BARU: dilewati"))
            continue
        lama, _ = identifier_text(c_lama)
        nik, nik_num = identifier_text(c_nik)
        yield (
            n,
            cell_text(c_pns).lstrip("'") or None,
            nip or None,
            lama or None,
            nama or "",
            name_key(nama or ""),
            memo[c_gd] if type(c_gd) is str else _clean(c_gd),
            memo[c_gb] if type(c_gb) is str else _clean(c_gb),
            date_text(c_tgl) or None,
            normalise_jk(cell_text(c_jk)),
            nik or None,
            nik_num,
            nip_num,
            memo[c_jenis] if type(c_jenis) is str else _clean(c_jenis),
            cell_text(c_kid).lstrip("'").lstrip("0") or None,
            memo[c_knama] if type(c_knama) is str else _clean(c_knama),
            cell_text(c_status).upper() or None,
            date_text(c_tmt) or None,
            memo[c_jab] if type(c_jab) is str else _clean(c_jab),
            cell_text(c_unor_id) or None,
            memo[c_unor] if type(c_unor) is str else _clean(c_unor),
            memo[c_inst] if type(c_inst) is str else _clean(c_inst),
            raw_json(row),
        )
