"""The import's speed-ups keep what lands: indexes built after the first SIASN insert, SQLite
booleans bound as they are, remembered text cleaning of SIASN cells."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from builders import write_siasn_csv, write_siasn_xlsx

from operator_app.samples import siasn_rows_bulk
from operator_app.sources import records
from operator_app.sources.detect import detect_file
from operator_app.store.bulk import indexes_after
from operator_app.store.db import open_database
from operator_app.store.models import SiasnRow, tbl
from operator_app.store.workspace import Workspace


def _indexes(db: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'siasn' "
            "ORDER BY name"
        ).fetchall()
    finally:
        con.close()


def _siasn(db: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT row_number, nip_baru, nama, nik, nik_numeric, nip_numeric, unor_nama, "
            "person_key, raw_json FROM siasn ORDER BY id"
        ).fetchall()
    finally:
        con.close()


def test_indexes_rebuilt_after_first_siasn_import_and_kept_after_later(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    open_database(db).dispose()
    schema = _indexes(db)
    assert len(schema) >= 3  # batch_id, person_key, (batch_id, nip_baru)
    rows = list(siasn_rows_bulk(300, seed=5))
    first = write_siasn_xlsx(tmp_path / "siasn-1.xlsx", rows)
    ws = Workspace(db)
    ws.import_files([first])
    assert _indexes(db) == schema
    stored = _siasn(db)
    assert len(stored) == 300
    rows[0] = {**rows[0], "NAMA": "NAMA BARU"}
    ws.import_files([write_siasn_csv(tmp_path / "siasn-2.csv", rows)])  # into a filled table
    ws.close()
    assert _indexes(db) == schema
    again = _siasn(db)
    assert again[:300] == stored and len(again) == 600
    con = sqlite3.connect(db)
    plan = con.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM siasn WHERE person_key = ?", ("x",)
    ).fetchall()
    con.close()
    assert "ix_siasn_person_key" in str(plan)


def test_indexes_come_back_when_the_insert_fails(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "d.sqlite3")
    schema = _indexes(tmp_path / "d.sqlite3")
    with pytest.raises(RuntimeError), engine.begin() as conn, indexes_after(conn, tbl(SiasnRow)):
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'siasn' "
            "AND sql IS NOT NULL"
        ).all()
        assert names == []  # dropped inside the transaction
        raise RuntimeError("the import failed")
    engine.dispose()
    assert _indexes(tmp_path / "d.sqlite3") == schema


def test_remembered_cleaning_equals_cleaning_each_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cells equal as dict keys but different as cells (1, 1.0, True) and repeated texts with
    odd spacing type exactly as without the memo (which is bounded: a tiny limit here)."""
    rows = list(siasn_rows_bulk(60, seed=9))
    odd = ["  GURU   AHLI ", "GURU AHLI", "1", "null", "", " x", "x  y", "\tTAB"]
    for i, r in enumerate(rows):
        r["JABATAN_NAMA"] = odd[i % len(odd)]
        r["UNOR_NAMA"] = odd[(i + 3) % len(odd)]
        r["GELAR_DEPAN"] = odd[(i + 5) % len(odd)]
    path = write_siasn_xlsx(tmp_path / "s.xlsx", rows)
    table, det = detect_file(path)
    monkeypatch.setattr(records._Cleaned, "LIMIT", 3)
    with_memo = list(records.iter_siasn(table, det, []))

    class NoMemo(dict[str, object]):
        def __missing__(self, key: str) -> object:
            return records._clean(key)

    monkeypatch.setattr(records, "_Cleaned", NoMemo)
    table, det = detect_file(path)
    assert list(records.iter_siasn(table, det, [])) == with_memo
    memo = records._Cleaned()
    for value in (1, 1.0, True, "1", " 1 "):
        got = memo[value] if type(value) is str else records._clean(value)
        assert got == records._clean(value)
