"""Hypothesis on the normalisers: any input gives the documented type and never an exception;
idempotence and round trips where the function promises them."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta

from fuzzing import fuzz
from hypothesis import example, given
from hypothesis import strategies as st

from operator_app.core.dates import format_date, parse_date, parse_datetime
from operator_app.core.identifiers import (
    NikInfo,
    NipInfo,
    clean_identifier,
    differing_positions,
    lost_precision,
    nik_problem,
    nip_problem,
    parse_nik,
    parse_nip,
)
from operator_app.core.names import name_key, normalise_jk, repair_mojibake, strip_titles
from operator_app.sources.cells import cell_text, date_text, identifier_text
from operator_app.sources.csv_rows import _lines, sniff_delimiter
from operator_app.sources.layouts import canonical_field, normalise_header
from operator_app.sources.readers import _decode
from operator_app.sources.records import _text

# Every kind of value a reader hands on: calamine gives i64 integers, floats, bools, dates,
# datetimes, times and durations; CSV and SpreadsheetML give text.
CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.text(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
)
TITLES = [
    "Dr.", "Dra.", "Drs.", "Drs", "H.", "Hj.", "Hj", "KH.", "Prof.", "Ir.", "Ns.", "S.Pd.", "S.Pd",
    "M.Pd.", "S.Pd.I", "S.Pd.SD", "S.Ag.", "SE", "S.E.", "S.Kom", "S.H.", "M.M.", "M.Si.", "Gr.",
    "S.Pd.Gr", "A.Ma.Pd", "Lc.", "S.S.", "MA", "MH", "DR", "H", "IR",
]  # fmt: skip
WORDS = st.from_regex(r"[A-Za-zÀ-ÿ'’`\-]{1,9}", fullmatch=True)
NAMES = st.lists(st.one_of(st.sampled_from(TITLES), WORDS), min_size=1, max_size=8).flatmap(
    lambda parts: st.lists(
        st.sampled_from([" ", ", ", ". ", "  ", ",", "\u00a0", " - "]),
        min_size=len(parts) - 1,
        max_size=len(parts) - 1,
    ).map(lambda seps: "".join(p + s for p, s in zip(parts, [*seps, ""], strict=True)))
)
DIGITS = st.from_regex(r"[0-9]{1,20}", fullmatch=True)
IDENTIFIERS = st.one_of(
    st.text(),
    DIGITS,
    DIGITS.map(lambda d: "'" + d),
    DIGITS.map(lambda d: " ".join(d[i : i + 4] for i in range(0, len(d), 4))),
    DIGITS.map(lambda d: d + ".0"),
    st.from_regex(r"[0-9]\.[0-9]{1,5}E\+1[5-7]", fullmatch=True),
)


# -- names -------------------------------------------------------------------------------------


@fuzz(300)
@given(st.one_of(NAMES, st.text()))
@example("H¼")  # was "H1 4", then "4": the code of "H1" is the title "H"
@example("DR DR DR DR DR DR DR SITI")
@example("Siti, S.Pd., M.Pd., S.Pd., M.Pd., S.Pd., M.Pd.")
def test_name_key_is_a_fixed_point(name: str) -> None:
    key = name_key(name)
    assert isinstance(key, str)
    assert name_key(key) == key
    assert key == " ".join(key.split())


@fuzz(300)
@given(st.one_of(NAMES, st.text()))
def test_strip_titles_keeps_something(name: str) -> None:
    out = strip_titles(name)
    assert isinstance(out, str)
    assert bool(out.strip()) == bool(name.strip())


@fuzz(200)
@given(st.one_of(CELLS, st.sampled_from(["L", "p", " Laki-laki ", "WANITA", "2", 1.0, 2])))
def test_normalise_jk_answers_l_p_or_none(value: object) -> None:
    assert normalise_jk(value) in ("L", "P", None)


_LATIN = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,'-"
_ACCENTED = "éèêëÉÈáàâäÁÀíìîïÍóòôöÓúùûüÚÜñÑçÇ–—‘’“”…€ß"


def _as_cp1252(byte: int) -> str:
    """How Windows shows a byte: cp1252, or Latin-1 for its five undefined bytes (0x81, ...)."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


