"""Dates as Dapodik and SIASN write them: text in several orders, Excel serials, Indonesian months."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_app.core.dates import format_date, parse_date, parse_datetime


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1967-11-10", date(1967, 11, 10)),
        ("10-11-1967", date(1967, 11, 10)),
        ("10/11/1967", date(1967, 11, 10)),
        ("1967/11/10", date(1967, 11, 10)),
        ("10.11.1967", date(1967, 11, 10)),
        ("1-2-1990", date(1990, 2, 1)),
        ("2024-01-02 10:11:12", date(2024, 1, 2)),
        ("2024-01-02T10:11:12", date(2024, 1, 2)),
        ("02-01-2024 10:11", date(2024, 1, 2)),
        ("10 November 1967", date(1967, 11, 10)),
        ("10 Nop 1967", date(1967, 11, 10)),
        ("10 Nopember 1967", date(1967, 11, 10)),
        ("10-Agu-1990", date(1990, 8, 10)),
        ("10 Agustus 1990", date(1990, 8, 10)),
        ("17 AGT 1945", date(1945, 8, 17)),
        ("1 Mei 1980", date(1980, 5, 1)),
        ("25 Des 1975", date(1975, 12, 25)),
        ("5 Okt. 1988", date(1988, 10, 5)),
        ("Senin, 10 Agustus 1990", date(1990, 8, 10)),
        ("'1985-01-01", date(1985, 1, 1)),
        ("\u00a01985-01-01 ", date(1985, 1, 1)),
        (date(1985, 1, 1), date(1985, 1, 1)),
        (datetime(1985, 1, 1, 7, 30), date(1985, 1, 1)),
        (32874, date(1990, 1, 1)),
        (32874.75, date(1990, 1, 1)),
        ("32874", date(1990, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),
        (1, date(1900, 1, 1)),
    ],
)
def test_parse_date(value: object, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "null",
        "NULL",
        "-",
        "0000-00-00",
        "31-02-2020",
        "1985-13-01",
        "2023-02-29",
        "32 Januari 1990",
        "10 Foo 1990",
        "Agustus",
        "10-11-67",  # two-digit year: not guessed
        "11/10/1967x",
        60,  # 1900-02-29 exists only in Excel
        0,
        -5,
        10**30,
        float("nan"),
        float("inf"),
        True,
        b"1985-01-01",
    ],
)
def test_parse_date_none(value: object) -> None:
    assert parse_date(value) is None


def test_impossible_time() -> None:
    # The date part is still a date; only parse_datetime refuses an impossible time.
    assert parse_date("2024-01-02 25:00") == date(2024, 1, 2)
    assert parse_datetime("2024-01-02 25:00") is None


def test_day_first_never_month_first() -> None:
    assert parse_date("03/04/2020") == date(2020, 4, 3)
    assert parse_date("12/25/2020") is None


def test_parse_datetime() -> None:
    assert parse_datetime("2024-01-15 10:11:12") == datetime(2024, 1, 15, 10, 11, 12)
    assert parse_datetime("2024-01-15T10:11:12") == datetime(2024, 1, 15, 10, 11, 12)
    assert parse_datetime("15-01-2024 10:11") == datetime(2024, 1, 15, 10, 11)
    assert parse_datetime("15-01-2024 10.11.12 WIB") == datetime(2024, 1, 15, 10, 11, 12)
    assert parse_datetime("2024-01-15") == datetime(2024, 1, 15)
    assert parse_datetime(date(2024, 1, 15)) == datetime(2024, 1, 15)
    assert parse_datetime(45306.5) == datetime(2024, 1, 15, 12, 0)
    assert parse_datetime("2024-01-15 10:61:00") is None
    assert parse_datetime("bukan tanggal") is None
    assert parse_datetime(None) is None


def test_format_date() -> None:
    assert format_date(date(1967, 11, 10)) == "10-11-1967"
    assert format_date(date(2024, 1, 2)) == "02-01-2024"
    assert format_date(None) == ""


any_value = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.text(alphabet="0123456789-/.: TNopAgusDes'", max_size=30),
    st.dates(),
    st.datetimes(),
)


@given(any_value)
def test_parse_never_raises(value: object) -> None:
    d = parse_date(value)
    dt = parse_datetime(value)
    assert d is None or isinstance(d, date)
    assert dt is None or isinstance(dt, datetime)


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 12, 31)))
def test_round_trip_through_every_spelling(d: date) -> None:
    assert parse_date(format_date(d)) == d
    assert parse_date(d.isoformat()) == d
    assert parse_date(f"{d.day}/{d.month}/{d.year}") == d
    assert parse_date(f"{d.isoformat()}T08:00:00") == d
    serial = (d - date(1899, 12, 30)).days
    assert parse_date(serial) == d
    assert parse_date(float(serial) + 0.25) == d
