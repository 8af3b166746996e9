"""Turns the detail panel's requests into undoable commands (asking for a note where needed)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from operator_app.core.workflow import needs_note, parse_status, status_problem
from operator_app.ui.commands import (
    AddAliasCommand,
    DecideMatchCommand,
    SetStatusCommand,
    UnorConditionCommand,
    WorkspaceCalls,
)
from operator_app.ui.detail import DetailPanel
from operator_app.ui.interaction import interaction
from operator_app.ui.labels import workflow_label


class Decider(QObject):
    def __init__(self, calls: WorkspaceCalls, stack: QUndoStack, parent: QWidget) -> None:
        super().__init__(parent)
        self.calls = calls
        self.stack = stack
        self.parent_widget = parent

    def serve(self, detail: DetailPanel) -> None:
        """Take the detail panel's requests (status, match, unor condition, alias)."""
        detail.status_requested.connect(self.mark)
        detail.match_requested.connect(self.decide_match)
        detail.unor_condition_requested.connect(self.unor_condition)
        detail.alias_requested.connect(self.add_alias)

    def mark(self, finding_key: tuple[str, str, str], state: str) -> None:
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
        self.stack.push(SetStatusCommand(self.calls, finding_key, status, note))

    def decide_match(self, person_key: str, siasn_key: str, decision: object) -> None:
        self.stack.push(DecideMatchCommand(self.calls, person_key, siasn_key, str(decision)))

    def unor_condition(self, person_key: str, condition: object) -> None:
        self.stack.push(UnorConditionCommand(self.calls, person_key, str(condition)))

    def add_alias(self, unor_name: str, school_id: int) -> None:
        question = self.tr(
            'Catat bahwa unor SIASN "{0}" adalah sekolah ini? Semua guru dengan unor ini '
            "akan dianggap berada di sekolah yang sama."
        ).format(unor_name)
        if interaction().ask(self.tr("Tambah alias nama sekolah"), question, self.parent_widget):
            self.stack.push(AddAliasCommand(self.calls, unor_name, school_id))
