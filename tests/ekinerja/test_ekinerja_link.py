"""Linking log rows to people and findings (core, no database): heads, Plt. hints, damaged NIPs."""

from __future__ import annotations

from operator_app.core.catalogue import make_finding
from operator_app.core.ekinerja.failures import LogRow, PersonRef, link, summary

HEAD = PersonRef("nik:3509041011682384", "Drs. H. YOGA HIDAYAT", 3, "SD NEGERI 4 JOMBANG", True)
GURU = PersonRef("nik:3509142512717872", "CECEP SANTOSO", 3, "SD NEGERI 4 JOMBANG")
NIP_HEAD, NIP_GURU = "196805121994031007", "197112252008041060"
PEOPLE = [(NIP_HEAD, HEAD), (NIP_GURU, GURU)]
HEAD_NOT_ASN = make_finding(
    "KEPSEK_BUKAN_ASN", {"advice": "-"}, person_key=HEAD.person_key, school_id=3,
    school_name=HEAD.school_name, nama=HEAD.nama, field="Kepala Sekolah",
    detail="Plt. Kepala Sekolah tidak ditemukan sebagai ASN di file SIASN.",
)  # fmt: skip


def _row(nip: str, message: str, damaged: bool = False) -> LogRow:
    return LogRow(2, nip, None, None, message, None, damaged)


def test_the_heads_finding_explains_a_teachers_atasan_message() -> None:
    (f,) = link(
        [_row(NIP_GURU, "Atasan Pegawai tidak sama dengan data PMM")], PEOPLE, [HEAD_NOT_ASN]
    )
    assert f.ekinerja_no == 16 and f.explained_by == ("KEPSEK_BUKAN_ASN",)
    assert f.person_key == GURU.person_key and f.school_name == "SD NEGERI 4 JOMBANG"
    assert f.owner == "admin_instansi" and f.nama == "CECEP SANTOSO"


def test_plt_messages_get_hints_but_never_a_data_fix() -> None:
    msg = "Pegawai tidak memiliki SKP sebagai Plt. Kepala Sekolah di PMM."
    head, guru = link([_row(NIP_HEAD, msg), _row(NIP_GURU, msg)], PEOPLE, [HEAD_NOT_ASN])
    assert head.ekinerja_no == 18 and head.explained_by == () and not head.explained
    assert any("sebagai Plt. Kepala Sekolah SD NEGERI 4 JOMBANG" in h for h in head.hints)
    assert any("KEPSEK_BUKAN_ASN" in h for h in head.hints)
    assert head.owner == "pusat_bantuan_pmm" and "PMM" in head.next_step
    assert any("tidak mencatat CECEP SANTOSO sebagai Plt." in h for h in guru.hints)


def test_a_nip_damaged_by_excel_matches_on_its_first_15_digits() -> None:
    damaged = NIP_GURU[:15] + "000"
    (f,) = link([_row(damaged, "Unexpected period value", damaged=True)], PEOPLE, [])
    assert f.person_key == GURU.person_key and f.nip_damaged


def test_summary_counts() -> None:
    rows = [_row(NIP_GURU, "Atasan Pegawai tidak sama dengan data PMM"),
            _row(NIP_GURU, "Unexpected period value"), _row("1", "printer tidak menyala")]  # fmt: skip
    s = summary(link(rows, PEOPLE, [HEAD_NOT_ASN]))
    assert s == {"total": 3, "explained_by_data": 1, "unknown_messages": 1, "not_our_ptk": 1,
                 "others_must_act": [{"actor": "helpdesk_bkn", "label": "Helpdesk BKN", "count": 1}]}  # fmt: skip
