"""A whole kabupaten as a Dinas sees it: hundreds of schools, one big SIASN export, ground truth.

`build_district(n_schools, seed)` is deterministic for a seed and fast (500 schools, ~20,000 PTK
and ~60,000 SIASN rows in a few seconds; `.write(folder)` uses the fast xlsx writer). It plants:
- realistic, distinct place names: the 27 kecamatan of Banyumas, desa names built from common
  Javanese/Sundanese parts, no two of which the app's school comparison could take for one;
- desa names shared by two kecamatan (numbering continues across them, as names are unique
  within a kabupaten);
- two pairs of schools whose names differ only by one digit: a school number (SD NEGERI 4 / 5
  of one desa) and a digit inside the place name (... SP1 / ... SP2), and SIASN units of
  schools not imported that differ from imported ones by a digit (SP3), whose staff must never
  be taken for the imported schools' staff;
- moved teachers: active in the Dapodik exports of 2 (or 3) schools, with one SIASN row whose
  UNOR_NAMA names the new school (or, for one of them, a Dinas office: neither school);
- a few ASN per 50 schools that SIASN places at an imported school but Dapodik lacks
  (true TIDAK_ADA_DI_DAPODIK).
Everything else is clean: each ASN PTK has exactly one SIASN row at their school's unor.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from operator_app.samples.kabupaten import KabupatenFiles
from operator_app.samples.model import DapodikKind, Region, SampleSchool, Unit
from operator_app.samples.people import (
    FEMALE_FIRST,
    FEMALE_LAST,
    MALE_FIRST,
    MALE_LAST,
    TODAY,
    Kind,
    PeopleFactory,
    Person,
    Sex,
    title_case,
)
from operator_app.samples.rows import OTHER_JABATAN, dapodik_row, dmy, siasn_row

# The 27 kecamatan of Kabupaten Banyumas (Dukcapil codes in order).
KECAMATAN: tuple[str, ...] = (
    "Lumbir", "Wangon", "Jatilawang", "Rawalo", "Kebasen", "Kemranjen", "Sumpiuh", "Tambak",
    "Somagede", "Kalibagor", "Banyumas", "Patikraja", "Purwojati", "Ajibarang", "Gumelar",
    "Pekuncen", "Cilongok", "Karanglewas", "Kedungbanteng", "Baturraden", "Sumbang", "Kembaran",
    "Sokaraja", "Purwokerto Selatan", "Purwokerto Barat", "Purwokerto Timur", "Purwokerto Utara",
)  # fmt: skip
_HEADS = ("SUKA", "KARANG", "SUMBER", "TANJUNG", "MEKAR", "WONO", "SIDO", "PASIR", "BANJAR",
          "TEGAL", "KALI", "GUNUNG", "KEDUNG", "PAGER", "BOJONG", "JATI", "CI", "WATU", "PANDAN",
          "KEBON", "LEBAK", "RANDU", "GIRI", "TAMAN", "MARGA")  # fmt: skip
_TAILS = ("MAJU", "SARI", "JAYA", "MULYA", "REJO", "ASIH", "HARJO", "WANGI", "RAHARJA", "MAKMUR",
          "LEGA", "ANYAR", "MUKTI", "KERTA", "LUHUR", "DADI", "GEDE", "NEGARA", "PURA", "TIRTA",
          "AGUNG", "LAYA", "SALAM", "KENCANA")  # fmt: skip
OFFICES = (
    "DINAS PENDIDIKAN DAN KEBUDAYAAN", "DINAS KESEHATAN", "SEKRETARIAT DAERAH",
    "RUMAH SAKIT UMUM DAERAH", "DINAS PERTANIAN DAN KETAHANAN PANGAN",
    "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA", "DINAS PEKERJAAN UMUM",
)  # fmt: skip
_STATUS = {"pns": "PNS", "cpns": "CPNS", "pppk": "PPPK"}
_HONOR = ("Guru Honor Sekolah", "GTY/PTY", "Honor Daerah TK.II Kab/Kota")
SIASN_PER_SCHOOL = 120  # 500 schools: a ~60,000-row BKD export, as in a real kabupaten


@dataclass(frozen=True)
class MovedTeacher:
    """A person active in several schools' Dapodik (mutasi not finished)."""

    nama: str
    nik: str
    nip: str
    schools: tuple[str, ...]  # Dapodik school names, the school left first
    siasn_school: str | None  # the school SIASN's UNOR_NAMA names; None: another unit


