"""What the UI needs of the Workspace, as a Protocol: the real store.workspace.Workspace and the
tests' FakeWorkspace both satisfy it, and mypy says so (below, and tests/ui/test_ui_workspace_api.py).

The UI holds a `WorkspaceApi`, never `Any`: a method renamed or retyped on either side fails
type checking instead of failing in front of an operator. What the flows hand on to `exporting`
(export, import_status) is listed too, since that is the same object.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from operator_app.core.model import Finding, School, WorkflowStatus
from operator_app.core.progress import CancelCheck, Progress
from operator_app.core.views import (
    DecisionEvent,
    DecisionVersions,
    PersonDetail,
    PersonRow,
    SchoolOverview,
    SchoolSummary,
)
from operator_app.sources.preview import Preview

if TYPE_CHECKING:  # store.workspace pulls in SQLAlchemy: not at window start-up
    from operator_app.store.location import DbLocation
    from operator_app.store.workspace import CheckSummary, ImportReport

FindingKey = tuple[str, str, str]  # (who, code, field)


@runtime_checkable
class WorkspaceApi(Protocol):
    """Every method is one short operation; the UI calls them on its worker thread only."""

    @property
    def db_id(self) -> str: ...

    def close(self) -> None: ...

    def is_demo(self) -> bool: ...

    def has_data(self) -> bool: ...

    # -- import and checks ------------------------------------------------------------------------
    def preview(self, path: Path, n_rows: int = 10) -> Preview: ...

    def import_files(
        self,
        paths: Sequence[Path],
        progress: Progress = ...,
        cancel: CancelCheck = ...,
        skip_bad: bool = ...,
    ) -> ImportReport: ...

    def run_checks(self, progress: Progress = ..., cancel: CancelCheck = ...) -> CheckSummary: ...

    def ensure_checked(self, progress: Progress = ..., cancel: CancelCheck = ...) -> None: ...

    # -- reading ----------------------------------------------------------------------------------
    def schools(self) -> list[School]: ...

    def school_by_name(self, name: str) -> School: ...

    def person_rows(self, school_id: int | None = None) -> list[PersonRow]: ...

    def person_detail(self, person_key: str) -> PersonDetail: ...

    def findings(
        self, school_id: int | None = None, include_closed: bool = True
    ) -> list[Finding]: ...

    def overview(self, school_id: int | None = None) -> SchoolOverview: ...

    def headmasters(self) -> dict[int, tuple[str, str]]: ...

    def school_summaries(self) -> list[SchoolSummary]: ...

    def severity_by_school(self) -> dict[int, dict[str, int]]: ...

    # -- operator decisions (issue 14: versioned) --------------------------------------------------
    # Each decision passes the version the operator was shown as `expected_version`; one made on
    # stale data raises core.errors.StaleEditError and changes nothing. None writes
    # unconditionally. `operator_name` is who is recorded (None: the PostgreSQL login, or the
    # OS user name on SQLite).
    operator_name: str | None

    @property
    def is_server(self) -> bool: ...

    def set_status(
        self,
        finding_key: FindingKey,
        status: WorkflowStatus,
        note: str | None = None,
        by: str = "operator",
        expected_version: int | None = None,
    ) -> tuple[WorkflowStatus, str | None]: ...

    def set_statuses(
        self,
        updates: Sequence[tuple[FindingKey, str, str | None]],
        by: str = "operator",
        expected_versions: Mapping[FindingKey, int] | None = None,
    ) -> None: ...

    def decide_match(
        self,
        person_key: str,
        siasn_key: str,
        decision: str | None,
        expected_version: int | None = None,
    ) -> str | None: ...

    def set_unor_condition(
        self, person_key: str, condition: str | None, expected_version: int | None = None
    ) -> str | None: ...

    def add_unor_alias(
        self, unor_name: str, school_id: int, expected_version: int | None = None
    ) -> None: ...

    def remove_unor_alias(self, unor_name: str, expected_version: int | None = None) -> None: ...

    def decision_versions(self, person_key: str) -> DecisionVersions: ...

    def unor_alias_version(self, unor_name: str) -> int: ...

    def decision_history(self, person_key: str) -> list[DecisionEvent]: ...

    def unor_aliases(self) -> list[tuple[str, int]]: ...


def open_workspace(location: DbLocation) -> WorkspaceApi:
    """The real one: an SQLite file or a server database. Imported here, on the worker thread
    that opens it, to keep start-up fast (SQLAlchemy and the store take ~0.2 s to import). The
    return is mypy's check that store.workspace.Workspace is a WorkspaceApi: a drift there fails
    type checking here.

    No password prompt on the worker: a server that wants a password the location lacks raises
    store.pg.PasswordNeeded, and the window asks on the GUI thread (ui/connect_dialog.py).
    """
    from operator_app.store.workspace import Workspace

    return Workspace(location, password_prompt=None)
