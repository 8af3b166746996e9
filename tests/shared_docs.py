"""The shared domain docs (../shared beside the repository) for the tests that read them.

Absent docs skip such a test locally and fail it under CI=true; the fixtures that use these
helpers (`shared_file`, `documented_layouts`) are in conftest.py.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """../shared relative to the repository root; OPERATOR_APP_SHARED names it elsewhere (a git
    worktree in a folder of its own has no ../shared)."""
    return Path(os.environ.get("OPERATOR_APP_SHARED") or REPO.parent / "shared")


def shared_path(*parts: str) -> Path:
    """A file of the shared domain docs, e.g. shared_path("domain", "formats.md").

    Absent (a clone without ../shared): the test is skipped, but under CI=true it fails, so a
    CI run cannot go green by skipping the contract it is meant to check.
    """
    path = shared_dir().joinpath(*parts)
    if not path.is_file():
        reason = f"{path} is not present (the shared docs live in ../shared beside the repo)"
        if os.environ.get("CI", "").strip().lower() in ("true", "1"):
            pytest.fail(f"CI=true: {reason}", pytrace=False)
        pytest.skip(reason)
    return path


@dataclass(frozen=True)
class DocumentedLayouts:
    """The header rows as shared/domain/formats.md documents them (not the readers' constants)."""

    dapodik: tuple[str, ...]
    siasn: tuple[str, ...]


def _backtick_list(text: str, after: str) -> tuple[str, ...]:
    match = re.search(re.escape(after) + r"[^`]*`([^`]+)`", text)
    assert match, f"formats.md no longer has {after!r} followed by a `...` column list"
    return tuple(" ".join(h.split()) for h in match.group(1).split(","))


def read_documented_layouts(formats_md: Path) -> DocumentedLayouts:
    text = formats_md.read_text(encoding="utf-8")
    count = re.search(r"Header row, (\d+) columns in this order", text)
    assert count, "formats.md no longer documents the Dapodik header row"
    dapodik = _backtick_list(text, count.group(0))
    assert len(dapodik) == int(count.group(1)), (len(dapodik), count.group(0))
    siasn = _backtick_list(text, "Columns in order (confirmed):")
    return DocumentedLayouts(dapodik, siasn)