@dataclass
class District:
    seed: int
    region: Region
    schools: list[SampleSchool]
    siasn_rows: list[dict[str, str]]
    siasn_file: str
    moved: list[MovedTeacher]
    digit_pairs: list[tuple[str, str]]  # imported school names differing by one digit
    digit_units: list[str]  # SIASN units (not imported) one digit away from an imported school
    shared_villages: dict[str, tuple[str, ...]]  # desa -> the kecamatan that both have it
    missing_in_dapodik: list[int] = field(default_factory=list)  # 1-based SIASN CSV rows

    @property
    def n_ptk(self) -> int:
        return sum(len(s.guru_rows) + len(s.tendik_rows) for s in self.schools)

    def write(self, folder: Path | str, fast: bool = True) -> KabupatenFiles:
        """Every school's guru and tendik xlsx and the SIASN CSV (fast writer by default)."""
        from operator_app.samples.fastxlsx import write_dapodik_xlsx_fast
        from operator_app.samples.writers import write_dapodik_xlsx, write_siasn_csv

        writer = write_dapodik_xlsx_fast if fast else write_dapodik_xlsx
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        dapodik: list[Path] = []
        for s in self.schools:
            for kind in ("guru", "tendik"):
                k: DapodikKind = "guru" if kind == "guru" else "tendik"
                dapodik.append(writer(folder / s.file_name(k), s, s.rows(k), k))
        siasn = write_siasn_csv(folder / self.siasn_file, self.siasn_rows)
        return KabupatenFiles(folder, dapodik, siasn)


def _desa_names(rng: random.Random, n: int) -> list[str]:
    """n desa names, no two of which compare as one place (checked with the app's rule)."""
    from rapidfuzz import fuzz

    from operator_app.core.schools import compare_schools

    pool = [h + t for h in _HEADS for t in _TAILS]
    rng.shuffle(pool)
    chosen: list[str] = []
    for name in pool:
        probe = f"SD NEGERI 1 {name}"
        near = [c for c in chosen if fuzz.ratio(name, c) >= 60]  # the rest is far apart anyway
        if all(compare_schools(probe, f"SD NEGERI 1 {c}").verdict == "beda" for c in near):
            chosen.append(name)
            if len(chosen) == n:
                return chosen
    raise ValueError(f"only {len(chosen)} distinct desa names for {n}")


def _region(desa: list[str]) -> Region:
    kec = tuple((name, f"{i:02d}") for i, name in enumerate(KECAMATAN, start=1))
    return Region("Jawa Tengah", "33", "Banyumas", "02", kec, tuple(desa), 53111, "PURWOKERTO")


def _unor(name: str, rng: random.Random) -> str:
    """How SIASN spells a school as a unit: mostly as Dapodik does, else a known variant."""
    r = rng.random()
    if r < 0.6:
        return name
    level, _, rest = name.partition(" NEGERI ")
    return f"UPT {level}N {rest}" if r < 0.85 else f"UPTD {level} NEGERI {rest}"