@fuzz(300)
@given(st.text(alphabet=_LATIN + _ACCENTED))
def test_repair_mojibake_undoes_utf8_read_as_cp1252(text: str) -> None:
    mangled = "".join(_as_cp1252(b) for b in text.encode("utf-8"))
    assert repair_mojibake(mangled) == text
    # Correct text is left alone when its accents are letters. A letter followed by cp1252
    # symbols is ambiguous by design: "Ç–" is also the mojibake of "ǖ", and is repaired as such.
    letters = "".join(c for c in text if c.isalnum() or c == " ")
    assert repair_mojibake(letters) == letters


@fuzz(200)
@given(st.text())
def test_repair_mojibake_total(text: str) -> None:
    out = repair_mojibake(text)
    assert isinstance(out, str)
    if text.isascii():
        assert out == text


# -- identifiers -------------------------------------------------------------------------------


@fuzz(300)
@given(IDENTIFIERS)
def test_clean_identifier_is_idempotent(text: str) -> None:
    once = clean_identifier(text)
    assert once is None or isinstance(once, str)
    if once is not None:
        assert clean_identifier(once) == once
    assert isinstance(lost_precision(text), bool)


@fuzz(200)
@given(CELLS)
def test_clean_identifier_takes_any_cell(value: object) -> None:
    out = clean_identifier(value)
    assert out is None or isinstance(out, str)


@fuzz(300)
@given(st.one_of(IDENTIFIERS, st.from_regex(r"[0-9]{18}", fullmatch=True)), st.dates())
def test_parse_nip_and_nik_never_raise(text: str, today: date) -> None:
    nip = parse_nip(text)
    assert isinstance(nip, NipInfo) and all(isinstance(p, str) for p in nip.problems)
    assert nip.kind in ("pns", "pppk", None)
    nik = parse_nik(text, today)
    assert isinstance(nik, NikInfo) and all(isinstance(p, str) for p in nik.problems)
    if len(text) != 18 or not text.isascii() or not text.isdigit():
        assert nip.problems  # only 18 ASCII digits can be a NIP


@fuzz(300)
@given(
    st.one_of(st.none(), IDENTIFIERS),
    st.booleans(),
    st.one_of(st.none(), st.dates()),
    st.one_of(st.none(), st.text(max_size=12)),
)
def test_nip_and_nik_problems_are_sentences_or_none(
    text: str | None, numeric: bool, born: date | None, jk: str | None
) -> None:
    for problem in (nip_problem(text, numeric), nik_problem(text, born, jk, numeric)):
        assert problem is None or (isinstance(problem, str) and problem.endswith("."))


@fuzz(200)
@given(st.text(max_size=30), st.text(max_size=30))
def test_differing_positions(a: str, b: str) -> None:
    pos = differing_positions(a, b)
    assert list(pos) == sorted(set(pos))
    assert all(0 <= i < max(len(a), len(b)) for i in pos)
    assert (pos == ()) == (a == b)


# -- dates -------------------------------------------------------------------------------------

DATE_TEXT = st.one_of(
    st.text(),
    st.from_regex(
        r"\s*'?[0-9]{1,4}[-/. ][0-9]{1,2}[-/. ][0-9]{1,4}( [0-9]{1,2}[:.][0-9]{2}(:[0-9]{2})?)?\s*",
        fullmatch=True,
    ),
    st.from_regex(
        r"[0-9]{1,2} ?(Januari|Feb|Agustus|Agt|Nop|Desember|Mei|Okt)\.? ?[0-9]{4}", fullmatch=True
    ),
    st.from_regex(r"[0-9]{5}([.,][0-9]{1,6})?", fullmatch=True),
)


@fuzz(300)
@given(st.one_of(CELLS, DATE_TEXT, st.integers(), st.floats(-1e9, 1e9)))
@example(10**5000)
def test_parse_date_and_datetime_never_raise(value: object) -> None:
    d = parse_date(value)
    assert d is None or isinstance(d, date)
    dt = parse_datetime(value)
    assert dt is None or isinstance(dt, datetime)


