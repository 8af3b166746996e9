"""Read by mypy only (test_ui_workspace_api.py runs it): the fake and the real Workspace are
WorkspaceApis, and a planted drift fails on the marked line. Nothing here runs."""

from __future__ import annotations

from pathlib import Path
from typing import reveal_type

from fake_workspace import FakeWorkspace

from operator_app.store.workspace import Workspace
from operator_app.ui.workspace_api import WorkspaceApi


class Drifted(FakeWorkspace):
    set_statuses = None  # type: ignore[assignment]


def conforming(path: Path) -> list[WorkspaceApi]:
    reveal_type(FakeWorkspace)  # proves mypy found the fake (not an Any)
    fake: WorkspaceApi = FakeWorkspace()
    real: WorkspaceApi = Workspace(path)
    return [fake, real]


def drifted() -> WorkspaceApi:
    return Drifted()  # PLANTED DRIFT: mypy must report this line, and only this one
