"""A generated district, imported and checked once per size for the per-school export tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def district_db(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    """`district_db(n)`: the SQLite file of `build_district(n, seed=7)`, imported and checked
    (built once per size and session; tests open their own Workspace on it)."""
    from operator_app.samples.district import build_district
    from operator_app.store.workspace import Workspace

    made: dict[int, Path] = {}

    def make(n: int) -> Path:
        if n not in made:
            folder = tmp_path_factory.mktemp(f"district{n}")
            files = build_district(n, seed=7).write(folder / "exports")
            db = folder / "district.sqlite3"
            ws = Workspace(db)
            try:
                ws.import_files(files.all)
                ws.run_checks()
            finally:
                ws.close()
            made[n] = db
        return made[n]

    return make
