"""Readers remembered by the rules answer exactly as the plain functions (issue 16, perf6)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from operator_app.core import names, status
from operator_app.core.rules import kepsek
from operator_app.core.rules import status as status_rules

_STATUS_WORDS = ["PNS", "cpns", "P3K", "pppk paruh waktu", "Honor Daerah TK.I Provinsi",
                 "GTY/PTY", "non asn", "Guru Honor Sekolah", "1", "03.0", " ", "Kepala Sekolah",
                 "Wakil Kepala Sekolah", "Plt. Kepala Sekolah", "Guru Kelas", "pensiun", "99",
                 "Aktif", "Tugas Belajar", "CLTN"]  # fmt: skip
_text = st.one_of(st.none(), st.sampled_from(_STATUS_WORDS), st.text(max_size=30))


@given(_text)
def test_status_remembered_is_the_plain_function(text: str | None) -> None:
    assert status_rules.normalise_status(text) == status.normalise_status(text)
    assert status_rules.normalise_status(text) == status.normalise_status(text)


@given(_text, _text)
def test_kedudukan_remembered_is_the_plain_function(kid: str | None, nama: str | None) -> None:
    assert status_rules.kedudukan_state(kid, nama) == status.kedudukan_state(kid, nama)
    assert status_rules.kedudukan_state(kid, nama) == status.kedudukan_state(kid, nama)


@given(_text, _text)
def test_kepala_sekolah_remembered_is_the_plain_function(
    jenis: str | None, tugas: str | None
) -> None:
    assert kepsek.is_kepala_sekolah(jenis, tugas) == status.is_kepala_sekolah(jenis, tugas)
    assert kepsek.is_kepala_sekolah(jenis, tugas) == status.is_kepala_sekolah(jenis, tugas)


@given(
    st.one_of(
        st.sampled_from(["L", "p", "Laki-laki", "PEREMPUAN", " l ", "1", "2", "Pria", "x"]),
        st.text(max_size=12),
        st.none(),
        st.booleans(),
        st.integers(0, 3),
        st.floats(),
    )
)
def test_jk_remembered_is_the_plain_function(value: object) -> None:
    assert names.normalise_jk(value) == names._normalise_jk_plain(value)
    assert names.normalise_jk(value) == names._normalise_jk_plain(value)


def test_remembered_readers_keep_their_answers() -> None:
    assert status_rules.normalise_status("P3K") == status.normalise_status("PPPK")
    assert status_rules.kedudukan_state("99", None) == "tidak_aktif"
    assert kepsek.is_kepala_sekolah("Guru", "Plt. Kepala Sekolah")
    assert not kepsek.is_kepala_sekolah("Guru", "Wakil Kepala Sekolah")
    assert names.normalise_jk("Perempuan") == "P" and names.normalise_jk(True) is None
    assert names.normalise_jk(1) == "L"
