"""Fixtures of the hostile suite: one seeded database per session, copied for every test."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_db import copy_db

from operator_app.store.workspace import Workspace


@pytest.fixture(scope="session")
def hostile_seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding a small real kabupaten (2 schools, 120 SIASN rows), closed."""
    from operator_app.samples import build_kabupaten

    folder = tmp_path_factory.mktemp("hostile-seed")
    kab = build_kabupaten(7, n_schools=2, siasn_rows=120, inject=True)
    files = kab.write(folder / "in")
    db = folder / "seed.sqlite3"
    ws = Workspace(db)
    try:
        ws.import_files(list(files.all))
    finally:
        ws.close()
    return db


@pytest.fixture
def seeded_db(hostile_seed: Path, tmp_path: Path) -> Path:
    return copy_db(hostile_seed, tmp_path / "operator-app.sqlite3")
