"""Turn a Person into a Dapodik PTK row and a SIASN row, with realistic filler columns."""

from __future__ import annotations

import random
from datetime import date

from operator_app.samples.model import Region, SampleSchool, Unit
from operator_app.samples.people import (
    FEMALE_FIRST,
    FEMALE_LAST,
    TODAY,
    Kind,
    PeopleFactory,
    Person,
    title_case,
)
from operator_app.sources.layouts import DAPODIK_HEADERS, SIASN_HEADERS

GOLONGAN: tuple[tuple[str, str], ...] = (
    ("31", "III/a"), ("32", "III/b"), ("33", "III/c"), ("34", "III/d"), ("41", "IV/a"),
    ("42", "IV/b"), ("43", "IV/c"),
)  # fmt: skip
PANGKAT: dict[str, str] = {
    "III/a": "Penata Muda", "III/b": "Penata Muda Tk. I", "III/c": "Penata", "III/d": "Penata Tk. I",
    "IV/a": "Pembina", "IV/b": "Pembina Tk. I", "IV/c": "Pembina Utama Muda",
}  # fmt: skip
STREETS: tuple[str, ...] = (
    "Jl. Merdeka", "Jl. Pahlawan", "Jl. Diponegoro", "Jl. Sudirman", "Jl. Raya", "Jl. Masjid",
    "Jl. Pendidikan", "Jl. Kenanga", "Jl. Melati", "Jl. Flamboyan", "Gg. Mawar",
)  # fmt: skip
PENDIDIKAN: tuple[str, ...] = (
    "S-1 PENDIDIKAN GURU SEKOLAH DASAR", "S-1 PENDIDIKAN MATEMATIKA", "S-1 PENDIDIKAN BAHASA INGGRIS",
    "S-1 PENDIDIKAN AGAMA ISLAM", "S-1 PENDIDIKAN JASMANI", "S-1 PENDIDIKAN BAHASA INDONESIA",
    "S-1 PENDIDIKAN IPA", "S-1 PENDIDIKAN EKONOMI",
)  # fmt: skip
BANKS: tuple[str, ...] = ("BPD", "BRI", "BNI", "BANK MANDIRI", "BSI")
SUAMI_ISTRI_KERJA: tuple[str, ...] = (
    "Wiraswasta", "Karyawan Swasta", "PNS/TNI/Polri", "Petani", "Tidak bekerja", "Pedagang",
)  # fmt: skip
OTHER_JABATAN: tuple[str, ...] = (
    "PERAWAT AHLI PERTAMA", "BIDAN TERAMPIL", "ANALIS KEPEGAWAIAN AHLI MUDA",
    "PENGADMINISTRASI PERKANTORAN", "PENYULUH PERTANIAN AHLI PERTAMA",
    "PRANATA KOMPUTER AHLI PERTAMA", "PENGELOLA KEUANGAN", "PENGAWAS SEKOLAH AHLI MADYA",
)  # fmt: skip


def iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def dmy(d: date | None) -> str:
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}" if d else ""


