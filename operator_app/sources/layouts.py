"""The column layouts of the Dapodik PTK export and the SIASN export, and header normalisation."""

from __future__ import annotations

import re
from functools import lru_cache

# Dapodik "Unduh" of Daftar Guru / Daftar Tenaga Kependidikan: 51 named columns, in this order.
DAPODIK_HEADERS: tuple[str, ...] = (
    "No", "Nama", "NUPTK", "JK", "Tempat Lahir", "Tanggal Lahir", "NIP", "Status Kepegawaian",
    "Jenis PTK", "Agama", "Alamat Jalan", "RT", "RW", "Nama Dusun", "Desa/Kelurahan", "Kecamatan",
    "Kode Pos", "Telepon", "HP", "Email", "Tugas Tambahan", "SK CPNS", "Tanggal CPNS",
    "SK Pengangkatan", "TMT Pengangkatan", "Lembaga Pengangkatan", "Pangkat Golongan",
    "Sumber Gaji", "Nama Ibu Kandung", "Status Perkawinan", "Nama Suami/Istri", "NIP Suami/Istri",
    "Pekerjaan Suami/Istri", "TMT PNS", "Sudah Lisensi Kepala Sekolah",
    "Pernah Diklat Kepengawasan", "Keahlian Braille", "Keahlian Bahasa Isyarat", "NPWP",
    "Nama Wajib Pajak", "Kewarganegaraan", "Bank", "Nomor Rekening Bank", "Rekening Atas Nama",
    "NIK", "No KK", "Karpeg", "Karis/Karsu", "Lintang", "Bujur", "NUKS",
)  # fmt: skip

# SIASN "Export Data ASN": 67 columns (the last three appeared in 2024).
SIASN_HEADERS: tuple[str, ...] = (
    "PNS_ID", "NIP_BARU", "NIP_LAMA", "NAMA", "GELAR_DEPAN", "GELAR_BELAKANG", "TEMPAT_LAHIR_ID",
    "TEMPAT_LAHIR_NAMA", "TANGGAL_LAHIR", "JENIS_KELAMIN", "AGAMA_ID", "AGAMA_NAMA",
    "JENIS_KAWIN_ID", "JENIS_KAWIN_NAMA", "NIK", "NOMOR_HP", "EMAIL", "EMAIL_GOV", "ALAMAT",
    "NPWP_NOMOR", "BPJS", "JENIS_PEGAWAI_ID", "JENIS_PEGAWAI_NAMA", "KEDUDUKAN_HUKUM_ID",
    "KEDUDUKAN_HUKUM_NAMA", "STATUS_CPNS_PNS", "KARTU_ASN_VIRTUAL", "NOMOR_SK_CPNS",
    "TANGGAL_SK_CPNS", "TMT_CPNS", "NOMOR_SK_PNS", "TANGGAL_SK_PNS", "TMT_PNS", "GOL_AWAL_ID",
    "GOL_AWAL_NAMA", "GOL_AKHIR_ID", "GOL_AKHIR_NAMA", "TMT_GOLONGAN", "MK_TAHUN", "MK_BULAN",
    "JENIS_JABATAN_ID", "JENIS_JABATAN_NAMA", "JABATAN_ID", "JABATAN_NAMA", "TMT_JABATAN",
    "TINGKAT_PENDIDIKAN_ID", "TINGKAT_PENDIDIKAN_NAMA", "PENDIDIKAN_ID", "PENDIDIKAN_NAMA",
    "TAHUN_LULUS", "KPKN_ID", "KPKN_NAMA", "LOKASI_KERJA_ID", "LOKASI_KERJA_NAMA", "UNOR_ID",
    "UNOR_NAMA", "INSTANSI_INDUK_ID", "INSTANSI_INDUK_NAMA", "INSTANSI_KERJA_ID",
    "INSTANSI_KERJA_NAMA", "SATUAN_KERJA_INDUK_ID", "SATUAN_KERJA_INDUK_NAMA",
    "SATUAN_KERJA_KERJA_ID", "SATUAN_KERJA_KERJA_NAMA", "IS_VALID_NIK", "NAMA_SEKOLAH", "FLAG_IKD",
)  # fmt: skip

