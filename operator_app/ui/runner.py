"""Runs long work off the GUI thread and delivers results, errors and progress back on it.

A task is `fn(progress, cancel)` with the core protocol (core/progress.py). Tasks share one
serial pool, so Workspace calls never overlap and decisions reach the database in order. A run
started under a `key` supersedes earlier runs with the same key: their results are dropped.
`shutdown` closes down without blocking the GUI thread: workers are cancelled and finish on their
own, and a callback runs once the last one has returned.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

from operator_app.core.errors import Cancelled
from operator_app.core.progress import CancelCheck, Progress

TaskFn = Callable[[Progress, CancelCheck], Any]


@dataclass
class TaskHandle:
    """What the caller keeps: the cancel flag and the generation it was started under."""

    key: str
    generation: int
    cancellable: bool
    progress: bool
    title: str
    on_success: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None
    on_dropped: Callable[[Any], None] | None = None  # a result nobody will use (superseded, closing)
    _cancel: threading.Event = field(default_factory=threading.Event)
    done: bool = False

    def cancel(self) -> None:
        if self.cancellable:
            self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    finished = Signal(object, object)  # handle, result
    failed = Signal(object, object)  # handle, exception
    progressed = Signal(object, int, int, str)  # handle, done, total, text


class _Job(QRunnable):
    def __init__(self, fn: TaskFn, handle: TaskHandle, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._handle = handle
        self._signals = signals
        self._last = 0.0

    def _progress(self, done: int, total: int, text: str) -> None:
        now = time.monotonic()
        if now - self._last >= 0.05 or (total and done >= total):  # at most ~20 updates a second
            self._last = now
            self._signals.progressed.emit(self._handle, done, total, text)

    def run(self) -> None:
        try:
            result = self._fn(self._progress, self._handle.cancelled)
        except BaseException as exc:
            self._signals.failed.emit(self._handle, exc)
        else:
            self._signals.finished.emit(self._handle, result)


class TaskRunner(QObject):
    """One per window. Emits `progress` and `busy_changed` for a progress bar / dialog."""

    started = Signal(object)  # TaskHandle
    progress = Signal(object, int, int, str)  # TaskHandle, done, total, text
    ended = Signal(object)  # TaskHandle
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)  # one Workspace operation at a time, in order
        self.pool = pool
        self._generations: dict[str, int] = {}
        self._running: list[TaskHandle] = []
        self._closing = False
        self._when_idle: list[Callable[[], None]] = []
        self.default_error_handler: Callable[[BaseException], None] | None = None
        self._signals = _Signals()
        q = Qt.ConnectionType.QueuedConnection
        self._signals.finished.connect(self._on_finished, q)
        self._signals.failed.connect(self._on_failed, q)
        self._signals.progressed.connect(self._on_progress, q)

    def run_task(
        self,
        fn: TaskFn,
        *,
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        progress: bool = True,
        cancellable: bool = True,
        key: str = "",
        title: str = "",
        on_dropped: Callable[[Any], None] | None = None,
    ) -> TaskHandle:
        """`on_dropped` receives a result that arrives after a newer run of the same key or
        after shutdown: what holds a resource (an opened database) is released there."""
        generation = self._generations.get(key, 0) + 1 if key else 0
        if key:
            self._generations[key] = generation
        handle = TaskHandle(
            key, generation, cancellable, progress, title, on_success, on_error, on_dropped
        )
        if self._closing:  # the window is going away: nothing new starts
            handle.cancel()
            handle.done = True
            return handle
        self._running.append(handle)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self.started.emit(handle)
        self.pool.start(_Job(fn, handle, self._signals))
        return handle

    def is_busy(self) -> bool:
        return bool(self._running)

    def is_closing(self) -> bool:
        return self._closing

    def shutdown(self, when_idle: Callable[[], None] | None = None) -> None:
        """Close down without waiting: cancel every cancellable task, start nothing new, drop
        the results still to come (errors other than Cancelled are still reported).

        `when_idle` runs on the GUI thread once the last worker has returned (at once when
        none is running): the window closes the database and quits then. A task that is not
        cancellable (saving a decision) is short and is let finish.
        """
        self._closing = True
        for handle in list(self._running):
            handle.cancel()
        if when_idle is not None:
            self._when_idle.append(when_idle)
        if not self._running:
            self._idle()

    def _idle(self) -> None:
        callbacks, self._when_idle = self._when_idle, []
        for callback in callbacks:
            callback()

    def wait(self, msecs: int = -1) -> bool:
        """Tests and scripts only (it blocks): until the pool is idle; results arrive as events.
        The app itself never waits on the GUI thread: see `shutdown`."""
        return self.pool.waitForDone(msecs)

    def _stale(self, handle: TaskHandle) -> bool:
        return bool(handle.key) and self._generations.get(handle.key) != handle.generation

    def _finish(self, handle: TaskHandle) -> None:
        handle.done = True
        if handle in self._running:
            self._running.remove(handle)
        self.ended.emit(handle)
        if not self._running:
            self.busy_changed.emit(False)
            if self._closing:  # after this result's own error report, on the GUI thread
                QTimer.singleShot(0, self, self._idle)

    @Slot(object, int, int, str)
    def _on_progress(self, handle: TaskHandle, done: int, total: int, text: str) -> None:
        if not handle.done and not self._stale(handle):
            self.progress.emit(handle, done, total, text)

    @Slot(object, object)
    def _on_finished(self, handle: TaskHandle, result: object) -> None:
        self._finish(handle)
        if not self._stale(handle) and not self._closing:
            handle.on_success(result)
        elif handle.on_dropped is not None:
            handle.on_dropped(result)

    @Slot(object, object)
    def _on_failed(self, handle: TaskHandle, exc: BaseException) -> None:
        self._finish(handle)
        if self._stale(handle) or (self._closing and isinstance(exc, Cancelled)):
            return
        handler = handle.on_error or self.default_error_handler
        if handler is not None:
            handler(exc)
        elif not isinstance(exc, Cancelled):
            raise exc
