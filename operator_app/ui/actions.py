"""Turns the detail panel's requests into undoable commands (asking for a note where needed).

Each request carries the version of the decision the panel showed (issue 14); a command made
on stale data is refused by the store, and the operator is then shown who changed it, when and
to what, with their own text kept and the choice to apply it again on the newer version.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from operator_app.core.errors import StaleEditError
from operator_app.core.workflow import needs_note, parse_status, status_problem
from operator_app.ui.commands import (
    AliasCommand,
    DecideMatchCommand,
    SetStatusCommand,
    UnorConditionCommand,
    WorkspaceCalls,
    _Command,
)
from operator_app.ui.detail import DetailPanel
from operator_app.ui.interaction import interaction
from operator_app.ui.labels import workflow_label
from operator_app.ui.stale import stale_message


def _version(expected: object) -> int | None:
    return expected if isinstance(expected, int) else None


class Decider(QObject):
    def __init__(self, calls: WorkspaceCalls, stack: QUndoStack, parent: QWidget) -> None:
        super().__init__(parent)
        self.calls = calls
        self.stack = stack
        self.parent_widget = parent
        calls.refused.connect(self.refused)

    def serve(self, detail: DetailPanel) -> None:
        """Take the detail panel's requests (status, match, unor condition, alias)."""
        detail.status_requested.connect(self.mark)
        detail.match_requested.connect(self.decide_match)
        detail.unor_condition_requested.connect(self.unor_condition)
        detail.alias_requested.connect(self.add_alias)

    def mark(self, finding_key: tuple[str, str, str], state: str, expected: object = None) -> None:
        status = parse_status(state)  # the panel's buttons send only the four states
        note: str | None = None
        if state != "baru":
            label = (
                self.tr("Alasan temuan ini diabaikan (wajib):")
                if needs_note(state)
                else self.tr("Catatan (boleh kosong), mis. tanggal pengajuan atau nomor tiket:")
            )
            answer = interaction().ask_text(
                self.tr("Tandai {0}").format(workflow_label(state)), label, "", self.parent_widget
            )
            if answer is None:
                return
            note = answer.strip() or None
            problem = status_problem(state, note)  # the store's own rule (core/workflow.py)
            if problem is not None:
                interaction().warn(
                    self.tr("Catatan wajib"),
                    QCoreApplication.translate("Workflow", problem),
                    self.parent_widget,
                )
                return
        self.stack.push(SetStatusCommand(self.calls, finding_key, status, note, _version(expected)))

    def decide_match(
        self, person_key: str, siasn_key: str, decision: object, expected: object = None
    ) -> None:
        self.stack.push(
            DecideMatchCommand(self.calls, person_key, siasn_key, str(decision), _version(expected))
        )

    def unor_condition(self, person_key: str, condition: object, expected: object = None) -> None:
        self.stack.push(
            UnorConditionCommand(self.calls, person_key, str(condition), _version(expected))
        )

    def add_alias(
        self, unor_name: str, school_id: int, expected: object = None, person_key: str = ""
    ) -> None:
        question = self.tr(
            'Catat bahwa unor SIASN "{0}" adalah sekolah ini? Semua guru dengan unor ini '
            "akan dianggap berada di sekolah yang sama."
        ).format(unor_name)
        if interaction().ask(self.tr("Tambah alias nama sekolah"), question, self.parent_widget):
            self.stack.push(
                AliasCommand(self.calls, unor_name, school_id, _version(expected), person_key)
            )

    def refused(self, err: StaleEditError, cmd: _Command) -> None:
        """A command made on stale data: say who changed it, when and to what; keep the
        operator's text; on request apply it again on top of the newer value (undoable)."""
        title, text, kept = stale_message(err, cmd)
        again = cmd.again(err)
        reapply = interaction().stale_edit(title, text, kept, again is not None, self.parent_widget)
        if reapply and again is not None:
            self.stack.push(again)
