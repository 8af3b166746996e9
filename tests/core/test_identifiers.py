"""NIP/NIK cleaning and reading: real layouts, spreadsheet damage, and decoys that must not fire."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_app.core.identifiers import (
    NipInfo,
    clean_identifier,
    differing_positions,
    is_nip_lama,
    lost_precision,
    nik_problem,
    nip_problem,
    parse_nik,
    parse_nip,
)

TODAY = date(2025, 1, 15)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("196711101992031001", "196711101992031001"),
        ("'196711101992031001", "196711101992031001"),
        ("’196711101992031001", "196711101992031001"),
        ("`196711101992031001", "196711101992031001"),
        ("\u00a0 '196711101992031001 \u00a0", "196711101992031001"),
        ("19740512 199903 1 002", "197405121999031002"),
        ("19740512.199903.1.002", "197405121999031002"),
        ("19740512-199903-1-002", "197405121999031002"),
        ("198501012010012000.0", "198501012010012000"),
        ("null", None),
        ("NULL", None),
        ("None", None),
        ("-", None),
        ("", None),
        ("   ", None),
        (None, None),
        # Not digits with separators: returned as written, so that a rule can say what is wrong.
        ("1.98501E+17", "1.98501E+17"),
        ("19740512 199903 1 00X", "19740512 199903 1 00X"),
        ("-196711101992031001", "-196711101992031001"),
        ("NIP 196711101992031001", "NIP 196711101992031001"),
    ],
)
def test_clean_identifier_text(raw: object, expected: str | None) -> None:
    assert clean_identifier(raw) == expected


def test_clean_identifier_numeric_cell_shows_what_excel_shows() -> None:
    # 198501012010012003 typed into a numeric cell: Excel keeps 15 significant digits.
    assert clean_identifier(1.98501012010012e17) == "198501012010012000"
    assert clean_identifier(float("198501012010012003")) == "198501012010012000"
    assert clean_identifier(3201234512850003.0) == "3201234512850000"
    assert clean_identifier(123456789) == "123456789"
    assert clean_identifier(123456789.0) == "123456789"
    assert clean_identifier(float("nan")) is None
    assert clean_identifier(True) is None
    assert "e" not in (clean_identifier(1e20) or "")


@given(st.integers(min_value=0, max_value=10**18 - 1), st.sampled_from([" ", ".", "-", "  "]))
def test_spaced_formatting_is_the_plain_digits(n: int, sep: str) -> None:
    digits = str(n).zfill(18)
    spaced = sep.join([digits[:8], digits[8:14], digits[14], digits[15:]])
    assert clean_identifier(spaced) == digits
    assert clean_identifier("'" + spaced + " ") == digits


@given(st.one_of(st.text(), st.floats(), st.integers(), st.none(), st.booleans()))
def test_clean_identifier_never_raises(value: object) -> None:
    result = clean_identifier(value)
    assert result is None or (isinstance(result, str) and result == result.strip())


@pytest.mark.parametrize(
    "text",
    [
        "1.98501E+17",
        "1,98501E+17",
        "1.98501e17",
        "198501012010012000.0",
        "3201234512850000,0",
        "198501012010012000",
    ],
)
def test_lost_precision(text: str) -> None:
    assert lost_precision(text)


@pytest.mark.parametrize(
    "text",
    ["196711101992031001", "3201234512850000", "123456789", "19740512 199903 1 002", "ABC", ""],
)
def test_lost_precision_decoys(text: str) -> None:
    assert not lost_precision(text)


def test_parse_nip_pns() -> None:
    assert parse_nip("196711101992031001") == NipInfo(
        kind="pns", birth_date=date(1967, 11, 10), tmt="1992-03", sex="L", problems=()
    )


def test_parse_nip_pns_woman_tmt_december() -> None:
    info = parse_nip("198502142009122003")
    assert (info.kind, info.birth_date, info.tmt, info.sex, info.problems) == (
        "pns",
        date(1985, 2, 14),
        "2009-12",
        "P",
        (),
    )


def test_parse_nip_pppk() -> None:
    assert parse_nip("200012312024211001") == NipInfo(
        kind="pppk", birth_date=date(2000, 12, 31), tmt="2024", sex="L", problems=()
    )
    assert parse_nip("199003152023212015").sex == "P"


@pytest.mark.parametrize(
    ("nip", "problem"),
    [
        ("19671110199203100", "NIP harus 18 digit, tertulis 17 digit"),
        ("1967111019920310011", "NIP harus 18 digit, tertulis 19 digit"),
        ("19671110199203100A", "NIP berisi karakter bukan angka"),
        ("198513401992031001", "tanggal lahir di NIP (digit 1-8) bukan tanggal yang ada: 19851340"),
        ("198502301992031001", "tanggal lahir di NIP (digit 1-8) bukan tanggal yang ada: 19850230"),
        ("196711101992131001", "bulan TMT di NIP (digit 13-14) tidak valid: 13"),
        ("196711101992001001", "bulan TMT di NIP (digit 13-14) tidak valid: 00"),
        ("196711101992033001", "digit jenis kelamin (digit 15) harus 1 atau 2, tertulis 3"),
        ("196711101992031000", "nomor urut di NIP (digit 16-18) tidak boleh 000"),
        ("200012312024201001", "digit angkatan PPPK di NIP (digit 14) harus 1-9, tertulis 0"),
        (
            "196711101992531001",
            "digit ke-13 NIP harus 0 atau 1 (bulan TMT PNS) atau 2 (PPPK), tertulis 5",
        ),
        (
            "196711101970031001",
            "tahun TMT di NIP (digit 9-12) tidak masuk akal: 1970, padahal lahir tahun 1967",
        ),
    ],
)
def test_parse_nip_problems(nip: str, problem: str) -> None:
    assert problem in parse_nip(nip).problems


def test_parse_nip_malformed_kind_is_none() -> None:
    assert parse_nip("196711101992131001").kind is None
    assert parse_nip("196711101992531001").kind is None


def test_nip_problem_numeric_always_reported() -> None:
    text = nip_problem("198501012010012000", from_numeric=True)
    assert text is not None
    assert text.startswith("NIP tersimpan sebagai angka di Excel sehingga digit terakhir hilang")
    assert "198501012010012000" in text
    # Even a NIP that looks clean is damaged when it came from a number cell.
    assert nip_problem("196711101992031001", from_numeric=True) is not None
    # Scientific text is the same damage, whatever the caller says.
    assert nip_problem("1.98501E+17", from_numeric=False) is not None


def test_nip_problem_sentences() -> None:
    assert nip_problem("19671110199203100", False) == "NIP harus 18 digit, tertulis 17 digit."
    two = nip_problem("198513401992131001", False)
    assert two is not None
    assert two.startswith("Tanggal lahir di NIP") and "bulan TMT" in two and two.endswith(".")


@pytest.mark.parametrize("nip", [None, "", "196711101992031001", "200012312024211001", "131234567"])
def test_nip_problem_none(nip: str | None) -> None:
    # Empty is NIP_KOSONG and 9 digits is a NIP lama: neither is NIP_RUSAK.
    assert nip_problem(nip, from_numeric=False) is None


def test_is_nip_lama() -> None:
    assert is_nip_lama("131234567")
    assert not is_nip_lama("13123456")
    assert not is_nip_lama("1312345678")
    assert not is_nip_lama("13123456A")
    assert not is_nip_lama(None)
    assert not is_nip_lama("196711101992031001")


def test_parse_nik_woman_day_plus_40() -> None:
    info = parse_nik("3201234512850003", today=TODAY)
    assert (info.birth_date, info.sex, info.problems) == (date(1985, 12, 5), "P", ())


def test_parse_nik_man() -> None:
    info = parse_nik("3374011011670002", today=TODAY)
    assert (info.birth_date, info.sex, info.problems) == (date(1967, 11, 10), "L", ())


def test_parse_nik_century_keeps_age_between_15_and_100() -> None:
    assert parse_nik("3201230101050001", today=TODAY).birth_date == date(2005, 1, 1)
    assert parse_nik("3201230101300001", today=TODAY).birth_date == date(1930, 1, 1)
    assert parse_nik("3201230101240001", today=date(2040, 6, 1)).birth_date == date(2024, 1, 1)
    # Neither century fits (age 101 or 1): the nearer one to the 15-100 range wins.
    assert parse_nik("3201230101240001", today=TODAY).birth_date == date(1924, 1, 1)
    assert parse_nik("3201230101250001", today=date(2045, 6, 1)).birth_date == date(2025, 1, 1)


def test_parse_nik_leap_day_picks_a_real_century() -> None:
    # 29-02-00 exists in 2000 only.
    assert parse_nik("3201232902000001", today=TODAY).birth_date == date(2000, 2, 29)


@pytest.mark.parametrize(
    ("nik", "problem"),
    [
        ("320123451285000", "NIK harus 16 digit, tertulis 15 digit"),
        ("320123451285000X", "NIK berisi karakter bukan angka"),
        ("3201233212850003", "tanggal lahir di NIK (digit 7-12) bukan tanggal yang ada: 321285"),
        ("3201237212850003", "tanggal lahir di NIK (digit 7-12) bukan tanggal yang ada: 721285"),
        ("3201231513850003", "tanggal lahir di NIK (digit 7-12) bukan tanggal yang ada: 151385"),
        ("3201230001850003", "tanggal lahir di NIK (digit 7-12) bukan tanggal yang ada: 000185"),
        ("3201234512850000", "nomor urut di NIK (digit 13-16) tidak boleh 0000"),
        ("0001234512850003", "kode provinsi di NIK (digit 1-2) tidak ada: 00"),
    ],
)
def test_parse_nik_problems(nik: str, problem: str) -> None:
    assert problem in parse_nik(nik, today=TODAY).problems


def test_nik_problem_agreeing_is_none() -> None:
    assert nik_problem("3201234512850003", date(1985, 12, 5), "P") is None
    assert nik_problem("3201234512850003", date(1985, 12, 5), "Perempuan") is None
    assert nik_problem("3201234512850003", None, None) is None
    assert nik_problem(None, date(1985, 12, 5), "P") is None
    assert nik_problem("", date(1985, 12, 5), "P") is None


def test_nik_problem_date_and_sex_disagree() -> None:
    text = nik_problem("3201234512850003", date(1985, 12, 6), "L")
    assert text is not None
    assert "tidak sama dengan tanggal lahir 06-12-1985" in text
    assert "jenis kelamin tercatat L" in text


def test_nik_problem_man_recorded_as_woman() -> None:
    text = nik_problem("3374011011670002", date(1967, 11, 10), "P")
    assert text == "NIK menunjukkan laki-laki, sedangkan jenis kelamin tercatat P."


def test_nik_problem_numeric_and_length() -> None:
    numeric = nik_problem("3201234512850000", date(1985, 12, 5), "P", from_numeric=True)
    assert numeric is not None and numeric.startswith("NIK tersimpan sebagai angka di Excel")
    assert nik_problem("32012345128500", None, None) == "NIK harus 16 digit, tertulis 14 digit."


def test_differing_positions() -> None:
    assert differing_positions("196711101992031001", "196711101992031001") == ()
    assert differing_positions("196711101992031001", "196711101992031002") == (17,)
    assert differing_positions("196711101992031001", "196711011992031001") == (6, 7)
    assert differing_positions("123", "12345") == (3, 4)
    assert differing_positions("12345", "123") == (3, 4)
    assert differing_positions("", "12") == (0, 1)


@given(st.text(alphabet="0123456789", max_size=20), st.text(alphabet="0123456789", max_size=20))
def test_differing_positions_property(a: str, b: str) -> None:
    diff = differing_positions(a, b)
    assert diff == differing_positions(b, a)
    assert (diff == ()) == (a == b)
    assert all(i < max(len(a), len(b)) for i in diff)
