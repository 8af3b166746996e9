"""Import through the background runner: previews, progress, cancel, summary; stale runs dropped."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from fake_workspace import FakeWorkspace

from operator_app.core.errors import Cancelled, UserError
from operator_app.ui.import_flow import ImportFlow
from operator_app.ui.interaction import Recording
from operator_app.ui.runner import TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    r.wait()


def test_runner_delivers_result_on_gui_thread(qtbot, runner: TaskRunner) -> None:
    import threading as th

    seen: list[object] = []
    main = th.get_ident()
    runner.run_task(lambda p, c: th.get_ident(), on_success=seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0] != main
    assert not runner.is_busy()


def test_runner_drops_superseded_results(qtbot, runner: TaskRunner) -> None:
    gate = threading.Event()
    seen: list[str] = []

    def slow(_p, _c) -> str:
        gate.wait(5)
        return "old"

    runner.run_task(slow, on_success=seen.append, key="rows")
    runner.run_task(lambda _p, _c: "new", on_success=seen.append, key="rows")
    gate.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)
    assert seen == ["new"]


def test_runner_errors_go_to_handler(qtbot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []

    def bad(_p, _c) -> None:
        raise UserError("File sedang dibuka di Excel.")

    runner.run_task(bad, on_success=lambda _r: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], UserError)


def test_import_with_progress_and_summary(
    qtbot, runner: TaskRunner, fake_ws: FakeWorkspace, prompts: Recording
) -> None:
    recent: list[list[str]] = []
    flow = ImportFlow(runner, lambda: fake_ws, None, recent.append)
    progress: list[tuple[int, int, str]] = []
    runner.progress.connect(lambda _h, d, t, text: progress.append((d, t, text)))
    paths = [Path("daftar-guru-SD.xlsx"), Path("export-siasn.csv")]
    with qtbot.waitSignal(flow.imported, timeout=5000):
        flow.start(paths)
    assert [c[0] for c in fake_ws.calls] == ["import_files", "run_checks"]
    assert progress and all(t in {100, 2} for _, t, _ in progress)
    assert prompts.shown[-1][1] == "Impor selesai"
    assert "temuan" in prompts.shown[-1][2]
    assert recent == [[str(p) for p in paths]]
    assert not any(kind == "previews" for kind, _, _ in prompts.shown)  # clear files: no dialog


def test_unclear_file_shows_preview_and_is_left_out(
    qtbot, runner: TaskRunner, fake_ws: FakeWorkspace, prompts: Recording
) -> None:
    flow = ImportFlow(runner, lambda: fake_ws, None)
    with qtbot.waitSignal(flow.imported, timeout=5000):
        flow.start([Path("daftar-guru-SD.xlsx"), Path("catatan.xlsx")])
    assert prompts.shown[0][0] == "previews"
    assert fake_ws.calls[0] == ("import_files", (Path("daftar-guru-SD.xlsx"),))


def test_preview_refused_writes_nothing(
    qtbot, runner: TaskRunner, fake_ws: FakeWorkspace, prompts: Recording
) -> None:
    flow = ImportFlow(runner, lambda: fake_ws, None)
    prompts.answers.append(False)
    with qtbot.waitSignal(flow.cancelled, timeout=5000):
        flow.start([Path("catatan.xlsx")])
    assert fake_ws.calls == []


def test_cancel_during_import(
    qtbot, runner: TaskRunner, fake_ws: FakeWorkspace, prompts: Recording
) -> None:
    fake_ws.import_gate = threading.Event()  # slows the fake import down until cancelled
    flow = ImportFlow(runner, lambda: fake_ws, None)
    handle = flow.run_import([Path("daftar-guru-SD.xlsx")])
    with qtbot.waitSignal(runner.progress, timeout=5000):
        pass
    with qtbot.waitSignal(flow.cancelled, timeout=5000):
        handle.cancel()
    assert ("run_checks", ()) not in fake_ws.calls
    assert prompts.shown[-1][1] == "Impor dibatalkan"
    assert Cancelled  # the core's exception is what the fake raised


def test_window_import_via_drop_path(
    qtbot, window, fake_ws: FakeWorkspace, prompts: Recording
) -> None:
    with qtbot.waitSignal(window.rows_loaded, timeout=5000):
        window.import_files([Path("daftar-guru-SD.xlsx")])
    assert window.settings.recent_files() == ["daftar-guru-SD.xlsx"]
    assert [a.text() for a in window.recent_menu.actions()] == ["daftar-guru-SD.xlsx"]
