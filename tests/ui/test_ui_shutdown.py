"""Closing never waits on the GUI thread: work is cancelled, the database is closed and the
window goes once the workers have returned."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from fake_workspace import FakeWorkspace

from operator_app.core.errors import Cancelled
from operator_app.ui.interaction import Recording
from operator_app.ui.runner import TaskRunner

pytestmark = pytest.mark.gui


def _gated(gate: threading.Event, started: threading.Event):  # type: ignore[no-untyped-def]
    def work(_p, cancel) -> str:  # type: ignore[no-untyped-def]
        started.set()
        while not gate.wait(0.01):
            if cancel():
                raise Cancelled()
        return "done"

    return work


def test_shutdown_cancels_and_calls_back_when_the_worker_returns(qtbot) -> None:
    runner = TaskRunner()
    gate, started = threading.Event(), threading.Event()
    results: list[object] = []
    idle: list[bool] = []
    runner.run_task(_gated(gate, started), on_success=results.append, on_error=results.append)
    assert started.wait(5)
    runner.shutdown(lambda: idle.append(runner.is_busy()))
    assert idle == []  # returned at once: the worker is still running
    qtbot.waitUntil(lambda: bool(idle), timeout=5000)
    assert idle == [False]
    assert results == []  # its Cancelled is not reported while closing
    later = runner.run_task(lambda _p, _c: "new", on_success=results.append)
    assert later.done and later.cancelled() and not runner.is_busy()  # nothing new starts
    runner.wait()
    assert results == []


def test_shutdown_lets_a_decision_being_saved_finish(qtbot) -> None:
    runner = TaskRunner()
    gate, started = threading.Event(), threading.Event()
    saved: list[str] = []

    def save(_p, _c) -> None:  # type: ignore[no-untyped-def]
        started.set()
        gate.wait(5)
        saved.append("saved")

    runner.run_task(save, on_success=lambda _r: None, cancellable=False)
    assert started.wait(5)
    idle: list[bool] = []
    runner.shutdown(lambda: idle.append(True))
    gate.set()
    qtbot.waitUntil(lambda: bool(idle), timeout=5000)
    assert saved == ["saved"]


def test_shutdown_when_idle_calls_back_at_once(qtbot) -> None:
    runner = TaskRunner()
    idle: list[bool] = []
    runner.shutdown(lambda: idle.append(True))
    assert idle == [True]


def test_closing_the_window_while_importing_does_not_block(
    qtbot, window, fake_ws: FakeWorkspace, prompts: Recording
) -> None:
    fake_ws.import_gate = threading.Event()  # the fake import runs until cancelled
    window.show()
    window.import_flow.run_import([Path("daftar-guru-SD.xlsx")])
    with qtbot.waitSignal(window.runner.progress, timeout=5000):
        pass
    window.close()  # asks (Recording: yes), cancels, returns at once
    assert prompts.shown[-1][0] == "ask"
    assert window.isVisible() and not fake_ws.closed  # the worker has not returned yet
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert fake_ws.closed and window.ws is None
    assert ("run_checks", ()) not in fake_ws.calls
    assert not any(kind == "info" for kind, *_ in prompts.shown)  # no "dibatalkan" while quitting


def test_closing_an_idle_window_closes_the_database(qtbot, window, fake_ws: FakeWorkspace) -> None:
    window.show()
    window.close()
    assert not window.isVisible() and fake_ws.closed
