"""One correction workbook kept and edited over days: reading it back again is not refused by
its own earlier imports, while a change made meanwhile in the app or from another workbook
still is.

Budi exports once, fills some rows, reads the file back, fills more rows (and changes some he
filled before) in the same file and reads it back again. Each export has its own id in the
hidden sheet; every status read from it is recorded with that id.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from status_helpers import change_in_app, edit_status, exported, keys_rows, row_keys, states

from operator_app.exporting import ExportRequest, export, import_status
from operator_app.reports.status_conflicts import StatusConflictError
from operator_app.store.models import FindingEvent, FindingState
from operator_app.store.workspace import Workspace


def _workbook_id(xlsx: Path) -> str:
    (value,) = [row[1] for row in keys_rows(xlsx) if row[0] == "workbook_id"]
    return str(value)


def _recorded(ws: Workspace, key: tuple[str, str, str]) -> list[tuple[str, str, str | None]]:
    """(outcome, new status, workbook id) of every status event of the finding, oldest first."""
    fe = FindingEvent
    with ws.engine.connect() as conn:
        rows = conn.execute(
            select(fe.outcome, fe.new_status, fe.workbook_id)
            .where(fe.who == key[0], fe.code == key[1], fe.field == key[2])
            .order_by(fe.id)
        )
        return [(r[0], r[1], r[2]) for r in rows]


def _from_workbook(ws: Workspace, key: tuple[str, str, str]) -> str | None:
    fs = FindingState
    with ws.engine.connect() as conn:
        return conn.execute(
            select(fs.workbook_id).where(fs.who == key[0], fs.code == key[1], fs.field == key[2])
        ).scalar_one()


def test_same_workbook_edited_again_is_applied(tmp_path: Path, db: str) -> None:
    budi, sri, xlsx = exported(tmp_path, db)
    keys = row_keys(budi, xlsx)
    wid = _workbook_id(xlsx)
    edit_status(xlsx, {1: ("diajukan", "tiket 12"), 2: ("diajukan", None)})
    first = import_status(budi, xlsx)
    assert (first.changed, first.conflicts) == (2, ())

    # days later, in the same file: row 1 done, row 2 unchanged, row 3 filled for the first time
    edit_status(xlsx, {1: ("selesai", "NIP sudah diisi"), 3: ("diabaikan", "sudah pensiun")})
    again = import_status(budi, xlsx)
    assert (again.changed, again.unchanged, again.conflicts) == (2, 1, ())
    assert (again.kept_newer, again.kept_own) == (0, 0)
    assert states(budi) == {
        keys[1]: ("selesai", "NIP sudah diisi"),
        keys[2]: ("diajukan", None),
        keys[3]: ("diabaikan", "sudah pensiun"),
    }
    assert _recorded(budi, keys[1]) == [("applied", "diajukan", wid), ("applied", "selesai", wid)]
    assert {_from_workbook(budi, k) for k in keys.values()} == {wid}
    assert import_status(budi, xlsx).changed == 0  # read a third time: nothing left to do

    # Sri, in the app, after the workbook's imports: that row is refused from now on
    change_in_app(sri, keys[2], "selesai", "dicek Sri")
    assert _from_workbook(budi, keys[2]) is None
    edit_status(xlsx, {2: ("diabaikan", "pindah sekolah")})
    with pytest.raises(StatusConflictError) as caught:
        import_status(budi, xlsx)
    assert "baris 5" in caught.value.lines[0] and "diubah oleh Sri pada" in caught.value.lines[0]
    assert states(budi)[keys[2]] == ("selesai", "dicek Sri")
    budi.close()
    sri.close()


def test_same_workbook_with_a_change_in_the_app_meanwhile(tmp_path: Path, db: str) -> None:
    """Between two reads of one workbook Sri changes one of the rows it had brought back: that
    row alone is refused; the rows it brought back and edited again apply as before."""
    budi, sri, xlsx = exported(tmp_path, db)
    keys = row_keys(budi, xlsx)
    edit_status(xlsx, {1: ("diajukan", "tiket 12"), 2: ("diajukan", "tiket 13")})
    assert import_status(budi, xlsx).changed == 2
    change_in_app(sri, keys[1], "diajukan", "tiket 77")
    edit_status(xlsx, {1: ("selesai", None), 2: ("selesai", None), 3: ("diajukan", "tiket 14")})
    before = states(budi)

    with pytest.raises(StatusConflictError) as caught:
        import_status(budi, xlsx)
    err = caught.value
    assert states(budi) == before  # all or nothing
    assert (len(err.lines), err.others) == (1, 2)
    assert "baris 4" in err.lines[0] and "'diajukan' (catatan \"tiket 77\")" in err.lines[0]
    assert "diubah oleh Sri pada" in err.lines[0] and "workbook lain" not in err.lines[0]

    result = import_status(budi, xlsx, partial=True)
    assert (result.changed, len(result.conflicts)) == (2, 1)
    assert states(budi) == {
        keys[1]: ("diajukan", "tiket 77"),  # Sri's decision stands
        keys[2]: ("selesai", None),  # brought back before, edited again: applied
        keys[3]: ("diajukan", "tiket 14"),
    }
    wid = _workbook_id(xlsx)
    assert _recorded(budi, keys[1]) == [
        ("applied", "diajukan", wid),
        ("applied", "diajukan", None),  # Sri, in the app
        ("refused", "selesai", wid),
        ("refused", "selesai", wid),
    ]
    budi.close()
    sri.close()


def test_two_exports_of_the_same_data_edited_on_the_same_row(tmp_path: Path, db: str) -> None:
    """Two workbooks exported from the same data (same versions), one row filled in both: the
    one read second is refused on that row, naming the other workbook's change."""
    budi, sri, first = exported(tmp_path, db)
    second = tmp_path / "perbaikan-sri.xlsx"
    export(sri, ExportRequest(xlsx=second))
    assert _workbook_id(first) != _workbook_id(second)
    keys = row_keys(budi, first)
    assert row_keys(sri, second) == keys
    edit_status(first, {1: ("selesai", "NIP sudah diisi")})
    edit_status(second, {1: ("diabaikan", "sudah pensiun"), 2: ("diajukan", "tiket 21")})
    assert import_status(budi, first).changed == 1

    with pytest.raises(StatusConflictError) as caught:
        import_status(sri, second)
    (line,) = caught.value.lines
    assert "baris 4" in line and "diubah oleh Budi dari workbook lain pada" in line
    assert states(sri)[keys[1]] == ("selesai", "NIP sudah diisi")
    assert states(sri)[keys[2]] == ("baru", None)

    result = import_status(sri, second, partial=True)
    assert (result.changed, len(result.conflicts)) == (1, 1)
    assert states(sri)[keys[1]] == ("selesai", "NIP sudah diisi")  # Budi's workbook stands
    assert states(sri)[keys[2]] == ("diajukan", "tiket 21")
    assert _recorded(sri, keys[1])[-1] == ("refused", "diabaikan", _workbook_id(second))
    budi.close()
    sri.close()


