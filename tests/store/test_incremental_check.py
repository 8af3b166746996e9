"""A re-check after importing some schools gives exactly what a full re-check gives."""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from operator_app.samples import write_dapodik_xlsx
from operator_app.store import scope as scope_mod
from operator_app.store.workspace import Workspace


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any, Path]:
    from builders import FULL, write_kabupaten

    folder = tmp_path_factory.mktemp("full")
    kab, files = write_kabupaten(folder / "in", 31, **FULL)
    db = folder / "base.sqlite3"
    ws = Workspace(db)
    ws.import_files(list(files.all))
    ws.run_checks(full=True)
    ws.close()
    return kab, files, db


def _state(ws: Workspace) -> dict[str, Any]:
    with ws.engine.connect() as conn:
        findings = sorted(
            json.dumps(json.loads(r[0]), sort_keys=True)
            for r in conn.execute(text("SELECT payload_json FROM finding"))
        )
        states = sorted(
            tuple(r)
            for r in conn.execute(
                text(
                    "SELECT who, code, field, school_id, status, auto, open_now, first_seen_run, "
                    "last_seen_run, resolved_run FROM finding_state"
                )
            )
        )
        matches = sorted(
            tuple(r)
            for r in conn.execute(
                text("SELECT ptk_id, siasn_id, by, score, doubtful, candidates_json FROM ptk_match")
            )
        )
        events = sorted(
            tuple(r)
            for r in conn.execute(
                text("SELECT who, code, field, old_status, new_status, note, by FROM finding_event")
            )
        )
    return {
        "findings": findings,
        "states": states,
        "matches": matches,
        "events": events,
        "ordered": [f.key for f in ws.findings()],
        "rows": ws.person_rows(),
    }


def _rows(school: Any) -> list[dict[str, object]]:
    return [dict(r) for r in school.rows("guru")]


def _later(tmp: Path, school: Any, rows: list[dict[str, object]], hours: int) -> Path:
    later = dataclasses.replace(school, downloaded_at=school.downloaded_at + timedelta(hours=hours))
    tmp.mkdir(parents=True, exist_ok=True)
    return write_dapodik_xlsx(tmp / later.file_name("guru"), later, rows, "guru")


def _scenarios(kab: Any, tmp: Path) -> dict[str, list[Path]]:
    a, b, c = kab.schools[0], kab.schools[1], kab.schools[2]
    rows_a = _rows(a)
    fixed = rows_a[:]
    del fixed[1:4]  # three people gone (their findings go, TIDAK_ADA may come)
    fixed[0] = {**fixed[0], "NIP": ""}  # NIP emptied: NIP_KOSONG or ASN_TIDAK_DITEMUKAN
    moved = [*_rows(a), _rows(c)[2]]  # a teacher of c also in a's export (mutasi not done)
    return {
        "edited": [_later(tmp / "edited", a, fixed, 1)],
        "moved": [_later(tmp / "moved", a, moved, 2)],
        "two": [_later(tmp / "two-a", a, fixed, 3), _later(tmp / "two-b", b, _rows(b)[2:], 3)],
    }


@pytest.mark.parametrize("case", ["edited", "moved", "two"])
def test_scoped_recheck_equals_full_recheck(
    case: str, district: tuple[Any, Any, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kab, _, base = district
    files = _scenarios(kab, tmp_path / "in")[case]
    results = {}
    scopes: list[int] = []
    real = scope_mod.scoped_input

    def spy(conn: Any, changed: Any, new: Any) -> Any:
        got = real(conn, changed, new)
        assert got is not None, "the scoped path was not taken"
        scopes.append(len(got.school_ids))
        return got

    monkeypatch.setattr(scope_mod, "scoped_input", spy)
    for how in ("scoped", "full"):
        db = tmp_path / f"{how}.sqlite3"
        shutil.copy(base, db)
        ws = Workspace(db)
        ws.import_files(files)
        ws.run_checks(full=how == "full")
        results[how] = _state(ws)
        ws.close()
    assert scopes and scopes[0] < len(kab.schools)  # not everything was re-checked
    for part in ("findings", "states", "matches", "events", "ordered", "rows"):
        assert results["scoped"][part] == results["full"][part], part


def test_new_school_and_new_siasn(district: tuple[Any, Any, Path], tmp_path: Path) -> None:
    """A school imported for the first time is checked in scope too; a new SIASN export
    re-checks everything (no scope)."""
    from builders import write_kabupaten

    _kab, files, base = district
    _, other = write_kabupaten(tmp_path / "other", 77, n_schools=1, siasn_rows=50)
    new_school = [f for f in other.all if f.name.startswith("daftar-")]
    siasn = [f for f in files.all if not f.name.startswith("daftar-")]
    results = {}
    for how in ("scoped", "full"):
        db = tmp_path / f"{how}.sqlite3"
        shutil.copy(base, db)
        ws = Workspace(db)
        ws.import_files(new_school)
        assert ws._pending_scope is not None and ws._pending_scope.new
        ws.run_checks(full=how == "full")
        results[how] = _state(ws)
        ws.close()
    assert results["scoped"]["findings"] == results["full"]["findings"]
    assert results["scoped"]["states"] == results["full"]["states"]
    ws = Workspace(tmp_path / "scoped.sqlite3")
    touched = tmp_path / "siasn-again.csv"
    touched.write_bytes(siasn[0].read_bytes() + b"\n")
    ws.import_files([touched])
    assert ws._pending_scope is None
    ws.close()
