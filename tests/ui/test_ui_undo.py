"""Marking a finding is an undoable command that reaches the Workspace and back."""

from __future__ import annotations

import pytest
from fake_workspace import FakeWorkspace

from operator_app.core.workflow import NOTE_REQUIRED_MESSAGE
from operator_app.ui.interaction import Recording

pytestmark = pytest.mark.gui


def _status(ws: FakeWorkspace, key: tuple[str, str, str]) -> tuple[str, str | None]:
    f = next(f for f in ws.findings() if f.key == key)
    return f.status, f.note


def _idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=5000)


def test_mark_and_undo_through_detail_panel(
    qtbot, window, fake_ws: FakeWorkspace, prompts: Recording
) -> None:
    row = next(r for r in fake_ws.person_rows() if r.n_findings)
    with qtbot.waitSignal(window.detail_loaded, timeout=5000):
        window.select_person(row.person_key)
    finding = window.detail.current_finding()
    assert finding is not None and finding.status == "baru"

    prompts.answers.append("diajukan lewat Verval PTK 20-11")
    with qtbot.waitSignal(window.detail_loaded, timeout=5000):
        window.detail.btn_diajukan.click()
    assert _status(fake_ws, finding.key) == ("diajukan", "diajukan lewat Verval PTK 20-11")
    assert window.detail.current_finding().status == "diajukan"
    assert window.act_undo.isEnabled()

    with qtbot.waitSignal(window.detail_loaded, timeout=5000):
        window.act_undo.trigger()
    assert _status(fake_ws, finding.key) == ("baru", None)

    with qtbot.waitSignal(window.detail_loaded, timeout=5000):
        window.act_redo.trigger()
    assert _status(fake_ws, finding.key)[0] == "diajukan"
    _idle(qtbot, window)


def test_ignore_needs_a_note(qtbot, window, fake_ws: FakeWorkspace, prompts: Recording) -> None:
    f = next(f for f in fake_ws.findings() if f.person_key)
    prompts.answers.append("   ")
    window.decider.mark(f.key, "diabaikan")
    assert window.stack.count() == 0
    assert prompts.shown[-1] == ("warn", "Catatan wajib", NOTE_REQUIRED_MESSAGE)  # the store's rule
    prompts.answers.append(None)  # Cancel in the note dialog
    window.decider.mark(f.key, "selesai")
    assert window.stack.count() == 0


def test_match_unor_alias_commands_undo(
    qtbot, window, fake_ws: FakeWorkspace, prompts: Recording
) -> None:
    window.decider.decide_match("nik:1", "siasn:2", "confirm")
    window.decider.unor_condition("nik:1", "B")
    window.decider.add_alias("SDN 3 SUKAMAJU", 1)
    _idle(qtbot, window)
    assert fake_ws.match_decisions["nik:1"] == "confirm"
    assert fake_ws.unor_conditions["nik:1"] == "B"
    assert fake_ws.aliases == {"SDN 3 SUKAMAJU": 1}
    for _ in range(3):
        window.stack.undo()
    _idle(qtbot, window)
    assert fake_ws.match_decisions["nik:1"] is None
    assert fake_ws.unor_conditions["nik:1"] is None
    assert fake_ws.aliases == {}
