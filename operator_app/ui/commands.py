"""Operator decisions as QUndoCommands: each calls a Workspace method in the background.

Every command carries the version of its decision (issue 14): at first the version the operator
was shown, then the one its own last redo or undo produced (a compare-and-set that succeeded
turned version v into v + 1), so an undo is itself a decision made on the version the redo
produced. A call made on stale data is refused by the store (StaleEditError) and changes
nothing: the command is dead from then on (its undo and redo do nothing and the stack drops it)
and `WorkspaceCalls.refused` carries the error with a command that would re-apply the same value
on the newer version.

The runner's pool is serial, so an undo always runs after the redo it reverses has finished;
the version is read and advanced inside the worker for that reason.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand

from operator_app.core.errors import StaleEditError, UserError
from operator_app.core.model import WorkflowStatus
from operator_app.core.progress import CancelCheck, Progress
from operator_app.core.workflow import parse_status
from operator_app.ui.labels import code_label, workflow_label
from operator_app.ui.runner import TaskRunner
from operator_app.ui.workspace_api import WorkspaceApi


class WorkspaceCalls(QObject):
    """Runs `fn(workspace)` in the background and announces which person changed.

    `operator_name` (read on the GUI thread at each call) is who the decision is recorded as on
    SQLite; on a PostgreSQL server the store records the login instead.
    """

    changed = Signal(str)  # person_key ("" = everything may have changed)
    refused = Signal(object, object)  # StaleEditError, the refused _Command

    def __init__(
        self,
        runner: TaskRunner,
        workspace: Callable[[], WorkspaceApi | None],
        operator_name: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(runner)
        self.runner = runner
        self.workspace = workspace
        self.operator_name = operator_name

    def call(
        self,
        fn: Callable[[WorkspaceApi], object],
        person_key: str,
        on_refused: Callable[[StaleEditError], None] | None = None,
    ) -> None:
        ws = self.workspace()
        name = " ".join(str(self.operator_name() or "").split()) or None

        def work(_p: Progress, _c: CancelCheck) -> object:
            if ws is None:  # a backup is being restored
                raise UserError(
                    QCoreApplication.translate(
                        "Commands", "Belum ada database yang terbuka; coba lagi sebentar lagi."
                    )
                )
            ws.operator_name = None if ws.is_server else name
            return fn(ws)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, StaleEditError):
                self.changed.emit(person_key)  # the detail reloads to the newer value
                if on_refused is not None:
                    on_refused(exc)
                return
            handler = self.runner.default_error_handler
            if handler is None:
                raise exc
            handler(exc)

        self.runner.run_task(
            work,
            on_success=lambda _r: self.changed.emit(person_key),
            on_error=failed,
            progress=False,
            cancellable=False,
            title=QCoreApplication.translate("Commands", "Menyimpan keputusan"),
        )


class _Command(QUndoCommand):
    def __init__(
        self, calls: WorkspaceCalls, person_key: str, text: str, expected: int | None
    ) -> None:
        super().__init__(text)
        self.calls = calls
        self.person_key = person_key
        self.prev: Any = None
        self.version = expected  # what the next redo/undo expects (None: unconditional)
        self.dead = False  # refused once: nothing more to do or undo
        self.school_names: dict[int, str] = {}  # for the refusal's message (aliases)

    def _do(self, ws: WorkspaceApi, expected: int | None) -> Any:
        raise NotImplementedError

    def _undo(self, ws: WorkspaceApi, prev: Any, expected: int | None) -> None:
        raise NotImplementedError

    def again(self, err: StaleEditError) -> _Command | None:
        """A fresh command making the refused call again on the version that won."""
        raise NotImplementedError

    def _step(self, action: Callable[[WorkspaceApi, int | None], None]) -> Callable[..., None]:
        def work(ws: WorkspaceApi) -> None:
            if self.dead:
                return
            seen = self.version
            try:
                action(ws, seen)
            except StaleEditError:
                self.dead = True
                self._on_stale(ws)
                raise
            self.version = None if seen is None else seen + 1

        return work

    def _on_stale(self, ws: WorkspaceApi) -> None:
        """Worker thread, after a refusal: read what the message needs."""

    def _refused(self, err: StaleEditError) -> None:
        with contextlib.suppress(RuntimeError):  # RuntimeError: the stack deleted it already
            self.setObsolete(True)  # the stack drops it at its next undo/redo
        self.calls.refused.emit(err, self)

    def redo(self) -> None:
        def do(ws: WorkspaceApi, seen: int | None) -> None:
            self.prev = self._do(ws, seen)

        self.calls.call(self._step(do), self.person_key, self._refused)

    def undo(self) -> None:
        self.calls.call(
            self._step(lambda ws, seen: self._undo(ws, self.prev, seen)),
            self.person_key,
            self._refused,
        )


class SetStatusCommand(_Command):
    def __init__(
        self,
        calls: WorkspaceCalls,
        finding_key: tuple[str, str, str],
        status: WorkflowStatus,
        note: str | None,
        expected: int | None = None,
    ) -> None:
        text = QCoreApplication.translate("Commands", "Tandai {0}: {1}").format(
            workflow_label(status), code_label(finding_key[1])
        )
        super().__init__(calls, finding_key[0], text, expected)
        self.finding_key = finding_key
        self.status = status
        self.note = note

    def _do(self, ws: WorkspaceApi, expected: int | None) -> Any:
        return ws.set_status(self.finding_key, self.status, self.note, expected_version=expected)

    def _undo(self, ws: WorkspaceApi, prev: Any, expected: int | None) -> None:
        status, note = prev
        ws.set_status(self.finding_key, status, note, expected_version=expected)

    def again(self, err: StaleEditError) -> _Command | None:
        status = parse_status(err.attempted_value or "")
        return SetStatusCommand(
            self.calls, self.finding_key, status, err.attempted_note, err.current_version
        )


class DecideMatchCommand(_Command):
    def __init__(
        self,
        calls: WorkspaceCalls,
        person_key: str,
        siasn_key: str,
        decision: str | None,
        expected: int | None = None,
    ) -> None:
        text = {
            "confirm": QCoreApplication.translate("Commands", "Konfirmasi padanan"),
            "reject": QCoreApplication.translate("Commands", "Tolak padanan"),
        }.get(decision or "", QCoreApplication.translate("Commands", "Lupakan keputusan padanan"))
        super().__init__(calls, person_key, text, expected)
        self.siasn_key = siasn_key
        self.decision = decision

    def _do(self, ws: WorkspaceApi, expected: int | None) -> Any:
        return ws.decide_match(self.person_key, self.siasn_key, self.decision, expected)

    def _undo(self, ws: WorkspaceApi, prev: Any, expected: int | None) -> None:
        ws.decide_match(self.person_key, self.siasn_key, prev, expected)

    def again(self, err: StaleEditError) -> _Command | None:
        return DecideMatchCommand(
            self.calls, self.person_key, self.siasn_key, err.attempted_value, err.current_version
        )


class UnorConditionCommand(_Command):
    def __init__(
        self,
        calls: WorkspaceCalls,
        person_key: str,
        condition: str | None,
        expected: int | None = None,
    ) -> None:
        super().__init__(
            calls,
            person_key,
            QCoreApplication.translate("Commands", "Pilih kondisi unor {0}").format(
                condition or "-"
            ),
            expected,
        )
        self.condition = condition

    def _do(self, ws: WorkspaceApi, expected: int | None) -> Any:
        return ws.set_unor_condition(self.person_key, self.condition, expected)

    def _undo(self, ws: WorkspaceApi, prev: Any, expected: int | None) -> None:
        ws.set_unor_condition(self.person_key, prev, expected)

    def again(self, err: StaleEditError) -> _Command | None:
        return UnorConditionCommand(
            self.calls, self.person_key, err.attempted_value, err.current_version
        )


class AliasCommand(_Command):
    """'This SIASN unor is school `school_id`' (None: no longer an alias). Undo restores what
    the unor pointed to before, or removes the alias again. `person_key` is the teacher whose
    detail it was decided from (that detail is reloaded)."""

    def __init__(
        self,
        calls: WorkspaceCalls,
        unor_name: str,
        school_id: int | None,
        expected: int | None = None,
        person_key: str = "",
    ) -> None:
        text = (
            QCoreApplication.translate("Commands", "Tambah alias nama sekolah: {0}")
            if school_id is not None
            else QCoreApplication.translate("Commands", "Hapus alias nama sekolah: {0}")
        )
        super().__init__(calls, person_key, text.format(unor_name), expected)
        self.unor_name = unor_name
        self.school_id = school_id

    def _on_stale(self, ws: WorkspaceApi) -> None:
        self.school_names = {s.id: s.name for s in ws.schools()}

    @staticmethod
    def _point(ws: WorkspaceApi, unor_name: str, school: int | None, seen: int | None) -> None:
        if school is None:
            ws.remove_unor_alias(unor_name, seen)
        else:
            ws.add_unor_alias(unor_name, school, seen)

    def _do(self, ws: WorkspaceApi, expected: int | None) -> Any:
        before = dict(ws.unor_aliases()).get(self.unor_name)
        self._point(ws, self.unor_name, self.school_id, expected)
        return before

    def _undo(self, ws: WorkspaceApi, prev: Any, expected: int | None) -> None:
        self._point(ws, self.unor_name, prev, expected)

    def again(self, err: StaleEditError) -> _Command | None:
        school = int(err.attempted_value) if err.attempted_value else None
        return AliasCommand(
            self.calls, self.unor_name, school, err.current_version, self.person_key
        )


AddAliasCommand = AliasCommand  # the name the window used before aliases could be removed
