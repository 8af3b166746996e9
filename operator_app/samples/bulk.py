"""Fast row generators for benchmarks: many realistic rows, no ground truth.

`siasn_rows_bulk(50_000, seed)` takes about a second. NIP and NIK are unique and consistent
with the birth date and sex; names, units and the other columns are drawn from small pools.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from operator_app.samples.model import REGIONS
from operator_app.samples.people import (
    FEMALE_FIRST,
    FEMALE_LAST,
    MALE_FIRST,
    MALE_LAST,
    TODAY,
)
from operator_app.sources.layouts import DAPODIK_HEADERS, SIASN_HEADERS

_JABATAN = ("GURU AHLI PERTAMA", "GURU AHLI MUDA", "GURU AHLI MADYA", "PENGADMINISTRASI PERKANTORAN",
            "PERAWAT AHLI PERTAMA", "ANALIS KEPEGAWAIAN AHLI MUDA", "BIDAN TERAMPIL")  # fmt: skip
_GOL = (("31", "III/a"), ("32", "III/b"), ("33", "III/c"), ("34", "III/d"), ("41", "IV/a"),
        ("42", "IV/b"))  # fmt: skip
_BACK = ("", "", "S.Pd.", "S.Pd.", "S.Pd., M.Pd.", "S.E.", "S.Kom.", "A.Md.Kep.", "S.Ag.")


class _Ids:
    """Unique NIP/NIK per bulk run (serials bumped on collision)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.nips: set[str] = set()
        self.niks: set[str] = set()

    def nip(self, prefix: str) -> str:
        serial = self.rng.randint(1, 500)
        while True:
            nip = f"{prefix}{serial:03d}"
            if nip not in self.nips:
                self.nips.add(nip)
                return nip
            serial = serial % 999 + 1

    def nik(self, prefix: str) -> str:
        serial = self.rng.randint(1, 5000)
        while True:
            nik = f"{prefix}{serial:04d}"
            if nik not in self.niks:
                self.niks.add(nik)
                return nik
            serial = serial % 9999 + 1


def _dmy(d: date) -> str:
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def _person(rng: random.Random, ids: _Ids, codes: list[str], kind: str) -> dict[str, object]:
    male = rng.random() < 0.5
    first = rng.choice(MALE_FIRST if male else FEMALE_FIRST)
    last = rng.choice(MALE_LAST if male else FEMALE_LAST)
    born = TODAY - timedelta(days=rng.randint(23 * 365, 58 * 365))
    sex = "1" if male else "2"
    day = born.day + (0 if male else 40)
    nik = ids.nik(f"{rng.choice(codes)}{day:02d}{born.month:02d}{born.year % 100:02d}")
    tmt = date(max(born.year + 20, rng.randint(1995, 2022)), rng.choice((1, 3, 4, 12)), 1)
    if kind == "pppk":
        nip = ids.nip(f"{born:%Y%m%d}{rng.choice((2021, 2022, 2023, 2024))}21{sex}")
    elif kind == "non_asn":
        nip = ""
    else:
        nip = ids.nip(f"{born:%Y%m%d}{tmt:%Y%m}{sex}")
    return {
        "nama": f"{first} {last}",
        "male": male,
        "born": born,
        "nik": nik,
        "nip": nip,
        "tmt": tmt,
        "kind": kind,
    }


