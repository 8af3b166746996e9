"""The district overview per school and `check --summary / --summary-csv`."""

from __future__ import annotations

import csv
import dataclasses
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from operator_app.cli import main
from operator_app.samples import write_dapodik_xlsx
from operator_app.store.workspace import Workspace


def test_each_school_counts_its_own_and_progress_follows_its_import(
    tmp_path: Path, kabupaten: Any
) -> None:
    kab, files = kabupaten
    ws = Workspace(tmp_path / "db.sqlite3")
    ws.import_files(list(files.all))
    ws.run_checks()
    sums = ws.school_summaries()
    assert [s.name for s in sums] == sorted(
        (s.name for s in sums), key=lambda n: (next(x.kecamatan for x in sums if x.name == n), n)
    )
    open_findings = [f for f in ws.findings() if f.status in ("baru", "diajukan")]
    for s in sums:
        mine = {f.key: f for f in open_findings if f.school_id == s.school_id}
        assert s.n_invalid == sum(f.severity == "invalid" for f in mine.values())
        assert s.n_warning == sum(f.severity == "warning" for f in mine.values())
        assert sum(s.by_actor.values()) == len(mine)
        people = {r.person_key for r in ws.person_rows(s.school_id) if not r.only_in_siasn}
        assert s.n_ptk == len({k for k in people if not k.startswith("school:")})
        assert 0 < s.n_matched <= s.n_ptk
        assert (s.n_new, s.n_fixed) == (0, 0)  # the first run is not progress
    # school 0 re-exports without the people who had findings: they are "fixed" there only
    school = kab.schools[0]
    target = next(s for s in sums if s.name == school.name)
    flagged = {f.nama for f in open_findings if f.school_id == target.school_id and f.dapodik_file}
    rows = [r for r in school.rows("guru") if r["Nama"] not in flagged]
    later = dataclasses.replace(school, downloaded_at=school.downloaded_at + timedelta(hours=1))
    path = write_dapodik_xlsx(tmp_path / later.file_name("guru"), later, rows, "guru")
    ws.import_files([path])
    ws.run_checks()
    after = {s.name: s for s in ws.school_summaries()}
    assert after[school.name].n_fixed > 0
    assert after[school.name].tanggal_unduh is not None
    assert after[school.name].tanggal_unduh.replace(second=0) == later.downloaded_at.replace(
        second=0, microsecond=0
    )
    for name, s in after.items():
        if name != school.name:
            assert (s.n_new, s.n_fixed) == (0, 0), name


def test_check_summary_and_csv(
    tmp_path: Path, kabupaten_files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.sqlite3"
    out = tmp_path / "rekap.csv"
    assert main(["import", "--db", str(db), *map(str, kabupaten_files)]) == 0
    capsys.readouterr()
    assert main(["check", "--db", str(db), "--summary", "--summary-csv", str(out)]) == 0
    text = capsys.readouterr().out
    ws = Workspace(db)
    sums = ws.school_summaries()
    for s in sums:
        assert any(line.startswith(s.name) and f" {s.n_ptk} " in line for line in text.splitlines())
    assert f"JUMLAH ({len(sums)} sekolah)" in text
    assert "NIP_BEDA:" not in text  # one line per school, not per code
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["Kecamatan", "Sekolah", "PTK"]
    assert [r[1] for r in rows[1:]] == [s.name for s in sums]
    assert [int(r[4]) for r in rows[1:]] == [s.n_invalid for s in sums]
