"""Which exceptions mean "this file could not be read" (as opposed to a bug or a refusal), and
how a damaged sheet is told to the operator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from operator_app.core.errors import BadFileError


def reader_failure(exc: BaseException) -> bool:
    """calamine's own errors, and Rust panics (pyo3 raises PanicException, a BaseException).
    A refusal (BadFileError) and running out of memory are not failures to read: they go on up."""
    if isinstance(exc, MemoryError | BadFileError):
        return False
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def damaged_sheet(path: Path, name: str, exc: BaseException) -> BadFileError:
    return BadFileError(
        f"Lembar '{name}' di file {path.name} rusak ({short(exc)}). Unduh ulang file tersebut, "
        "atau buka di Excel lalu simpan ulang sebagai .xlsx.",
        file=str(path),
    )


def short(exc: BaseException) -> str:
    """The first line of a reader's message, at most 160 characters."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def refusing_rows(path: Path, name: str, rows: Iterator[list[object]]) -> Iterator[list[object]]:
    """`rows` of sheet `name`; calamine failing while it hands them over (a Rust panic on a
    damaged date, say) becomes the damaged-sheet refusal. Pass a generator: it is started inside."""
    try:
        yield from rows
    except BaseException as exc:
        if not reader_failure(exc):
            raise
        raise damaged_sheet(path, name, exc) from exc
