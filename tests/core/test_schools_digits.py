"""Digits are never fuzzy: names that differ only in a digit are two schools, wherever it is."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from operator_app.core.model import School
from operator_app.core.schools import compare_schools, same_school

MERGED = ("sama", "nomenklatur")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("SD NEGERI 1 SIDOMULYO SP1", "SD NEGERI 1 SIDOMULYO SP2"),
        ("SD NEGERI 1 SUKAMAJU1", "SD NEGERI 1 SUKAMAJU2"),
        ("SD NEGERI 1 BANJAR SARI BLOK A1", "SD NEGERI 1 BANJARSARI BLOK A2"),
        ("SD NEGERI 2 BLOK A2", "SD NEGERI 2 BLOK A3"),
        ("SD NEGERI 3 KM5", "SD NEGERI 3 KM6"),
        ("SD NEGERI 3 KM 5", "SD NEGERI 3 KM 15"),
        ("SD NEGERI 4 SUKAMAJU 2", "SD NEGERI 4 SUKAMAJU 3"),
        ("UPT SDN 4 TRANS SP 2", "SD NEGERI 4 TRANS SP 3"),
        ("SMP NEGERI 2 SATAP 1", "SMP NEGERI 2 SATAP 2"),
        ("SD NEGERI 5 DESA II", "SD NEGERI 5 DESA III"),
        ("SD NEGERI 6 UNIT 1 BLOK 2", "SD NEGERI 6 UNIT 2 BLOK 1"),  # the order counts too
    ],
)
def test_a_digit_inside_the_place_makes_another_school(a: str, b: str) -> None:
    assert compare_schools(a, b).verdict == "beda"
    assert not same_school(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("SD NEGERI 1 SIDOMULYO SP 1", "SD NEGERI 1 SIDOMULIO SP1"),  # letters fuzzy, digits equal
        ("SD NEGERI 3 SP 01", "UPT SDN 3 SP1"),
        ("SD NEGERI 1 KARANGANYAR 12", "SD NEGERI 1 KARANGANYAR12"),
    ],
)
def test_the_same_digits_written_apart_or_glued_still_agree(a: str, b: str) -> None:
    assert compare_schools(a, b).verdict in MERGED


_VILLAGES = ["SUKAMAJU", "SIDOMULYO", "KARANG ANYAR", "TANJUNG SARI", "MEKAR JAYA", "CIBADAK"]
_MARKS = ["", " SP{}", " SP {}", " BLOK A{}", " KM {}", " {}", "{}", " UNIT {} BLOK B"]
_FORMS = ["{level} NEGERI {number} {place}", "UPT {level}N {number} {place}",
          "UPTD {level} NEGERI {number:02d} {place}", "{level} Negeri {number} {place_title}"]  # fmt: skip


@st.composite
def names_with_digits(draw: st.DrawFn) -> tuple[str, str]:
    """A school whose place may carry digits, and another spelling of the same school."""
    level = draw(st.sampled_from(["SD", "SMP", "SMA", "SMK"]))
    number = draw(st.integers(1, 60))
    mark = draw(st.sampled_from(_MARKS)).format(draw(st.integers(1, 30)))
    place = draw(st.sampled_from(_VILLAGES)) + mark
    a, b = (
        draw(st.sampled_from(_FORMS)).format(
            level=level, number=number, place=place, place_title=place.title()
        )
        for _ in range(2)
    )
    return a, b


@given(names_with_digits(), st.data())
def test_changing_any_one_digit_never_merges(pair: tuple[str, str], data: st.DataObject) -> None:
    a, b = pair
    positions = [i for i, ch in enumerate(b) if ch.isdigit()]
    at = data.draw(st.sampled_from(positions))
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != b[at]]))
    changed = b[:at] + digit + b[at + 1 :]
    # Any other digit at any position changes the value of its run (a leading zero that
    # becomes 1-9 too), so `changed` is always another school.
    assert compare_schools(a, changed).verdict not in MERGED, (a, changed)
    assert compare_schools(changed, a).verdict not in MERGED, (changed, a)


@given(names_with_digits(), st.integers(0, 9))
def test_adding_a_digit_never_merges(pair: tuple[str, str], digit: int) -> None:
    a, b = pair
    for changed in (f"{b}{digit}", f"{b} {digit}"):
        assert compare_schools(a, changed).verdict not in MERGED, (a, changed)


@given(names_with_digits())
def test_two_spellings_with_place_digits_agree(pair: tuple[str, str]) -> None:
    a, b = pair
    assert compare_schools(a, b).verdict in MERGED, (a, b)


@given(names_with_digits(), st.data())
def test_home_school_never_picks_the_school_one_digit_away(
    pair: tuple[str, str], data: st.DataObject
) -> None:
    """The SIASN-side lookup (TIDAK_ADA_DI_DAPODIK, DUPLIKAT) names no digit-neighbour."""
    from checker_records import check_input
    from checker_records import pair as person

    from operator_app.core.rules.context import Context

    a, b = pair
    positions = [i for i, ch in enumerate(a) if ch.isdigit()]
    at = data.draw(st.sampled_from(positions))
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != a[at]]))
    neighbour = School(7, a[:at] + digit + a[at + 1 :])  # an id check_input does not use
    assume(compare_schools(a, neighbour.name).verdict not in MERGED)  # proven above
    p, _ = person("GURU SATU", date(1980, 1, 1), "L", school=neighbour)
    ctx = Context.build(check_input([p], [], with_head=False))
    assert ctx.home_school(b) is None
