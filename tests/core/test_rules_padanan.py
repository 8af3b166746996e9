"""PADANAN_RAGU: doubtful matches, and what the operator's confirm/reject does to them."""

from __future__ import annotations

from dataclasses import replace

from checker_records import NEIGHBOUR, check, codes_of, one, pair, siasn

from operator_app.core.model import Decisions


def test_name_and_birth_date_only_is_doubtful() -> None:
    p, s = pair()
    alone = replace(p, nip=None, nik=None)
    result = check([alone], [s])
    assert codes_of(result, alone) == {"PADANAN_RAGU", "NIP_KOSONG"}
    f = one(result, "PADANAN_RAGU")
    assert (f.severity, f.ekinerja_message, f.match_by, f.match_score) == (
        "info",
        "",
        "nama_tgl_lahir",
        0.8,
    )
    assert "nama dan tanggal lahir" in f.detail and "Konfirmasi" in f.action and s.nama in f.action


def test_confirm_removes_padanan_ragu_and_keeps_the_other_findings() -> None:
    p, s = pair()
    alone = replace(p, nip=None, nik=None)
    confirm = Decisions(matches={alone.person_key: (s.person_key, "confirm")})
    result = check([alone], [s], decisions=confirm)
    assert codes_of(result, alone) == {"NIP_KOSONG"}
    assert one(result, "NIP_KOSONG").match_by == "manual"


def test_reject_removes_the_match_and_its_findings() -> None:
    p, s = pair()
    alone = replace(p, nip=None, nik=None)
    reject = Decisions(matches={alone.person_key: (s.person_key, "reject")})
    result = check([alone], [s], decisions=reject)
    assert result.matches[alone.id].siasn_id is None
    assert codes_of(result, alone) == {"ASN_TIDAK_DITEMUKAN"}


def test_several_candidates_without_one_at_the_school() -> None:
    p, s = pair()
    alone = replace(p, nip=None, nik=None)
    twins = [
        replace(s, unor_nama=NEIGHBOUR.name),
        siasn(s.nama, s.tanggal_lahir, "P", unor="SD NEGERI 9 X"),
    ]
    result = check([alone], twins)
    assert codes_of(result, alone) == {"PADANAN_RAGU"}
    f = one(result, "PADANAN_RAGU")
    assert "2 baris SIASN" in f.detail and f.siasn_id is None and f.match_score == 0.5


def test_firm_matches_are_not_doubtful() -> None:
    p, s = pair()
    assert "PADANAN_RAGU" not in codes_of(check([p], [s]))
    by_nik = replace(p, nip=None)
    assert codes_of(check([by_nik], [s]), by_nik) == {"NIP_KOSONG"}
