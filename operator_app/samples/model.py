"""The school as its Dapodik export shows it (title rows, file names), with its PTK rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

DapodikKind = Literal["guru", "tendik"]

TITLE_A1: dict[str, str] = {"guru": "Daftar Guru", "tendik": "Daftar Tenaga Kependidikan"}


@dataclass
class SampleSchool:
    """A school as written in Dapodik's title rows, and what its two exports contain.

    `kecamatan`, `kabupaten` and `provinsi` are bare names ("Sumbang"); the title row A3 adds
    Dapodik's doubled prefixes ("Kecamatan Kec. Sumbang"). `unor_nama` is how SIASN spells the
    school as a unit (empty: identical to `name`). Row lists hold dicts keyed by the 51
    DAPODIK_HEADERS; the numeric sets hold 0-based positions in those lists whose NIP cell is
    written as an Excel number.
    """

    name: str
    kecamatan: str = "Sukamaju"
    kabupaten: str = "Banyumas"
    provinsi: str = "Jawa Tengah"
    unor_nama: str = ""
    downloaded_at: datetime = datetime(2026, 11, 18, 9, 15, 2)
    pengunduh: str = "OPERATOR SEKOLAH"
    pengunduh_email: str = "operator@example.sch.id"
    guru_rows: list[dict[str, object]] = field(default_factory=list)
    tendik_rows: list[dict[str, object]] = field(default_factory=list)
    guru_numeric_nip: set[int] = field(default_factory=set)
    tendik_numeric_nip: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        if not self.unor_nama:
            self.unor_nama = self.name

    def file_name(self, kind: DapodikKind, suffix: str = ".xlsx") -> str:
        """`daftar-guru-<NAMA SEKOLAH>-<YYYY-MM-DD HH_MM_SS>.xlsx`, as Dapodik names it."""
        stamp = self.downloaded_at.strftime("%Y-%m-%d %H_%M_%S")
        return f"daftar-{kind}-{self.name}-{stamp}{suffix}"

    @property
    def guru_file(self) -> str:
        return self.file_name("guru")

    @property
    def tendik_file(self) -> str:
        return self.file_name("tendik")

    def rows(self, kind: DapodikKind) -> list[dict[str, object]]:
        return self.guru_rows if kind == "guru" else self.tendik_rows

    def numeric_nip(self, kind: DapodikKind) -> set[int]:
        return self.guru_numeric_nip if kind == "guru" else self.tendik_numeric_nip

    def title_rows(self, kind: DapodikKind) -> tuple[str, str, str, str, str]:
        """A1, A2, A3, A4 and C4 of the export."""
        return (
            TITLE_A1[kind],
            self.name,
            f"Kecamatan Kec. {self.kecamatan}, Kabupaten Kab. {self.kabupaten}, "
            f"Provinsi Prov. {self.provinsi}",
            f"Tanggal Unduh: {self.downloaded_at:%Y-%m-%d %H:%M:%S}",
            f"Pengunduh: {self.pengunduh} ({self.pengunduh_email})",
        )


@dataclass(frozen=True)
class Region:
    """A kabupaten with its Dukcapil codes (NIK digits 1-6) and place names."""

    provinsi: str
    prov_code: str
    kabupaten: str
    kab_code: str
    kecamatan: tuple[tuple[str, str], ...]  # (name, 2-digit district code)
    desa: tuple[str, ...]
    kode_pos: int  # first postcode of the regency
    kpkn: str

    def district_codes(self) -> list[str]:
        return [f"{self.prov_code}{self.kab_code}{code}" for _, code in self.kecamatan]

    @property
    def instansi(self) -> str:
        return f"Pemerintah Kab. {self.kabupaten}"


@dataclass(frozen=True)
class Unit:
    """A SIASN unit organisasi (unor): a school, a Dinas office, a health centre, ..."""

    nama: str
    unor_id: str
    kind: Literal["sekolah", "dinas", "lain"] = "sekolah"
    induk: str = "DINAS PENDIDIKAN DAN KEBUDAYAAN"


REGIONS: tuple[Region, ...] = (
    Region(
        "Jawa Tengah", "33", "Banyumas", "02",
        (("Sumbang", "13"), ("Kembaran", "14"), ("Baturraden", "12"), ("Cilongok", "05"),
         ("Ajibarang", "07"), ("Sokaraja", "15")),
        ("SUKAMAJU", "KARANGREJA", "SUMBERSARI", "KEDUNGWRINGIN", "KARANGSARI", "BANJARSARI",
         "PANDAK", "LEDUG", "KALISARI", "CIBANGKONG", "PAGERAJI", "SINGASARI", "KARANGNANAS",
         "TAMBAKSARI", "WATUAGUNG", "KEMUTUG"),
        53111, "PURWOKERTO",
    ),
    Region(
        "Jawa Barat", "32", "Tasikmalaya", "06",
        (("Singaparna", "16"), ("Manonjaya", "08"), ("Cigalontang", "18"), ("Rajapolah", "22"),
         ("Ciawi", "25"), ("Sukaraja", "12")),
        ("SUKAMAJU", "MEKARSARI", "CIBODAS", "TANJUNGSARI", "MARGAHAYU", "SINDANGSARI",
         "SUKAMULYA", "CIKUNIR", "NAGARASARI", "SUKARAME", "CILOLOHAN", "PASIRJAYA",
         "MULYASARI", "CIHERAS", "SUKASENANG", "LINGGARAJA"),
        46411, "TASIKMALAYA",
    ),
    Region(
        "Jawa Timur", "35", "Jember", "09",
        (("Kaliwates", "20"), ("Ambulu", "04"), ("Balung", "08"), ("Puger", "09"),
         ("Tanggul", "14"), ("Rambipuji", "18")),
        ("SUKAMAJU", "SUMBERREJO", "KARANGSEMANDING", "TEGALSARI", "WONOSARI", "KEMUNINGSARI",
         "GUMELAR", "SUKOREJO", "KALIBARU", "MANGLI", "JOMBANG", "GADINGREJO", "TAMANSARI",
         "SIDODADI", "KRATON", "KEPATIHAN"),
        68111, "JEMBER",
    ),
)  # fmt: skip
