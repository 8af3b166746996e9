"""Titles off, comparable name keys, JK spellings and mojibake repair."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_app.core.names import (
    _BACK_UNDOTTED,
    _FRONT,
    _name_key_slow,
    name_key,
    normalise_jk,
    repair_mojibake,
    strip_titles,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dra. Hj. Siti Nur'aini, S.Pd., M.Pd.", "Siti Nur'aini"),
        ("Drs. H. AHMAD FAUZI, M.Si.", "AHMAD FAUZI"),
        ("Dra.Hj.SITI AMINAH,S.Pd.SD", "SITI AMINAH"),
        ("SITI AMINAH, S.Pd.I", "SITI AMINAH"),
        ("SITI AMINAH, S.Pd.I.", "SITI AMINAH"),
        ("BUDI SANTOSO, S.Pd, M.Pd", "BUDI SANTOSO"),
        ("BUDI SANTOSO,S.PD.,M.PD.", "BUDI SANTOSO"),
        ("BUDI SANTOSO, S. Pd., M. Pd.", "BUDI SANTOSO"),
        ("BUDI SANTOSO S.Pd", "BUDI SANTOSO"),
        ("BUDI SANTOSO S.Pd., M.Pd.", "BUDI SANTOSO"),
        ("BUDI SANTOSO SPD", "BUDI SANTOSO"),
        ("BUDI SANTOSO, SE", "BUDI SANTOSO"),
        ("BUDI SANTOSO, S.E., M.M.", "BUDI SANTOSO"),
        ("RINA WATI, A.Ma.Pd.", "RINA WATI"),
        ("RINA WATI A.Ma.Pd", "RINA WATI"),
        ("RINA WATI, A.Md.", "RINA WATI"),
        ("RINA WATI, S.Kom", "RINA WATI"),
        ("Ns. RINA WATI, S.Kep.", "RINA WATI"),
        ("Ir. JOKO, S.T.", "JOKO"),
        ("KH. ABDULLAH, Lc.", "ABDULLAH"),
        ("Prof. Dr. Ir. H. BAMBANG, M.Sc., Ph.D.", "BAMBANG"),
        ("Dr. SUSI, S.Psi., M.Psi.", "SUSI"),
        ("SUSI, S.Pd., Gr.", "SUSI"),
        ("SUSI, S.Pd.Gr", "SUSI"),
        ("SUSI, S.IP", "SUSI"),
        ("SUSI, S.Hum.", "SUSI"),
        ("SUSI, S.Si.", "SUSI"),
        ("SUSI, S.Sos.", "SUSI"),
        ("SUSI, S.S.", "SUSI"),
        ("SUSI, S.H.", "SUSI"),
        ("SUSI, M.Ag.", "SUSI"),
        ("SUSI, S.Ag", "SUSI"),
        ("DRS AHMAD", "AHMAD"),
        ("DRA SITI", "SITI"),
        ("HJ. SITI", "SITI"),
        ("  SITI   AMINAH  ", "SITI AMINAH"),
    ],
)
def test_strip_titles(name: str, expected: str) -> None:
    assert strip_titles(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "HENDRA",
        "HENDRA GUNAWAN",
        "DRAJAT SUPRIYADI",
        "IRWAN",
        "HARIYANTO",
        "ADRA",
        "AGUS S.",
        "ANDI SE",  # undotted 'SE' at the end may be part of a name
        "SITI MA",
        "MOH. ALI",
        "MUH. YUSUF",
        "I GUSTI AYU MADE",
        "NI LUH PUTU",
    ],
)
def test_strip_titles_keeps_real_names(name: str) -> None:
    assert strip_titles(name) == name


@pytest.mark.parametrize("name", ["Drs.", "S.Pd.", "H.", "Dra", "S.Pd., M.Pd."])
def test_strip_titles_never_empties_a_name(name: str) -> None:
    assert strip_titles(name) != ""


def test_name_key_equal_across_sources() -> None:
    dapodik = "Dra. Hj. Siti Nur'aini, S.Pd., M.Pd."
    assert name_key(dapodik) == name_key("SITI NURAINI") == "SITI NURAINI"
    assert name_key("siti  nur’aini") == "SITI NURAINI"
    assert name_key("MOH.ALI") == name_key("MOH. ALI") == "MOH ALI"
    assert name_key("José Ramírez") == "JOSE RAMIREZ"
    assert name_key("ANAK-AGUNG") == "ANAK AGUNG"


def test_name_key_does_not_fold_spellings() -> None:
    assert name_key("Muh. Yusuf") != name_key("Muhammad Yusuf")
    assert name_key("Moh. Yusuf") != name_key("Muh. Yusuf")
    assert name_key("SITI AMINAH") != name_key("SITI AMINA")


def test_name_key_empty() -> None:
    assert name_key(None) == ""
    assert name_key("") == ""
    assert name_key("  ") == ""


@given(st.text())
def test_name_key_idempotent(name: str) -> None:
    key = name_key(name)
    assert name_key(key) == key


@given(st.text(alphabet="ABCDHIJKMNPRSTdrsj.,' -", max_size=40))
def test_name_key_idempotent_on_title_like_text(name: str) -> None:
    key = name_key(name)
    assert name_key(key) == key
    assert key == " ".join(key.split())


_TITLE_WORDS = sorted(_FRONT | _BACK_UNDOTTED)
_WORD = st.one_of(
    st.sampled_from(_TITLE_WORDS),
    st.sampled_from([w.lower() for w in _TITLE_WORDS] + [w.title() for w in _TITLE_WORDS]),
    st.from_regex(r"[A-Za-z]{1,9}", fullmatch=True),
    st.from_regex(r"[A-Za-z0-9'.,\-]{1,6}", fullmatch=True),
)
_SPACE = st.sampled_from([" ", "  ", "\t", "\x1f", "\u00a0", " \n"])


@st.composite
def _names(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORD, min_size=0, max_size=6))
    out = draw(st.sampled_from(["", " ", "\t"]))
    for w in words:
        out += w + draw(_SPACE)
    return out if draw(st.booleans()) else out.strip()


@given(st.one_of(_names(), st.text()))
def test_name_key_fast_path_agrees_with_the_full_one(name: str) -> None:
    """The fast path for plain names gives what the full title stripping gives."""
    assert name_key(name) == _name_key_slow(name)


@pytest.mark.parametrize(
    "name",
    ["SITI AMINAH", "siti  aminah", "Drs Ahmad", "AHMAD SPD", "H", "SPD", "Hj", "Ahmad Drs",
     "IR SOEKARNO", "NS", "Budi Mpd", "MPD BUDI", "Ahmad\tFauzi", "A B"],
)  # fmt: skip
def test_name_key_fast_path_agrees_on_title_words(name: str) -> None:
    assert name_key(name) == _name_key_slow(name)


@given(st.text(min_size=1).filter(lambda s: s.strip() != ""))
def test_strip_titles_never_empties(name: str) -> None:
    assert strip_titles(name).strip() != ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("L", "L"),
        ("l", "L"),
        ("P", "P"),
        (" p ", "P"),
        ("M", "L"),
        ("F", "P"),
        ("Pria", "L"),
        ("PRIA", "L"),
        ("Wanita", "P"),
        ("Laki-laki", "L"),
        ("Laki Laki", "L"),
        ("LAKI-LAKI", "L"),
        ("Perempuan", "P"),
        ("1", "L"),
        ("2", "P"),
        (1, "L"),
        (2.0, "P"),
        ("", None),
        ("X", None),
        ("3", None),
        (None, None),
        (True, None),
    ],
)
def test_normalise_jk(value: object, expected: str | None) -> None:
    assert normalise_jk(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jl. Merdeka â€“ No. 5", "Jl. Merdeka – No. 5"),
        ("JosÃ©", "José"),
        ("Nur’aini", "Nur’aini"),
        ("NurÃ¢â‚¬â„¢aini", "NurÃ¢â‚¬â„¢aini"[:3] + "â€™aini"),  # one layer at a time
        ("José", "José"),
        ("SITI AMINAH", "SITI AMINAH"),
        ("Â ", "Â "),  # 'Â' then an ordinary space: not a sequence
        ("Ã", "Ã"),
    ],
)
def test_repair_mojibake(text: str, expected: str) -> None:
    assert repair_mojibake(text) == expected


def test_repair_mojibake_right_single_quote() -> None:
    assert repair_mojibake("Nurâ€™aini") == "Nur’aini"


@given(st.text(st.characters(exclude_categories=("Cc", "Cs", "Cn", "Co"))))
def test_repair_mojibake_undoes_cp1252_misreading(text: str) -> None:
    try:
        mangled = text.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return
    if repair_mojibake(text) == text:  # text that is itself free of sequences
        assert repair_mojibake(mangled) == text
