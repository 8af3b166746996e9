"""Tell Dapodik guru / Dapodik tendik / SIASN apart by content, and find the header row."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from operator_app.core.errors import BadFileError
from operator_app.sources.cells import cell_text
from operator_app.sources.layouts import (
    DAPODIK_FIELDS,
    DAPODIK_REQUIRED,
    SIASN_FIELDS,
    SIASN_REQUIRED,
    canonical_field,
)
from operator_app.sources.readers import Table
from operator_app.sources.synclog import KIND as LOG_KIND
from operator_app.sources.synclog import LABEL as LOG_LABEL
from operator_app.sources.synclog import find_columns, half_log, log_field

KIND_LABELS = {
    "dapodik_guru": "Dapodik - Daftar Guru",
    "dapodik_tendik": "Dapodik - Daftar Tenaga Kependidikan",
    "siasn": "SIASN - Export Data ASN",
    LOG_KIND: LOG_LABEL,
}
_DAPODIK_SET = frozenset(DAPODIK_FIELDS)
_SIASN_SET = frozenset(SIASN_FIELDS)
_LOG_SET = frozenset({"nip", "message", "nama", "unor", "waktu"})
_DAPODIK_MARKERS = frozenset({"nuptk", "status_kepegawaian", "jenis_ptk", "tugas_tambahan"})
_STUDENT_MARKERS = ("peserta didik", "daftar siswa", "rombongan belajar")
_STUDENT_FIELDS = frozenset({"nisn", "nipd", "rombel_saat_ini", "nama_rombel"})
_REGION = re.compile(
    r"Kecamatan\s+(?:Kec\.\s*)?(?P<kec>.*?)\s*,\s*Kabupaten\s+(?:Kab\.\s*)?(?P<kab>.*?)\s*,"
    r"\s*Provinsi\s+(?:Prov\.\s*)?(?P<prov>.*)",
    re.IGNORECASE,
)


@dataclass
class Detected:
    kind: str
    header_row: int  # 1-based
    headers: list[str]  # raw header texts, one per column
    fields: list[str]  # canonical field per column; "" for unnamed columns
    school_name: str | None = None
    kecamatan: str | None = None
    kabupaten: str | None = None
    provinsi: str | None = None
    tanggal_unduh: datetime | None = None
    pengunduh: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def _known(self) -> frozenset[str]:
        if self.kind == LOG_KIND:
            return _LOG_SET
        return _SIASN_SET if self.kind == "siasn" else _DAPODIK_SET

    @property
    def mapped(self) -> list[tuple[str, str]]:
        known = self._known
        return [(h, f) for h, f in zip(self.headers, self.fields, strict=True) if f in known]

    @property
    def unmapped(self) -> list[str]:
        known = self._known
        if self.kind == LOG_KIND:
            return [h for h, f in zip(self.headers, self.fields, strict=True) if h and not f]
        return [h for h, f in zip(self.headers, self.fields, strict=True) if f and f not in known]


def detect(table: Table) -> Detected:
    """Detect the kind and the header row, or raise BadFileError naming what is missing."""
    name = table.file.name
    # rows as text only up to the header row (the data rows below it are typed later anyway)
    head = [[cell_text(c) for c in row] for row in table.head[:4]]
    title_text = " ".join(" ".join(r) for r in head[:4]).lower()
    if any(m in title_text for m in _STUDENT_MARKERS):
        raise BadFileError(
            f"File {name} adalah daftar peserta didik, bukan daftar PTK. Impor file "
            "'daftar-guru-…' dan 'daftar-tendik-…' dari menu PTK Dapodik.",
            file=str(table.file),
        )
    half: str | None = None
    for i, raw in enumerate(table.head):
        if i == len(head):
            head.append([cell_text(c) for c in raw])
        row = head[i]
        if find_columns(row) is not None:  # e-Kinerja sync log: a NIP and a message column
            return Detected(LOG_KIND, i + 1, row, [log_field(c) for c in row])
        half = half or half_log(row)
        # an empty cell is no field of any layout (skipped: title rows are one cell and 50 empty)
        siasn = [canonical_field(c, "siasn") if c else "" for c in row]
        dapo = [canonical_field(c, "dapodik") if c else "" for c in row]
        if _STUDENT_FIELDS & set(dapo):
            raise BadFileError(
                f"File {name} berisi kolom peserta didik (NISN/NIPD), bukan daftar PTK.",
                file=str(table.file),
            )
        dapodik_like = "nama" in dapo and (
            bool(_DAPODIK_MARKERS & set(dapo))
            or "daftar guru" in title_text
            or "daftar tenaga kependidikan" in title_text
        )
        if dapodik_like:
            return _dapodik(table, head, i, row, dapo)
        if all(f in siasn for f in SIASN_REQUIRED):
            return Detected(
                "siasn", i + 1, row, [_named(c, f) for c, f in zip(row, siasn, strict=False)]
            )
    if half is not None:
        raise log_refusal(name, str(table.file), half)
    raise BadFileError(
        f"File {name} bukan ekspor yang dikenal: dalam {len(table.head)} baris pertama tidak ada baris "
        "judul kolom dengan 'Nama' dan 'NIP' (Dapodik), 'NIP_BARU' dan 'NAMA' (SIASN), atau "
        "'NIP' dan 'Pesan'/'Keterangan' (Log Sinkronisasi PMM e-Kinerja). Pastikan file adalah "
        "unduhan Daftar Guru/Tendik dari Dapodik, Export Data ASN dari SIASN, atau ekspor Log "
        "Sinkronisasi PMM dari BKD, tanpa kolom yang dihapus.",
        file=str(table.file),
    )


_NIP_NAMES = "NIP, NIP Pegawai atau NIP Baru"
_MESSAGE_NAMES = "Pesan, Pesan Error, Keterangan, Kendala, Alasan atau Status Sinkron"


def log_refusal(name: str, path: str, missing: str | None = None) -> BadFileError:
    """The refusal of a file offered as the e-Kinerja sync log without its required columns."""
    if missing == "nip":
        what = f"kolom NIP ({_NIP_NAMES}) tidak ada"
    elif missing == "message":
        what = f"kolom pesan ({_MESSAGE_NAMES}) tidak ada"
    else:
        what = f"tidak ada kolom NIP ({_NIP_NAMES}) dan kolom pesan ({_MESSAGE_NAMES})"
    return BadFileError(
        f"File {name} bukan Log Sinkronisasi PMM yang bisa dibaca: {what}. Minta Admin Instansi "
        "(BKD) mengekspor ulang rekapitulasi kendala sinkron PMM dari e-Kinerja lengkap dengan "
        "kolom NIP dan pesan gagalnya. Tidak ada yang diubah.",
        file=path,
    )


def _named(header: str, fld: str) -> str:
    return fld if header.strip() else ""


def _dapodik(
    table: Table, head: list[list[str]], i: int, row: list[str], dapo: list[str]
) -> Detected:
    name = table.file.name
    fields = [_named(c, f) for c, f in zip(row, dapo, strict=False)]
    missing = [f for f in DAPODIK_REQUIRED if f not in fields]
    if missing:
        raise BadFileError(
            f"File {name} tampak seperti ekspor Dapodik tetapi kolom {', '.join(missing).upper()} "
            "tidak ada. Unduh ulang dari Dapodik tanpa menghapus kolom.",
            file=str(table.file),
        )
    titles = [r for r in head[:i] if any(r)]
    first = titles[0][0].strip().lower() if titles and titles[0] else ""
    if "tenaga kependidikan" in first or "tendik" in first:
        kind = "dapodik_tendik"
    elif "guru" in first:
        kind = "dapodik_guru"
    else:
        kind = _kind_from_rows(table, i, fields)
    det = Detected(kind, i + 1, row, fields)
    cells = [c for r in titles for c in r if c]
    if len(titles) >= 2 and titles[1] and titles[1][0]:
        det.school_name = " ".join(titles[1][0].split())
    for c in cells:
        m = _REGION.search(c)
        if m:
            det.kecamatan = m["kec"].strip() or None
            det.kabupaten = m["kab"].strip() or None
            det.provinsi = m["prov"].strip() or None
        low = c.lower()
        if low.startswith("tanggal unduh"):
            from operator_app.core.dates import parse_datetime

            det.tanggal_unduh = parse_datetime(c.partition(":")[2].strip())
        if low.startswith("pengunduh"):
            det.pengunduh = c.partition(":")[2].strip() or None
    if not det.school_name:
        raise BadFileError(
            f"File {name}: baris judul dengan nama sekolah (baris 2) tidak ditemukan, jadi sekolahnya "
            "tidak bisa ditentukan. Impor file hasil unduhan Dapodik apa adanya, tanpa menghapus "
            "baris judul.",
            file=str(table.file),
        )
    if det.tanggal_unduh is None:
        det.warnings.append(
            "Tanggal Unduh tidak ada di baris judul; urutan versi memakai waktu impor."
        )
    return det


def _kind_from_rows(table: Table, header_index: int, fields: list[str]) -> str:
    if "jenis_ptk" not in fields:
        return "dapodik_guru"
    col = fields.index("jenis_ptk")
    values = [cell_text(r[col]).lower() for r in table.head[header_index + 1 :] if len(r) > col]
    tendik = sum("tenaga kependidikan" in v for v in values)
    return "dapodik_tendik" if values and tendik > len(values) / 2 else "dapodik_guru"


def detect_file(path: Path) -> tuple[Table, Detected]:
    from operator_app.sources.readers import read_table

    table = read_table(path)
    return table, detect(table)
