"""The planted problems: each scenario changes one person and lists every code it causes.

A scenario is `(name, times, eligible, apply)`: `times` is how often it is planted in a
kabupaten of 8 schools (scaled with the number of schools), `eligible` picks the people it can
be applied to, `apply` changes the Dapodik row and/or the SIASN row and records the expected
codes with `Builder.expect`. Codes follow docs/findings-conventions.md, side effects included
(a wrong Dapodik birth date also breaks the NIP and NIK date checks).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Protocol

from operator_app.samples.model import SampleSchool, Unit
from operator_app.samples.people import PeopleFactory, Person, make_nik
from operator_app.samples.records import Member, SiasnEntry
from operator_app.samples.rows import dmy


class Builder(Protocol):
    """What a scenario needs from the kabupaten being built (samples.builder.Builder has it);
    a Protocol so this module does not import the builder that imports it."""

    rng: random.Random
    factory: PeopleFactory
    schools: list[SampleSchool]
    neighbours: list[list[Unit]]
    members: list[Member]
    other_units: list[Unit]
    dinas: Unit

    def add_siasn(
        self,
        p: Person,
        unit: Unit,
        *,
        jabatan: str = "",
        kedudukan: tuple[str, str] | None = None,
        pns_id: str | None = None,
    ) -> SiasnEntry: ...

    def drop_siasn(self, m: Member) -> None: ...

    def expect(self, m: Member, codes: list[str], note: str) -> None: ...


Scenario = tuple[str, int, Callable[[Member], bool], Callable[[Builder, Member], None]]
INACTIVE = (
    ("99", "Pensiun"),
    ("2", "CLTN"),
    ("04", "Pemberhentian Sementara"),
    ("66", "Diberhentikan"),
)


def scenarios(b: Builder) -> list[Scenario]:
    def asn(m: Member) -> bool:
        return m.person.is_asn and m.match is not None

    def pns(m: Member) -> bool:
        return m.person.kind == "pns" and m.match is not None

    def pppk(m: Member) -> bool:
        return m.person.kind == "pppk" and m.match is not None

    def pns_lama(m: Member) -> bool:
        return pns(m) and bool(m.person.nip_lama)

    def female(m: Member) -> bool:
        return asn(m) and m.person.jk == "P"

    def at_exact_unor(m: Member) -> bool:
        return asn(m) and b.schools[m.school].unor_nama == b.schools[m.school].name

    return [
        ("nip_kosong", 2, asn, nip_kosong),
        ("nip_nik_kosong", 1, pns, nip_nik_kosong),
        ("nip_kosong_siasn_tanpa_nik", 1, pns, nip_kosong_siasn_tanpa_nik),
        ("nip_beda", 2, pns, nip_beda),
        ("nip_beda_tanpa_nik", 1, pns, nip_beda_tanpa_nik),
        ("nip_lama", 3, pns_lama, nip_lama),
        ("nip_angka", 2, asn, nip_angka),
        ("nip_kurang_digit", 1, asn, nip_kurang_digit),
        ("nip_huruf", 1, asn, nip_huruf),
        ("nip_bulan_mustahil", 1, pns, nip_bulan_mustahil),
        ("tgl_lahir_dapodik_salah", 2, pns, tgl_lahir_dapodik_salah),
        ("nip_tanggal_lain", 1, pns, nip_tanggal_lain),
        ("jk_dapodik_salah", 2, pns, jk_dapodik_salah),
        ("nip_jk_salah", 1, pns, nip_jk_salah),
        ("nik_kurang_digit", 1, asn, nik_kurang_digit),
        ("nik_tanggal_mustahil", 1, asn, nik_tanggal_mustahil),
        ("nik_tanpa_40", 1, female, nik_tanpa_40),
        ("nik_beda", 3, asn, nik_beda),
        ("nama_beda", 3, asn, nama_beda),
        ("tgl_lahir_siasn_salah", 2, asn, tgl_lahir_siasn_salah),
        ("jk_siasn_salah", 2, asn, jk_siasn_salah),
        ("honorer_padahal_pppk", 2, pppk, honorer_padahal_pppk),
        ("honorer_pppk_tanpa_nip", 1, pppk, honorer_pppk_tanpa_nip),
        ("cpns_sudah_pns", 3, pns, cpns_sudah_pns),
        ("pns_padahal_pppk", 2, pppk, pns_padahal_pppk),
        ("pppk_padahal_pns", 1, pns, pppk_padahal_pns),
        ("asn_tidak_ditemukan", 3, pns, asn_tidak_ditemukan),
        ("kedudukan_tidak_aktif", 3, pns, kedudukan_tidak_aktif),
        ("unor_sekolah_tetangga", 2, asn, unor_tetangga),
        ("unor_dinas", 1, asn, unor_dinas),
        ("duplikat_guru_tendik", 2, asn, duplikat_guru_tendik),
        ("siasn_nip_dua_baris", 1, at_exact_unor, siasn_nip_dua_baris),
        ("siasn_nik_kembar", 1, asn, siasn_nik_kembar),
    ]


def _siasn(b: Builder, m: Member) -> dict[str, str]:
    assert m.match is not None
    return m.match.row


def nip_kosong(b: Builder, m: Member) -> None:
    m.row["NIP"] = ""
    b.expect(m, ["NIP_KOSONG"], "NIP kosong di Dapodik; padan lewat NIK")


def nip_nik_kosong(b: Builder, m: Member) -> None:
    m.row["NIP"] = ""
    m.row["NIK"] = ""
    b.expect(
        m,
        ["NIP_KOSONG", "PADANAN_RAGU"],
        "NIP dan NIK kosong di Dapodik; hanya padan lewat nama + tanggal lahir",
    )


def nip_kosong_siasn_tanpa_nik(b: Builder, m: Member) -> None:
    m.row["NIP"] = ""
    _siasn(b, m)["NIK"] = ""
    _siasn(b, m)["IS_VALID_NIK"] = ""
    b.expect(
        m,
        ["NIP_KOSONG", "PADANAN_RAGU"],
        "NIP kosong di Dapodik, NIK kosong di SIASN; padan lewat nama + tanggal lahir",
    )


def _other_nip(b: Builder, nip: str) -> str:
    """A well-formed NIP of the same birth date, TMT and sex, other serial, unused."""
    for _ in range(1000):
        candidate = f"{nip[:15]}{b.rng.randint(1, 999):03d}"
        if b.factory.claim_nip(candidate):
            return candidate
    raise RuntimeError("no free NIP serial")


def nip_beda(b: Builder, m: Member) -> None:
    m.row["NIP"] = _other_nip(b, m.person.nip)
    b.expect(m, ["NIP_BEDA"], "NIP Dapodik salah ketik nomor urut; padan lewat NIK")


def nip_beda_tanpa_nik(b: Builder, m: Member) -> None:
    m.row["NIP"] = _other_nip(b, m.person.nip)
    m.row["NIK"] = ""
    b.expect(
        m,
        ["NIP_BEDA", "PADANAN_RAGU"],
        "NIP Dapodik salah ketik, NIK kosong; padan lewat nama + tanggal lahir",
    )


def nip_lama(b: Builder, m: Member) -> None:
    m.row["NIP"] = m.person.nip_lama
    b.expect(m, ["NIP_LAMA"], "NIP lama 9 digit di kolom NIP Dapodik")


def nip_angka(b: Builder, m: Member) -> None:
    m.numeric_nip = True
    b.expect(m, ["NIP_RUSAK"], "NIP tersimpan sebagai angka (15 digit); padan lewat NIK")


def nip_kurang_digit(b: Builder, m: Member) -> None:
    nip = m.person.nip
    k = b.rng.randint(8, 17)
    m.row["NIP"] = nip[:k] + nip[k + 1 :]
    b.expect(m, ["NIP_RUSAK"], "NIP Dapodik 17 digit (satu digit hilang)")


def nip_huruf(b: Builder, m: Member) -> None:
    nip = m.person.nip
    k = nip.rfind("0", 8)
    k = k if k >= 0 else 17
    m.row["NIP"] = nip[:k] + "O" + nip[k + 1 :]
    b.expect(m, ["NIP_RUSAK"], "NIP Dapodik berisi huruf O, bukan angka 0")


def nip_bulan_mustahil(b: Builder, m: Member) -> None:
    nip = m.person.nip
    m.row["NIP"] = nip[:12] + "13" + nip[14:]
    b.expect(m, ["NIP_RUSAK"], "NIP Dapodik dengan bulan TMT 13")


def tgl_lahir_dapodik_salah(b: Builder, m: Member) -> None:
    wrong = m.person.tanggal_lahir + timedelta(days=b.rng.randint(1, 9))
    m.row["Tanggal Lahir"] = wrong.isoformat()
    b.expect(
        m,
        ["NIP_TIDAK_SESUAI_TGL_LAHIR", "TGL_LAHIR_BEDA", "NIK_TIDAK_VALID"],
        "Tanggal lahir Dapodik salah; NIP, NIK dan SIASN memuat tanggal yang benar",
    )


def _replace_nip(b: Builder, m: Member, new: str) -> None:
    if not b.factory.claim_nip(new):
        raise RuntimeError("NIP already used")
    m.person.nip = new
    m.row["NIP"] = new
    _siasn(b, m)["NIP_BARU"] = new


def nip_tanggal_lain(b: Builder, m: Member) -> None:
    p = m.person
    for shift in range(1, 40):
        d = p.tanggal_lahir - timedelta(days=shift)
        new = f"{d:%Y%m%d}{p.nip[8:]}"
        if new not in b.factory.nips:
            break
    _replace_nip(b, m, new)
    b.expect(
        m,
        ["NIP_TIDAK_SESUAI_TGL_LAHIR"],
        "NIP (di Dapodik dan SIASN) memuat tanggal lahir lain dari tanggal lahir tercatat",
    )


def jk_dapodik_salah(b: Builder, m: Member) -> None:
    m.row["JK"] = "L" if m.person.jk == "P" else "P"
    b.expect(
        m,
        ["NIP_TIDAK_SESUAI_JK", "JK_BEDA", "NIK_TIDAK_VALID"],
        "JK Dapodik salah; NIP, NIK dan SIASN memuat jenis kelamin yang benar",
    )


def nip_jk_salah(b: Builder, m: Member) -> None:
    nip = m.person.nip
    flipped = nip[:14] + ("2" if nip[14] == "1" else "1")
    new = next(
        c
        for s in range(int(nip[15:]), int(nip[15:]) + 999)
        if (c := f"{flipped}{s % 999 + 1:03d}") not in b.factory.nips
    )
    _replace_nip(b, m, new)
    b.expect(
        m, ["NIP_TIDAK_SESUAI_JK"], "Digit jenis kelamin NIP (di kedua sumber) tidak sesuai JK"
    )


def nik_kurang_digit(b: Builder, m: Member) -> None:
    nik = m.person.nik
    k = b.rng.randint(6, 15)
    m.row["NIK"] = nik[:k] + nik[k + 1 :]
    b.expect(m, ["NIK_TIDAK_VALID"], "NIK Dapodik 15 digit")


def _replace_nik(b: Builder, m: Member, new: str) -> None:
    if not b.factory.claim_nik(new):
        raise RuntimeError("NIK already used")
    m.person.nik = new
    m.row["NIK"] = new
    _siasn(b, m)["NIK"] = new


def nik_tanggal_mustahil(b: Builder, m: Member) -> None:
    nik = m.person.nik
    for serial in range(1, 10000):
        new = f"{nik[:8]}13{nik[10:12]}{serial:04d}"
        if new not in b.factory.niks:
            break
    _replace_nik(b, m, new)
    b.expect(
        m, ["NIK_TIDAK_VALID"], "NIK (di kedua sumber) dengan bulan lahir 13: tanggal mustahil"
    )


def nik_tanpa_40(b: Builder, m: Member) -> None:
    p = m.person
    for serial in range(1, 10000):
        new = make_nik(p.nik[:6], p.tanggal_lahir, "L", serial)
        if new not in b.factory.niks:
            break
    _replace_nik(b, m, new)
    b.expect(m, ["NIK_TIDAK_VALID"], "NIK perempuan tanpa +40 pada tanggal (di kedua sumber)")


def nik_beda(b: Builder, m: Member) -> None:
    p = m.person
    m.row["NIK"] = b.factory.nik(p.tanggal_lahir, p.jk)
    b.expect(m, ["NIK_BEDA"], "NIK Dapodik lain dari NIK SIASN (keduanya sah)")


def nama_beda(b: Builder, m: Member) -> None:
    p = m.person
    words = p.nama.split()
    vowels = "AIUEO"
    w = max(range(len(words)), key=lambda j: len(words[j]))
    word = words[w]
    spots = [k for k in range(1, len(word)) if word[k] in vowels]
    k = spots[-1] if spots else len(word) - 1
    repl = next(v for v in ("A", "O", "E", "I") if v != word[k])
    words[w] = word[:k] + repl + word[k + 1 :]
    changed = replace(p, nama=" ".join(words))
    m.row["Nama"] = changed.dapodik_name()
    b.expect(m, ["NAMA_BEDA"], f"Nama Dapodik {changed.nama}, SIASN {p.nama}")


def _other_date(b: Builder, d: date) -> date:
    if d.day <= 12 and d.day != d.month:
        return date(d.year, d.day, d.month)  # day and month swapped
    return d + timedelta(days=b.rng.randint(1, 20))


def tgl_lahir_siasn_salah(b: Builder, m: Member) -> None:
    wrong = _other_date(b, m.person.tanggal_lahir)
    _siasn(b, m)["TANGGAL_LAHIR"] = dmy(wrong)
    b.expect(m, ["TGL_LAHIR_BEDA"], "Tanggal lahir SIASN salah; Dapodik, NIP, NIK benar")


def jk_siasn_salah(b: Builder, m: Member) -> None:
    _siasn(b, m)["JENIS_KELAMIN"] = "F" if m.person.jk == "L" else "M"
    b.expect(m, ["JK_BEDA"], "Jenis kelamin SIASN salah")


def honorer_padahal_pppk(b: Builder, m: Member) -> None:
    m.row["Status Kepegawaian"] = b.rng.choice(
        ("Guru Honor Sekolah", "Honor Daerah TK.II Kab/Kota")
    )
    b.expect(m, ["STATUS_BUKAN_ASN"], "PPPK di SIASN, masih honorer di Dapodik")


def honorer_pppk_tanpa_nip(b: Builder, m: Member) -> None:
    m.row["Status Kepegawaian"] = "Guru Honor Sekolah"
    m.row["NIP"] = ""
    b.expect(
        m,
        ["STATUS_BUKAN_ASN", "NIP_KOSONG"],
        "PPPK di SIASN, masih honorer tanpa NIP di Dapodik; padan lewat NIK",
    )


def cpns_sudah_pns(b: Builder, m: Member) -> None:
    m.row["Status Kepegawaian"] = "CPNS"
    m.row["TMT PNS"] = ""
    b.expect(m, ["STATUS_CPNS_SUDAH_PNS"], "Dapodik masih CPNS, SIASN sudah PNS (P)")


def pns_padahal_pppk(b: Builder, m: Member) -> None:
    m.row["Status Kepegawaian"] = "PNS"
    b.expect(m, ["STATUS_JENIS_BEDA"], "Dapodik PNS, SIASN dan NIP: PPPK")


def pppk_padahal_pns(b: Builder, m: Member) -> None:
    m.row["Status Kepegawaian"] = "PPPK"
    b.expect(m, ["STATUS_JENIS_BEDA"], "Dapodik PPPK, SIASN dan NIP: PNS")


def asn_tidak_ditemukan(b: Builder, m: Member) -> None:
    b.drop_siasn(m)
    b.expect(m, ["ASN_TIDAK_DITEMUKAN"], "PNS dengan NIP sah yang tidak ada di file SIASN")


def kedudukan_tidak_aktif(b: Builder, m: Member) -> None:
    kid, nama = b.rng.choice(INACTIVE)
    _siasn(b, m)["KEDUDUKAN_HUKUM_ID"] = kid
    _siasn(b, m)["KEDUDUKAN_HUKUM_NAMA"] = nama
    b.expect(m, ["KEDUDUKAN_TIDAK_AKTIF"], f"Kedudukan hukum SIASN: {nama}")


def _move(b: Builder, m: Member, unit: Unit) -> None:
    row = _siasn(b, m)
    row["UNOR_NAMA"] = unit.nama
    row["UNOR_ID"] = unit.unor_id
    row["NAMA_SEKOLAH"] = b.schools[m.school].name  # not the work unit: a decoy column


def unor_tetangga(b: Builder, m: Member) -> None:
    unit = b.rng.choice(b.neighbours[m.school])
    _move(b, m, unit)
    b.expect(m, ["UNOR_BEDA"], f"Unor SIASN sekolah tetangga {unit.nama}")


def unor_dinas(b: Builder, m: Member) -> None:
    _move(b, m, b.dinas)
    b.expect(m, ["UNOR_BEDA"], f"Unor SIASN {b.dinas.nama}")


def duplikat_guru_tendik(b: Builder, m: Member) -> None:
    twin = Member(
        m.person,
        m.school,
        "tendik",
        {**m.row, "Jenis PTK": "Tenaga Kependidikan", "Tugas Tambahan": ""},
        match=m.match,
        role="injected",
    )
    b.members.append(twin)
    b.expect(m, ["DUPLIKAT"], "Orang yang sama di file guru dan file tendik")
    b.expect(twin, ["DUPLIKAT"], "Orang yang sama di file guru dan file tendik")


def siasn_nip_dua_baris(b: Builder, m: Member) -> None:
    assert m.match is not None
    old = b.add_siasn(m.person, b.dinas, jabatan="GURU AHLI PERTAMA")
    for e in (m.match, old):
        e.codes.append("DUPLIKAT")
        e.notes.append(f"{m.person.nama}: NIP {m.person.nip} pada dua baris SIASN")
    b.expect(
        m,
        ["PADANAN_RAGU"],
        "Dua baris SIASN dengan NIP ini; yang di unor sekolah diambil, tetap ragu",
    )


def siasn_nik_kembar(b: Builder, m: Member) -> None:
    assert m.match is not None
    other = b.factory.person("pns")
    other.nik = m.person.nik
    unit = b.rng.choice(b.other_units)
    entry = b.add_siasn(other, unit)
    for e in (m.match, entry):
        e.codes.append("DUPLIKAT")
        e.notes.append(f"NIK {m.person.nik} pada dua baris SIASN ({m.person.nama}, {other.nama})")
    m.role = "injected"
