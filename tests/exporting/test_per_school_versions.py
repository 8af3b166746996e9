"""A school's workbook from the per-school package is versioned like the single export's: read
back after the Dinas decided in the app, it never reverts that decision; an edited row on a
finding decided since the export is refused, nothing changed."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from status_helpers import change_in_app, edit_status, row_keys, states

from operator_app.exporting import import_status
from operator_app.exporting_per_school import export_per_school
from operator_app.reports.sheets import SHEET_BKD
from operator_app.reports.status_conflicts import StatusConflictError
from operator_app.store.workspace import Workspace


def test_package_workbook_never_reverts_a_newer_decision(
    district_db: Callable[[int], Path], tmp_path: Path
) -> None:
    db = tmp_path / "dinas.sqlite3"
    shutil.copy(district_db(50), db)  # the session's database stays as it was
    ws = Workspace(db)
    try:
        report = export_per_school(ws, tmp_path / "paket")
        workbooks = [
            report.outdir / f for s in report.schools for f in s.files if f.endswith(".xlsx")
        ]
        # a school with at least two rows for the BKD (the district's most common case)
        xlsx, keys = next((x, k) for x in workbooks if len(k := row_keys(ws, x, SHEET_BKD)) >= 2)
        first, second = keys[1], keys[2]
        ws.operator_name = "Dinas"
        change_in_app(ws, first, "selesai", "dicek Dinas")  # after the package was sent

        result = import_status(ws, xlsx)  # the school sends it back unedited
        assert states(ws)[first] == ("selesai", "dicek Dinas")
        assert result.changed == 0

        edit_status(xlsx, {1: ("diajukan", "dari sekolah"), 2: ("diajukan", "tiket 9")}, SHEET_BKD)
        before = states(ws)
        with pytest.raises(StatusConflictError) as caught:
            import_status(ws, xlsx)
        assert "Dinas" in caught.value.message
        assert states(ws) == before  # nothing changed, the other row included

        result = import_status(ws, xlsx, partial=True)
        assert states(ws)[first] == ("selesai", "dicek Dinas")
        assert states(ws)[second] == ("diajukan", "tiket 9")
    finally:
        ws.close()
