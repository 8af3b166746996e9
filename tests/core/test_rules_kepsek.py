"""Head-of-school rules: KEPSEK_TIDAK_ADA (school level) and KEPSEK_BUKAN_ASN."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from checker_records import ALL_DAPODIK, NEIGHBOUR, SCHOOL, check, codes_of, head, one, pair, ptk

from operator_app.core.catalogue import MSG_PLT_EKINERJA, MSG_SKP_ORGANISASI


def test_school_without_head_is_a_school_level_finding() -> None:
    p, s = pair()
    result = check([p], [s], with_head=False)
    f = one(result, "KEPSEK_TIDAK_ADA")
    assert (f.school_id, f.school_name, f.person_key, f.ptk_id) == (
        SCHOOL.id,
        SCHOOL.name,
        "",
        None,
    )
    assert (
        f.dapodik_file is None
        and f.siasn_file is None
        and f.key == (f"school:{SCHOOL.id}", "KEPSEK_TIDAK_ADA", "Kepala Sekolah")
    )
    assert (f.actor, f.severity) == ("admin_dinas", "warning")
    assert f.ekinerja_message.startswith(MSG_SKP_ORGANISASI)


def test_head_by_tugas_tambahan_or_plt_counts_and_wakil_does_not() -> None:
    p, s = pair(tugas_tambahan="Plt. Kepala Sekolah")
    assert codes_of(check([p], [s], with_head=False)) == set()
    w, ws = pair(tugas_tambahan="Wakil Kepala Sekolah")
    assert codes_of(check([w], [ws], with_head=False)) == {"KEPSEK_TIDAK_ADA"}


def test_every_school_is_checked_on_its_own() -> None:
    h, hs = head(SCHOOL)
    q, qs = pair("DEDE ROSADA", date(1980, 2, 2), "L", school=NEIGHBOUR)
    result = check([h, q], [hs, qs], with_head=False)
    assert one(result, "KEPSEK_TIDAK_ADA").school_name == NEIGHBOUR.name


def test_head_who_is_not_an_asn() -> None:
    honorer = ptk("Drs. ENDANG", date(1968, 1, 1), "L", nip=None, status="GTY/PTY",
                  jenis_ptk="Kepala Sekolah")  # fmt: skip
    p, s = pair()
    result = check([honorer, p], [s], with_head=False)
    assert codes_of(result, honorer) == {"KEPSEK_BUKAN_ASN"}
    f = one(result, "KEPSEK_BUKAN_ASN")
    assert (f.actor, f.field) == ("admin_instansi", "Kepala Sekolah")
    assert "KEPSEK_TIDAK_ADA" not in codes_of(result)


def test_head_at_another_unor_in_siasn_and_plt_messages() -> None:
    h, hs = head(tugas_tambahan="Plt. Kepala Sekolah")
    result = check([h], [replace(hs, unor_nama="SD NEGERI 4 SUKAMAJU")], with_head=False)
    assert codes_of(result, h) == {"KEPSEK_BUKAN_ASN", "UNOR_BEDA"}
    f = one(result, "KEPSEK_BUKAN_ASN")
    assert f.siasn_value == "SD NEGERI 4 SUKAMAJU" and MSG_PLT_EKINERJA in f.ekinerja_message
    same = check([h], [replace(hs, unor_nama="UPT SDN 3 SUKAMAJU")], with_head=False)
    assert codes_of(same, h) == {"UNOR_NOMENKLATUR"}


def test_kepsek_checks_skipped_without_role_columns() -> None:
    p, s = pair()
    cols = ALL_DAPODIK - {"jenis_ptk", "tugas_tambahan"}
    result = check([p], [s], with_head=False, dapodik_columns=cols)
    assert codes_of(result) == set()
    reasons = {k.code: k.reason for k in result.skipped}
    assert (
        reasons["KEPSEK_TIDAK_ADA"] == "kolom Jenis PTK / Tugas Tambahan tidak ada di file Dapodik"
    )
    assert set(reasons) == {"KEPSEK_TIDAK_ADA", "KEPSEK_BUKAN_ASN"}