def test_row_back_to_its_exported_value_keeps_what_the_workbook_brought(tmp_path: Path) -> None:
    """A row showing its exported value again is not taken as a decision, even when this
    workbook changed it before (a copy of the file with the row unfilled looks the same): the
    value read before stays, and the summary says so."""
    budi, sri, xlsx = exported(tmp_path, str(tmp_path / "db.sqlite3"))
    keys = row_keys(budi, xlsx)
    edit_status(xlsx, {1: ("selesai", None)})
    assert import_status(budi, xlsx).changed == 1
    edit_status(xlsx, {1: ("baru", None), 2: ("selesai", None)})
    result = import_status(budi, xlsx)
    assert (result.changed, result.kept_own, result.kept_newer) == (1, 1, 0)
    assert states(budi)[keys[1]] == ("selesai", None)
    assert "sudah pernah dibaca dari workbook ini" in result.summary(xlsx.name)
    budi.close()
    sri.close()


def test_a_recheck_that_changes_a_status_refuses_that_row(tmp_path: Path) -> None:
    """A status the automatic check changed after the workbook's import is a newer decision
    too: the finding left the data (closed automatically) and came back (reopened)."""
    from status_helpers import people, write_exports

    budi, sri, xlsx = exported(tmp_path, str(tmp_path / "db.sqlite3"))
    keys = row_keys(budi, xlsx)
    edit_status(xlsx, {1: ("diajukan", "tiket 12"), 2: ("diajukan", "tiket 13")})
    assert import_status(budi, xlsx).changed == 2
    drows, srows = people()
    left = [d for d in drows if str(d["NIK"]) not in keys[1][0]]
    assert len(left) == len(drows) - 1
    budi.import_files([Path(p) for p in write_exports(tmp_path / "baru", left, srows)])
    budi.run_checks()  # closed automatically: 'selesai'
    budi.import_files([Path(p) for p in write_exports(tmp_path / "lagi", drows, srows)])
    budi.run_checks()  # back again: reopened as 'baru' by the check
    assert states(budi)[keys[1]][0] == "baru"
    edit_status(xlsx, {1: ("selesai", None), 2: ("selesai", None)})
    with pytest.raises(StatusConflictError) as caught:
        import_status(budi, xlsx)
    (line,) = caught.value.lines
    assert "baris 4" in line and "pemeriksaan otomatis" in line
    budi.close()
    sri.close()


