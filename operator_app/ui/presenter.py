"""What the main window shows, loaded off the GUI thread: the open Workspace, the teacher rows,
the overview, one teacher's detail and the checklist's data.

Qt-light: QtCore signals and the task runner, no widgets, so tests drive it with the fake
Workspace and no window. The window connects the signals to its widgets and stays a
composition root.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from operator_app.core.errors import Cancelled
from operator_app.core.model import Finding, School
from operator_app.core.progress import CancelCheck, Progress
from operator_app.core.views import PersonDetail, PersonRow, SchoolOverview, SchoolSummary
from operator_app.demo import build_demo_db, default_demo_path
from operator_app.store.recovery import DamagedDatabaseError
from operator_app.ui.runner import TaskHandle, TaskRunner
from operator_app.ui.workspace_api import WorkspaceApi, open_workspace

if TYPE_CHECKING:  # store.location pulls in SQLAlchemy: imported on the worker that opens
    from operator_app.store.location import DbLocation

SchoolCounts = tuple[School, dict[str, int]]  # a school and its open findings by severity
WorkspaceFactory = Callable[["DbLocation"], WorkspaceApi]


@dataclass(frozen=True, slots=True)
class ChecklistData:
    """What the printable checklist of one school (or all) is drawn from."""

    findings: list[Finding]
    schools: list[School]
    headmasters: dict[int, tuple[str, str]]


class WindowPresenter(QObject):
    """Owns the Workspace of the window; every read runs on the runner's serial pool.

    Results arrive as signals on the GUI thread; a newer request of the same kind supersedes an
    older one (the runner's keys), so a slow reload never overwrites a later one.
    """

    opened = Signal(object, bool)  # DbLocation (never with a password), is the demo database
    damaged = Signal(object)  # DamagedDatabaseError: moved aside already, a backup is offered
    failed = Signal(object)  # an exception for the window's error dialog
    rows_ready = Signal(object, object)  # list[School], list[PersonRow]
    overview_ready = Signal(object, object)  # SchoolOverview (the filter), list[SchoolCounts]
    detail_ready = Signal(object)  # PersonDetail | None
    district_ready = Signal(object)  # list[SchoolSummary]: the Dinas tab and the school picker

    def __init__(
        self,
        runner: TaskRunner,
        factory: WorkspaceFactory = open_workspace,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.factory = factory
        self.ws: WorkspaceApi | None = None
        self.location: DbLocation | None = None

    def workspace(self) -> WorkspaceApi | None:
        """The flows' view of the current Workspace (None while none is open)."""
        return self.ws

    # -- opening and closing ----------------------------------------------------------------------
    def open(
        self,
        target: Path | DbLocation,
        *,
        on_opened: Callable[[DbLocation], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> TaskHandle:
        """Open an SQLite file or a server database on the worker; the current Workspace stays
        the window's until the new one has opened (a failure changes nothing).

        `on_error` replaces the `damaged`/`failed` signals for this open (the connect dialog
        shows the message inline); `on_opened` runs after `opened`. Cancelling the returned
        handle closes a Workspace that opened anyway and drops it.
        """

        def work(_p: Progress, cancel: CancelCheck) -> tuple[DbLocation, WorkspaceApi, bool]:
            from operator_app.store.location import parse_location

            location = parse_location(target)
            ws = self.factory(location)
            if cancel():
                ws.close()
                raise Cancelled()
            return _without_password(location), ws, ws.is_demo()

        def opened(result: tuple[DbLocation, WorkspaceApi, bool]) -> None:
            if handle.cancelled():  # cancelled after the worker's last look: not used
                result[1].close()
                return
            self._opened(*result)
            if on_opened is not None:
                on_opened(result[0])

        handle = self.runner.run_task(
            work,
            on_success=opened,
            on_error=on_error or self._open_failed,
            key="open",
            progress=False,
            on_dropped=lambda result: result[1].close(),  # superseded by a newer open
        )
        return handle

    def _opened(self, location: DbLocation, ws: WorkspaceApi, demo: bool) -> None:
        old, self.ws, self.location = self.ws, ws, location
        if old is not None and old is not ws:
            old.close()
        self.opened.emit(location, demo)
        self.reload()

    def _open_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DamagedDatabaseError):
            self.damaged.emit(exc)
        else:
            self.failed.emit(exc)

    def close_workspace(self) -> None:
        """Let go of the database file (before a backup is copied over it). The close is queued
        on the serial pool behind the work already started, so the GUI thread never waits."""
        ws, self.ws = self.ws, None
        if ws is not None:
            self.runner.run_task(
                lambda _p, _c: ws.close(),
                on_success=lambda _r: None,
                key="close",
                progress=False,
                cancellable=False,
            )

    def open_demo(self, title: str) -> None:
        """(Re)build the demo database in the background, then open it."""
        path = default_demo_path()
        self.runner.run_task(
            lambda progress, cancel: build_demo_db(path, progress, cancel),
            on_success=self._open_built,
            key="demo",
            title=title,
        )

    def _open_built(self, path: Path) -> None:
        self.open(path)

    def shutdown(self, when_done: Callable[[], object] | None = None) -> None:
        """Cancel running work and close the database once the workers have returned, without
        blocking; `when_done` runs then (at once when nothing was running)."""

        def done() -> None:
            if self.ws is not None:
                self.ws.close()
                self.ws = None
            if when_done is not None:
                when_done()

        self.runner.shutdown(done)

    # -- reading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        ws = self.ws
        if ws is None:
            return

        def work(_p: Progress, _c: CancelCheck) -> tuple[list[School], list[PersonRow]]:
            ws.ensure_checked()
            return ws.schools(), ws.person_rows()

        self.runner.run_task(
            work,
            on_success=lambda result: self.rows_ready.emit(*result),
            key="rows",
            progress=False,
        )

    def load_overview(self, school: int | None) -> None:
        ws = self.ws
        if ws is None:
            return

        def work(_p: Progress, _c: CancelCheck) -> tuple[SchoolOverview, list[SchoolCounts]]:
            schools = [s for s in ws.schools() if school in (None, s.id)]
            counts = ws.severity_by_school()  # one read, not one overview per school
            return ws.overview(school), [(s, counts.get(s.id, {})) for s in schools]

        self.runner.run_task(
            work,
            on_success=lambda result: self.overview_ready.emit(*result),
            key="overview",
            progress=False,
        )

    def load_district(self) -> None:
        """One summary per school (~0.2 s at 500 schools, on the worker)."""
        ws = self.ws
        if ws is None:
            return

        def work(_p: Progress, _c: CancelCheck) -> list[SchoolSummary]:
            return ws.school_summaries()

        self.runner.run_task(
            work, on_success=self.district_ready.emit, key="district", progress=False
        )

    def load_detail(self, person_key: str) -> None:
        ws = self.ws
        if ws is None:
            return

        def work(_p: Progress, _c: CancelCheck) -> PersonDetail:
            # Versions first: a decision changed while the rest is read then shows its newer
            # value with the older version, and an edit made on it is refused, never the
            # other way round (a newer version with an older value would overwrite).
            versions = ws.decision_versions(person_key)
            detail = ws.person_detail(person_key)
            unor = detail.row.unor
            return replace(
                detail,
                versions=versions,
                alias_version=ws.unor_alias_version(unor) if unor else None,
                history=tuple(ws.decision_history(person_key)),
            )

        self.runner.run_task(
            work,
            on_success=self.detail_ready.emit,
            on_error=self._detail_failed,
            key="detail",
            progress=False,
        )

    def _detail_failed(self, exc: BaseException) -> None:
        self.detail_ready.emit(None)
        if not isinstance(exc, KeyError):  # KeyError: the person left after a re-check
            self.failed.emit(exc)

    def load_checklist(self, school: int | None, ready: Callable[[ChecklistData], None]) -> None:
        ws = self.ws
        if ws is None:
            return

        def work(_p: Progress, _c: CancelCheck) -> ChecklistData:
            schools = [s for s in ws.schools() if school in (None, s.id)]
            return ChecklistData(ws.findings(school), schools, ws.headmasters())

        self.runner.run_task(work, on_success=ready, key="print", progress=False)


def _without_password(location: DbLocation) -> DbLocation:
    """What the window keeps, shows and remembers: the password stays inside the engine only."""
    return location if location.is_sqlite else location.with_password(None)
