"""Loading the checker's input: same records with the GC paused, and the GC back on after."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from operator_app.samples.district import build_district
from operator_app.store import loading
from operator_app.store.workspace import Workspace


@pytest.fixture(scope="module")
def district_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    folder: Path = tmp_path_factory.mktemp("district")
    files = build_district(10, seed=5).write(folder / "exports")
    ws = Workspace(folder / "d.sqlite3")
    ws.import_files(files.all)
    yield ws
    ws.close()


def test_the_gc_is_back_on_after_loading_and_left_off_when_it_was_off(
    district_ws: Workspace,
) -> None:
    assert gc.isenabled()
    with district_ws.engine.connect() as conn:
        inp = loading.load_check_input(conn)
    assert gc.isenabled()
    assert len(inp.ptk) > 0 and len(inp.siasn) > 0
    gc.disable()
    try:
        with district_ws.engine.connect() as conn:
            again = loading.load_check_input(conn)
        assert not gc.isenabled()  # the caller's choice is kept
    finally:
        gc.enable()
    assert again == inp


def test_remembered_dates_are_the_plain_reading(district_ws: Workspace) -> None:
    with district_ws.engine.connect() as conn:
        rows = loading.raw_rows(conn, loading.siasn_select())
    records = loading.siasn_from_rows(rows, "siasn.csv")
    assert [s.tanggal_lahir for s in records] == [loading._d(r[8]) for r in rows]
    assert [s.tmt_pns for s in records] == [loading._d(r[17]) for r in rows]
    assert any(isinstance(s.tanggal_lahir, date) for s in records)
    days = loading._Dates()
    assert days["2001-02-03"] == date(2001, 2, 3) and days["31-02-2001"] is None
    assert days[None] is None and days[""] is None


def test_ptk_read_as_plain_tuples_are_the_sqlalchemy_rows(district_ws: Workspace) -> None:
    with district_ws.engine.connect() as conn:
        plain = loading.load_ptk(conn)
        through_rows = loading.ptk_from_rows(conn.execute(loading.current_ptk_select()).all())
    assert plain == through_rows and len(plain) > 100
    assert {type(p.nip_numeric) for p in plain} == {bool}
    assert any(p.tanggal_lahir is not None for p in plain)