def siasn_rows_bulk(n: int, seed: int) -> Iterator[dict[str, str]]:
    """`n` SIASN rows keyed by the 67 SIASN_HEADERS (values as exported: DD-MM-YYYY, M/F)."""
    rng = random.Random(seed)
    ids = _Ids(rng)
    region = REGIONS[seed % len(REGIONS)]
    codes = region.district_codes()
    units = [
        (f"{lvl} NEGERI {k} {place}", f"{rng.getrandbits(128):032X}")
        for lvl, top in (("SD", 40), ("SMP", 12))
        for k in range(1, top + 1)
        for place in region.desa[:4]
    ] + [(u, f"{rng.getrandbits(128):032X}") for u in ("DINAS PENDIDIKAN DAN KEBUDAYAAN",
                                                       "DINAS KESEHATAN", "SEKRETARIAT DAERAH")]  # fmt: skip
    instansi = region.instansi
    empty = dict.fromkeys(SIASN_HEADERS, "")
    for _ in range(n):
        r = rng.random()
        kind = "pns" if r < 0.75 else "pppk" if r < 0.95 else "cpns"
        p = _person(rng, ids, codes, kind)
        born: date = p["born"]  # type: ignore[assignment]
        tmt: date = p["tmt"]  # type: ignore[assignment]
        pppk = kind == "pppk"
        gol_id, gol = ("59", "IX") if pppk else _GOL[min(5, (TODAY.year - tmt.year) // 4)]
        unit, unit_id = rng.choice(units)
        row = dict(empty)
        row.update(
            {
                "PNS_ID": f"{rng.getrandbits(128):032X}",
                "NIP_BARU": str(p["nip"]),
                "NIP_LAMA": f"13{rng.randint(0, 9999999):07d}"
                if tmt.year < 2008 and not pppk
                else "",
                "NAMA": str(p["nama"]),
                "GELAR_BELAKANG": rng.choice(_BACK),
                "TEMPAT_LAHIR_NAMA": region.kabupaten.upper(),
                "TANGGAL_LAHIR": _dmy(born),
                "JENIS_KELAMIN": "M" if p["male"] else "F",
                "AGAMA_ID": "1",
                "AGAMA_NAMA": "ISLAM",
                "NIK": str(p["nik"]),
                "NOMOR_HP": f"0812{rng.randint(0, 99999999):08d}",
                "JENIS_PEGAWAI_ID": "101" if pppk else "4",
                "JENIS_PEGAWAI_NAMA": "PPPK" if pppk else "PNS DAERAH KAB/KOTA",
                "KEDUDUKAN_HUKUM_ID": "71" if pppk else "1",
                "KEDUDUKAN_HUKUM_NAMA": "PPPK Aktif" if pppk else "Aktif",
                "STATUS_CPNS_PNS": "" if pppk else ("C" if kind == "cpns" else "P"),
                "TMT_CPNS": "" if pppk else _dmy(tmt),
                "TMT_PNS": "" if pppk or kind == "cpns" else _dmy(date(tmt.year + 1, tmt.month, 1)),
                "GOL_AKHIR_ID": gol_id,
                "GOL_AKHIR_NAMA": gol,
                "MK_TAHUN": str(max(0, TODAY.year - tmt.year)),
                "MK_BULAN": "0",
                "JABATAN_NAMA": rng.choice(_JABATAN),
                "TINGKAT_PENDIDIKAN_NAMA": "S-1/Sarjana",
                "LOKASI_KERJA_NAMA": f"KAB. {region.kabupaten.upper()}",
                "UNOR_ID": unit_id,
                "UNOR_NAMA": unit,
                "INSTANSI_INDUK_NAMA": instansi,
                "INSTANSI_KERJA_NAMA": instansi,
                "SATUAN_KERJA_KERJA_NAMA": "DINAS PENDIDIKAN DAN KEBUDAYAAN",
                "IS_VALID_NIK": "true",
            }
        )
        yield row


def dapodik_rows_bulk(n: int, seed: int) -> Iterator[dict[str, object]]:
    """`n` Dapodik PTK rows keyed by the 51 DAPODIK_HEADERS (identifiers text, dates ISO)."""
    rng = random.Random(seed)
    ids = _Ids(rng)
    region = REGIONS[seed % len(REGIONS)]
    codes = region.district_codes()
    empty: dict[str, object] = dict.fromkeys(DAPODIK_HEADERS, "")
    status = {"pns": "PNS", "pppk": "PPPK", "cpns": "CPNS", "non_asn": "Guru Honor Sekolah"}
    for i in range(n):
        r = rng.random()
        kind = "pns" if r < 0.5 else "pppk" if r < 0.7 else "cpns" if r < 0.75 else "non_asn"
        p = _person(rng, ids, codes, kind)
        born: date = p["born"]  # type: ignore[assignment]
        row = dict(empty)
        row.update(
            {
                "No": i + 1,
                "Nama": str(p["nama"]),
                "NUPTK": f"{rng.randint(1000, 9999)}{rng.randint(0, 10**12 - 1):012d}",
                "JK": "L" if p["male"] else "P",
                "Tempat Lahir": region.kabupaten.upper(),
                "Tanggal Lahir": born.isoformat(),
                "NIP": str(p["nip"]),
                "Status Kepegawaian": status[kind],
                "Jenis PTK": "Guru",
                "Agama": "Islam",
                "Kecamatan": f"Kec. {region.kecamatan[i % len(region.kecamatan)][0]}",
                "Kewarganegaraan": "ID",
                "NIK": str(p["nik"]),
                "Sudah Lisensi Kepala Sekolah": "Tidak",
            }
        )
        yield row
