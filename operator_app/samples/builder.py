"""Builds the synthetic kabupaten: schools, staff, SIASN rows, decoys, and the ground truth.

The injected situations live in `scenarios.py`; this module makes the clean world around them
and turns the result into rows and expected findings (docs/findings-conventions.md).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from operator_app.samples.model import REGIONS, DapodikKind, Region, SampleSchool, Unit
from operator_app.samples.people import TODAY, Kind, PeopleFactory, Person, title_case
from operator_app.samples.records import Member, SiasnEntry
from operator_app.samples.rows import dapodik_row, siasn_row
from operator_app.samples.scenarios import INACTIVE, scenarios

Expected = tuple[str, str, int] | tuple[str, str]

DAPODIK_FIRST_ROW = 6  # header at row 5
SIASN_FIRST_ROW = 2  # CSV header is row 1

# Roles of the head of school, by school index (cycled). "tanpa": no Kepala Sekolah at all.
KEPSEK_ROLES: tuple[str, ...] = (
    "jenis", "tanpa", "honorer", "tugas", "tanpa", "unor_lain", "tanpa", "tidak_ditemukan",
)  # fmt: skip
GURU_HONOR = ("Guru Honor Sekolah", "GTY/PTY", "Honor Daerah TK.II Kab/Kota")
OTHER_UNITS = (
    "DINAS PENDIDIKAN DAN KEBUDAYAAN",
    "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
    "SEKRETARIAT DAERAH",
    "DINAS KESEHATAN",
    "RUMAH SAKIT UMUM DAERAH",
    "DINAS PERTANIAN DAN KETAHANAN PANGAN",
)


@dataclass
class Built:
    """What the builder hands to `Kabupaten`."""

    region: Region
    schools: list[SampleSchool]
    siasn_rows: list[dict[str, str]]
    siasn_file: str
    expected: set[Expected]
    notes: dict[Expected, str]
    subjects: dict[Expected, str]


def _hex(rng: random.Random, bits: int = 128) -> str:
    return f"{rng.getrandbits(bits):0{bits // 4}X}"


@dataclass
class _Plan:
    level: str  # "SD" | "SMP"
    number: int
    place: str


def _school_name(plan: _Plan) -> str:
    return f"{plan.level} NEGERI {plan.number} {plan.place}"


def _unor_variant(plan: _Plan, rng: random.Random) -> str:
    """The same school as a SIASN unor spells it (condition A of unor.md)."""
    short = f"{plan.level}N"
    options = (
        f"UPT {short} {plan.number} {plan.place}",
        f"UPTD {plan.level} NEGERI {plan.number:02d} {plan.place}",
        f"UPT {plan.level} Negeri {plan.number} {title_case(plan.place)}",
        f"{short} {plan.number} {plan.place}",
        f"UPT SATUAN PENDIDIKAN {short} {plan.number} {plan.place}",
    )
    return rng.choice(options)


class Builder:
    def __init__(self, seed: int, n_schools: int, siasn_rows: int, inject: bool) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.inject = inject
        self.n_schools = n_schools
        self.target_siasn = siasn_rows
        self.today = TODAY
        self.region = self.rng.choice(REGIONS)
        places = [title_case(d) for d in self.region.desa[:6]] + [self.region.kabupaten.upper()]
        self.factory = PeopleFactory(self.rng, self.region.district_codes(), places)
        self.schools: list[SampleSchool] = []
        self.plans: list[_Plan] = []
        self.units: list[Unit] = []  # SIASN unit of each imported school
        self.neighbours: list[list[Unit]] = []
        self.roles: list[str] = []
        self.members: list[Member] = []
        self.siasn: list[SiasnEntry] = []
        self.school_notes: dict[int, list[str]] = {}
        self.other_units: list[Unit] = []
        self.dinas = Unit(OTHER_UNITS[0], _hex(self.rng), "dinas", OTHER_UNITS[0])

    # -- schools -----------------------------------------------------------------------------
    def make_schools(self) -> None:
        rng = self.rng
        used: set[tuple[str, str]] = set()
        desa = list(self.region.desa)
        for i in range(self.n_schools):
            for _ in range(1000):
                level = "SD" if rng.random() < 0.7 else "SMP"
                place = rng.choice(desa)
                if (level, place) not in used:
                    break
            else:  # more schools than (level, place) pairs: reuse a place, far-apart numbers
                level, place = "SD", desa[i % len(desa)]
            used.add((level, place))
            taken = [p.number for p in self.plans if (p.level, p.place) == (level, place)]
            number = rng.randint(1, 12 if level == "SD" else 5) if not taken else max(taken) + 4
            plan = _Plan(level, number, place)
            kec = rng.choice(self.region.kecamatan)[0]
            name = _school_name(plan)
            nomenklatur = self.inject and i % 3 == 1
            unor = _unor_variant(plan, rng) if nomenklatur else name
            school = SampleSchool(
                name=name,
                kecamatan=kec,
                kabupaten=self.region.kabupaten,
                provinsi=self.region.provinsi,
                unor_nama=unor,
                downloaded_at=datetime(2026, 11, rng.randint(16, 19), rng.randint(7, 15))
                + timedelta(seconds=rng.randint(0, 3599)),
            )
            self.plans.append(plan)
            self.schools.append(school)
            self.units.append(Unit(unor, _hex(rng)))
            neighbours = []
            for n in (plan.number - 1, plan.number + 1):
                if n >= 1:
                    neighbours.append(Unit(_school_name(_Plan(level, n, place)), _hex(rng)))
            self.neighbours.append(neighbours)
            if self.inject:
                role = KEPSEK_ROLES[i % len(KEPSEK_ROLES)]
            else:
                role = "jenis" if i % 2 == 0 else "tugas"
            self.roles.append(role)

    # -- people ------------------------------------------------------------------------------
    def add_member(
        self,
        p: Person,
        school: int,
        file: DapodikKind,
        *,
        status: str,
        jenis_ptk: str,
        tugas: str = "",
        unit: Unit | None = None,
        role: str = "",
        jabatan: str = "",
    ) -> Member:
        row = dapodik_row(
            p,
            self.rng,
            school=self.schools[school],
            region=self.region,
            status=status,
            jenis_ptk=jenis_ptk,
            tugas_tambahan=tugas,
            today=self.today,
        )
        m = Member(p, school, file, row, role=role)
        if p.is_asn:
            entry = self.add_siasn(p, unit or self.units[school], jabatan=jabatan)
            m.match = entry
        self.members.append(m)
        return m

    def add_siasn(
        self,
        p: Person,
        unit: Unit,
        *,
        jabatan: str = "",
        kedudukan: tuple[str, str] | None = None,
        pns_id: str | None = None,
    ) -> SiasnEntry:
        row = siasn_row(
            p,
            self.rng,
            unit=unit,
            region=self.region,
            today=self.today,
            jabatan=jabatan,
            kedudukan=kedudukan,
            pns_id=pns_id,
        )
        entry = SiasnEntry(row)
        self.siasn.append(entry)
        return entry

    def asn_kind(self) -> Kind:
        r = self.rng.random()
        return "pns" if r < 0.5 else "pppk" if r < 0.72 else "cpns" if r < 0.77 else "non_asn"

    def make_staff(self) -> None:
        rng, f = self.rng, self.factory
        for i, school in enumerate(self.schools):
            role = self.roles[i]
            n_guru = rng.randint(18, 28)
            n_tendik = rng.randint(3, 6)
            if role != "tanpa":
                self.make_kepsek(i, role)
                n_guru -= 1
            for _ in range(n_guru):
                kind = self.asn_kind()
                p = f.person(kind)
                status = {"pns": "PNS", "cpns": "CPNS", "pppk": "PPPK"}.get(
                    kind, rng.choice(GURU_HONOR)
                )
                self.add_member(p, i, "guru", status=status, jenis_ptk="Guru")
            for _ in range(n_tendik):
                pns = rng.random() < 0.25
                p = f.person("pns" if pns else "non_asn", titles=0.15)
                self.add_member(
                    p,
                    i,
                    "tendik",
                    status="PNS" if pns else "Tenaga Honor Sekolah",
                    jenis_ptk="Tenaga Kependidikan",
                    jabatan="PENGADMINISTRASI PERKANTORAN" if pns else "",
                )
            gurus = [m for m in self.members if m.school == i and m.file == "guru" and not m.role]
            extra = ["Bendahara BOS", "Kepala Perpustakaan"]
            if role == "tanpa":
                extra.append("Wakil Kepala Sekolah")  # decoy: not a head of school
            for tugas, m in zip(extra, rng.sample(gurus, len(extra)), strict=True):
                m.row["Tugas Tambahan"] = tugas
                m.role = "decoy" if tugas.startswith("Wakil") else m.role
            operator = next(
                (m for m in self.members if m.school == i and m.file == "tendik"), gurus[0]
            )
            school.pengunduh = operator.person.nama
            school.pengunduh_email = str(operator.row["Email"])

    def make_kepsek(self, i: int, role: str) -> None:
        f = self.factory
        if role == "honorer":
            p = f.person("non_asn", min_age=40, titles=0.8)
            m = self.add_member(
                p, i, "guru", status="GTY/PTY", jenis_ptk="Guru", tugas="Kepala Sekolah"
            )
            self.expect(m, ["KEPSEK_BUKAN_ASN"], "Kepala Sekolah honorer (GTY/PTY), bukan ASN")
        elif role == "unor_lain":
            p = f.person("pns", min_age=45, titles=1.0)
            unit = self.neighbours[i][-1]
            m = self.add_member(
                p,
                i,
                "guru",
                status="PNS",
                jenis_ptk="Guru",
                tugas="Plt. Kepala Sekolah",
                unit=unit,
                jabatan="GURU AHLI MADYA",
            )
            assert m.match is not None
            m.match.row["NAMA_SEKOLAH"] = self.schools[i].name
            self.expect(
                m,
                ["UNOR_BEDA", "KEPSEK_BUKAN_ASN"],
                f"Plt Kepala Sekolah; di SIASN masih di unor {unit.nama}",
            )
        elif role == "tidak_ditemukan":
            p = f.person("pns", min_age=45, titles=1.0)
            m = self.add_member(p, i, "guru", status="PNS", jenis_ptk="Kepala Sekolah")
            self.drop_siasn(m)
            self.expect(
                m,
                ["ASN_TIDAK_DITEMUKAN", "KEPSEK_BUKAN_ASN"],
                "Kepala Sekolah PNS yang tidak ada di file SIASN",
            )
        else:
            p = f.person("pns", min_age=45, titles=1.0)
            if role == "jenis":
                m = self.add_member(p, i, "guru", status="PNS", jenis_ptk="Kepala Sekolah")
            else:
                m = self.add_member(
                    p, i, "guru", status="PNS", jenis_ptk="Guru", tugas="Kepala Sekolah"
                )
        m.role = "kepsek"

    def drop_siasn(self, m: Member) -> None:
        if m.match is not None:
            self.siasn.remove(m.match)
        m.match = None

    def expect(self, m: Member, codes: list[str], note: str) -> None:
        for code in codes:
            m.codes[code] = f"{note} [{m.person.nama}]"
        if m.role != "kepsek":
            m.role = "injected"

    # -- injections ----------------------------------------------------------------------------
    def pick(self, eligible: Callable[[Member], bool], cursor: int) -> Member | None:
        n = len(self.schools)
        for k in range(n):
            school = (cursor + k) % n
            pool = [
                m
                for m in self.members
                if m.school == school and not m.role and m.file == "guru" and eligible(m)
            ]
            if pool:
                return self.rng.choice(pool)
        return None

    def inject_all(self) -> None:
        cursor = 0
        scale = self.n_schools / 8
        for name, times, eligible, apply in scenarios(self):
            for _ in range(max(1, round(times * scale))):
                m = self.pick(eligible, cursor)
                cursor += 1
                if m is not None:
                    apply(self, m)
                    if not m.role:
                        m.role = name
        # SIASN-only: teachers at an imported school's unor who are not in Dapodik.
        for k in range(max(1, round(3 * scale))):
            i = (cursor + k) % len(self.schools)
            kind: Kind = "pppk" if k % 3 == 2 else "pns"
            p = self.factory.person(kind)
            entry = self.add_siasn(p, self.units[i])
            entry.codes.append("TIDAK_ADA_DI_DAPODIK")
            entry.notes.append(
                f"{p.nama}: ASN aktif di unor {self.units[i].nama}, tidak ada di Dapodik sekolah"
            )

    # -- decoys --------------------------------------------------------------------------------
    def plant_decoys(self) -> None:
        rng = self.rng
        n = len(self.schools)
        clean = [m for m in self.members if not m.role and m.file == "guru"]
        honor = [m for m in clean if not m.person.is_asn]
        for m in rng.sample(honor, min(2, len(honor))):
            twin = self.factory.homonym(m.person)
            self.add_siasn(twin, rng.choice(self.other_units))
            m.role = "decoy"
            m.notes.append("homonim di SIASN (unit lain, NIK lain): bukan padanan")
        pns = [m for m in clean if m.person.kind == "pns" and m.match is not None]
        picks = rng.sample(pns, min(4, len(pns)))
        for j, m in enumerate(picks):
            m.role = "decoy"
            nip = m.person.nip
            if j == 0:
                m.row["NIP"] = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
            elif j == 1:
                m.row["NIP"] = f"'{nip}"
            elif j == 2:
                assert m.match is not None
                m.match.row["KEDUDUKAN_HUKUM_ID"] = "03"
                m.match.row["KEDUDUKAN_HUKUM_NAMA"] = "Tugas Belajar"
            else:
                assert m.match is not None
                m.match.row["KEDUDUKAN_HUKUM_ID"] = "20"
                m.match.row["KEDUDUKAN_HUKUM_NAMA"] = "Masa Persiapan Pensiun"
        for k in range(min(2, n)):  # retired teachers still listed at an imported school
            i = (k * 3) % n
            p = self.factory.person("pns", min_age=58, max_age=61)
            self.add_siasn(p, self.units[i], kedudukan=("99", "Pensiun"))

    # -- the rest of the BKD export ------------------------------------------------------------
    def make_other_units(self) -> None:
        rng = self.rng
        imported = {(p.level, p.number, p.place) for p in self.plans}
        units: list[Unit] = [u for ns in self.neighbours for u in ns]
        for _ in range(max(6, self.target_siasn // 60)):
            level = "SD" if rng.random() < 0.7 else "SMP"
            plan = _Plan(level, rng.randint(1, 15), rng.choice(self.region.desa))
            if (plan.level, plan.number, plan.place) in imported:
                continue
            name = _school_name(plan) if rng.random() < 0.7 else _unor_variant(plan, rng)
            units.append(Unit(name, _hex(rng)))
        for base in OTHER_UNITS[1:]:
            units.append(
                Unit(base, _hex(rng), "dinas" if base.startswith("DINAS") else "lain", base)
            )
        for kec, _ in self.region.kecamatan[:3]:
            name = f"PUSKESMAS {kec.upper()}"
            units.append(Unit(name, _hex(rng), "lain", "DINAS KESEHATAN"))
        units.append(self.dinas)
        by_name: dict[str, Unit] = {}
        for u in units:
            by_name.setdefault(u.nama, u)
        self.other_units = list(by_name.values())

    def fill_siasn(self) -> None:
        rng = self.rng
        while len(self.siasn) < self.target_siasn:
            r = rng.random()
            kind: Kind = "pns" if r < 0.75 else "pppk" if r < 0.95 else "cpns"
            p = self.factory.person(kind, titles=0.35)
            unit = rng.choice(self.other_units)
            kedudukan = None
            if kind == "pns" and rng.random() < 0.03:
                kedudukan = rng.choice((*INACTIVE, ("20", "Masa Persiapan Pensiun")))
            entry = self.add_siasn(p, unit, kedudukan=kedudukan)
            if rng.random() < 0.02:
                entry.row["NIK"] = ""

    # -- output --------------------------------------------------------------------------------
    def finish(self) -> Built:
        rng = self.rng
        expected: set[Expected] = set()
        notes: dict[Expected, str] = {}
        subjects: dict[Expected, str] = {}
        siasn_file = f"export-data-asn-{self.region.kabupaten.lower().replace(' ', '-')}.csv"

        def add(key: Expected, note: str, subject: str) -> None:
            if key in expected:
                raise AssertionError(f"duplicate expectation {key}")
            expected.add(key)
            notes[key] = note
            subjects[key] = subject

        # UNOR_NOMENKLATUR: every matched PTK whose SIASN unor is its school, spelled differently.
        for m in self.members:
            school = self.schools[m.school]
            if (
                m.match is not None
                and school.unor_nama != school.name
                and m.match.row["UNOR_NAMA"] == school.unor_nama
            ):
                m.codes["UNOR_NOMENKLATUR"] = (
                    f"Unor SIASN '{school.unor_nama}' = sekolah '{school.name}' [{m.person.nama}]"
                )
        for i, school in enumerate(self.schools):
            for kind in ("guru", "tendik"):
                k: DapodikKind = "guru" if kind == "guru" else "tendik"
                ms = [m for m in self.members if m.school == i and m.file == k]
                ms.sort(key=lambda m: (str(m.row["Nama"]).upper(), str(m.row["NIK"])))
                rows = school.rows(k)
                numeric = school.numeric_nip(k)
                for pos, m in enumerate(ms):
                    m.row["No"] = pos + 1
                    rows.append(m.row)
                    if m.numeric_nip:
                        numeric.add(pos)
                    row_no = DAPODIK_FIRST_ROW + pos
                    for code, note in m.codes.items():
                        add((code, school.file_name(k), row_no), note, str(m.row["Nama"]))
            if self.roles[i] == "tanpa":
                add(
                    ("KEPSEK_TIDAK_ADA", school.name),
                    "Tidak ada PTK dengan Jenis PTK / Tugas Tambahan Kepala Sekolah",
                    school.name,
                )
        entries = list(self.siasn)
        rng.shuffle(entries)
        for pos, e in enumerate(entries):
            for code, note in zip(e.codes, e.notes, strict=True):
                add((code, siasn_file, SIASN_FIRST_ROW + pos), note, e.row["NAMA"])
        return Built(
            region=self.region,
            schools=self.schools,
            siasn_rows=[e.row for e in entries],
            siasn_file=siasn_file,
            expected=expected,
            notes=notes,
            subjects=subjects,
        )
