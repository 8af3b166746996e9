"""The progress/cancel protocol every long core function accepts (no Qt here)."""

from __future__ import annotations

from collections.abc import Callable

from operator_app.core.errors import Cancelled

Progress = Callable[[int, int, str], None]
"""progress(done, total, text): total 0 means unknown."""

CancelCheck = Callable[[], bool]
"""Returns True when the operator asked to cancel."""


def no_progress(done: int, total: int, text: str) -> None:
    """Default progress sink."""


def never_cancel() -> bool:
    return False


def check_cancel(cancel: CancelCheck) -> None:
    if cancel():
        raise Cancelled()
