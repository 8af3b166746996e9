"""A re-check after importing one school gives exactly what a full re-check gives when an unor
alias moves a unit's home to another school (store.scope: the alias path of its unor shortcut,
and the closure over shared NIP/NIK, which missed the PTK of schools added as homes: a moved
teacher's PTK_DI_DUA_SEKOLAH at such a school was resolved by the scoped re-check only)."""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from operator_app.samples.district import build_district
from operator_app.samples.fastxlsx import write_dapodik_xlsx_fast
from operator_app.store import scope as scope_mod
from operator_app.store.workspace import Workspace


def _state(ws: Workspace) -> dict[str, Any]:
    with ws.engine.connect() as conn:
        findings = sorted(
            json.dumps(json.loads(r[0]), sort_keys=True)
            for r in conn.execute(text("SELECT payload_json FROM finding"))
        )
        states = sorted(
            tuple(r)
            for r in conn.execute(
                text("SELECT who, code, field, school_id, status, open_now FROM finding_state")
            )
        )
        matches = sorted(
            tuple(r)
            for r in conn.execute(text("SELECT ptk_id, siasn_id, by, doubtful FROM ptk_match"))
        )
    return {"findings": findings, "states": states, "matches": matches, "rows": ws.person_rows()}


def _later(school: Any, folder: Path) -> list[Path]:
    later = dataclasses.replace(school, downloaded_at=school.downloaded_at + timedelta(hours=1))
    guru = [dict(r) for r in school.rows("guru")]
    del guru[1:3]
    guru[0] = {**guru[0], "NIP": ""}
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_dapodik_xlsx_fast(folder / later.file_name("guru"), later, guru, "guru"),
        write_dapodik_xlsx_fast(
            folder / later.file_name("tendik"), later, later.rows("tendik"), "tendik"
        ),
    ]


@pytest.mark.parametrize("case", ["own_unor_to_other", "other_unor_to_changed"])
def test_scoped_equals_full_with_an_unor_alias(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """School A is imported again. Its own SIASN unor is aliased to school C (A's staff now
    count as C's), or school B's unor is aliased to A."""
    d = build_district(12, seed=3)
    files = d.write(tmp_path / "in")
    a, b, c = d.schools[0], d.schools[1], d.schools[2]
    base = tmp_path / "base.sqlite3"
    ws = Workspace(base)
    ws.import_files(files.all)
    ws.run_checks(full=True)
    ids = {s.name: s.id for s in ws.schools()}

    def unor_of(school: Any) -> str:
        nips = {r["NIP"] for r in school.rows("guru") if r["NIP"]}
        return next(r["UNOR_NAMA"] for r in d.siasn_rows if r["NIP_BARU"] in nips)

    if case == "own_unor_to_other":
        ws.add_unor_alias(unor_of(a), ids[c.name])
    else:
        ws.add_unor_alias(unor_of(b), ids[a.name])
    ws.close()
    later = _later(a, tmp_path / "later")
    scopes: list[int] = []
    real = scope_mod.scoped_input

    def spy(conn: Any, changed: Any, new: Any) -> Any:
        got = real(conn, changed, new)
        assert got is not None, "the scoped path was not taken"
        scopes.append(len(got.school_ids))
        return got

    monkeypatch.setattr(scope_mod, "scoped_input", spy)
    results = {}
    for how in ("scoped", "full"):
        db = tmp_path / f"{how}.sqlite3"
        shutil.copy(base, db)
        ws = Workspace(db)
        ws.import_files(later)
        ws.run_checks(full=how == "full")
        results[how] = _state(ws)
        ws.close()
    assert scopes and scopes[0] < len(d.schools)
    for part in ("findings", "states", "matches", "rows"):
        assert results["scoped"][part] == results["full"][part], part
