"""Layering contract: core/ imports neither Qt nor SQLAlchemy; sources/, store/, samples/ import no Qt."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "operator_app"

FORBIDDEN = {
    "core": (
        "PySide6",
        "shiboken6",
        "sqlalchemy",
        "alembic",
        "operator_app.store",
        "operator_app.sources",
        "operator_app.ui",
        "operator_app.reports",
    ),
    "sources": (
        "PySide6",
        "shiboken6",
        "operator_app.store",
        "operator_app.ui",
        "operator_app.reports",
    ),
    "store": ("PySide6", "shiboken6", "operator_app.ui", "operator_app.reports"),
    "samples": ("PySide6", "shiboken6", "operator_app.ui", "operator_app.store"),
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer: str) -> None:
    bad = []
    for path in sorted((PKG / layer).rglob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer]):
                bad.append(f"{path.relative_to(PKG)} imports {name}")
    assert not bad, "\n".join(bad)


def test_layers_exist() -> None:
    for layer in ("core", "sources", "store", "reports", "ui"):
        assert (PKG / layer / "__init__.py").exists(), layer


# -- the import-linter contract (pyproject.toml) can fail ------------------------------------------
ROOT = PKG.parent


def _lint_copy(tmp_path: Path, plant: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """lint-imports on a copy of the package with `plant` (file -> line) appended."""
    shutil.copytree(PKG, tmp_path / "operator_app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for rel, line in plant.items():
        with (tmp_path / "operator_app" / rel).open("a", encoding="utf-8") as f:
            f.write(f"\n{line}\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    exe = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(exe), "--no-cache"], check=False, cwd=tmp_path, env=env, capture_output=True, text=True
    )


def test_contract_kept_on_the_code() -> None:
    exe = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run(
        [str(exe), "--no-cache"], check=False, cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout
    assert "3 kept, 0 broken" in run.stdout


@pytest.mark.parametrize(
    ("plant", "broken"),
    [
        ({"store/location.py": "import operator_app.store.db"}, "No import circles"),
        ({"sources/cells.py": "import operator_app.sources.detect"}, "No import circles"),
        ({"core/model.py": "import operator_app.ui.labels"}, "Layers point down only"),
        ({"store/keys.py": "import operator_app.reports"}, "Layers point down only"),
        ({"store/keys.py": "import PySide6.QtCore"}, "Qt only in ui/"),
    ],
)
def test_contract_fails_on_a_planted_import(
    tmp_path: Path, plant: dict[str, str], broken: str
) -> None:
    run = _lint_copy(tmp_path, plant)
    assert run.returncode != 0, run.stdout
    line = next(ln for ln in run.stdout.splitlines() if ln.startswith(broken))
    assert line.endswith("BROKEN"), run.stdout