def test_workbook_exported_before_ids_reads_as_before(tmp_path: Path) -> None:
    """A versioned workbook from before this change has no `workbook_id`: it still imports,
    but a row it brought back and that was edited again in it counts as changed since."""
    from openpyxl import load_workbook

    from operator_app.reports.sheets import SHEET_KEYS
    from operator_app.reports.status_import import read_status_rows

    budi, sri, xlsx = exported(tmp_path, str(tmp_path / "db.sqlite3"))
    keys = row_keys(budi, xlsx)
    wb = load_workbook(xlsx)
    sheet = wb[SHEET_KEYS]
    (at,) = [r[0].row for r in sheet.iter_rows() if r[0].value == "workbook_id"]
    sheet.delete_rows(at)
    wb.save(xlsx)
    wb.close()
    assert read_status_rows(xlsx, budi.db_id, set(keys.values())).workbook_id is None
    edit_status(xlsx, {1: ("diajukan", "tiket 12")})
    assert import_status(budi, xlsx).changed == 1
    edit_status(xlsx, {1: ("selesai", None)})
    with pytest.raises(StatusConflictError):
        import_status(budi, xlsx)
    assert states(budi)[keys[1]] == ("diajukan", "tiket 12")
    budi.close()
    sri.close()


def test_one_state_twice_in_a_set_is_two_changes(tmp_path: Path, db: str) -> None:
    """Two rows sharing one workflow state (a duplicate pair) in one read: from an identified
    workbook both apply in order, as two versions; without an id the second counts as stale,
    as in the editor's compare-and-set."""
    budi, sri, xlsx = exported(tmp_path, db)
    key = row_keys(budi, xlsx)[1]
    version = budi.decision_versions(key[0]).findings[key]
    pair = [(key, "diajukan", "tiket 1", version), (key, "selesai", None, version)]
    done = budi.set_statuses_from_workbook(pair, workbook_id="00aa11bb22cc33dd")
    assert (done.applied, done.conflicts) == (2, ())
    assert budi.decision_versions(key[0]).findings[key] == version + 2
    history = budi.decision_history(key[0])
    assert [(h.old_value, h.new_value, h.version) for h in history[-2:]] == [
        ("baru", "diajukan", version + 1),
        ("diajukan", "selesai", version + 2),
    ]
    other = row_keys(budi, xlsx)[2]
    version = budi.decision_versions(other[0]).findings[other]
    pair = [(other, "diajukan", None, version), (other, "diabaikan", "pensiun", version)]
    refused = budi.set_statuses_from_workbook(pair)
    assert refused.refused_all and len(refused.conflicts) == 1
    assert states(budi)[other] == ("baru", None)
    budi.close()
    sri.close()