@fuzz(300)
@given(st.dates(min_value=date(1000, 1, 1)))
def test_dates_round_trip(d: date) -> None:
    assert parse_date(format_date(d)) == d
    assert parse_date(d.isoformat()) == d
    assert parse_date(f"{d.day}/{d.month}/{d.year}") == d
    assert re.fullmatch(r"[0-9]{2}-[0-9]{2}-[0-9]{4}", format_date(d))


@fuzz(200)
@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 12, 31)))
def test_excel_serials_round_trip(d: date) -> None:
    serial = (d - date(1899, 12, 30)).days
    assert parse_date(serial) == d
    assert parse_date(float(serial) + 0.25) == d


@fuzz(200)
@given(st.datetimes(min_value=datetime(1000, 1, 1)))
def test_datetime_round_trip(dt: datetime) -> None:
    dt = dt.replace(microsecond=0)
    assert parse_datetime(dt.strftime("%Y-%m-%d %H:%M:%S")) == dt


# -- headers and cells -------------------------------------------------------------------------


@fuzz(300)
@given(st.one_of(st.text(), st.sampled_from(["\ufeffPNS ID ", "Pns-Id", "NIP BARU", "Tgl. Lahir"])))
def test_normalise_header_is_idempotent(text: str) -> None:
    out = normalise_header(text)
    assert re.fullmatch(r"([a-z0-9]+(_[a-z0-9]+)*)?", out), out
    assert normalise_header(out) == out
    assert isinstance(canonical_field(text, "siasn"), str)
    assert isinstance(canonical_field(text, "dapodik"), str)


@fuzz(300)
@given(CELLS)
def test_cell_cleaning_total(value: object) -> None:
    text = cell_text(value)
    assert isinstance(text, str) and text == text.strip()
    assert cell_text(text) == text
    ident, damaged = identifier_text(value)
    assert isinstance(ident, str) and isinstance(damaged, bool)
    iso = date_text(value)
    assert iso == "" or date.fromisoformat(iso).isoformat() == iso


@fuzz(300)
@given(st.one_of(CELLS, st.text(alphabet=" \t\u00a0\u2003ab"), st.sampled_from(["null", " NULL "])))
def test_text_fast_path_matches_the_slow_one(value: object) -> None:
    assert _text([value], 0) == (" ".join(cell_text(value).split()) or None)


# -- text decoding and CSV lines ---------------------------------------------------------------


@fuzz(300)
@given(st.text())
def test_lines_split_like_stringio(text: str) -> None:
    assert list(_lines(text)) == list(io.StringIO(text, newline=""))


@fuzz(200)
@given(st.lists(st.tuples(st.text(alphabet=_LATIN + _ACCENTED, max_size=20), st.booleans())))
def test_mixed_utf8_and_cp1252_lines_decode(lines: list[tuple[str, bool]]) -> None:
    """Each line written in UTF-8 or cp1252 comes back as written (cp1252 lines that happen to
    be valid UTF-8 are the one ambiguity, and they need two or more accented letters in a row)."""
    data = b""
    expected = ""
    for text, cp1252 in lines:
        raw = (text + "\n").encode("cp1252" if cp1252 else "utf-8")
        data += raw
        try:
            expected += raw.decode("utf-8")
        except UnicodeDecodeError:
            expected += raw.decode("cp1252")
    if not any(cp for _, cp in lines):
        expected = expected.removeprefix("\ufeff")
    assert _decode(data, None) == expected


@fuzz(200)
@given(st.text(max_size=300))
def test_sniff_delimiter_picks_a_known_one(line: str) -> None:
    assert sniff_delimiter(line) in ("|", ",", ";", "\t")


def test_excel_serial_bounds() -> None:
    assert parse_date(60) is None  # 1900-02-29 never was
    assert parse_date(61) == date(1900, 3, 1)
    assert parse_date(float("nan")) is None
    assert parse_date(timedelta(days=3)) is None
