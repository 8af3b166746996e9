"""What every background flow behind a menu action holds: the runner, the open Workspace,
the settings and the window that its dialogs belong to."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from operator_app.ui.runner import TaskRunner
from operator_app.ui.settings import Settings
from operator_app.ui.workspace_api import WorkspaceApi


class Flow(QObject):
    """Base of the export, Rekap, per-school and status flows: state only, no behaviour."""

    def __init__(
        self,
        runner: TaskRunner,
        workspace: Callable[[], WorkspaceApi | None],
        settings: Settings,
        parent_widget: QWidget,
    ) -> None:
        super().__init__(parent_widget)
        self.runner = runner
        self.workspace = workspace
        self.settings = settings
        self.parent_widget = parent_widget
