"""Versioned decisions through the window (issue 14 item 4): window A shows a teacher, another
Workspace B on the same database changes the same decision, A's edit is then refused with B's
name, the time and the newer value, A's own text is kept and can be re-applied; the history
shows every attempt, the refused ones marked. On SQLite (two Workspaces on one file) and on
PostgreSQL (the test run's throwaway server, two logins)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from builders import SampleSchool, person_rows, write_dapodik_xlsx, write_siasn_csv
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from operator_app.core.errors import StaleEditError
from operator_app.core.views import DecisionEvent
from operator_app.store.workspace import Workspace
from operator_app.ui.decision_text import local_time
from operator_app.ui.history import HistoryModel
from operator_app.ui.interaction import Recording
from operator_app.ui.settings import Settings

pytestmark = pytest.mark.gui

ALIAS_UNOR = "SD NEGERI 4 SUKAMAJU"  # the neighbouring school in SIASN: UNOR_BEDA


@dataclass(frozen=True)
class Shared:
    """The database both sessions open, and who is who in it."""

    db: str  # a SQLite path or a PostgreSQL URL
    kosong: tuple[str, str, str]  # the NIP_KOSONG finding of the doubtful teacher
    ragu: str  # that teacher (PADANAN_RAGU)
    beda: str  # the teacher whose SIASN unor is the neighbouring school (UNOR_BEDA)


def _files(folder: Path) -> list[Path]:
    """One school: a head, a teacher with NIP and NIK blank (NIP_KOSONG and a doubtful match
    on name and birth date), and one whose SIASN unor is the school next door (UNOR_BEDA)."""
    _, head, shead = person_rows("pns", seed=3)
    head["Jenis PTK"] = "Kepala Sekolah"
    _, d, s = person_rows("pns", seed=4)
    d["NIP"], d["NIK"] = "", ""
    _, m, ms = person_rows("pns", seed=5)
    ms["UNOR_NAMA"] = ALIAS_UNOR
    folder.mkdir(parents=True, exist_ok=True)
    school = SampleSchool(name="SD NEGERI 3 SUKAMAJU")
    return [
        write_dapodik_xlsx(folder / "daftar-guru.xlsx", school, [head, d, m], "guru"),
        write_siasn_csv(folder / "siasn.csv", [shead, s, ms]),
    ]


def _fill(db: str, folder: Path, **kw: object) -> Shared:
    ws = Workspace(db, **kw)  # type: ignore[arg-type]
    try:
        ws.import_files(_files(folder))
        ws.run_checks()
        found = {f.code: f for f in ws.findings()}
    finally:
        ws.close()
    ragu = found["PADANAN_RAGU"].person_key
    kosong = next(f for f in found.values() if f.code == "NIP_KOSONG" and f.person_key == ragu)
    return Shared(db, kosong.key, ragu, found["UNOR_BEDA"].person_key)


@pytest.fixture
def shared(tmp_path: Path) -> Shared:
    return _fill(str(tmp_path / "bersama.sqlite3"), tmp_path / "files")


@pytest.fixture
def budi(shared: Shared) -> Iterator[Workspace]:
    """The other operator: a second Workspace on the same database."""
    ws = Workspace(shared.db)
    ws.operator_name = "Budi"
    yield ws
    ws.close()


def _open_window(qtbot, db: str, settings: Settings):  # type: ignore[no-untyped-def]
    from operator_app.ui.main_window import MainWindow

    window = MainWindow(
        Path("bersama.sqlite3"), workspace_factory=lambda _p: Workspace(db), settings=settings
    )
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ws is not None and window.model.rowCount() > 0, timeout=30000)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=30000)
    return window


@pytest.fixture
def window(qtbot, shared: Shared, settings: Settings, prompts: Recording):  # type: ignore[no-untyped-def]
    settings.set("operator_name", "Sri")
    w = _open_window(qtbot, shared.db, settings)
    yield w
    w.shutdown()


def settle(qtbot, w, cond: Callable[[], bool]) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not w.runner.is_busy() and cond(), timeout=30000)


def show(qtbot, w, person_key: str, code: str | None = None) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.detail_loaded, timeout=30000):
        assert w.select_person(person_key)
    settle(qtbot, w, lambda: w.detail.detail is not None)
    if code is not None:
        codes = [w.detail.findings.finding_at(i).code for i in range(w.detail.findings.rowCount())]
        w.detail.findings_view.selectRow(codes.index(code))


def stale_prompts(prompts: Recording) -> list[tuple[str, str, str]]:
    return [s for s in prompts.shown if s[0] == "stale"]


def shown_status(w, key: tuple[str, str, str]) -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    d = w.detail.detail
    f = next(f for f in d.findings if f.key == key) if d else None
    return (f.status, f.note) if f else ("", None)


def history_rows(model: HistoryModel) -> list[DecisionEvent]:
    return [model.event_at(i) for i in range(model.rowCount())]


# -- workflow status ------------------------------------------------------------------------------
def test_stale_status_refused_named_kept_reapplied_and_in_history(
    qtbot, window, shared: Shared, budi: Workspace, prompts: Recording
) -> None:
    show(qtbot, window, shared.ragu, "NIP_KOSONG")
    assert window.detail.detail.versions.findings[shared.kosong] == 1
    # B changes the same finding while A looks at it
    seen = budi.decision_versions(shared.ragu).findings[shared.kosong]
    budi.set_status(shared.kosong, "diajukan", "tiket 12", expected_version=seen)
    budi_at = budi.decision_history(shared.ragu)[-1].at

    prompts.answers += ["NIP sudah diisi di Verval PTK", False]  # A's note, then "Batal"
    window.detail.btn_selesai.click()
    settle(qtbot, window, lambda: shown_status(window, shared.kosong)[0] == "diajukan")
    ((_, title, text),) = stale_prompts(prompts)
    assert title == "Sudah diubah orang lain"
    assert "oleh Budi pada " + local_time(budi_at) in text  # who and when, local time
    assert 'Nilai terbaru: Diajukan — "tiket 12"' in text  # the newer value
    assert "Perubahan Anda: Selesai" in text and "tidak disimpan" in text
    assert text.endswith("NIP sudah diisi di Verval PTK")  # A's own note, kept
    # nothing overwritten: B's value stands, and the detail shows it
    assert next(f for f in budi.findings() if f.key == shared.kosong).status == "diajukan"
    assert shown_status(window, shared.kosong) == ("diajukan", "tiket 12")
    newest = history_rows(window.detail.history)[0]
    assert (newest.outcome, newest.decided_by, newest.note) == (
        "refused",
        "Sri",
        "NIP sudah diisi di Verval PTK",
    )
    assert window.detail.pages.tabText(1) == "Riwayat keputusan (2) · 1 ditolak"

    # B again; this time A chooses "Terapkan lagi di atas nilai terbaru"
    seen = budi.decision_versions(shared.ragu).findings[shared.kosong]
    assert seen == 2  # a refused attempt changes no version
    budi.set_status(shared.kosong, "diajukan", "tiket 13", expected_version=seen)
    prompts.answers += ["NIP sudah diisi di Verval PTK", True]
    window.detail.btn_selesai.click()
    settle(qtbot, window, lambda: shown_status(window, shared.kosong)[0] == "selesai")
    assert len(stale_prompts(prompts)) == 2 and "tiket 13" in stale_prompts(prompts)[1][2]
    assert next(f for f in budi.findings() if f.key == shared.kosong).note == (
        "NIP sudah diisi di Verval PTK"
    )
    events = history_rows(window.detail.history)  # newest first
    assert [(e.outcome, e.decided_by, e.new_value) for e in events] == [
        ("applied", "Sri", "selesai"),
        ("refused", "Sri", "selesai"),
        ("applied", "Budi", "diajukan"),
        ("refused", "Sri", "selesai"),
        ("applied", "Budi", "diajukan"),
    ]
    assert window.detail.pages.tabText(1) == "Riwayat keputusan (5) · 2 ditolak"

    # the re-applied edit is an ordinary undoable command, made on the version it produced
    window.stack.undo()
    settle(qtbot, window, lambda: shown_status(window, shared.kosong)[0] == "diajukan")
    assert shown_status(window, shared.kosong) == ("diajukan", "tiket 13")
    assert budi.decision_history(shared.ragu)[-1].outcome == "applied"
    assert len(stale_prompts(prompts)) == 2


def test_undo_redo_pass_their_own_versions_and_a_stale_undo_is_refused(
    qtbot, window, shared: Shared, budi: Workspace, prompts: Recording
) -> None:
    show(qtbot, window, shared.ragu, "NIP_KOSONG")
    prompts.answers.append("diajukan 20-11")
    window.detail.btn_diajukan.click()
    settle(qtbot, window, lambda: shown_status(window, shared.kosong)[0] == "diajukan")
    for step, want in ((window.stack.undo, "baru"), (window.stack.redo, "diajukan")):
        step()  # no reload in between needed: the command knows the version it produced
        settle(qtbot, window, lambda want=want: shown_status(window, shared.kosong)[0] == want)
    assert not stale_prompts(prompts)
    history = budi.decision_history(shared.ragu)
    assert [(h.outcome, h.seen_version, h.version) for h in history] == [
        ("applied", 1, 2),
        ("applied", 2, 3),
        ("applied", 3, 4),
    ]
    assert {h.decided_by for h in history} == {"Sri"}  # the operator name from the settings

    # B changes it; A's undo was made on the version A's redo produced: refused, not overwritten
    budi.set_status(shared.kosong, "selesai", "sudah beres", expected_version=4)
    window.stack.undo()
    settle(qtbot, window, lambda: shown_status(window, shared.kosong)[0] == "selesai")
    ((_, _, text),) = stale_prompts(prompts)
    assert "Budi" in text and 'Selesai — "sudah beres"' in text and "Perubahan Anda: Baru" in text
    assert next(f for f in budi.findings() if f.key == shared.kosong).note == "sudah beres"
    # the refused command is dead: redo/undo over it do nothing and raise nothing
    assert window.stack.count() == 1
    window.stack.redo()
    window.stack.undo()
    settle(qtbot, window, lambda: True)
    assert window.stack.count() == 0  # obsolete: the stack dropped it instead of redoing it
    assert next(f for f in budi.findings() if f.key == shared.kosong).status == "selesai"
    assert [h.outcome for h in budi.decision_history(shared.ragu)][-2:] == ["applied", "refused"]


# -- match, unor condition, alias --------------------------------------------------------------------
def test_stale_match_confirmation_refused_then_reapplied(
    qtbot, window, shared: Shared, budi: Workspace, prompts: Recording
) -> None:
    show(qtbot, window, shared.ragu)
    assert window.detail.match_box.isVisibleTo(window.detail)
    assert window.detail.detail.versions.match == 0
    siasn_key = window.detail.detail.match.candidates[0].siasn_key
    budi.decide_match(shared.ragu, siasn_key, "reject", expected_version=0)

    prompts.answers.append(True)  # re-apply the confirmation on top of B's rejection
    window.detail.btn_confirm.click()
    settle(qtbot, window, lambda: len(budi.decision_history(shared.ragu)) >= 3)
    settle(qtbot, window, lambda: True)
    ((_, _, text),) = stale_prompts(prompts)
    assert "Keputusan padanan guru ini sudah diubah oleh Budi" in text
    assert "Nilai terbaru: padanan ditolak" in text
    assert "Perubahan Anda: padanan dikonfirmasi" in text
    match = [(h.outcome, h.decided_by, h.new_value) for h in budi.decision_history(shared.ragu)]
    assert [m for m in match if m[2] in ("confirm", "reject")] == [
        ("applied", "Budi", "reject"),
        ("refused", "Sri", "confirm"),
        ("applied", "Sri", "confirm"),
    ]
    assert budi.decision_versions(shared.ragu).match == 2


def test_stale_unor_condition_and_alias_refused(
    qtbot, window, shared: Shared, budi: Workspace, prompts: Recording
) -> None:
    show(qtbot, window, shared.beda)
    d = window.detail.detail
    assert d.row.unor == ALIAS_UNOR and d.alias_version == 0 and d.versions.unor_condition == 0
    school_id = d.row.school_id
    budi.set_unor_condition(shared.beda, "B", expected_version=0)

    prompts.answers.append(False)  # Batal: B's condition stays
    window.detail.radio_c.click()
    settle(qtbot, window, lambda: len(stale_prompts(prompts)) == 1)
    text = stale_prompts(prompts)[0][2]
    assert "Kondisi unor guru ini sudah diubah oleh Budi" in text
    assert "Nilai terbaru: Kondisi B (SIASN lama)" in text
    assert "Perubahan Anda: Kondisi C (Dapodik lama)" in text
    assert budi.person_detail(shared.beda).unor_condition == "B"
    assert window.detail.detail.versions.unor_condition == 1  # reloaded to the newer value
    assert window.detail.radio_b.isChecked() and not window.detail.radio_c.isChecked()

    budi.add_unor_alias(ALIAS_UNOR, school_id, expected_version=0)
    budi.remove_unor_alias(ALIAS_UNOR, expected_version=1)

    prompts.answers += [True, True]  # "add the alias?" yes; refused: re-apply on the newer one
    window.detail.btn_alias.click()
    settle(qtbot, window, lambda: budi.unor_aliases() != [])
    settle(qtbot, window, lambda: True)
    text = stale_prompts(prompts)[1][2]
    assert f"Alias unor «{ALIAS_UNOR}» sudah diubah oleh Budi" in text
    assert "Nilai terbaru: bukan alias (dihapus)" in text
    assert "Perubahan Anda: menunjuk SD NEGERI 3 SUKAMAJU" in text
    assert budi.unor_aliases() == [(ALIAS_UNOR, school_id)]
    assert budi.unor_alias_version(ALIAS_UNOR) == 3
    # undo of the re-applied alias: on the version it produced, back to no alias
    window.stack.undo()
    settle(qtbot, window, lambda: budi.unor_aliases() == [])
    assert budi.unor_alias_version(ALIAS_UNOR) == 4


# -- PostgreSQL: two logins; the login is who is recorded ------------------------------------------
def test_stale_status_on_postgresql_names_the_login(
    qtbot, tmp_path: Path, pg_make_database, settings: Settings, prompts: Recording
) -> None:
    db = pg_make_database("decisions_ui")
    shared = _fill(db.url, tmp_path / "files", migrate=True)
    settings.set("operator_name", "Sri")  # a free text: on a server the login counts
    window = _open_window(qtbot, db.url, settings)
    other = Workspace(db.admin_url)  # another login on the same server database
    try:
        show(qtbot, window, shared.ragu, "NIP_KOSONG")
        other.set_status(shared.kosong, "diajukan", "tiket 7", expected_version=1)
        login = other.decision_history(shared.ragu)[-1].decided_by
        assert login and login != db.owner

        prompts.answers += ["dari Dinas", True]
        window.detail.btn_diabaikan.click()
        settle(qtbot, window, lambda: shown_status(window, shared.kosong)[0] == "diabaikan")
        ((_, _, text),) = stale_prompts(prompts)
        assert f"oleh {login} pada " in text and 'Diajukan — "tiket 7"' in text
        events = history_rows(window.detail.history)
        assert [(e.outcome, e.decided_by) for e in events] == [
            ("applied", db.owner),
            ("refused", db.owner),
            ("applied", login),
        ]
    finally:
        window.shutdown()
        other.close()


# -- the history model ----------------------------------------------------------------------------------
def test_history_model(qtmodeltester, shared: Shared, budi: Workspace) -> None:
    budi.set_status(shared.kosong, "diajukan", "tiket 12", expected_version=1)
    budi.set_unor_condition(shared.beda, "C", expected_version=0)
    with pytest.raises(StaleEditError):
        budi.set_status(shared.kosong, "selesai", None, expected_version=1)
    model = HistoryModel()
    model.set_events(budi.decision_history(shared.ragu))
    qtmodeltester.check(model)
    texts = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert texts[0][0] == local_time(budi.decision_history(shared.ragu)[-1].at)  # newest first
    assert texts[0][1:] == [
        "Budi",
        "Status: NIP kosong di Dapodik",
        "Diajukan → Selesai",
        "DITOLAK",
        "",
    ]
    assert texts[1][3:] == ["Baru → Diajukan", "disimpan", "tiket 12"]
    foreground = Qt.ItemDataRole.ForegroundRole
    assert model.index(0, 0).data(foreground) is not None  # the refused attempt is marked
    assert model.index(1, 0).data(foreground) is None
    assert model.refused_count() == 1
    assert "sudah diubah orang lain" in model.index(0, model.HASIL).data(
        Qt.ItemDataRole.ToolTipRole
    )
    condition = HistoryModel()
    condition.set_events(budi.decision_history(shared.beda))
    qtmodeltester.check(condition)
    assert [condition.index(0, c).data() for c in (2, 3)] == [
        "Kondisi unor",
        "tanpa kondisi → Kondisi C (Dapodik lama)",
    ]


def test_refusal_dialog_keeps_the_text_copyable_and_offers_reapply(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    from operator_app.ui.stale import StaleEditDialog

    dialog = StaleEditDialog("Sudah diubah orang lain", "Baris satu\nBaris dua", "tiket 12", True)
    qtbot.addWidget(dialog)
    assert dialog.kept.toPlainText() == "tiket 12" and dialog.kept.isReadOnly()
    copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Salin teks")
    copy.click()
    assert QGuiApplication.clipboard().text() == "tiket 12"
    assert dialog.reapply.text() == "Terapkan lagi di atas nilai terbaru"
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.reapply.click()
    other = StaleEditDialog("Sudah diubah orang lain", "x", "C", False)
    qtbot.addWidget(other)
    assert other.reapply.isHidden()


def test_presenter_loads_versions_and_history_with_the_detail(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Off the GUI thread, in the order that can only refuse (versions before the rest)."""
    from fake_workspace import FakeWorkspace

    from operator_app.ui.presenter import WindowPresenter
    from operator_app.ui.runner import TaskRunner

    fake, runner = FakeWorkspace(), TaskRunner()
    presenter = WindowPresenter(runner, lambda _p: fake)
    with qtbot.waitSignal(presenter.opened, timeout=5000):
        presenter.open(Path("x.sqlite3"))
    row = next(r for r in fake.person_rows() if r.n_findings and r.unor)
    finding = next(f for f in fake.findings() if f.person_key == row.person_key)
    fake.operator_name = "Sri"
    fake.set_status(finding.key, "diajukan", "tiket 1", expected_version=1)
    fake.add_unor_alias(row.unor, 1, expected_version=0)
    order: list[str] = []
    for name in ("decision_versions", "person_detail", "decision_history"):
        method = getattr(fake, name)
        setattr(fake, name, lambda key, m=method, n=name: order.append(n) or m(key))
    with qtbot.waitSignal(presenter.detail_ready, timeout=5000) as ready:
        presenter.load_detail(row.person_key)
    detail = ready.args[0]
    assert order == ["decision_versions", "person_detail", "decision_history"]
    assert detail.versions.findings[finding.key] == 2 and detail.alias_version == 1
    assert [(h.decided_by, h.new_value, h.note) for h in detail.history] == [
        ("Sri", "diajukan", "tiket 1")
    ]
    runner.wait()