def golongan(p: Person, today: date) -> tuple[tuple[str, str], int]:
    """Current golongan (id, name) and years of service."""
    if p.tmt_cpns is None:
        return ("", "IX"), 0
    years = max(0, today.year - p.tmt_cpns.year)
    return GOLONGAN[min(len(GOLONGAN) - 1, years // 4)], years


def npwp(rng: random.Random) -> str:
    """NPWP as Dapodik shows it: dotted, with trailing spaces."""
    d = f"{rng.randint(0, 10**15 - 1):015d}"
    return f"{d[0:2]}.{d[2:5]}.{d[5:8]}.{d[8]}-{d[9:12]}.{d[12:15]}" + " " * rng.randint(1, 3)


def phone(rng: random.Random) -> str:
    return f"08{rng.choice('1257')}{rng.randint(0, 10**9 - 1):09d}"


def email_of(nama: str, rng: random.Random) -> str:
    local = "".join(ch for ch in nama.lower() if ch.isalpha())[:14]
    return f"{local}{rng.randint(1, 99)}@{rng.choice(('gmail.com', 'yahoo.co.id', 'guru.sd.belajar.id'))}"


def dapodik_row(
    p: Person,
    rng: random.Random,
    *,
    school: SampleSchool,
    region: Region,
    status: str,
    jenis_ptk: str,
    tugas_tambahan: str = "",
    today: date,
) -> dict[str, object]:
    """A full 51-column Dapodik PTK row for `p` (identifiers as text, dates YYYY-MM-DD)."""
    row: dict[str, object] = dict.fromkeys(DAPODIK_HEADERS, "")
    (_, gol_nama), _ = golongan(p, today)
    asn = p.kind != "non_asn"
    married = rng.random() < 0.8
    spouse = ""
    if married:
        spouse = (
            f"{rng.choice(FEMALE_FIRST)} {rng.choice(FEMALE_LAST)}"
            if p.jk == "L"
            else f"{rng.choice(('AGUS', 'BUDI', 'DEDI', 'SLAMET', 'ASEP'))} {rng.choice(('SANTOSO', 'HIDAYAT', 'SAPUTRA'))}"
        )
    district = rng.choice(region.kecamatan)[0]
    row.update(
        {
            "Nama": p.dapodik_name(),
            "NUPTK": p.nuptk,
            "JK": p.jk,
            "Tempat Lahir": p.tempat_lahir,
            "Tanggal Lahir": iso(p.tanggal_lahir),
            "NIP": p.nip,
            "Status Kepegawaian": status,
            "Jenis PTK": jenis_ptk,
            "Agama": p.agama,
            "Alamat Jalan": f"{rng.choice(STREETS)} No. {rng.randint(1, 120)}",
            "RT": str(rng.randint(1, 12)),
            "RW": str(rng.randint(1, 8)),
            "Nama Dusun": f"Dusun {rng.choice(('I', 'II', 'III', 'Krajan', 'Kidul', 'Lor'))}",
            "Desa/Kelurahan": title_case(rng.choice(region.desa)),
            "Kecamatan": f"Kec. {district}",
            "Kode Pos": str(region.kode_pos + rng.randint(0, 80)),
            "HP": phone(rng),
            "Email": email_of(p.nama, rng),
            "Tugas Tambahan": tugas_tambahan,
            "Sumber Gaji": "APBD Kabupaten/Kota" if asn else rng.choice(("BOS", "Sekolah")),
            "Lembaga Pengangkatan": "Pemerintah Kab/Kota"
            if asn
            else ("Ketua Yayasan" if status == "GTY/PTY" else "Kepala Sekolah"),
            "Nama Ibu Kandung": f"{rng.choice(FEMALE_FIRST)} {rng.choice(FEMALE_LAST)}",
            "Status Perkawinan": "Kawin" if married else "Belum Kawin",
            "Nama Suami/Istri": spouse,
            "Pekerjaan Suami/Istri": rng.choice(SUAMI_ISTRI_KERJA) if married else "",
            "Sudah Lisensi Kepala Sekolah": "Ya"
            if "Kepala Sekolah" in (jenis_ptk, tugas_tambahan)
            else "Tidak",
            "Pernah Diklat Kepengawasan": "Tidak",
            "Keahlian Braille": "Tidak",
            "Keahlian Bahasa Isyarat": "Tidak",
            "Kewarganegaraan": "ID",
            "NIK": p.nik,
            "No KK": f"{p.nik[:6]}{rng.randint(0, 10**10 - 1):010d}",
            "Lintang": f"-7.{rng.randint(100000, 999999)}",
            "Bujur": f"109.{rng.randint(100000, 999999)}",
        }
    )
    if rng.random() < 0.7:
        row["NPWP"] = npwp(rng)
        row["Nama Wajib Pajak"] = p.nama
    if rng.random() < 0.75:
        bank = rng.choice(BANKS)
        row["Bank"] = f"BPD {region.provinsi.upper()}" if bank == "BPD" else bank
        row["Nomor Rekening Bank"] = f"{rng.randint(10**9, 10**12 - 1)}"
        row["Rekening Atas Nama"] = p.nama
    if p.tmt_cpns is not None:
        row["SK CPNS"] = f"813.3/{rng.randint(1, 999):03d}/{p.tmt_cpns.year}"
        row["Tanggal CPNS"] = iso(p.tmt_cpns)
        row["SK Pengangkatan"] = row["SK CPNS"]
        row["TMT Pengangkatan"] = iso(p.tmt_cpns)
        row["Pangkat Golongan"] = f"{PANGKAT.get(gol_nama, '')}, {gol_nama}"
        if p.tmt_pns is not None:
            row["TMT PNS"] = iso(p.tmt_pns)
            row["Karpeg"] = f"{rng.choice('ABCDEFGHKLMN')} {rng.randint(100000, 999999)}"
    elif p.kind == "pppk":
        year = int(p.nip[8:12]) if len(p.nip) == 18 else today.year - 2
        row["SK Pengangkatan"] = f"800.1.13.2/{rng.randint(1, 999):03d}/{year}"
        row["TMT Pengangkatan"] = iso(date(year, 3, 1) if year > 2000 else None)
        row["Pangkat Golongan"] = "IX"
    else:
        start = date(max(p.tanggal_lahir.year + 20, today.year - 12), rng.randint(1, 12), 1)
        row["SK Pengangkatan"] = f"421.2/{rng.randint(1, 99):02d}/{start.year}"
        row["TMT Pengangkatan"] = iso(start)
    return row


def siasn_row(
    p: Person,
    rng: random.Random,
    *,
    unit: Unit,
    region: Region,
    today: date,
    jabatan: str = "",
    kedudukan: tuple[str, str] | None = None,
    pns_id: str | None = None,
) -> dict[str, str]:
    """A full 67-column SIASN row for an ASN person, values as exported (dates DD-MM-YYYY)."""
    row = dict.fromkeys(SIASN_HEADERS, "")
    (gol_id, gol_nama), years = golongan(p, today)
    pppk = p.kind == "pppk"
    if kedudukan is None:
        kedudukan = ("71", "PPPK Aktif") if pppk else (rng.choice(("1", "1", "1", "01")), "Aktif")
    if not jabatan:
        if unit.kind != "sekolah":
            jabatan = rng.choice(OTHER_JABATAN)
        elif pppk or gol_nama in ("III/a", "III/b"):
            jabatan = "GURU AHLI PERTAMA"
        elif gol_nama.startswith("III"):
            jabatan = "GURU AHLI MUDA"
        else:
            jabatan = "GURU AHLI MADYA"
    tempat_id = f"{rng.randint(1, 999999):06d}"
    row.update(
        {
            "PNS_ID": pns_id or f"{rng.getrandbits(128):032X}",
            "NIP_BARU": p.nip,
            "NIP_LAMA": p.nip_lama,
            "NAMA": p.nama,
            "GELAR_DEPAN": p.gelar_depan,
            "GELAR_BELAKANG": p.gelar_belakang,
            "TEMPAT_LAHIR_ID": tempat_id,
            "TEMPAT_LAHIR_NAMA": p.tempat_lahir,
            "TANGGAL_LAHIR": dmy(p.tanggal_lahir),
            "JENIS_KELAMIN": "M" if p.jk == "L" else "F",
            "AGAMA_ID": {"Islam": "1", "Kristen": "2", "Katholik": "3"}.get(p.agama, "1"),
            "AGAMA_NAMA": p.agama.upper(),
            "JENIS_KAWIN_ID": "2",
            "JENIS_KAWIN_NAMA": "Menikah",
            "NIK": p.nik,
            "NOMOR_HP": phone(rng),
            "EMAIL": email_of(p.nama, rng),
            "ALAMAT": f"{rng.choice(STREETS).upper()} NO. {rng.randint(1, 120)}, "
            f"DESA {rng.choice(region.desa)}",
            "NPWP_NOMOR": f"{rng.randint(0, 10**15 - 1):015d}" if rng.random() < 0.8 else "",
            "BPJS": f"{rng.randint(0, 10**13 - 1):013d}" if rng.random() < 0.6 else "",
            "JENIS_PEGAWAI_ID": "101" if pppk else "4",
            "JENIS_PEGAWAI_NAMA": "PPPK" if pppk else "PNS DAERAH KAB/KOTA",
            "KEDUDUKAN_HUKUM_ID": kedudukan[0],
            "KEDUDUKAN_HUKUM_NAMA": kedudukan[1],
            "STATUS_CPNS_PNS": "" if pppk else ("C" if p.kind == "cpns" else "P"),
            "JENIS_JABATAN_ID": "2",
            "JENIS_JABATAN_NAMA": "Jabatan Fungsional",
            "JABATAN_ID": f"{rng.getrandbits(64):016X}",
            "JABATAN_NAMA": jabatan,
            "TINGKAT_PENDIDIKAN_ID": "40",
            "TINGKAT_PENDIDIKAN_NAMA": "S-1/Sarjana",
            "PENDIDIKAN_ID": f"{rng.getrandbits(64):016X}",
            "PENDIDIKAN_NAMA": rng.choice(PENDIDIKAN),
            "TAHUN_LULUS": str(p.tanggal_lahir.year + 23),
            "KPKN_ID": "62",
            "KPKN_NAMA": region.kpkn,
            "LOKASI_KERJA_ID": f"{region.prov_code}{region.kab_code}",
            "LOKASI_KERJA_NAMA": f"KAB. {region.kabupaten.upper()}",
            "UNOR_ID": unit.unor_id,
            "UNOR_NAMA": unit.nama,
            "INSTANSI_INDUK_ID": f"A5EB03E2{region.prov_code}{region.kab_code}",
            "INSTANSI_INDUK_NAMA": region.instansi,
            "INSTANSI_KERJA_ID": f"A5EB03E2{region.prov_code}{region.kab_code}",
            "INSTANSI_KERJA_NAMA": region.instansi,
            "SATUAN_KERJA_INDUK_ID": f"8AE4{region.prov_code}{region.kab_code}",
            "SATUAN_KERJA_INDUK_NAMA": unit.induk,
            "SATUAN_KERJA_KERJA_ID": f"8AE4{region.prov_code}{region.kab_code}",
            "SATUAN_KERJA_KERJA_NAMA": unit.induk,
            "IS_VALID_NIK": rng.choice(("true", "true", "true", "")),
            "FLAG_IKD": rng.choice(("0", "1")),
        }
    )
    if p.tmt_cpns is not None:
        row.update(
            {
                "NOMOR_SK_CPNS": f"813.3/{rng.randint(1, 999):03d}/{p.tmt_cpns.year}",
                "TANGGAL_SK_CPNS": dmy(date(p.tmt_cpns.year - (p.tmt_cpns.month == 1), 12, 20)),
                "TMT_CPNS": dmy(p.tmt_cpns),
                "GOL_AWAL_ID": "31",
                "GOL_AWAL_NAMA": "III/a",
                "GOL_AKHIR_ID": gol_id,
                "GOL_AKHIR_NAMA": gol_nama,
                "TMT_GOLONGAN": dmy(date(p.tmt_cpns.year + (years // 4) * 4, 4, 1)),
                "MK_TAHUN": str(years),
                "MK_BULAN": str(rng.randint(0, 11)),
                "TMT_JABATAN": dmy(p.tmt_cpns),
            }
        )
        if p.tmt_pns is not None:
            row.update(
                {
                    "NOMOR_SK_PNS": f"821.13/{rng.randint(1, 999):03d}/{p.tmt_pns.year}",
                    "TANGGAL_SK_PNS": dmy(p.tmt_pns),
                    "TMT_PNS": dmy(p.tmt_pns),
                }
            )
    elif pppk:
        year = int(p.nip[8:12]) if len(p.nip) == 18 else 2023
        row.update(
            {
                "GOL_AWAL_ID": "59",
                "GOL_AWAL_NAMA": "IX",
                "GOL_AKHIR_ID": "59",
                "GOL_AKHIR_NAMA": "IX",
                "TMT_GOLONGAN": dmy(date(year, 3, 1)),
                "MK_TAHUN": "0",
                "MK_BULAN": "0",
                "TMT_JABATAN": dmy(date(year, 3, 1)),
            }
        )
    return row


def person_rows(
    kind: Kind = "pns",
    *,
    seed: int = 0,
    school: SampleSchool | None = None,
    region: Region | None = None,
) -> tuple[Person, dict[str, object], dict[str, str]]:
    """One clean person and their matching Dapodik row and SIASN row (no finding between them).

    For `non_asn` the SIASN row has no NIP and is of little use: honorers are not in SIASN.
    """
    from operator_app.samples.model import REGIONS

    rng = random.Random(seed)
    region = region or REGIONS[0]
    school = school or SampleSchool(name="SD NEGERI 3 SUKAMAJU")
    factory = PeopleFactory(rng, region.district_codes(), [region.kabupaten.upper()])
    p = factory.person(kind, titles=0.0)
    status = {"pns": "PNS", "cpns": "CPNS", "pppk": "PPPK"}.get(kind, "Guru Honor Sekolah")
    drow = dapodik_row(
        p, rng, school=school, region=region, status=status, jenis_ptk="Guru", today=TODAY
    )
    srow = siasn_row(
        p, rng, unit=Unit(school.unor_nama, f"{rng.getrandbits(128):032X}"), region=region,
        today=TODAY, kedudukan=("1", "Aktif") if kind != "pppk" else None,
    )  # fmt: skip
    return p, drow, srow
