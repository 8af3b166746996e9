"""The helper for tests that read ../shared: skip when the docs are absent, fail under CI=true."""

from __future__ import annotations

from pathlib import Path

import pytest
from shared_docs import read_documented_layouts, shared_path


def test_absent_shared_docs_skip_locally(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OPERATOR_APP_SHARED", str(tmp_path))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"formats\.md is not present"):
        shared_path("domain", "formats.md")


def test_absent_shared_docs_fail_under_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OPERATOR_APP_SHARED", str(tmp_path))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        shared_path("domain", "formats.md")


def test_documented_layouts_are_parsed_from_the_doc(tmp_path: Path) -> None:
    doc = tmp_path / "formats.md"
    doc.write_text(
        "- Header row, 3 columns in this order (confirmed; map by name):\n"
        "  `No, Nama,\n  NIP`.\n"
        "- Columns in order (confirmed):\n  `PNS_ID, NIP_BARU`.\n",
        encoding="utf-8",
    )
    layouts = read_documented_layouts(doc)
    assert layouts.dapodik == ("No", "Nama", "NIP")
    assert layouts.siasn == ("PNS_ID", "NIP_BARU")
