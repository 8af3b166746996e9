"""Matching a Dapodik PTK to SIASN: NIP, NIP lama, NIK, name + birth date; decisions; ties."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from checker_records import NEIGHBOUR, SCHOOL, pair, ptk, siasn

from operator_app.core.matching import match_all
from operator_app.core.model import Decisions, Ptk, Siasn


def _at_school(p: Ptk, s: Siasn) -> bool:
    return s.unor_nama == p.school_name


def test_nip_first_with_titles_and_case_ignored() -> None:
    p, s = pair("Dra. Hj. SITI AMINAH, S.Pd.")
    m = match_all([p], [s], Decisions())[p.id]
    assert (m.siasn_id, m.by, m.score, m.doubtful) == (s.id, "nip", 1.0, False)


def test_the_whole_siasn_file_is_searched() -> None:
    p, s = pair()
    others = [siasn(f"GURU {i}", date(1980, 1, 1 + i % 28), "L", unor=f"SD NEGERI {i} X")
              for i in range(50)]  # fmt: skip
    moved = replace(s, unor_nama="UPT SMP NEGERI 2 CIBEBER")
    m = match_all([p], [*others, moved], Decisions())[p.id]
    assert (m.siasn_id, m.by) == (moved.id, "nip")


def test_nip_lama_then_nik() -> None:
    p, s = pair()
    s = replace(s, nip_lama="131234567")
    by_lama = replace(p, nip="131234567", nip_raw="131234567")
    m = match_all([by_lama], [s], Decisions())[by_lama.id]
    assert (m.siasn_id, m.by, m.score) == (s.id, "nip_lama", 1.0)
    numeric_lama = replace(by_lama, nip_numeric=True)  # 9 digits survive a number cell
    assert match_all([numeric_lama], [s], Decisions())[p.id].by == "nip_lama"
    wrong_nip = replace(p, nip=p.nip[:-3] + "777")  # type: ignore[index]
    m = match_all([wrong_nip], [s], Decisions())[p.id]
    assert (m.siasn_id, m.by, m.score, m.doubtful) == (s.id, "nik", 1.0, False)


def test_numeric_nip_is_not_used_but_nik_still_matches() -> None:
    p, s = pair()
    broken = replace(p, nip=p.nip[:15] + "000", nip_numeric=True)  # type: ignore[index]
    s_same = replace(s, nip_baru=broken.nip)  # even an equal-looking NIP is not evidence
    m = match_all([broken], [s_same], Decisions())[p.id]
    assert m.by == "nik"


def test_name_and_birth_date_is_doubtful() -> None:
    p, s = pair()
    alone = replace(p, nip=None, nip_raw=None, nik=None)
    m = match_all([alone], [s], Decisions())[p.id]
    assert (m.siasn_id, m.by, m.score, m.doubtful, m.candidates) == (
        s.id, "nama_tgl_lahir", 0.8, True, (s.id,))  # fmt: skip


def test_homonym_with_another_nik_is_never_a_match() -> None:
    p = ptk("SITI AMINAH", date(1985, 1, 1), "P", nip=None)
    other = siasn("SITI AMINAH", date(1985, 1, 1), "P", nik="3203014101859999",
                  unor="UPT SDN 2 CIBEBER")  # fmt: skip
    m = match_all([p], [other], Decisions())[p.id]
    assert (m.siasn_id, m.by, m.candidates) == (None, None, ())


def test_name_key_is_computed_when_missing() -> None:
    p, s = pair()
    alone = replace(p, nip=None, nik=None, nama_key="")
    m = match_all([alone], [replace(s, nama_key="")], Decisions())[p.id]
    assert m.by == "nama_tgl_lahir"


def test_several_candidates_one_at_school_is_taken_but_doubtful() -> None:
    p, s = pair()
    twin = replace(s, id=9999, row=4000, unor_nama="DINAS PENDIDIKAN KABUPATEN CIANJUR")
    m = match_all([p], [s, twin], Decisions(), _at_school)[p.id]
    assert (m.siasn_id, m.by, m.score, m.doubtful) == (s.id, "nip", 0.5, True)
    assert set(m.candidates) == {s.id, twin.id}
    elsewhere = replace(s, unor_nama=NEIGHBOUR.name)
    m = match_all([p], [elsewhere, twin], Decisions(), _at_school)[p.id]
    assert m.siasn_id is None and m.doubtful and len(m.candidates) == 2
    assert match_all([p], [s, twin], Decisions())[p.id].siasn_id is None  # no tie-breaker


def test_confirm_makes_a_firm_manual_match() -> None:
    p, s = pair()
    alone = replace(p, nip=None, nik=None)
    decisions = Decisions(matches={alone.person_key: (s.person_key, "confirm")})
    m = match_all([alone], [s], decisions)[p.id]
    assert (m.siasn_id, m.by, m.score, m.doubtful) == (s.id, "manual", 1.0, False)
    gone = Decisions(matches={alone.person_key: ("siasn:000000000000000000", "confirm")})
    assert match_all([alone], [s], gone)[p.id].by == "nama_tgl_lahir"


def test_reject_removes_the_candidate_and_matching_goes_on() -> None:
    p, s = pair()
    alone = replace(p, nip=None, nik=None)
    decisions = Decisions(matches={alone.person_key: (s.person_key, "reject")})
    m = match_all([alone], [s], decisions)[p.id]
    assert (m.siasn_id, m.by, m.candidates) == (None, None, ())
    # with two name+date candidates, rejecting one leaves the other (still doubtful)
    s2 = siasn(s.nama, s.tanggal_lahir, "P", unor=NEIGHBOUR.name)
    m = match_all([alone], [s, s2], decisions)[p.id]
    assert (m.siasn_id, m.by, m.doubtful) == (s2.id, "nama_tgl_lahir", True)


def test_every_rejection_is_remembered() -> None:
    p, s = pair()
    alone = replace(p, nip=None, nik=None)
    s2 = siasn(s.nama, s.tanggal_lahir, "P", unor=NEIGHBOUR.name)
    decisions = Decisions(
        matches={alone.person_key: (s2.person_key, "reject")},
        rejections=frozenset({(alone.person_key, s.person_key), (alone.person_key, s2.person_key)}),
    )
    m = match_all([alone], [s, s2], decisions)[p.id]
    assert (m.siasn_id, m.candidates) == (None, ())


def test_every_ptk_gets_a_match_record() -> None:
    p, s = pair()
    honorer = ptk("AHMAD FAUZI", date(1995, 3, 4), "L", nip=None, status="Guru Honor Sekolah",
                  school=SCHOOL)  # fmt: skip
    got = match_all([p, honorer], [s], Decisions())
    assert set(got) == {p.id, honorer.id}
    assert (got[honorer.id].siasn_id, got[honorer.id].by, got[honorer.id].score) == (None, None, 0)
