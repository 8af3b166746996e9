"""The remembered identifier readers answer exactly as the plain functions (issue 16, perf6)."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from operator_app.core import identifiers
from operator_app.core.identifiers import lost_precision, nip_problem, parse_nip

# NIP-shaped text: mostly 18 digits (every problem parse_nip knows), some other lengths,
# apostrophes, spaces, exponents, fractions and non-ASCII digits ("٣" is str.isdigit()).
_nipish = st.one_of(
    st.text(alphabet="0123456789", min_size=17, max_size=19),
    st.text(alphabet="0123456789 .,'eE+-\u0663\u00a0\u200b", max_size=22),
    st.text(max_size=20),
)


def _lost_precision_plain(text: str) -> bool:
    """lost_precision before its fast path (the formula as first written)."""
    t = re.sub(
        r"[\s\u200b\ufeff]+$",
        "",
        re.sub(r"^[\s\u200b\ufeff]*(?:['‘’`][\s\u200b\ufeff]*)*", "", text, count=1),
    )
    if re.fullmatch(r"[+-]?[0-9]+(?:[.,][0-9]*)?[eE][+-]?[0-9]+", t) or re.fullmatch(
        r"([0-9]+)[.,]0+", t
    ):
        return True
    return len(t) == 18 and re.fullmatch(r"[0-9]+", t) is not None and t.endswith("000")


@given(_nipish)
def test_parse_nip_remembered_is_the_plain_function(nip: str) -> None:
    first, again = parse_nip(nip), parse_nip(nip)
    assert first == again == parse_nip.__wrapped__(nip)


@given(st.one_of(st.none(), _nipish), st.booleans())
def test_nip_problem_remembered_is_the_plain_function(nip: str | None, numeric: bool) -> None:
    assert nip_problem(nip, numeric) == nip_problem.__wrapped__(nip, numeric)
    assert nip_problem(nip, numeric) == nip_problem.__wrapped__(nip, numeric)  # from the cache


@given(_nipish)
def test_lost_precision_fast_path_is_the_formula(text: str) -> None:
    assert lost_precision(text) == _lost_precision_plain(text)


@given(_nipish)
def test_is_digits_means_ascii_digits_only(text: str) -> None:
    assert identifiers._is_digits(text) == (re.fullmatch(r"[0-9]+", text) is not None)


def test_caches_are_bounded() -> None:
    assert parse_nip.cache_info().maxsize == nip_problem.cache_info().maxsize == 1 << 16
    assert parse_nip("198501012010012001").problems == ()
    assert nip_problem("198501012010012000", False) is not None  # 000 serial: lost digits


@given(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99), st.dates())
def test_nik_birth_date_remembered_is_the_plain_function(
    day: int, month: int, yy: int, today: date
) -> None:
    plain = identifiers._nik_birth_date.__wrapped__(day, month, yy, today)
    assert identifiers._nik_birth_date(day, month, yy, today) == plain
    assert identifiers._nik_birth_date(day, month, yy, today) == plain


@given(st.text(alphabet="0123456789", min_size=15, max_size=17), st.dates())
def test_parse_nik_with_remembered_dates_is_stable(nik: str, today: date) -> None:
    identifiers._nik_birth_date.cache_clear()
    first = identifiers.parse_nik(nik, today)
    assert identifiers.parse_nik(nik, today) == first
