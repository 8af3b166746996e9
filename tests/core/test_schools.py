"""School-name parsing and comparison: spellings of one school agree, numbers never blur."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from operator_app.core.schools import (
    SchoolName,
    compare_schools,
    parse_school,
    same_school,
    school_key,
)

# ---------------------------------------------------------------------------------------------
# parse_school / school_key


@pytest.mark.parametrize(
    ("name", "level", "status", "number", "place", "shift"),
    [
        ("SD NEGERI 4 SUKAMAJU", "SD", "NEGERI", 4, "SUKAMAJU", None),
        ("SDN RAWA BADAK 07 PG", "SD", "NEGERI", 7, "RAWA BADAK", "PAGI"),
        ("SD Negeri Rawa Badak 07 Petang", "SD", "NEGERI", 7, "RAWA BADAK", "PETANG"),
        ("SDN Kebon Jeruk 11 PT", "SD", "NEGERI", 11, "KEBON JERUK", "PETANG"),
        ("UPT Satuan Pendidikan SD Negeri Tangerang 6", "SD", "NEGERI", 6, "TANGERANG", None),
        ("UPT SATUAN PENDIDIKAN SDN TOYANING I", "SD", "NEGERI", 1, "TOYANING", None),
        ("SDN POHJENTREK II", "SD", "NEGERI", 2, "POHJENTREK", None),
        ("UPTD SD Negeri 01 Durian Gadang", "SD", "NEGERI", 1, "DURIAN GADANG", None),
        ("UPT SMA NEGERI 15 KOTA TANGERANG", "SMA", "NEGERI", 15, "TANGERANG", None),
        ("SMP Negeri 3 Cibadak Kab. Sukabumi", "SMP", "NEGERI", 3, "CIBADAK", None),
        ("SMP N. 2 Sukamaju Kec. Sukamaju", "SMP", "NEGERI", 2, "SUKAMAJU", None),
        ("SMA N 1 Bandung", "SMA", "NEGERI", 1, "BANDUNG", None),
        ("SD NEG. 5 MAWAR", "SD", "NEGERI", 5, "MAWAR", None),
        ("Sekolah Dasar Negeri 060883 Medan", "SD", "NEGERI", 60883, "MEDAN", None),
        ("SEKOLAH MENENGAH PERTAMA NEGERI 9 PALU", "SMP", "NEGERI", 9, "PALU", None),
        ("Unit Pelaksana Teknis Daerah SMKN 2 Metro", "SMK", "NEGERI", 2, "METRO", None),
        ("SDS Muhammadiyah 1 Yogyakarta", "SD", "SWASTA", 1, "MUHAMMADIYAH YOGYAKARTA", None),
        ("SMPS Kristen 3", "SMP", "SWASTA", 3, "KRISTEN", None),
        ("SD Muhammadiyah 1 Yogyakarta", "SD", None, 1, "MUHAMMADIYAH YOGYAKARTA", None),
        ("MAN 2 Kota Malang", "MA", "NEGERI", 2, "MALANG", None),
        ("SDIT Al-Hikmah", "SD", None, None, "IT AL HIKMAH", None),
        ("SD Islam Terpadu Al Hikmah", "SD", None, None, "IT AL HIKMAH", None),
        ("SD INPRES NO. 12 MAKASSAR", "SD", None, 12, "INPRES MAKASSAR", None),
        ("SD NEGERI 1 GUNUNG MAS", "SD", "NEGERI", 1, "GUNUNG MAS", None),
        ("  sd   negeri   4   sukamaju ", "SD", "NEGERI", 4, "SUKAMAJU", None),
        ("SD NEGERI 4 SUKAMÁJU", "SD", "NEGERI", 4, "SUKAMAJU", None),
    ],
)
def test_parse_school(
    name: str,
    level: str | None,
    status: str | None,
    number: int | None,
    place: str,
    shift: str | None,
) -> None:
    parsed = parse_school(name)
    assert (parsed.level, parsed.status, parsed.number, parsed.place, parsed.shift) == (
        level,
        status,
        number,
        place,
        shift,
    )
    assert parsed.raw == name
    assert parsed.is_school


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("UPT SDN 108 Gresik", "SD NEGERI 108 GRESIK"),
        ("SDN RAWA BADAK 07 PG", "SD NEGERI 7 RAWA BADAK PAGI"),
        ("UPT SMAN 29 Banyuasin", "SMA NEGERI 29 BANYUASIN"),
        ("UPT SMA Negeri 29 Banyuasin", "SMA NEGERI 29 BANYUASIN"),
        ("UPTD SD NEGERI 1 METRO BARAT", "SD NEGERI 1 METRO BARAT"),
        ("Dinas Pendidikan Kab. Lampung Tengah", "DINAS PENDIDIKAN KABUPATEN LAMPUNG TENGAH"),
        ("", ""),
    ],
)
def test_school_key(name: str, key: str) -> None:
    assert school_key(name) == key


@pytest.mark.parametrize(
    "name",
    ["DINAS PENDIDIKAN KAB X", "BIDANG PEMBINAAN SD", "KORWIL PENDIDIKAN KEC. SUKAMAJU", "UPT"],
)
def test_units_are_not_schools(name: str) -> None:
    parsed = parse_school(name)
    assert parsed.level is None
    assert not parsed.is_school
    assert parsed.number is None


def test_parse_is_cached() -> None:
    assert parse_school("SDN 4 Sukamaju") is parse_school("SDN 4 Sukamaju")
    assert isinstance(parse_school("x"), SchoolName)


# ---------------------------------------------------------------------------------------------
# compare_schools: realistic pairs


NOMENKLATUR = [
    ("SD Negeri 4 Pagi", "SDN 4 Pagi"),
    ("SD NEGERI 108 GRESIK", "UPT SDN 108 Gresik"),
    ("UPT SMA Negeri 29 Banyuasin", "UPT SMAN 29 Banyuasin"),
    ("SD NEGERI 6 TANGERANG", "UPT Satuan Pendidikan SD Negeri Tangerang 6"),
    ("SD NEGERI TOYANING 1", "UPT SATUAN PENDIDIKAN SDN TOYANING I"),
    ("SD NEGERI RAWA BADAK 07 PAGI", "SDN RAWA BADAK 07 PG"),
    ("SD NEGERI 1 DURIAN GADANG", "UPTD SD Negeri 01 Durian Gadang"),
    ("SMA NEGERI 15 TANGERANG", "UPT SMA NEGERI 15 KOTA TANGERANG"),
    ("SD NEGERI 1 METRO BARAT", "UPTD SD NEGERI 1 METRO BARAT"),
    ("SMP NEGERI 2 SUKAMAJU", "SMPN 2 Sukamaju"),
    ("SD NEGERI 3 SUKAMAJU", "SDN 3 SUKAMAJOE"),
    ("SD NEGERI 3 SUKAMAJU", "SD NEGERI 3 SUKA MAJU"),
    ("SD NEGERI 3 SUKAMAJU", "SD NEGERI 3 SUKAMAJUU"),
    ("SD NEGERI 3 SUKAMAJU", "SD NEGERI 3 SUKAMJU"),
    ("SD NEGERI 3 KARANGANYAR", "SD NEGERI 3 KARANGANJAR"),
    ("SD NEGERI 12 TANJUNG KARANG", "SD NEGERI 12 KARANG TANJUNG"),
    ("SD NEGERI POHJENTREK 2", "UPT SDN POHJENTREK II"),
    ("SMK NEGERI 2 METRO", "Unit Pelaksana Teknis Daerah SMKN 2 Metro"),
    ("SD NEGERI 060883 MEDAN", "SEKOLAH DASAR NEGERI 60883 MEDAN"),
    ("SMP NEGERI 3 CIBADAK", "SMP Negeri 3 Cibadak Kab. Sukabumi"),
    ("SMA NEGERI 1 BANDUNG", "SMA N. 1 Bandung"),
    ("SD NEGERI 4", "SD NEGERI 4 SUKAMAJU"),  # place on one side only: lower score
]

BEDA = [
    ("SD NEGERI 4 SUKAMAJU", "SD NEGERI 5 SUKAMAJU", "nomor sekolah berbeda (4 vs 5)"),
    ("SD NEGERI 1 SUKAMAJU", "SD NEGERI 11 SUKAMAJU", "nomor sekolah berbeda (1 vs 11)"),
    ("SD NEGERI 1 SUKAMAJU", "SD NEGERI 10 SUKAMAJU", "nomor sekolah berbeda (1 vs 10)"),
    ("SD NEGERI I SUKAMAJU", "SD NEGERI II SUKAMAJU", "nomor sekolah berbeda (1 vs 2)"),
    ("SD NEGERI 2 SUKAMAJU", "SMP NEGERI 2 SUKAMAJU", "jenjang berbeda (SD vs SMP)"),
    ("SMPN 2 SUKAMAJU", "SMAN 2 SUKAMAJU", "jenjang berbeda (SMP vs SMA)"),
    ("SD NEGERI 2 SUKAMAJU", "SD SWASTA 2 SUKAMAJU", "status berbeda (NEGERI vs SWASTA)"),
    ("SDN RAWA BADAK 07 PG", "SDN RAWA BADAK 07 PT", "waktu belajar berbeda (PAGI vs PETANG)"),
    ("SD NEGERI 3 SUKAMAJU", "SD NEGERI 3 SUKAMULYA", "nama tempat berbeda"),
    ("SD NEGERI 3 METRO BARAT", "SD NEGERI 3 METRO TIMUR", "nama tempat berbeda"),
    ("SD INPRES 12 79 MAKASSAR", "SD INPRES 12 78 MAKASSAR", "nama tempat berbeda"),
    ("SD NEGERI 3 SUKAMAJU", "DINAS PENDIDIKAN KAB. SUKAMAJU", "unor bukan sekolah"),
    ("SD NEGERI 3 SUKAMAJU", "BIDANG PEMBINAAN SD", "unor bukan sekolah"),
    ("DINAS PENDIDIKAN KAB. X", "BIDANG PEMBINAAN SD", "unit kerja berbeda"),
]

RAGU = [
    ("SD NEGERI 3 SUKAMAJU", "SD NEGERI SUKAMAJU"),  # number on one side only
    ("SD NEGERI 3 SUKAMAJU", "SD 3 SUKAMAJU"),  # negeri/swasta on one side only
    ("SDN RAWA BADAK 07", "SDN RAWA BADAK 07 PG"),  # shift on one side only
    ("SD NEGERI 3 SUKAMAJU", "SD NEGERI 3 SUKAMAJU BARAT"),  # maybe a neighbouring village
    ("SD NEGERI 3 SUKAMAJU", "SD NEGERI 3 SUKAMAJU INDAH"),
    ("SD NEGERI 3 CIBADAK", "SD NEGERI 3 CIBODAK"),  # one letter in a short name
    ("SD NEGERI 3 SUKAMAJU", "KOORDINATOR SD 3 SUKAMAJU"),  # not read as a school, but close
]


@pytest.mark.parametrize(("dapodik", "siasn"), NOMENKLATUR)
def test_nomenklatur(dapodik: str, siasn: str) -> None:
    result = compare_schools(dapodik, siasn)
    assert result.verdict == "nomenklatur", result
    assert 0.5 <= result.score <= 1.0
    assert same_school(dapodik, siasn)


@pytest.mark.parametrize(("dapodik", "siasn", "reason"), BEDA)
def test_beda(dapodik: str, siasn: str, reason: str) -> None:
    result = compare_schools(dapodik, siasn)
    assert result.verdict == "beda", result
    assert result.reason.startswith(reason)
    assert result.score < 0.75
    assert not same_school(dapodik, siasn)


@pytest.mark.parametrize(("dapodik", "siasn"), RAGU)
def test_ragu(dapodik: str, siasn: str) -> None:
    result = compare_schools(dapodik, siasn)
    assert result.verdict == "ragu", result
    assert result.reason
    assert not same_school(dapodik, siasn)


def test_sama_is_the_same_text() -> None:
    result = compare_schools("SD NEGERI 4 SUKAMAJU", " sd negeri  4 Sukamaju")
    assert (result.verdict, result.score) == ("sama", 1.0)


def test_rewriting_alone_says_so() -> None:
    result = compare_schools("SD NEGERI 4 SUKAMAJU", "UPT SDN 04 Sukamaju")
    assert (result.verdict, result.score, result.reason) == (
        "nomenklatur",
        1.0,
        "hanya penulisan yang berbeda",
    )


def test_place_on_one_side_scores_lower_than_a_full_match() -> None:
    partial = compare_schools("SD NEGERI 4", "SD NEGERI 4 SUKAMAJU")
    typo = compare_schools("SD NEGERI 4 SUKAMAJU", "SD NEGERI 4 SUKAMJU")
    assert partial.score < typo.score < 1.0


def test_alias_makes_a_school_the_same() -> None:
    aliases = {school_key("UPT SPF SDN 4 Kampung Baru"): 17}
    assert not same_school("SD NEGERI 4 SUKAMAJU", "UPT SPF SDN 4 Kampung Baru")
    assert same_school("SD NEGERI 4 SUKAMAJU", "UPT SPF SDN 04 KAMPUNG BARU", aliases, 17)
    assert not same_school("SD NEGERI 4 SUKAMAJU", "UPT SPF SDN 4 Kampung Baru", aliases, 18)
    assert not same_school("SD NEGERI 4 SUKAMAJU", "UPT SPF SDN 4 Kampung Baru", aliases)


# ---------------------------------------------------------------------------------------------
# properties

_VILLAGES = [
    "SUKAMAJU",
    "SUKAMULYA",
    "DURIAN GADANG",
    "RAWA BADAK",
    "METRO BARAT",
    "TOYANING",
    "CIBADAK",
    "KEBON JERUK",
    "TANJUNG SARI",
    "MEKAR JAYA",
    "POHJENTREK",
    "GRESIK",
]
_LEVEL_SPELLINGS = {
    "SD": ["SD NEGERI {}", "SDN {}", "SD N {}", "SEKOLAH DASAR NEGERI {}", "SD NEG. {}"],
    "SMP": ["SMP NEGERI {}", "SMPN {}", "SMP N. {}", "SEKOLAH MENENGAH PERTAMA NEGERI {}"],
    "SMA": ["SMA NEGERI {}", "SMAN {}", "SMA N {}", "SEKOLAH MENENGAH ATAS NEGERI {}"],
    "SMK": ["SMK NEGERI {}", "SMKN {}", "SMK N {}"],
    "SLB": ["SLB NEGERI {}", "SLBN {}"],
}
_PREFIX_SPELLINGS = ["", "UPT ", "UPTD ", "UPT SATUAN PENDIDIKAN ", "UNIT PELAKSANA TEKNIS "]
_REGION_SPELLINGS = ["", " KOTA BEKASI", " KABUPATEN BOGOR", " KAB. BOGOR", " KEC. CIAWI"]
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


@st.composite
def spellings(draw: st.DrawFn, level: str, number: int, place: str) -> str:
    digits = [str(number), str(number).zfill(2), str(number).zfill(3)]
    if number <= len(_ROMAN):
        digits.append(_ROMAN[number - 1])
    written = draw(st.sampled_from(digits))
    body = f"{place} {written}" if draw(st.booleans()) else f"{written} {place}"
    name = draw(st.sampled_from(_PREFIX_SPELLINGS)) + draw(
        st.sampled_from(_LEVEL_SPELLINGS[level])
    ).format(body)
    name += draw(st.sampled_from(_REGION_SPELLINGS))
    case = draw(st.sampled_from([str.upper, str.lower, str.title]))
    return case(name)


_levels = st.sampled_from(sorted(_LEVEL_SPELLINGS))
_numbers = st.integers(min_value=1, max_value=300)
_places = st.sampled_from(_VILLAGES)


@given(st.data(), _levels, _numbers, _places)
def test_two_spellings_of_one_school_agree(
    data: st.DataObject, level: str, number: int, place: str
) -> None:
    a = data.draw(spellings(level, number, place))
    b = data.draw(spellings(level, number, place))
    assert compare_schools(a, b).verdict in ("sama", "nomenklatur")
    assert school_key(a) == school_key(b)


@given(st.data(), _levels, _numbers, _numbers, _places)
def test_another_number_is_another_school(
    data: st.DataObject, level: str, number: int, other: int, place: str
) -> None:
    assume(number != other)
    a = data.draw(spellings(level, number, place))
    b = data.draw(spellings(level, other, place))
    result = compare_schools(a, b)
    assert result.verdict == "beda"
    assert result.reason == f"nomor sekolah berbeda ({number} vs {other})"


@given(st.data(), _levels, _levels, _numbers, _places)
def test_another_level_is_another_school(
    data: st.DataObject, level: str, other: str, number: int, place: str
) -> None:
    assume(level != other)
    a = data.draw(spellings(level, number, place))
    b = data.draw(spellings(other, number, place))
    assert compare_schools(a, b).verdict == "beda"


# Words that steer the parser, so that generated names reach its corners.
_SPECIAL = " ".join(
    [
        "SD SDN SMPN SDS MAN MAS MI SDIT UPT UPTD SATUAN PENDIDIKAN SEKOLAH DASAR NEGERI N NEG",
        "SWASTA KOTA KAB KABUPATEN KEC NO PG PT PAGI PETANG I II IV X XII 0 01 7 12 ISLAM",
        "TERPADU BARAT TIMUR SUKAMAJU SUKA MAJU SUKAMAJOE METRO . , -",
    ]
).split(" ")
_names = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(_SPECIAL), max_size=8).map(" ".join),
)


@given(_names)
def test_school_key_is_idempotent(name: str) -> None:
    key = school_key(name)
    assert school_key(key) == key
    assert parse_school(key).level == parse_school(name).level


@given(_names, _names)
def test_compare_is_symmetric(a: str, b: str) -> None:
    ab, ba = compare_schools(a, b), compare_schools(b, a)
    assert ab.verdict == ba.verdict
    assert ab.score == ba.score
    assert 0.0 <= ab.score <= 1.0
