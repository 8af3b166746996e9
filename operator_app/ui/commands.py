"""Operator decisions as QUndoCommands: each calls a Workspace method in the background.

The Workspace methods return the previous value; the command keeps it for undo. The runner's
pool is serial, so an undo always runs after the redo it reverses has finished.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand

from operator_app.core.errors import UserError
from operator_app.core.model import WorkflowStatus
from operator_app.core.progress import CancelCheck, Progress
from operator_app.ui.labels import code_label, workflow_label
from operator_app.ui.runner import TaskRunner
from operator_app.ui.workspace_api import WorkspaceApi


class WorkspaceCalls(QObject):
    """Runs `fn(workspace)` in the background and announces which person changed."""

    changed = Signal(str)  # person_key ("" = everything may have changed)

    def __init__(self, runner: TaskRunner, workspace: Callable[[], WorkspaceApi | None]) -> None:
        super().__init__(runner)
        self.runner = runner
        self.workspace = workspace

    def call(self, fn: Callable[[WorkspaceApi], object], person_key: str) -> None:
        ws = self.workspace()

        def work(_p: Progress, _c: CancelCheck) -> object:
            if ws is None:  # a backup is being restored
                raise UserError(
                    QCoreApplication.translate(
                        "Commands", "Belum ada database yang terbuka; coba lagi sebentar lagi."
                    )
                )
            return fn(ws)

        self.runner.run_task(
            work,
            on_success=lambda _r: self.changed.emit(person_key),
            progress=False,
            cancellable=False,
            title=QCoreApplication.translate("Commands", "Menyimpan keputusan"),
        )


class _Command(QUndoCommand):
    def __init__(self, calls: WorkspaceCalls, person_key: str, text: str) -> None:
        super().__init__(text)
        self.calls = calls
        self.person_key = person_key
        self.prev: Any = None

    def _do(self, ws: WorkspaceApi) -> Any:
        raise NotImplementedError

    def _undo(self, ws: WorkspaceApi, prev: Any) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        def work(ws: WorkspaceApi) -> None:
            self.prev = self._do(ws)

        self.calls.call(work, self.person_key)

    def undo(self) -> None:
        self.calls.call(lambda ws: self._undo(ws, self.prev), self.person_key)


class SetStatusCommand(_Command):
    def __init__(
        self,
        calls: WorkspaceCalls,
        finding_key: tuple[str, str, str],
        status: WorkflowStatus,
        note: str | None,
    ) -> None:
        text = QCoreApplication.translate("Commands", "Tandai {0}: {1}").format(
            workflow_label(status), code_label(finding_key[1])
        )
        super().__init__(calls, finding_key[0], text)
        self.finding_key = finding_key
        self.status = status
        self.note = note

    def _do(self, ws: WorkspaceApi) -> Any:
        return ws.set_status(self.finding_key, self.status, self.note)

    def _undo(self, ws: WorkspaceApi, prev: Any) -> None:
        status, note = prev
        ws.set_status(self.finding_key, status, note)


class DecideMatchCommand(_Command):
    def __init__(
        self, calls: WorkspaceCalls, person_key: str, siasn_key: str, decision: str | None
    ) -> None:
        text = (
            QCoreApplication.translate("Commands", "Konfirmasi padanan")
            if decision == "confirm"
            else QCoreApplication.translate("Commands", "Tolak padanan")
        )
        super().__init__(calls, person_key, text)
        self.siasn_key = siasn_key
        self.decision = decision

    def _do(self, ws: WorkspaceApi) -> Any:
        return ws.decide_match(self.person_key, self.siasn_key, self.decision)

    def _undo(self, ws: WorkspaceApi, prev: Any) -> None:
        ws.decide_match(self.person_key, self.siasn_key, prev)


class UnorConditionCommand(_Command):
    def __init__(self, calls: WorkspaceCalls, person_key: str, condition: str | None) -> None:
        super().__init__(
            calls,
            person_key,
            QCoreApplication.translate("Commands", "Pilih kondisi unor {0}").format(
                condition or "-"
            ),
        )
        self.condition = condition

    def _do(self, ws: WorkspaceApi) -> Any:
        return ws.set_unor_condition(self.person_key, self.condition)

    def _undo(self, ws: WorkspaceApi, prev: Any) -> None:
        ws.set_unor_condition(self.person_key, prev)


class AddAliasCommand(_Command):
    """Undo removes the alias again, or restores the school it pointed to before."""

    def __init__(self, calls: WorkspaceCalls, unor_name: str, school_id: int) -> None:
        super().__init__(
            calls,
            "",
            QCoreApplication.translate("Commands", "Tambah alias nama sekolah: {0}").format(
                unor_name
            ),
        )
        self.unor_name = unor_name
        self.school_id = school_id

    def _do(self, ws: WorkspaceApi) -> Any:
        before = dict(ws.unor_aliases()).get(self.unor_name)
        ws.add_unor_alias(self.unor_name, self.school_id)
        return before

    def _undo(self, ws: WorkspaceApi, prev: Any) -> None:
        if prev is None:
            ws.remove_unor_alias(self.unor_name)
        else:
            ws.add_unor_alias(self.unor_name, prev)
