"""Layering contract: core/ imports neither Qt nor SQLAlchemy; sources/, store/, samples/ import no Qt."""

from __future__ import annotations

import ast
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
