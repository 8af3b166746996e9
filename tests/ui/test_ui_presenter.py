"""The presenter loads what the window shows, without a window: the fake Workspace and a runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_workspace import FakeWorkspace

from operator_app.store.recovery import DamagedDatabaseError
from operator_app.ui.presenter import ChecklistData, WindowPresenter
from operator_app.ui.runner import TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qtbot):  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    r.wait()


def _opened(qtbot, presenter: WindowPresenter, path: Path) -> list[object]:  # type: ignore[no-untyped-def]
    rows: list[object] = []
    presenter.rows_ready.connect(lambda schools, people: rows.append((schools, people)))
    with qtbot.waitSignal(presenter.opened, timeout=5000) as opened:
        presenter.open(path)
    qtbot.waitUntil(lambda: bool(rows), timeout=5000)
    return [opened.args, rows[0]]


def test_open_then_rows(qtbot, runner: TaskRunner) -> None:
    fake = FakeWorkspace(demo=True)
    presenter = WindowPresenter(runner, lambda _p: fake)
    (path, demo), (schools, rows) = _opened(qtbot, presenter, Path("x.sqlite3"))
    assert (path.path, demo) == (Path("x.sqlite3"), True)
    assert presenter.workspace() is fake
    assert [s.name for s in schools] == [s.name for s in fake.schools()]
    assert len(rows) == len(fake.person_rows())


def test_reopening_closes_the_previous_workspace(qtbot, runner: TaskRunner) -> None:
    first, second = FakeWorkspace(), FakeWorkspace()
    spaces = iter([first, second])
    presenter = WindowPresenter(runner, lambda _p: next(spaces))
    _opened(qtbot, presenter, Path("a.sqlite3"))
    _opened(qtbot, presenter, Path("b.sqlite3"))
    assert first.closed and not second.closed and presenter.ws is second


def test_an_open_superseded_by_a_newer_one_is_closed(qtbot, runner: TaskRunner) -> None:
    """Two opens in a row (a double click, the connect dialog after a recent file): the first
    result is dropped by the runner and its database closed, not left to the garbage collector."""
    first, second = FakeWorkspace(), FakeWorkspace()
    spaces = iter([first, second])
    presenter = WindowPresenter(runner, lambda _p: next(spaces))
    with qtbot.waitSignal(presenter.opened, timeout=5000) as opened:
        presenter.open(Path("a.sqlite3"))
        presenter.open(Path("b.sqlite3"))
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)
    assert opened.args[0].path == Path("b.sqlite3")
    assert presenter.ws is second and not second.closed
    assert first.closed


def test_detail_overview_and_checklist(qtbot, runner: TaskRunner) -> None:
    fake = FakeWorkspace()
    presenter = WindowPresenter(runner, lambda _p: fake)
    _opened(qtbot, presenter, Path("x.sqlite3"))
    key = next(r.person_key for r in fake.person_rows() if r.n_findings)
    with qtbot.waitSignal(presenter.detail_ready, timeout=5000) as detail:
        presenter.load_detail(key)
    assert detail.args[0].row.person_key == key
    with qtbot.waitSignal(presenter.overview_ready, timeout=5000) as overview:
        presenter.load_overview(2)
    total, per_school = overview.args
    assert total.school.id == 2 and [school.id for school, _counts in per_school] == [2]
    assert per_school[0][1] == total.by_severity
    got: list[ChecklistData] = []
    presenter.load_checklist(None, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert len(got[0].schools) == 3 and got[0].findings == fake.findings()


def test_a_person_gone_after_a_recheck_shows_nothing_quietly(qtbot, runner: TaskRunner) -> None:
    presenter = WindowPresenter(runner, lambda _p: FakeWorkspace())
    _opened(qtbot, presenter, Path("x.sqlite3"))
    failed: list[object] = []
    presenter.failed.connect(failed.append)
    with qtbot.waitSignal(presenter.detail_ready, timeout=5000) as detail:
        presenter.load_detail("nik:tidak-ada")
    assert detail.args == [None] and failed == []


def test_damaged_database_goes_to_recovery(qtbot, runner: TaskRunner, tmp_path: Path) -> None:
    exc = DamagedDatabaseError("rusak", db=tmp_path / "a.sqlite3", moved_to=tmp_path, backup=None)

    def factory(_p: Path) -> FakeWorkspace:
        raise exc

    presenter = WindowPresenter(runner, factory)
    failed: list[object] = []
    presenter.failed.connect(failed.append)
    with qtbot.waitSignal(presenter.damaged, timeout=5000) as damaged:
        presenter.open(tmp_path / "a.sqlite3")
    assert damaged.args == [exc] and failed == [] and presenter.ws is None


def test_close_workspace_is_queued_behind_running_work(qtbot, runner: TaskRunner) -> None:
    fake = FakeWorkspace()
    presenter = WindowPresenter(runner, lambda _p: fake)
    _opened(qtbot, presenter, Path("x.sqlite3"))
    presenter.close_workspace()
    assert presenter.ws is None  # at once, for the window; the close itself runs on the pool
    qtbot.waitUntil(lambda: fake.closed, timeout=5000)