_NON_ALNUM = re.compile(r"[^A-Z0-9]+")


def normalise_header(text: object) -> str:
    """'PNS ID', 'pns_id', '\\ufeffPNS_ID ' and 'Pns-Id' all become 'pns_id'; '' for unnamed."""
    return _normalise_text(text if type(text) is str else str(text or ""))


# Header detection asks for the same ~60 headers about 1,000 times per file (every layout, the
# e-Kinerja log test): remembered per text, bounded so a hostile file cannot grow it unbounded.
@lru_cache(maxsize=4096)
def _normalise_text(text: str) -> str:
    s = text.replace("\ufeff", "").strip().upper()
    return _NON_ALNUM.sub("_", s).strip("_").lower()


DAPODIK_FIELDS: tuple[str, ...] = tuple(normalise_header(h) for h in DAPODIK_HEADERS)
SIASN_FIELDS: tuple[str, ...] = tuple(normalise_header(h) for h in SIASN_HEADERS)

# Older SAPK-era and hand-made spellings -> canonical SIASN field.
SIASN_ALIASES: dict[str, str] = {
    "gelar_blk": "gelar_belakang",
    "gelar_dpn": "gelar_depan",
    "tgl_lahir": "tanggal_lahir",
    "tanggal_lhr": "tanggal_lahir",
    "gol_id": "gol_akhir_id",
    "gol_nama": "gol_akhir_nama",
    "nip": "nip_baru",
    "nip_18": "nip_baru",
    "nip_9": "nip_lama",
    "nama_pegawai": "nama",
    "jk": "jenis_kelamin",
    "kedudukan_pns": "kedudukan_hukum_nama",
    "kedudukan_hukum": "kedudukan_hukum_nama",
    "status_pegawai": "status_cpns_pns",
    "nama_unor": "unor_nama",
    "unit_organisasi": "unor_nama",
    "nama_jabatan": "jabatan_nama",
    "jenis_pegawai": "jenis_pegawai_nama",
    "instansi_kerja": "instansi_kerja_nama",
    "tmt_pns_": "tmt_pns",
}

# Dapodik header variants seen in older exports.
DAPODIK_ALIASES: dict[str, str] = {
    "l_p": "jk",
    "jenis_kelamin": "jk",
    "tgl_lahir": "tanggal_lahir",
    "status_kepegawaian_": "status_kepegawaian",
    "desa_kel": "desa_kelurahan",
    "no_hp": "hp",
}

# What each kind needs to be useful at all; a file missing these is refused.
DAPODIK_REQUIRED: tuple[str, ...] = ("nama", "nip")
SIASN_REQUIRED: tuple[str, ...] = ("nip_baru", "nama")

# Fields whose values are identifiers: read as text exactly as shown, numeric cells flagged.
IDENTIFIER_FIELDS: frozenset[str] = frozenset(
    {"nip", "nik", "nuptk", "no_kk", "nip_suami_istri", "npwp", "nomor_rekening_bank", "karpeg",
     "nip_baru", "nip_lama", "pns_id", "npwp_nomor", "nomor_hp", "hp", "telepon", "bpjs",
     "kode_pos", "nuks"}
)  # fmt: skip

# Fields holding dates (parsed to ISO YYYY-MM-DD when typed columns are filled).
DATE_FIELDS: frozenset[str] = frozenset(
    {"tanggal_lahir", "tanggal_cpns", "tmt_pengangkatan", "tmt_pns", "tanggal_sk_cpns", "tmt_cpns",
     "tanggal_sk_pns", "tmt_golongan", "tmt_jabatan"}
)  # fmt: skip


def canonical_field(header: object, kind: str) -> str:
    """Canonical field name of a header for a kind ('dapodik' or 'siasn'); '' when unnamed."""
    if type(header) is str:
        return _canonical_text(header, kind)
    key = normalise_header(header)
    aliases = SIASN_ALIASES if kind == "siasn" else DAPODIK_ALIASES
    return aliases.get(key, key)


@lru_cache(maxsize=8192)
def _canonical_text(header: str, kind: str) -> str:
    key = _normalise_text(header)
    aliases = SIASN_ALIASES if kind == "siasn" else DAPODIK_ALIASES
    return aliases.get(key, key)
