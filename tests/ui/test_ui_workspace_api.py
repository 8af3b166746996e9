"""The real Workspace and the tests' FakeWorkspace both satisfy the UI's WorkspaceApi, and mypy
catches a drift of either (a planted one below must fail, the real two must pass)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fake_workspace import FakeWorkspace

from operator_app.store.workspace import Workspace
from operator_app.ui.workspace_api import WorkspaceApi

ROOT = Path(__file__).resolve().parents[2]

CHECK = Path(__file__).with_name("workspace_api_check.py")


def test_both_are_workspace_apis_at_run_time(tmp_path: Path) -> None:
    assert isinstance(FakeWorkspace(), WorkspaceApi)
    ws = Workspace(tmp_path / "a.sqlite3")
    try:
        assert isinstance(ws, WorkspaceApi)
    finally:
        ws.close()


def test_mypy_checks_the_fake_and_the_real_workspace() -> None:
    check = CHECK
    planted = next(
        i for i, line in enumerate(check.read_text().splitlines(), 1) if "PLANTED DRIFT" in line
    )
    env = {**os.environ, "MYPYPATH": str(ROOT / "tests" / "ui")}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(ROOT / ".mypy_cache"),
            "--no-error-summary",
            "--hide-error-context",
            str(check.relative_to(ROOT)),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,  # exit 1: the planted drift
    )
    lines = [line for line in run.stdout.splitlines() if line.strip()]
    notes = [line for line in lines if ": note: " in line and "Revealed type" in line]
    assert notes and "fake_workspace.FakeWorkspace" in notes[0], run.stdout + run.stderr
    mine = str(check.relative_to(ROOT))
    errors = [line for line in lines if line.startswith(mine) and ": error: " in line]
    assert errors, run.stdout + run.stderr  # the planted drift is caught ...
    assert all(f":{planted}: error: " in line for line in errors), errors  # ... fake and real pass
