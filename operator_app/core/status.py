"""Employment status (Dapodik Status Kepegawaian, SIASN kedudukan hukum) and the head of school."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

AsnKind = Literal["pns", "cpns", "pppk"]
KedudukanState = Literal["aktif", "peringatan", "tidak_aktif"]


@dataclass(frozen=True, slots=True)
class StatusInfo:
    """A Dapodik Status Kepegawaian in its canonical label; `kind` is None for non-ASN."""

    label: str
    is_asn: bool
    kind: AsnKind | None


_CANONICAL: dict[str, StatusInfo] = {
    s.label: s
    for s in (
        StatusInfo("PNS", True, "pns"),
        StatusInfo("PNS Diperbantukan", True, "pns"),
        StatusInfo("PNS Depag", True, "pns"),
        StatusInfo("CPNS", True, "cpns"),
        StatusInfo("PPPK", True, "pppk"),
        StatusInfo("PPPK Paruh Waktu", True, "pppk"),
        StatusInfo("GTY/PTY", False, None),
        StatusInfo("Honor Daerah TK.I Provinsi", False, None),
        StatusInfo("Honor Daerah TK.II Kab/Kota", False, None),
        StatusInfo("Guru Bantu Pusat", False, None),
        StatusInfo("Guru Honor Sekolah", False, None),
        StatusInfo("Tenaga Honor Sekolah", False, None),
        StatusInfo("Kontrak Kerja WNA", False, None),
        StatusInfo("PPNPN", False, None),
        StatusInfo("Guru Pengganti", False, None),
        StatusInfo("Non ASN", False, None),
        StatusInfo("Lainnya", False, None),
    )
}

# Keys are _status_key() forms: lower case, dots as spaces, 'propinsi'/'honorer'/'kabupaten'
# spelled one way, no spaces around '/'. Numbers are the Dapodik ids.
_SYNONYMS: dict[str, str] = {
    "1": "PNS",
    "pns": "PNS",
    "pegawai negeri sipil": "PNS",
    "2": "PNS Diperbantukan",
    "pns diperbantukan": "PNS Diperbantukan",
    "pns dpk": "PNS Diperbantukan",
    "dpk": "PNS Diperbantukan",
    "3": "PNS Depag",
    "pns depag": "PNS Depag",
    "pns kemenag": "PNS Depag",
    "pns kementerian agama": "PNS Depag",
    "4": "GTY/PTY",
    "gty/pty": "GTY/PTY",
    "gty": "GTY/PTY",
    "pty": "GTY/PTY",
    "guru tetap yayasan": "GTY/PTY",
    "5": "Honor Daerah TK.I Provinsi",
    "honor daerah tk i provinsi": "Honor Daerah TK.I Provinsi",
    "honor daerah tk 1 provinsi": "Honor Daerah TK.I Provinsi",
    "honor daerah provinsi": "Honor Daerah TK.I Provinsi",
    "honor provinsi": "Honor Daerah TK.I Provinsi",
    "gtt/ptt provinsi": "Honor Daerah TK.I Provinsi",
    "6": "Honor Daerah TK.II Kab/Kota",
    "honor daerah tk ii kab/kota": "Honor Daerah TK.II Kab/Kota",
    "honor daerah tk 2 kab/kota": "Honor Daerah TK.II Kab/Kota",
    "honor daerah kab/kota": "Honor Daerah TK.II Kab/Kota",
    "honor kab/kota": "Honor Daerah TK.II Kab/Kota",
    "honor daerah": "Honor Daerah TK.II Kab/Kota",
    "gtt/ptt kab/kota": "Honor Daerah TK.II Kab/Kota",
    "7": "Guru Bantu Pusat",
    "guru bantu pusat": "Guru Bantu Pusat",
    "guru bantu": "Guru Bantu Pusat",
    "8": "Guru Honor Sekolah",
    "guru honor sekolah": "Guru Honor Sekolah",
    "honor sekolah": "Guru Honor Sekolah",
    "guru honor": "Guru Honor Sekolah",
    "9": "Tenaga Honor Sekolah",
    "tenaga honor sekolah": "Tenaga Honor Sekolah",
    "pegawai honor sekolah": "Tenaga Honor Sekolah",
    "10": "CPNS",
    "cpns": "CPNS",
    "calon pns": "CPNS",
    "calon pegawai negeri sipil": "CPNS",
    "51": "Kontrak Kerja WNA",
    "kontrak kerja wna": "Kontrak Kerja WNA",
    "99": "Lainnya",
    "lainnya": "Lainnya",
    "pppk": "PPPK",
    "p3k": "PPPK",
    "pppk penuh waktu": "PPPK",
    "pegawai pemerintah dengan perjanjian kerja": "PPPK",
    "pppk paruh waktu": "PPPK Paruh Waktu",
    "p3k paruh waktu": "PPPK Paruh Waktu",
    "ppnpn": "PPNPN",
    "guru pengganti": "Guru Pengganti",
    "non asn": "Non ASN",
    "nonasn": "Non ASN",
}
_WORDS = (
    (re.compile(r"\bpropinsi\b"), "provinsi"),
    (re.compile(r"\bhonorer\b"), "honor"),
    (re.compile(r"\bkabupaten\b|\bkab\b"), "kab"),
    (re.compile(r"\btingkat\b"), "tk"),
)
_PPPK = re.compile(r"\bp(?:ppk|3k)\b|perjanjian kerja", re.IGNORECASE)


def _status_key(text: str) -> str:
    key = re.sub(r"[.\-_]", " ", text.lower())
    key = " ".join(key.split())
    key = re.sub(r"\s*/\s*", "/", key)
    for pattern, replacement in _WORDS:
        key = pattern.sub(replacement, key)
    return key


def normalise_status(text: str | None) -> StatusInfo | None:
    """Canonical Status Kepegawaian; unknown text keeps its spelling and counts as non-ASN."""
    if text is None or not text.strip():
        return None
    m = re.fullmatch(r"\s*0*(\d+)(?:\.0+)?\s*", text)
    key = m[1] if m else _status_key(text)
    label = _SYNONYMS.get(key)
    if label is None and _PPPK.search(key) and not key.startswith("non"):
        label = "PPPK Paruh Waktu" if "paruh waktu" in key else "PPPK"
    if label is None:
        return StatusInfo(" ".join(text.split()), False, None)
    return _CANONICAL[label]


_KEDUDUKAN: dict[str, tuple[str, KedudukanState]] = {
    "1": ("Aktif", "aktif"),
    "71": ("PPPK Aktif", "aktif"),
    "3": ("Tugas Belajar", "peringatan"),
    "20": ("Masa Persiapan Pensiun", "peringatan"),
    "2": ("CLTN", "tidak_aktif"),
    "4": ("Pemberhentian Sementara", "tidak_aktif"),
    "5": ("Penerima Uang Tunggu", "tidak_aktif"),
    "66": ("Diberhentikan", "tidak_aktif"),
    "77": ("Pemberhentian", "tidak_aktif"),
    "88": ("Pemberhentian", "tidak_aktif"),
    "98": ("Mencapai BUP", "tidak_aktif"),
    "99": ("Pensiun", "tidak_aktif"),
}
_WARN_TEXT = re.compile(r"tugas belajar|persiapan pensiun|\bmpp\b")
_INACTIVE_TEXT = re.compile(
    r"pensiun|berhenti|cltn|di luar tanggungan|meninggal|wafat|uang tunggu|\bbup\b|"
    r"tidak aktif|non ?aktif"
)


def _kedudukan_id(kid: str | None) -> str | None:
    if kid is None:
        return None
    m = re.fullmatch(r"\s*0*(\d+)(?:\.0+)?\s*", kid)
    return m[1] if m else None


def kedudukan_state(kid: str | None, nama: str | None) -> KedudukanState | None:
    """Whether a SIASN kedudukan hukum is active; the id decides when it is a known one."""
    known = _KEDUDUKAN.get(_kedudukan_id(kid) or "")
    if known:
        return known[1]
    text = " ".join((nama or "").lower().split())
    if not text:
        return None
    if _WARN_TEXT.search(text):
        return "peringatan"
    if _INACTIVE_TEXT.search(text):
        return "tidak_aktif"
    if "aktif" in text:
        return "aktif"
    return None


def kedudukan_label(kid: str | None, nama: str | None) -> str:
    """The kedudukan hukum as the operator should read it: SIASN's own name, else the id's."""
    if nama and nama.strip():
        return " ".join(nama.split())
    norm = _kedudukan_id(kid)
    if norm in _KEDUDUKAN:
        return _KEDUDUKAN[norm][0]
    return f"kedudukan hukum {kid.strip()}" if kid and kid.strip() else ""


def siasn_kind(
    status_cpns_pns: str | None,
    jenis_pegawai_nama: str | None,
    kedudukan_nama: str | None,
    nip: str | None,
) -> AsnKind | None:
    """PNS, CPNS or PPPK for a SIASN row.

    PPPK first (the text or the NIP pattern says so: STATUS_CPNS_PNS is empty or meaningless for
    PPPK), then STATUS_CPNS_PNS. From a NIP alone CPNS and PNS look the same: 'pns'.
    """
    texts = f"{jenis_pegawai_nama or ''} {kedudukan_nama or ''}"
    clean_nip = (nip or "").strip()
    nip_ok = len(clean_nip) == 18 and clean_nip.isascii() and clean_nip.isdigit()
    if _PPPK.search(texts) or (nip_ok and clean_nip[12] == "2"):
        return "pppk"
    status = (status_cpns_pns or "").strip().upper()
    if status in {"C", "CPNS"}:
        return "cpns"
    if status in {"P", "PNS"}:
        return "pns"
    if nip_ok and clean_nip[12] in "01" and 1 <= int(clean_nip[12:14]) <= 12:
        return "pns"
    return None


_KEPSEK = re.compile(r"(?<!wakil )\b(?:kepala sekolah|kepsek)\b")
_PLT = re.compile(r"\b(?:plt|pelaksana tugas)\b")


def _plain(text: str | None) -> str:
    return " ".join(re.sub(r"[.\-_]", " ", (text or "").lower()).split())


def is_kepala_sekolah(jenis_ptk: str | None, tugas_tambahan: str | None) -> bool:
    """Head of school in either column, Plt included; 'Wakil Kepala Sekolah' is not."""
    return any(_KEPSEK.search(_plain(t)) for t in (jenis_ptk, tugas_tambahan))


def is_plt(tugas_tambahan: str | None) -> bool:
    """An acting appointment: 'Plt. Kepala Sekolah', 'Pelaksana Tugas Kepala Sekolah'."""
    return _PLT.search(_plain(tugas_tambahan)) is not None