class _Plan:
    """The school names of the district, by kecamatan."""

    def __init__(self, rng: random.Random, n: int) -> None:
        self.rng = rng
        n_smp = max(2, n // 6)
        n_sd = n - n_smp
        n_kec = min(len(KECAMATAN), max(3, n // 18))
        self.kecamatan = list(KECAMATAN[:n_kec])
        per_desa = 2  # SD NEGERI 1 and 2 of most desa
        desa = self.desa = _desa_names(rng, n_sd // per_desa + 4)
        self.names: list[tuple[str, str]] = []  # (school name, kecamatan)
        # a shared desa name: the same village name in two kecamatan (numbering continues)
        self.shared: dict[str, tuple[str, ...]] = {}
        numbers: dict[str, int] = {}
        kec_of_desa = {d: self.kecamatan[i % n_kec] for i, d in enumerate(desa)}
        for d in desa[: max(1, n // 100)]:
            other = self.kecamatan[(self.kecamatan.index(kec_of_desa[d]) + 1) % n_kec]
            self.shared[d] = (kec_of_desa[d], other)
        # one digit apart: SD NEGERI 4 / 5 of one desa, and a place with a digit inside
        d4, dsp = desa[-1], desa[-2]
        self.digit_pairs = [(f"SD NEGERI 4 {d4}", f"SD NEGERI 5 {d4}"),
                            (f"SD NEGERI 1 {dsp} SP1", f"SD NEGERI 1 {dsp} SP2")]  # fmt: skip
        self.digit_units = [f"SD NEGERI 6 {d4}", f"UPT SDN 3 {d4}", f"SD NEGERI 1 {dsp} SP3"]
        sd: list[tuple[str, str]] = []
        for d in desa[:-2]:
            for kec in self.shared.get(d, (kec_of_desa[d],)):
                for _ in range(per_desa):
                    numbers[d] = numbers.get(d, 0) + 1
                    sd.append((f"SD NEGERI {numbers[d]} {d}", kec))
        sd = sd[: n_sd - 4]
        sd += [(name, kec_of_desa[d4]) for name in self.digit_pairs[0]]
        sd += [(name, kec_of_desa[dsp]) for name in self.digit_pairs[1]]
        smp = [(f"SMP NEGERI {k // n_kec + 1} {self.kecamatan[k % n_kec].upper()}",
                self.kecamatan[k % n_kec]) for k in range(n_smp)]  # fmt: skip
        self.names = sd + smp
        assert len(self.names) == n and len({a for a, _ in self.names}) == n
        self.other_schools = [f"SD NEGERI {k} {d}" for d in desa[:40] for k in (7, 8, 9)]
        self.other_schools += [f"SMA NEGERI {k} {self.kecamatan[k % n_kec].upper()}"
                               for k in range(1, 9)]  # fmt: skip


def _kind(rng: random.Random) -> Kind:
    r = rng.random()
    return "pns" if r < 0.5 else "pppk" if r < 0.72 else "cpns" if r < 0.77 else "non_asn"


def build_district(
    n_schools: int = 500,
    seed: int = 1,
    *,
    ptk_per_school: int = 40,
    siasn_rows: int | None = None,
) -> District:
    """A deterministic district of `n_schools` (at least 10); see the module docstring."""
    if n_schools < 10:
        raise ValueError("n_schools must be at least 10")
    rng = random.Random(seed)
    plan = _Plan(rng, n_schools)
    region = _region(plan.desa)
    places = [title_case(k) for k in plan.kecamatan[:6]] + ["BANYUMAS"]
    factory = PeopleFactory(rng, region.district_codes()[: len(plan.kecamatan)], places)
    schools: list[SampleSchool] = []
    units: list[Unit] = []
    start = datetime(2026, 11, 2, 7, 30, 0)
    for i, (name, kec) in enumerate(plan.names):
        school = SampleSchool(
            name=name, kecamatan=kec, kabupaten="Banyumas", provinsi="Jawa Tengah",
            downloaded_at=start + timedelta(minutes=7 * i, seconds=rng.randint(0, 59)),
        )  # fmt: skip
        school.unor_nama = _unor(name, rng) if name not in _flat(plan.digit_pairs) else name
        schools.append(school)
        units.append(Unit(school.unor_nama, f"{rng.getrandbits(128):032X}"))
    siasn: list[dict[str, str]] = []

    def add_ptk(
        i: int, p: Person, file: DapodikKind, status: str, jenis: str, tugas: str = ""
    ) -> None:
        row = dapodik_row(p, rng, school=schools[i], region=region, status=status,
                          jenis_ptk=jenis, tugas_tambahan=tugas, today=TODAY)  # fmt: skip
        schools[i].rows(file).append(row)

    for i in range(n_schools):
        n_tendik = max(2, ptk_per_school // 5)
        for j in range(ptk_per_school - n_tendik):
            kind: Kind = "pns" if j == 0 else _kind(rng)
            p = factory.person(kind)
            status = _STATUS.get(kind) or rng.choice(_HONOR)
            add_ptk(i, p, "guru", status, "Kepala Sekolah" if j == 0 else "Guru")
            if p.is_asn:
                siasn.append(siasn_row(p, rng, unit=units[i], region=region, today=TODAY))
        for _ in range(n_tendik):
            pns = rng.random() < 0.25
            p = factory.person("pns" if pns else "non_asn", titles=0.15)
            add_ptk(i, p, "tendik", "PNS" if pns else "Tenaga Honor Sekolah", "Tenaga Kependidikan")
            if pns:
                siasn.append(siasn_row(p, rng, unit=units[i], region=region, today=TODAY,
                                       jabatan="PENGADMINISTRASI PERKANTORAN"))  # fmt: skip
    moved = _plant_moved(rng, factory, schools, units, region, siasn, add_ptk)
    missing = []
    for i in range(0, n_schools, 50):  # truly in SIASN at an imported school, not in Dapodik
        p = factory.person("pns")
        siasn.append(siasn_row(p, rng, unit=units[i], region=region, today=TODAY))
        missing.append(len(siasn) + 1)
    total = siasn_rows if siasn_rows is not None else SIASN_PER_SCHOOL * n_schools
    other = [Unit(u, f"{rng.getrandbits(128):032X}") for u in plan.digit_units]
    other += [Unit(u, f"{rng.getrandbits(128):032X}") for u in plan.other_schools]
    offices = [Unit(u, f"{rng.getrandbits(128):032X}", "dinas") for u in OFFICES]
    kinds: tuple[Kind, ...] = ("pns",) * 24 + ("pppk",) * 6 + ("cpns",) * 2
    templates = [
        (kind, siasn_row(factory.person(kind, titles=0.2), rng, unit=offices[0], region=region,
                         today=TODAY, jabatan=rng.choice(OTHER_JABATAN)))
        for kind in kinds
    ]  # fmt: skip
    k = 0
    while len(siasn) < total:
        unit = other[k % len(other)] if k % 3 else offices[k % len(offices)]
        k += 1
        siasn.append(_filler(rng, factory, templates, unit))
    return District(
        seed=seed, region=region, schools=schools, siasn_rows=siasn,
        siasn_file="export-data-asn-banyumas.csv", moved=moved,
        digit_pairs=plan.digit_pairs, digit_units=plan.digit_units,
        shared_villages=plan.shared, missing_in_dapodik=missing,
    )  # fmt: skip


def _filler(
    rng: random.Random,
    factory: PeopleFactory,
    templates: list[tuple[Kind, dict[str, str]]],
    unit: Unit,
) -> dict[str, str]:
    """A SIASN row of someone at another unit: a full template row with a new, consistent
    identity (NIP and NIK unique in the district and agreeing with birth date and sex); ten
    times cheaper than a row built from scratch, which matters for 60,000 of them."""
    kind, base = rng.choice(templates)
    row = dict(base)
    male = rng.random() < 0.5
    sex: Sex = "L" if male else "P"
    while True:
        born = TODAY - timedelta(days=rng.randint(23 * 365 + 10, 58 * 365 + 300))
        first = rng.choice(MALE_FIRST if male else FEMALE_FIRST)
        nama = f"{first} {rng.choice(MALE_LAST if male else FEMALE_LAST)}"
        if (nama, born) not in factory.name_dates:
            factory.name_dates.add((nama, born))
            break
    if kind == "pppk":
        nip = factory.nip_pppk(born, int(base["NIP_BARU"][8:12]), sex)
    else:
        year = 2025 if kind == "cpns" else max(born.year + 22, rng.randint(1990, 2022))
        tmt = date(min(year, 2025), rng.choice((1, 3, 4, 12)), 1)
        nip = factory.nip_pns(born, tmt, sex)
        row["TMT_CPNS"] = dmy(tmt)
        if kind == "pns":
            row["TMT_PNS"] = row["TANGGAL_SK_PNS"] = dmy(date(tmt.year + 1, tmt.month, 1))
    row.update(
        PNS_ID=f"{rng.getrandbits(128):032X}", NIP_BARU=nip, NIP_LAMA="", NAMA=nama,
        GELAR_DEPAN="", TANGGAL_LAHIR=dmy(born), JENIS_KELAMIN="M" if male else "F",
        NIK=factory.nik(born, sex), EMAIL="", NOMOR_HP=f"08{rng.randint(10**9, 10**10 - 1)}",
        UNOR_ID=unit.unor_id, UNOR_NAMA=unit.nama, SATUAN_KERJA_INDUK_NAMA=unit.induk,
        SATUAN_KERJA_KERJA_NAMA=unit.induk,
    )  # fmt: skip
    return row


def _flat(pairs: list[tuple[str, str]]) -> set[str]:
    return {name for pair in pairs for name in pair}


def _plant_moved(
    rng: random.Random,
    factory: PeopleFactory,
    schools: list[SampleSchool],
    units: list[Unit],
    region: Region,
    siasn: list[dict[str, str]],
    add_ptk: Callable[[int, Person, DapodikKind, str, str], None],
) -> list[MovedTeacher]:
    """Teachers in 2 schools (one per 25 schools) and in 3 (one per 100, at least one)."""
    n = len(schools)
    out: list[MovedTeacher] = []
    plans = [2] * max(2, n // 25) + [3] * max(1, n // 100)
    order = rng.sample(range(n), n)
    cursor = 0
    for case, size in enumerate(plans):
        picked = order[cursor : cursor + size]
        cursor = (cursor + size) % (n - size)
        p = factory.person("pns")
        for i in picked:
            add_ptk(i, p, "guru", "PNS", "Guru")
        if case == 1:  # SIASN already names a Dinas office: neither school
            unit = Unit(OFFICES[0], f"{rng.getrandbits(128):032X}", "dinas")
            named = None
        else:  # the last school is the one the person moved to
            unit, named = units[picked[-1]], schools[picked[-1]].name
        siasn.append(siasn_row(p, rng, unit=unit, region=region, today=TODAY))
        names = tuple(schools[i].name for i in picked)
        out.append(MovedTeacher(p.nama, p.nik, p.nip, names, named))
    return out
