"""The import's fast paths give exactly what the plain code gives (property tests)."""

from __future__ import annotations

from datetime import date, datetime

from fuzzing import fuzz
from hypothesis import given
from hypothesis import strategies as st

from operator_app.sources import cells, records

_CELL = st.one_of(
    st.text(),
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
)


@fuzz(300)
@given(st.lists(_CELL, max_size=80))
def test_raw_json_equals_json_encoder(row: list[object]) -> None:
    assert records._raw_json(row) == records._ENCODE(row)


@fuzz(300)
@given(
    st.one_of(
        st.dates().map(lambda d: d.strftime("%d-%m-%Y")),
        st.from_regex(r"\A[0-9]{2}-[0-9]{2}-[0-9]{4}\Z"),
        st.text(max_size=12),
    )
)
def test_date_text_cache_is_transparent(value: str) -> None:
    cells._DMY.clear()
    first = cells.date_text(value)
    assert cells.date_text(value) == first  # from the cache when it was a DD-MM-YYYY date
    cells._DMY.clear()
    assert cells.date_text(value) == first
    if first:
        d = date.fromisoformat(first)
        assert isinstance(d, date) and not isinstance(d, datetime)


@fuzz(300)
@given(
    st.one_of(
        st.from_regex(r"\A'?[0-9]{1,20}\Z"),
        st.from_regex(r"\A'?[0-9]{15}000\Z"),
        st.text(max_size=22).map(lambda t: "'" + t),
        st.text(max_size=22),
        st.sampled_from(sorted(cells.NULL_TEXTS | {"", " ", " null", "null "})),
        _CELL,
    )
)
def test_identifier_fast_paths_equal_the_plain_code(value: object) -> None:
    assert cells.identifier_text(value) == cells._identifier_slow(value)


@fuzz(300)
@given(
    st.one_of(
        st.dates().map(lambda d: d.strftime("%d-%m-%Y")),
        st.dates().map(lambda d: d.isoformat()),
        st.sampled_from(["", "null", "NULL", "-", "0000-00-00", " 01-02-2003 ", "31-02-2000"]),
        _CELL,
    )
)
def test_date_text_memory_equals_the_plain_code(value: object) -> None:
    cells._DMY.clear()
    plain = cells._date_text_plain(value)
    assert cells.date_text(value) == plain
    assert cells.date_text(value) == plain  # a text cell's answer now comes from memory
