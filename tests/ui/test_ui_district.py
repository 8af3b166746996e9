"""The Dinas tab: its model, filter and total line; opening a school; the Rekap Dinas action.

The end-to-end part runs on a real 50-school district (samples.build_district) imported into a
temporary Workspace once per module.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from fake_workspace import FakeWorkspace
from PySide6.QtCore import Qt

from operator_app.core.views import SchoolSummary
from operator_app.ui.district_model import (
    FIRST_ACTOR,
    IMPORTED,
    INVALID,
    NAME,
    PTK,
    DistrictModel,
    total_of,
)
from operator_app.ui.district_overview import DistrictPanel
from operator_app.ui.interaction import Recording
from operator_app.ui.labels import ACTORS
from operator_app.ui.models import IdRole, SortRole

pytestmark = pytest.mark.gui


def _fake_summaries() -> list[SchoolSummary]:
    rows = FakeWorkspace().school_summaries()
    # a school without an import date and one in a second kecamatan with more findings
    return [
        replace(rows[0], last_import=None, tanggal_unduh=None),
        *rows[1:],
        replace(rows[1], school_id=99, name="SD NEGERI 9 WANGON", kecamatan="Wangon", n_invalid=99),
    ]


def test_model_and_filter_pass_the_model_tester(qtmodeltester) -> None:
    model = DistrictModel()
    model.set_rows(_fake_summaries())
    qtmodeltester.check(model)
    model.sort(INVALID, Qt.SortOrder.DescendingOrder)
    model.set_text("negeri")
    qtmodeltester.check(model)
    model.set_kecamatan("Wangon")
    assert model.rowCount() == 1
    qtmodeltester.check(model)
    totals = DistrictModel(total=True)
    totals.set_rows([total_of(model.rows(), "Jumlah")])
    qtmodeltester.check(totals)


def test_roles_native_sort_values_and_ids() -> None:
    rows = _fake_summaries()
    model = DistrictModel()
    model.set_rows(rows)
    first = model.index(0, INVALID)
    assert first.data(SortRole) == rows[0].n_invalid and isinstance(first.data(SortRole), int)
    assert first.data() == str(rows[0].n_invalid)
    assert model.index(0, NAME).data(IdRole) == rows[0].school_id
    assert model.index(0, NAME).data(SortRole) == rows[0].name.casefold()
    assert model.index(0, IMPORTED).data() == "" and model.index(0, IMPORTED).data(SortRole) == 0.0
    when = rows[1].last_import
    assert isinstance(when, datetime)
    assert model.index(1, IMPORTED).data() == when.strftime("%d-%m-%Y")
    assert model.index(1, IMPORTED).data(SortRole) == when.timestamp()
    actor = ACTORS.index("operator_sekolah")
    assert model.index(1, FIRST_ACTOR + actor).data(SortRole) == rows[1].by_actor.get(
        "operator_sekolah", 0
    )
    assert "\n" in str(model.headerData(FIRST_ACTOR + 2, Qt.Orientation.Horizontal))  # wrapped


def test_sorting_and_filtering_by_text_and_kecamatan(qtbot) -> None:
    panel = DistrictPanel()
    qtbot.addWidget(panel)
    rows = _fake_summaries()
    panel.show_summaries(rows)
    panel.table.sortByColumn(INVALID, Qt.SortOrder.DescendingOrder)
    shown = panel.model.rows()
    assert shown[0].school_id == 99 and len(shown) == len(rows)
    assert [s.n_invalid for s in shown] == sorted((s.n_invalid for s in rows), reverse=True)
    panel.table.setCurrentIndex(panel.model.index(0, NAME))  # school 99 selected ...
    panel.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert [s.name for s in panel.model.rows()] == sorted(s.name for s in rows)
    assert panel.table.currentIndex().data(IdRole) == 99  # ... stays selected after a sort
    by_name = sorted(s.name for s in rows)
    assert panel.table.currentIndex().row() == by_name.index("SD NEGERI 9 WANGON") == 2
    panel.search.setText("karangnanas")
    assert [s.name for s in panel.model.rows()] == ["SD NEGERI 1 KARANGNANAS"]
    assert panel.total().n_ptk == panel.model.rows()[0].n_ptk
    assert "1 sekolah" in panel.total().name
    panel.search.clear()
    panel.kecamatan.setCurrentIndex(panel.kecamatan.findData("Wangon"))
    assert [s.school_id for s in panel.model.rows()] == [99]
    assert panel.total().n_invalid == 99 and "Wangon" in panel.total().name
    panel.show_summaries(rows)  # a reload keeps the kecamatan chosen
    assert panel.kecamatan.currentData() == "Wangon"


def test_total_line_sums_the_rows() -> None:
    rows = _fake_summaries()
    total = total_of(rows, "x")
    assert total.n_ptk == sum(r.n_ptk for r in rows)
    assert total.n_invalid == sum(r.n_invalid for r in rows)
    expected: Counter[str] = Counter()
    for r in rows:
        expected.update(r.by_actor)
    assert total.by_actor == dict(expected)
    assert total.last_import == max(r.last_import for r in rows if r.last_import)
    assert total.tanggal_unduh == min(r.tanggal_unduh for r in rows if r.tanggal_unduh)
    model = DistrictModel(total=True)
    model.set_rows([total])
    assert model.index(0, 0).data() == "x"  # the label spans Kecamatan and Sekolah
    assert model.index(0, PTK).data(IdRole) is None  # not a school: nothing to open


def test_fake_window_shows_the_tab_and_counts_in_the_picker(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.district.model.rowCount() == 3, timeout=5000)
    assert window.tabs.isTabVisible(window.tabs.indexOf(window.district))
    choices = {c.school_id: c for c in window.filters.school.choices()}
    fake = {s.school_id: s for s in window.ws.school_summaries()}
    assert choices[1].n_ptk == fake[1].n_ptk
    assert choices[1].n_open == fake[1].n_invalid + fake[1].n_warning + fake[1].n_info


def test_one_school_hides_the_tab(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.district.model.rowCount() == 3, timeout=5000)
    tab = window.tabs.indexOf(window.district)
    one = window.ws.school_summaries()[:1]
    window.presenter.district_ready.emit(one)  # as a single school's database would load
    assert not window.tabs.isTabVisible(tab)
    assert window.district.model.all_rows() == one
    window.presenter.district_ready.emit(window.ws.school_summaries())
    assert window.tabs.isTabVisible(tab)


def test_every_reload_reloads_the_district(qtbot, window, fake_ws) -> None:
    """After an import, a re-check or a decision the window reloads; the Dinas tab follows."""
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=5000)
    original = fake_ws.school_summaries
    changed = [replace(s, n_invalid=s.n_invalid + 100) for s in original()]
    fake_ws.school_summaries = lambda: changed  # what the store says after the change
    with qtbot.waitSignal(window.district_loaded, timeout=5000):
        window.reload()
    assert window.district.model.all_rows() == changed
    assert window.district.total().n_invalid == sum(s.n_invalid for s in changed)


def test_presenter_loads_the_district(qtbot) -> None:
    from operator_app.ui.presenter import WindowPresenter
    from operator_app.ui.runner import TaskRunner

    fake = FakeWorkspace()
    runner = TaskRunner()
    presenter = WindowPresenter(runner, lambda _p: fake)
    with qtbot.waitSignal(presenter.opened, timeout=5000):
        presenter.open(Path("/tmp/fake.sqlite3"))
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)
    with qtbot.waitSignal(presenter.district_ready, timeout=5000) as got:
        presenter.load_district()
    assert got.args[0] == fake.school_summaries()
    runner.shutdown()


# -- a real district ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def district_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[SchoolSummary]]:
    from operator_app.samples.district import build_district
    from operator_app.store.workspace import Workspace

    folder = tmp_path_factory.mktemp("district-ui")
    files = build_district(50, seed=5).write(folder / "exports")
    db = folder / "district.sqlite3"
    ws = Workspace(db)
    try:
        ws.import_files(files.all)
        ws.run_checks()
        return db, ws.school_summaries()
    finally:
        ws.close()


@pytest.fixture
def district_window(qtbot, district_db, prompts: Recording, settings):  # type: ignore[no-untyped-def]
    from operator_app.ui.main_window import MainWindow

    db, _ = district_db
    w = MainWindow(db, settings=settings)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.district_loaded, timeout=60000):
        pass
    qtbot.waitUntil(lambda: not w.runner.is_busy(), timeout=60000)
    yield w
    w.shutdown()


def test_real_district_totals_match_the_store(district_window, district_db) -> None:
    _, summaries = district_db
    panel = district_window.district
    assert len(summaries) == 50
    assert panel.model.all_rows() == summaries
    assert district_window.tabs.isTabVisible(district_window.tabs.indexOf(panel))
    total = panel.total()
    for field in ("n_ptk", "n_matched", "n_invalid", "n_warning", "n_info", "n_new", "n_fixed"):
        assert getattr(total, field) == sum(getattr(s, field) for s in summaries), field
    actors: Counter[str] = Counter()
    for s in summaries:
        actors.update(s.by_actor)
    assert total.by_actor == dict(actors)
    assert total.n_ptk > 1000 and total.n_invalid + total.n_warning > 0
    # the footer shows it: PTK total in the PTK column
    assert panel.footer.model().index(0, PTK).data() == str(total.n_ptk)
    kec = summaries[0].kecamatan
    panel.kecamatan.setCurrentIndex(panel.kecamatan.findData(kec))
    mine = [s for s in summaries if s.kecamatan == kec]
    assert sorted(s.school_id for s in panel.model.rows()) == sorted(s.school_id for s in mine)
    assert panel.total().n_ptk == sum(s.n_ptk for s in mine)
    # the picker knows every school with its counts
    choices = district_window.filters.school.choices()
    assert {c.school_id for c in choices} == {s.school_id for s in summaries}
    assert all(c.n_ptk is not None for c in choices)


def test_double_click_opens_the_school(qtbot, district_window) -> None:
    w = district_window
    w.tabs.setCurrentWidget(w.district)
    table = w.district.table
    index = table.model().index(3, NAME)
    school_id = index.data(IdRole)
    at = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=at)  # as a real one does
    assert w.filters.current_school() is None  # one click only selects
    with qtbot.waitSignal(w.overview_loaded, timeout=20000):
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert w.filters.current_school() == school_id
    assert w.filters.school.currentText() == index.sibling(index.row(), NAME).data()
    assert w.tabs.currentWidget() is w.splitter
    rows = [
        w.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 3) for r in range(w.proxy.rowCount())
    ]
    assert rows and all(r.school_id == school_id for r in rows)
    # Enter on another school does the same
    w.tabs.setCurrentWidget(w.district)
    other = table.model().index(0, NAME)
    table.setCurrentIndex(other)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert w.filters.current_school() == other.data(IdRole) != school_id


def test_rekap_action_writes_the_workbook(
    qtbot, district_window, prompts: Recording, tmp_path
) -> None:
    from openpyxl import load_workbook

    w = district_window
    out = tmp_path / "rekap"  # no suffix: .xlsx is added
    prompts.answers += [str(out), False]  # the save dialog, then "open the folder?" no
    with qtbot.waitSignal(w.rekap_flow.written, timeout=60000) as got:
        w.act_rekap.trigger()
    result = got.args[0]
    assert result.path == tmp_path / "rekap.xlsx" and result.n_schools == 50
    kecamatan = {s.kecamatan for s in w.district.model.rows()}
    book = load_workbook(result.path, read_only=True)
    try:
        assert book.sheetnames[0] == "Ringkasan"
        assert len(book.sheetnames) == 1 + len(kecamatan) == 1 + result.n_kecamatan
        assert {name.lower() for name in book.sheetnames[1:]} == {k.lower()[:28] for k in kecamatan}
    finally:
        book.close()
    assert prompts.shown[-1][0] == "ask" and "50 sekolah" in prompts.shown[-1][2]


def test_rekap_of_an_empty_database_says_so(qtbot, window, fake_ws, prompts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    fake_ws.has_data = lambda: False
    out = tmp_path / "rekap.xlsx"
    prompts.answers.append(str(out))
    window.district.btn_rekap.click()  # the Dinas tab's button runs the same flow
    qtbot.waitUntil(lambda: any(s[0] == "error" for s in prompts.shown), timeout=5000)
    error = next(s for s in prompts.shown if s[0] == "error")
    assert "Database masih kosong" in error[2]
    assert not out.exists()


def test_rekap_cancelled_in_the_dialog_writes_nothing(window, prompts) -> None:  # type: ignore[no-untyped-def]
    prompts.answers.append(None)  # the save dialog cancelled
    window.act_rekap.trigger()
    assert prompts.shown[-1][0] == "save_file" and not window.runner.is_busy()


def test_rekap_asks_before_replacing_the_file_the_added_suffix_names(
    window, prompts, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Typed "rekap", and rekap.xlsx is there: the save dialog asked about "rekap" only."""
    existing = tmp_path / "rekap.xlsx"
    existing.write_bytes(b"laporan minggu lalu")
    prompts.answers += [str(tmp_path / "rekap"), False]  # the save dialog, then "replace?" no
    window.act_rekap.trigger()
    assert prompts.shown[-1][0] == "ask" and "rekap.xlsx sudah ada" in prompts.shown[-1][2]
    assert not window.runner.is_busy() and existing.read_bytes() == b"laporan minggu lalu"
