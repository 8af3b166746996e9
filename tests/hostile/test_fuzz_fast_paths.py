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


# CSV text from the characters that matter to a reader: the delimiters, quotes, every line
# break str.splitlines knows, NUL, spaces and a few letters.
_CSV_TEXT = st.text(
    alphabet=st.sampled_from(
        list('|,;\t"\r\n \x00\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029') + list("ab'1é")
    ),
    max_size=120,
)


def _csv_module_rows(text: str, delim: str) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))


@fuzz(400)
@given(_CSV_TEXT)
def test_csv_lines_are_the_lines_csv_sees(text: str) -> None:
    import io

    from operator_app.sources import csv_rows

    assert list(csv_rows._lines(text)) == list(io.StringIO(text, newline=""))


@fuzz(400)
@given(_CSV_TEXT, st.sampled_from(["|", ",", ";", "\t"]))
def test_plain_csv_split_equals_the_csv_module(text: str, delim: str) -> None:
    from operator_app.sources import csv_rows

    if not csv_rows.plain(text):  # quotes or NUL: the csv module reads it
        return
    got = list(csv_rows.split_rows(csv_rows._lines(text), delim))
    assert got == _csv_module_rows(text, delim)


def test_csv_lines_blocks_keep_crlf_pairs_together(monkeypatch) -> None:
    import io

    from operator_app.sources import csv_rows

    monkeypatch.setattr(csv_rows, "_BLOCK", 3)  # many tiny blocks, cut next to every CR LF
    text = "a|b\r\nc\r\n\r\nd|e\rf\n\ng|h\r\n" * 5
    assert list(csv_rows._lines(text)) == list(io.StringIO(text, newline=""))
    assert list(csv_rows.split_rows(csv_rows._lines(text), "|")) == _csv_module_rows(text, "|")


def test_plain_csv_refuses_an_oversized_field_like_the_csv_module(tmp_path) -> None:
    import pytest

    from operator_app.core.errors import BadFileError
    from operator_app.sources.csv_rows import FIELD_LIMIT, read_csv

    big = "x" * (FIELD_LIMIT + 1)
    for text in (f"NAMA|NIP_BARU\nA|1\nB|{big}\n", f'NAMA|NIP_BARU\nA|"1"\nB|{big}\n'):
        with pytest.raises(BadFileError) as err:
            list(read_csv(text, tmp_path / "siasn.csv").rows())
        assert (
            "baris 3" in err.value.message and "field larger than field limit" in err.value.message
        )
    wide = "|".join(["y" * 2500] * 500)  # a line over the limit, of small fields: fine for both
    assert len(wide) > FIELD_LIMIT
    assert [len(r) for r in read_csv(f"A|B\n{wide}\n", tmp_path / "w.csv").rows()] == [2, 500]


@fuzz(400)
@given(
    st.text(
        alphabet=st.sampled_from([*'|"\\\r\n\t\x00\x01\x1f\x7f\x85\u2028 ab1é€', "\ud800"]),
        max_size=120,
    )
)
def test_plain_json_of_csv_rows_equals_the_json_encoder(text: str) -> None:
    """Where a CSV text is marked plain_json, joining the cells gives the encoder's JSON."""
    from pathlib import Path

    from operator_app.core.errors import BadFileError
    from operator_app.sources.csv_rows import read_csv

    try:
        table = read_csv("A|B\n" + text, Path("x.csv"))
        rows = list(table.rows())
    except BadFileError:
        return
    if table.plain_json:
        for row in rows:
            assert records._plain_json(row) == records._raw_json(row)  # type: ignore[arg-type]
    else:  # only a quote or a character JSON escapes turns the join off
        assert any(ch in text for ch in '"\\\t\x00\x01\x1f')


def test_district_csv_is_read_on_the_fast_paths(tmp_path) -> None:
    """The BKD's pipe CSV (apostrophes, null, no quotes) takes both fast paths, and quoting a
    single cell sends it back to the csv module with the same rows."""
    from operator_app.samples.district import build_district
    from operator_app.sources.detect import detect_file

    files = build_district(10, seed=2, ptk_per_school=5).write(tmp_path / "x")
    csv_path = next(p for p in files.all if p.suffix == ".csv")
    table, _ = detect_file(csv_path)
    assert table.plain_json
    fast = list(table.rows())
    text = csv_path.read_text(encoding="utf-8-sig")
    quoted = tmp_path / "quoted.csv"
    quoted.write_text(text + '"x"|y\n', "utf-8")
    slow, _ = detect_file(quoted)
    assert not slow.plain_json
    assert list(slow.rows())[:-1] == fast


def test_csv_lines_hold_one_block_also_for_cr_only_files() -> None:
    """Excel's "CSV (Macintosh)" ends lines with CR alone: the lines are still cut a block at a
    time, not all at once (a 300 MB file would otherwise be held twice)."""
    import io
    import tracemalloc

    from operator_app.sources import csv_rows

    line = "|".join(["abcdefghij"] * 10)
    text = "A|B\r" + (line + "\r") * 60_000  # 6.6 MB, no LF at all
    tracemalloc.start()
    try:
        lines = csv_rows._lines(text)
        first = next(lines)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert first == "A|B\r"
    assert held < 3 * csv_rows._BLOCK  # about one block of lines, not the 6.6 MB text again
    assert [first, *lines] == list(io.StringIO(text, newline=""))


def test_plain_json_looks_past_the_first_block() -> None:
    from operator_app.sources import csv_rows

    clean = "A|B\n" + "x|y\n" * (csv_rows._BLOCK // 2)
    assert len(clean) > 2 * csv_rows._BLOCK and csv_rows.json_plain(clean)
    for late in ("\\", "\t", "\x1f"):
        assert not csv_rows.json_plain(clean + f"a{late}b|c\n")


def test_a_field_of_exactly_the_limit_is_read_on_both_paths(tmp_path) -> None:
    from operator_app.sources.csv_rows import FIELD_LIMIT, read_csv

    edge = "z" * FIELD_LIMIT
    for text in (f"NAMA|NIP_BARU\nA|{edge}\n", f'NAMA|NIP_BARU\n"A"|{edge}\n'):
        rows = list(read_csv(text, tmp_path / "edge.csv").rows())
        assert len(rows[1][1]) == FIELD_LIMIT
