"""The school picker: search by name/NPSN/kecamatan fragments, grouped, keyboard, 'Semua sekolah'."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from operator_app.core.model import School
from operator_app.ui.models import IdRole
from operator_app.ui.picker_model import KindRole, PickerListModel, SchoolListModel
from operator_app.ui.school_picker import SchoolPicker
from operator_app.ui.school_search import SchoolChoice, needles, search

pytestmark = pytest.mark.gui

CHOICES = [
    SchoolChoice.make(1, "SD NEGERI 1 SUKAMAJU", "Ajibarang", "20512345", 40, 3),
    SchoolChoice.make(2, "SD NEGERI 12 KARANGSARI", "Wangon", "20399871", 22, 0),
    SchoolChoice.make(3, "SD NEGERI 2 SUKAMAJU", "Ajibarang", "20512999", 31, 7),
    SchoolChoice.make(4, "SD NEGERI 112 TEGALREJO", "Wangon", "", 18, 1),
    SchoolChoice.make(5, "SMP NEGERI 3 KEMBARAN", "Kembaran", "20300001", 55, 12),
]


def _flat(groups: list[tuple[str, list[SchoolChoice]]]) -> list[int]:
    return [c.school_id for _k, schools in groups for c in schools]


def test_a_number_fragment_finds_the_npsn_and_the_school_number() -> None:
    groups = search(CHOICES, "123")
    assert _flat(groups) == [1]  # NPSN 20512345
    found = _flat(search(CHOICES, "12"))
    assert set(found) == {1, 2, 4, 3}  # NPSN 205123.., 205129.. and "12", "112" in names
    wangon = dict(search(CHOICES, "12"))["Wangon"]
    assert [c.school_id for c in wangon] == [2, 4]  # the whole word "12" before "112"


def test_name_fragments_in_any_order_and_grouped_by_kecamatan() -> None:
    groups = search(CHOICES, "sukamaju 2")
    assert [k for k, _ in groups] == ["Ajibarang"]
    assert _flat(groups) == [3, 1]  # "2" is a whole word of school 3, inside NPSN of school 1
    groups = search(CHOICES, "negeri")
    assert [k for k, _ in groups] == ["Ajibarang", "Kembaran", "Wangon"]
    assert _flat(groups) == [1, 3, 5, 2, 4]
    assert _flat(search(CHOICES, "kemba")) == [5]
    assert search(CHOICES, "tidak ada") == []


def test_school_type_abbreviations_are_spelt_out() -> None:
    assert needles("SDN 12") == ("sd", "negeri", "12")
    assert _flat(search(CHOICES, "sdn 12 karang")) == [2]
    assert _flat(search(CHOICES, "smpn kembaran")) == [5]


def test_five_hundred_schools_searched_in_bulk() -> None:
    many = [
        SchoolChoice.make(i, f"SD NEGERI {i % 7 + 1} DESA{i}", f"Kec{i % 27}", f"205{i:05d}")
        for i in range(500)
    ]
    groups = search(many, "negeri 3")
    assert len(groups) == 27
    assert all(c.name.startswith("SD NEGERI 3 ") for c in groups[0][1][:1])
    assert sum(len(s) for _k, s in search(many, "")) == 500


def test_popup_model_passes_the_model_tester(qtmodeltester) -> None:
    model = PickerListModel()
    model.show(search(CHOICES, ""), len(CHOICES))
    qtmodeltester.check(model)
    kinds = [model.index(r, 0).data(KindRole) for r in range(model.rowCount())]
    two, one = ["header", "school", "school"], ["header", "school"]
    assert kinds == ["all", *two, *one, *two]  # Ajibarang (1, 3), Kembaran (5), Wangon (2, 4)
    header = model.index(1, 0)
    assert not model.flags(header) & Qt.ItemFlag.ItemIsSelectable
    assert model.index(2, 0).data() == "SD NEGERI 1 SUKAMAJU"
    assert model.index(2, 1).data() == "20512345 (40 PTK, 3 temuan)"  # NPSN, counts
    assert model.index(2, 1).data(IdRole) == 1


def test_combo_items_pass_the_model_tester(qtmodeltester) -> None:
    model = SchoolListModel("Semua sekolah")
    model.set_schools([School(c.school_id, c.name, c.kecamatan) for c in CHOICES])
    qtmodeltester.check(model)
    assert model.rowCount() == 6 and model.index(0, 0).data() == "Semua sekolah"
    assert model.index(3, 0).data(Qt.ItemDataRole.UserRole) == 3 == model.school_id(3)
    assert model.row_of(5) == 5 and model.row_of(None) == 0 and model.row_of(77) == -1


def _picker(qtbot) -> SchoolPicker:  # type: ignore[no-untyped-def]
    picker = SchoolPicker()
    qtbot.addWidget(picker)
    schools = [School(c.school_id, c.name, c.kecamatan) for c in CHOICES]
    picker.set_schools(schools)
    picker.set_counts({c.school_id: (c.n_ptk or 0, c.n_open or 0) for c in CHOICES})
    picker.show()
    return picker


def test_typing_opens_the_search_and_enter_picks(qtbot) -> None:
    picker = _picker(qtbot)
    changed: list[int] = []
    picker.currentIndexChanged.connect(changed.append)
    picker.setFocus()
    qtbot.keyClicks(picker, "k")  # the first key opens the search with it
    assert picker.popup.isVisible() and picker.popup.edit.text() == "k"
    qtbot.keyClicks(picker.popup.edit, "aran")
    rows = picker.popup.model
    ids = [rows.index(r, 0).data(IdRole) for r in range(rows.rowCount())]
    assert [i for i in ids if i is not None] == [2]  # KARANGSARI (Kembaran has no "karan")
    qtbot.keyClick(picker.popup.edit, Qt.Key.Key_Return)
    assert not picker.popup.isVisible()
    assert picker.current_school() == 2 and picker.currentText() == "SD NEGERI 12 KARANGSARI"
    assert changed


def test_arrows_skip_kecamatan_headers_and_semua_sekolah_clears(qtbot) -> None:
    picker = _picker(qtbot)
    picker.select_school(5)
    picker.open_search()
    view = picker.popup.view
    assert view.currentIndex().data(IdRole) == 5  # opens on the chosen school
    qtbot.keyClick(picker.popup.edit, Qt.Key.Key_Down)  # Kembaran -> (header Wangon) -> 2
    assert view.currentIndex().data(IdRole) == 2
    qtbot.keyClick(picker.popup.edit, Qt.Key.Key_Up)
    qtbot.keyClick(picker.popup.edit, Qt.Key.Key_Up)  # 5 -> (header Kembaran) -> 3
    assert view.currentIndex().data(IdRole) == 3
    qtbot.keyClick(picker.popup.edit, Qt.Key.Key_PageUp)  # to the top: "Semua sekolah"
    assert view.currentIndex().data(KindRole) == "all"
    qtbot.keyClick(picker.popup.edit, Qt.Key.Key_Enter)
    assert picker.current_school() is None and picker.currentIndex() == 0


def test_escape_closes_without_changing(qtbot) -> None:
    picker = _picker(qtbot)
    picker.select_school(3)
    picker.open_search("kemb")
    qtbot.keyClick(picker.popup.edit, Qt.Key.Key_Escape)
    assert not picker.popup.isVisible() and picker.current_school() == 3


def test_clicking_a_header_does_nothing_and_a_school_picks(qtbot) -> None:
    picker = _picker(qtbot)
    picker.open_search("sukamaju")
    view = picker.popup.view
    header = picker.popup.model.index(1, 0)
    assert header.data(KindRole) == "header"
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(header).center()
    )
    assert picker.popup.isVisible() and picker.current_school() is None
    school = picker.popup.model.index(3, 0)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(school).center()
    )
    assert picker.current_school() == school.data(IdRole) == 3


def test_set_schools_keeps_the_choice_without_a_signal(qtbot) -> None:
    picker = _picker(qtbot)
    picker.select_school(4)
    changed: list[int] = []
    picker.currentIndexChanged.connect(changed.append)
    picker.set_schools([School(4, "SD NEGERI 112 TEGALREJO", "Wangon"), School(9, "SD X", "")])
    assert picker.current_school() == 4 and not changed
    picker.set_schools([School(9, "SD X", "")])
    assert picker.current_school() is None  # gone: back to all
    assert picker.select_school(12345) is False
