"""The fast Dapodik xlsx writer gives the same workbook as the openpyxl one, as the app reads it."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from operator_app.samples import build_kabupaten, write_dapodik_xlsx, write_dapodik_xlsx_fast
from operator_app.sources.readers import read_table


def test_same_cells_merges_and_reading_as_openpyxl(tmp_path: Path) -> None:
    kab = build_kabupaten(5, n_schools=2, siasn_rows=200)
    school = kab.schools[0]
    numeric = school.numeric_nip("guru") or {1}
    slow = write_dapodik_xlsx(tmp_path / "slow.xlsx", school, school.guru_rows,
                              numeric_nip_rows=numeric)  # fmt: skip
    fast = write_dapodik_xlsx_fast(tmp_path / "fast.xlsx", school, school.guru_rows,
                                   numeric_nip_rows=numeric)  # fmt: skip
    a, b = load_workbook(slow).active, load_workbook(fast).active
    assert a is not None and b is not None
    assert [list(r) for r in a.iter_rows(values_only=True)] == [
        list(r) for r in b.iter_rows(values_only=True)
    ]
    assert sorted(map(str, a.merged_cells.ranges)) == sorted(map(str, b.merged_cells.ranges))
    ta, tb = read_table(slow), read_table(fast)
    assert list(ta.rows()) == list(tb.rows())
