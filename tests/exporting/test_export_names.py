"""Windows-safe names for the per-school package: hostile names, and a property test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from operator_app.core.model import School
from operator_app.exporting_names import (
    FORBIDDEN,
    SCHOOL_MAX,
    NameBook,
    folder_key,
    is_reserved,
    safe_name,
    slug,
)
from operator_app.exporting_package import MANIFEST_NAME, NO_KECAMATAN, REKAP_NAME, plan_folders


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("SD NEGERI 1 SUKAMAJU", "SD NEGERI 1 SUKAMAJU"),
        ("CON", "CON_"),
        ("con", "con_"),
        ("Aux ", "Aux_"),
        ("NUL.tar.gz", "NUL_.tar.gz"),
        ("LPT1 .pdf", "LPT1_.pdf"),
        ("COM9", "COM9_"),
        ("COM0", "COM0"),  # not a device
        ("CONSOLE", "CONSOLE"),
        ('SD "A/B" <1>: X|Y?*', "SD -A-B- -1-- X-Y--"),
        ("SMP N 2\\KALIBAGOR", "SMP N 2-KALIBAGOR"),
        ("nama berakhir titik. . .", "nama berakhir titik"),
        ("   spasi   ganda\tdan tab  ", "spasi ganda dan tab"),
        ("...", "Tanpa nama"),
        ("", "Tanpa nama"),
        ("\x00\x1f\x7f", "- -"),  # \x1f counts as whitespace
        ("MI Ma\u0301arif", "MI Ma\u0301arif".replace("a\u0301", "\u00e1")),  # NFC
    ],
)
def test_hostile_names(raw: str, expected: str) -> None:
    assert safe_name(raw) == expected


def test_long_names_are_cut_without_a_trailing_dot_or_space() -> None:
    name = safe_name("SD NEGERI 1 " + "SANGAT PANJANG. " * 20)
    assert len(name) <= SCHOOL_MAX and not name.endswith((" ", "."))
    assert safe_name("x" * 300, 10) == "x" * 10
    assert safe_name("CON", 3) == "_CO"  # no room for the '_' after the stem


def test_slug_is_ascii_and_never_empty() -> None:
    assert slug("SD NEGERI 1 KALIBAGOR") == "sd-negeri-1-kalibagor"
    assert slug("MI Ma'arif NU 03 Ajibarang") == "mi-ma-arif-nu-03-ajibarang"
    assert slug("Ŝkolo ĉe Ĝirafo") == "skolo-ce-girafo"
    assert slug("«»") == "sekolah"
    assert len(slug("SD " * 60)) <= 40


def test_plan_disambiguates_collisions_and_places_schools_without_kecamatan() -> None:
    schools = [
        School(1, "SD A/B", "Ajibarang"),
        School(2, "SD A:B", "Ajibarang"),  # the same once cleaned
        School(3, "sd a\\b", "AJIBARANG"),  # Windows: same folder, other case
        School(4, "SD A/B", "Cilongok"),  # another kecamatan: no clash
        School(5, "SD TANPA KEC", None),
        School(6, "CON", "rekap-dinas.xlsx"),  # a kecamatan that would hide the Rekap
        School(7, "PRN", "  "),
    ]
    plans = {p.school.id: p for p in plan_folders(schools)}
    assert plans[1].folder == "Ajibarang/SD A-B"
    assert plans[2].folder == "Ajibarang/SD A-B - id 2"
    assert plans[3].folder == "Ajibarang/sd a-b - id 3"  # the kecamatan's first spelling
    assert plans[4].folder == "Cilongok/SD A-B"
    assert plans[5].folder == f"{NO_KECAMATAN}/SD TANPA KEC"
    assert plans[7].folder == f"{NO_KECAMATAN}/PRN_"
    kec6 = plans[6].folder.split("/")[0]
    assert folder_key(kec6) not in {folder_key(REKAP_NAME), folder_key(MANIFEST_NAME)}
    assert plans[6].folder.endswith("/CON_")
    assert plans[1].files == {
        "xlsx": "perbaikan-sd-a-b.xlsx",
        "pdf": "daftar-periksa-sd-a-b.pdf",
        "letter": "surat-bkd-sd-a-b.pdf",
    }


def _windows_ok(name: str) -> bool:
    return (
        bool(name)
        and not any(c in FORBIDDEN or ord(c) < 32 or ord(c) == 127 for c in name)
        and not name.endswith((" ", "."))
        and not is_reserved(name)
    )


names = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from([*FORBIDDEN, " ", "."]),
    max_size=120,
) | st.sampled_from(["CON", "prn.txt", "Aux", "nul ", "COM1", "lpt9.x", "CONIN$", "..", " . "])


@settings(max_examples=300, deadline=None)
@given(names, st.integers(min_value=3, max_value=80))
def test_safe_name_always_gives_a_windows_name(raw: str, max_len: int) -> None:
    name = safe_name(raw, max_len)
    assert _windows_ok(name)
    assert len(name) <= max_len
    assert safe_name(name, max_len) == name  # idempotent: a safe name stays as it is


@settings(max_examples=100, deadline=None)
@given(st.lists(names, max_size=12))
def test_name_book_never_hands_out_one_folder_twice(raws: list[str]) -> None:
    book = NameBook()
    out = [book.claim(safe_name(r), f"id {i}") for i, r in enumerate(raws)]
    assert len({folder_key(n) for n in out}) == len(out)
    assert all(_windows_ok(n) and len(n) <= SCHOOL_MAX for n in out)
