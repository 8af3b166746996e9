"""Which exceptions mean "this file could not be read" (as opposed to a bug or a refusal)."""

from __future__ import annotations

from operator_app.core.errors import BadFileError


def reader_failure(exc: BaseException) -> bool:
    """calamine's own errors, and Rust panics (pyo3 raises PanicException, a BaseException).
    A refusal (BadFileError) and running out of memory are not failures to read: they go on up."""
    if isinstance(exc, MemoryError | BadFileError):
        return False
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"
