"""Synthetic Indonesian people: names with titles, birth dates, and consistent NIP/NIK/NUPTK.

Everything is drawn from a `random.Random` passed in, so a seed gives the same people on every
machine. The identifier builders follow ``shared/domain/identifiers.md``:

- NIP (PNS/CPNS): ``YYYYMMDD`` birth date, ``YYYYMM`` TMT CPNS, sex ``1``/``2``, serial ``NNN``;
- NI PPPK: ``YYYYMMDD`` birth date, ``YYYY`` TMT year, ``2``, round ``1``-``9``, sex, serial;
- NIK: province, regency, district, day (+40 for women), month, two-digit year, serial ``NNNN``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

Sex = Literal["L", "P"]
Kind = Literal["pns", "cpns", "pppk", "non_asn"]

# Ages and retirement are computed against this fixed day, so the data never drifts.
TODAY = date(2026, 11, 20)

MALE_FIRST: tuple[str, ...] = (
    "AHMAD", "MUHAMMAD", "AGUS", "BUDI", "DEDI", "EKO", "HENDRA", "IWAN", "JOKO", "RUDI",
    "SLAMET", "SUGENG", "TEGUH", "WAHYU", "YUSUF", "ARIF", "BAMBANG", "DANANG", "FAJAR",
    "GUNAWAN", "HERU", "IMAM", "LUKMAN", "RAHMAT", "RIZKY", "TRI", "UJANG", "ASEP", "DADANG",
    "CECEP", "DENI", "YAYAN", "ADE", "ROHMAT", "ANDI", "BAYU", "DIDIK", "FERRY", "HADI",
    "INDRA", "KUSNADI", "MULYADI", "NANANG", "OKI", "PRIYO", "SAIFUL", "TAUFIK", "YOGA",
    "ZAINAL", "ABDUL", "ARIS", "DWI", "EDI", "FIRMAN", "GALIH", "HARIS", "IRFAN", "KARYO",
)  # fmt: skip
FEMALE_FIRST: tuple[str, ...] = (
    "SITI", "SRI", "DEWI", "ENDAH", "FITRI", "IKA", "LINA", "NUR", "RINA", "TUTI", "YULI",
    "ANI", "DIAN", "EVI", "HANI", "INDAH", "LILIS", "NENG", "RATNA", "RETNO", "SUSI",
    "TITIN", "UMI", "WULAN", "YANTI", "NOVI", "ELIS", "HERNI", "NINING", "EKA", "AYU",
    "DESI", "ERNA", "FARIDA", "HESTI", "IIS", "KOMALASARI", "LESTARI", "MAYA", "NENENG",
    "PUJI", "RIRIN", "SUMIATI", "TRI", "WIWIN", "YETI", "ANISA", "DINA", "EMI", "IRMA",
)  # fmt: skip
MALE_LAST: tuple[str, ...] = (
    "SANTOSO", "HIDAYAT", "SETIAWAN", "PRASETYO", "SAPUTRA", "NUGROHO", "WIBOWO",
    "KURNIAWAN", "FIRMANSYAH", "HERMAWAN", "SUPRIATNA", "SUHENDAR", "RAHMAN", "HAKIM",
    "MAULANA", "PRATAMA", "SUTRISNO", "WIJAYA", "SUDRAJAT", "SUPRIYADI", "RAMDANI",
    "NURDIN", "KOSASIH", "SOLEH", "MUSTOFA", "SUBAGYO", "PURNOMO", "HARYANTO", "SUSILO",
    "WAHYUDI", "HARTONO", "SETIADI", "GUNADI", "SYAHRIAL", "ARDIANSYAH", "IRAWAN",
    "KUSUMA", "SUMARNO", "SUWARNO", "TRIYONO", "ZAKARIA", "FAUZI", "ROSADI", "MAHMUD",
)  # fmt: skip
FEMALE_LAST: tuple[str, ...] = (
    "AMINAH", "RAHAYU", "LESTARI", "WULANDARI", "NURHAYATI", "KARTIKA", "PERMATASARI",
    "HANDAYANI", "PUSPITASARI", "SUSANTI", "MULYANI", "SETIAWATI", "RAHMAWATI", "FITRIANI",
    "YULIANTI", "KURNIASIH", "NURJANAH", "SUMARNI", "MARLINA", "AGUSTINA", "SEPTIANI",
    "ROHAYATI", "KOMARIAH", "HASANAH", "MARYANI", "SURYANI", "SOLIHAT", "NURLAELA",
    "WIDIASTUTI", "ANGGRAENI", "SAFITRI", "PRATIWI", "UTAMI", "MAESAROH", "JUBAEDAH",
    "KHOIRIYAH", "FATIMAH", "ZUBAEDAH", "HERAWATI", "SUPRIHATIN",
)  # fmt: skip

FRONT_TITLES_MALE: tuple[str, ...] = ("Drs.", "H.", "Drs. H.")
FRONT_TITLES_FEMALE: tuple[str, ...] = ("Dra.", "Hj.", "Dra. Hj.")
BACK_TITLES: tuple[str, ...] = (
    "S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.I.", "S.Ag.", "S.Kom.", "S.E.", "S.Si.", "S.Pd., M.Pd.",
    "M.Pd.", "S.Pd.Gr.", "S.Pd., M.M.",
)  # fmt: skip
RELIGIONS: tuple[str, ...] = ("Islam",) * 9 + ("Kristen", "Katholik")


def age(born: date, today: date = TODAY) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def make_nip(born: date, tmt: date, sex: Sex, serial: int) -> str:
    """18-digit NIP of a PNS/CPNS: birth date, TMT CPNS year+month, sex digit, serial."""
    return f"{born:%Y%m%d}{tmt:%Y%m}{1 if sex == 'L' else 2}{serial:03d}"


def make_nip_pppk(born: date, year: int, sex: Sex, serial: int, round_: int = 1) -> str:
    """18-digit NI PPPK: birth date, TMT year, '2', procurement round, sex digit, serial."""
    return f"{born:%Y%m%d}{year:04d}2{round_}{1 if sex == 'L' else 2}{serial:03d}"


def make_nik(region: str, born: date, sex: Sex, serial: int) -> str:
    """16-digit NIK: `region` is the 6-digit province+regency+district code."""
    day = born.day + (40 if sex == "P" else 0)
    return f"{region}{day:02d}{born:%m}{born.year % 100:02d}{serial:04d}"


def excel_number(digits: str) -> float:
    """The number Excel keeps when an identifier is typed into a General cell.

    Excel keeps 15 significant digits and turns the rest into zeros:
    '198501012010012003' -> 1.98501012010012e+17 (shown as 1.98501E+17).
    """
    if len(digits) <= 15:
        return float(int(digits))
    return float(int(digits[:15]) * 10 ** (len(digits) - 15))


def title_case(name: str) -> str:
    return " ".join(w.capitalize() for w in name.split())


@dataclass
class Person:
    """One real person. `nama` is without titles in upper case, as SIASN `NAMA`."""

    nama: str
    jk: Sex
    tanggal_lahir: date
    tempat_lahir: str
    nik: str
    kind: Kind
    gelar_depan: str = ""
    gelar_belakang: str = ""
    nip: str = ""
    nip_lama: str = ""
    tmt_cpns: date | None = None
    tmt_pns: date | None = None
    nuptk: str = ""
    agama: str = "Islam"
    title_cased: bool = False  # Dapodik writes the name as 'Siti Aminah'
    extra: dict[str, str] = field(default_factory=dict)

    def dapodik_name(self) -> str:
        """The name as the operator typed it in Dapodik (titles sometimes, case sometimes)."""
        name = title_case(self.nama) if self.title_cased else self.nama
        if self.gelar_depan:
            name = f"{self.gelar_depan} {name}"
        if self.gelar_belakang:
            name = f"{name}, {self.gelar_belakang}"
        return name

    @property
    def is_asn(self) -> bool:
        return self.kind != "non_asn"


class PeopleFactory:
    """Makes people whose NIP, NIK, NUPTK, NIP lama and (name, birth date) are all unique."""

    def __init__(self, rng: random.Random, district_codes: list[str], places: list[str]):
        self.rng = rng
        self.district_codes = district_codes
        self.places = places
        self.nips: set[str] = set()
        self.niks: set[str] = set()
        self.nuptks: set[str] = set()
        self.nip_lamas: set[str] = set()
        self.names: set[str] = set()
        self.name_dates: set[tuple[str, date]] = set()

    # -- identifiers -------------------------------------------------------------------------
    def claim_nip(self, nip: str) -> bool:
        if nip in self.nips:
            return False
        self.nips.add(nip)
        return True

    def nip_pns(self, born: date, tmt: date, sex: Sex) -> str:
        while True:
            nip = make_nip(born, tmt, sex, self.rng.randint(1, 60))
            if self.claim_nip(nip):
                return nip

    def nip_pppk(self, born: date, year: int, sex: Sex) -> str:
        while True:
            nip = make_nip_pppk(born, year, sex, self.rng.randint(1, 400))
            if self.claim_nip(nip):
                return nip

    def nik(self, born: date, sex: Sex, region: str | None = None) -> str:
        while True:
            code = region or self.rng.choice(self.district_codes)
            nik = make_nik(code, born, sex, self.rng.randint(1, 9999))
            if nik not in self.niks:
                self.niks.add(nik)
                return nik

    def claim_nik(self, nik: str) -> bool:
        if nik in self.niks:
            return False
        self.niks.add(nik)
        return True

    def nuptk(self) -> str:
        while True:
            value = f"{self.rng.randint(1000, 9999)}{self.rng.randint(0, 10**12 - 1):012d}"
            if value not in self.nuptks:
                self.nuptks.add(value)
                return value

    def nip_lama(self) -> str:
        while True:
            value = f"13{self.rng.randint(0, 9_999_999):07d}"
            if value not in self.nip_lamas:
                self.nip_lamas.add(value)
                return value

    # -- people ------------------------------------------------------------------------------
    def name(self, sex: Sex) -> str:
        rng = self.rng
        firsts, lasts = (MALE_FIRST, MALE_LAST) if sex == "L" else (FEMALE_FIRST, FEMALE_LAST)
        for attempt in range(200):
            shape = rng.random()
            if shape < 0.1:
                name = rng.choice(lasts)
            elif shape < 0.8 or attempt > 100:
                name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
            else:
                first, middle = rng.sample(firsts, 2)
                name = f"{first} {middle} {rng.choice(lasts)}"
            if name not in self.names:
                break
        return name

    def person(
        self,
        kind: Kind,
        *,
        sex: Sex | None = None,
        min_age: int = 23,
        max_age: int = 58,
        titles: float = 0.4,
        tmt_year: int | None = None,
    ) -> Person:
        """A new person with consistent identifiers for their kind of employment."""
        rng = self.rng
        if kind == "cpns":  # appointed in 2025, at most 35 years old then
            min_age, max_age = min(min_age, 24), min(max_age, 36)
        if sex is None:
            sex = "L" if rng.random() < 0.5 else "P"
        while True:
            born = TODAY - timedelta(days=rng.randint(min_age * 365 + 10, max_age * 365 + 300))
            nama = self.name(sex)
            if (nama, born) not in self.name_dates:
                break
        self.names.add(nama)
        self.name_dates.add((nama, born))
        p = Person(
            nama=nama,
            jk=sex,
            tanggal_lahir=born,
            tempat_lahir=rng.choice(self.places),
            nik=self.nik(born, sex),
            kind=kind,
            agama=rng.choice(RELIGIONS),
            title_cased=rng.random() < 0.15,
        )
        if rng.random() < titles:
            if rng.random() < 0.3:
                front = FRONT_TITLES_MALE if sex == "L" else FRONT_TITLES_FEMALE
                p.gelar_depan = rng.choice(front)
            p.gelar_belakang = rng.choice(BACK_TITLES)
        if kind in ("pns", "cpns"):
            earliest = born.year + 22
            if kind == "cpns":
                year = tmt_year or 2025
            else:
                year = tmt_year or rng.randint(min(earliest, 2022), 2022)
                year = max(year, born.year + 19)
            tmt = date(year, rng.choice((1, 1, 3, 4, 12)), 1)
            p.tmt_cpns = tmt
            if kind == "pns":
                p.tmt_pns = date(tmt.year + 1, tmt.month, 1)
            p.nip = self.nip_pns(born, tmt, sex)
            if tmt.year <= 2007:
                p.nip_lama = self.nip_lama()
        elif kind == "pppk":
            year = tmt_year or rng.choice((2021, 2022, 2023, 2024))
            p.nip = self.nip_pppk(born, year, sex)
        if kind != "non_asn" or rng.random() < 0.6:
            p.nuptk = self.nuptk()
        return p

    def homonym(self, of: Person, kind: Kind = "pns") -> Person:
        """Another person with the same name and birth date (but their own NIK and NIP)."""
        rng = self.rng
        sex = of.jk
        p = Person(
            nama=of.nama,
            jk=sex,
            tanggal_lahir=of.tanggal_lahir,
            tempat_lahir=rng.choice(self.places),
            nik=self.nik(of.tanggal_lahir, sex),
            kind=kind,
            agama=of.agama,
        )
        tmt = date(of.tanggal_lahir.year + 25, 3, 1)
        p.tmt_cpns, p.tmt_pns = tmt, date(tmt.year + 1, 3, 1)
        p.nip = self.nip_pns(of.tanggal_lahir, tmt, sex)
        return p
