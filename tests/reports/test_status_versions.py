"""The workbook round trip never overwrites a newer decision (issue 14 item 4).

Budi exports the correction workbook and edits it offline; meanwhile Sri changes a status in the
app (a second Workspace on the same database). Reading Budi's workbook back refuses the whole
file, naming the row, the teacher, who changed it and when; `--sebagian` applies the rest.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from status_helpers import (
    change_in_app,
    edit_status,
    exported,
    keys_rows,
    row_keys,
    states,
    teacher,
)

from operator_app.cli import main
from operator_app.exporting import import_status
from operator_app.reports.status_conflicts import StatusConflictError


def test_stale_row_refuses_the_workbook_then_partial_applies_the_rest(
    tmp_path: Path, db: str
) -> None:
    budi, sri, xlsx = exported(tmp_path, db)
    keys = row_keys(budi, xlsx)
    change_in_app(sri, keys[1])
    edit_status(xlsx, {1: ("selesai", "NIP sudah diisi"), 2: ("diajukan", "tiket 12")})
    before = states(budi)

    with pytest.raises(StatusConflictError) as caught:
        import_status(budi, xlsx)
    assert states(budi) == before  # nothing changed, not even the row that was not stale
    err = caught.value
    assert len(err.lines) == 1 and err.others == 1
    line = err.lines[0]
    assert "lembar 'Perbaikan Verval PTK' baris 4" in line and teacher(budi, keys[1]) in line
    assert "'selesai' (catatan \"NIP sudah diisi\")" in line  # the workbook's value and note
    assert "'diajukan' (catatan \"tiket 77\")" in line and "diubah oleh Sri pada" in line
    changed = budi.decision_history(keys[1][0])[-2]
    assert (
        changed.decided_by == "Sri" and changed.at.astimezone().strftime("%d-%m-%Y %H:%M") in line
    )
    assert "--sebagian" in err.message and "Ekspor workbook baru" in err.message
    refused = budi.decision_history(keys[1][0])[-1]
    assert (refused.outcome, refused.channel, refused.decided_by) == ("refused", "workbook", "Budi")
    assert (refused.new_value, refused.note, refused.old_value) == (
        "selesai",
        "NIP sudah diisi",
        "diajukan",
    )

    result = import_status(budi, xlsx, partial=True)
    after = states(budi)
    assert after[keys[1]] == ("diajukan", "tiket 77")  # Sri's decision stands
    assert after[keys[2]] == ("diajukan", "tiket 12")  # the rest applied
    assert (result.changed, len(result.conflicts)) == (1, 1)
    text = result.summary(xlsx.name)
    assert "1 baris dilewati karena sudah diubah di aplikasi" in text and "Sri" in text
    assert [h.outcome for h in budi.decision_history(keys[1][0])] == [
        "applied",
        "refused",
        "refused",
    ]
    budi.close()
    sri.close()


def test_masked_workbook_is_versioned_too(tmp_path: Path) -> None:
    budi, sri, xlsx = exported(tmp_path, str(tmp_path / "db.sqlite3"), mask_nik=True)
    keys = row_keys(budi, xlsx)
    change_in_app(sri, keys[3])
    edit_status(xlsx, {3: ("selesai", None)})
    with pytest.raises(StatusConflictError) as caught:
        import_status(budi, xlsx)
    assert "baris 6" in caught.value.lines[0] and teacher(budi, keys[3]) in caught.value.lines[0]
    budi.close()
    sri.close()


def test_same_value_as_the_newer_decision_is_not_a_conflict(tmp_path: Path) -> None:
    budi, sri, xlsx = exported(tmp_path, str(tmp_path / "db.sqlite3"))
    keys = row_keys(budi, xlsx)
    change_in_app(sri, keys[1], "diajukan", "tiket 77")
    edit_status(xlsx, {1: ("diajukan", "tiket 77"), 2: ("selesai", None)})
    result = import_status(budi, xlsx)
    assert (result.changed, result.unchanged, result.conflicts) == (1, 2, ())
    assert states(budi)[keys[2]] == ("selesai", None)
    assert [h.outcome for h in budi.decision_history(keys[1][0])] == ["applied"]  # no refusal
    budi.close()
    sri.close()


def test_row_left_as_exported_keeps_the_newer_decision(tmp_path: Path) -> None:
    budi, sri, xlsx = exported(tmp_path, str(tmp_path / "db.sqlite3"))
    keys = row_keys(budi, xlsx)
    change_in_app(sri, keys[1])
    edit_status(xlsx, {2: ("selesai", None)})  # row 1 still shows 'baru' as exported
    result = import_status(budi, xlsx)
    assert states(budi)[keys[1]] == ("diajukan", "tiket 77")
    assert (result.changed, result.kept_newer) == (1, 1)
    assert "nilai terbarunya dipertahankan" in result.summary(xlsx.name)
    budi.close()
    sri.close()


def test_old_workbook_without_versions_still_imports_with_a_note(tmp_path: Path) -> None:
    """A workbook exported before versions (format 1, no versi/nilai columns): today's
    behaviour, the newer decision is overwritten, and the summary says why it could be."""
    from datetime import datetime

    from operator_app.exporting import data_dates
    from operator_app.reports.workbook import ExportMeta, write_workbook

    budi, sri, xlsx = exported(tmp_path, str(tmp_path / "db.sqlite3"))
    meta = ExportMeta(budi.db_id, datetime.now(), data_dates(budi, None), "Semua sekolah")
    write_workbook(xlsx, budi.findings(), budi.schools(), meta)
    rows = keys_rows(xlsx)
    assert rows[0][:2] == ("format", "operator-app/status-workbook/1")
    assert all(len([v for v in r if v is not None]) <= 4 for r in rows)
    keys = row_keys(budi, xlsx)
    change_in_app(sri, keys[1])
    edit_status(xlsx, {1: ("selesai", None)})
    result = import_status(budi, xlsx)
    assert result.unversioned and result.changed == 1
    assert states(budi)[keys[1]] == ("selesai", None)
    assert "sebelum keputusan diberi versi" in result.summary(xlsx.name)
    budi.close()
    sri.close()


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "db.sqlite3")
    budi, sri, xlsx = exported(tmp_path, db)
    keys = row_keys(budi, xlsx)
    change_in_app(sri, keys[2])
    edit_status(xlsx, {2: ("selesai", None), 3: ("diajukan", None)})
    before = states(budi)
    capsys.readouterr()
    assert main(["import-status", "--db", db, str(xlsx)]) == 2
    err = capsys.readouterr().err
    assert "1 baris sudah diubah" in err and "baris 5" in err and "Sri" in err
    assert f"--sebagian {xlsx.name}" in err
    assert states(budi) == before
    assert main(["import-status", "--sebagian", "--db", db, str(xlsx)]) == 0
    out = capsys.readouterr().out
    assert "1 status diperbarui" in out and "1 baris dilewati karena sudah diubah" in out
    assert states(budi)[keys[3]] == ("diajukan", None)
    assert states(budi)[keys[2]] == ("diajukan", "tiket 77")
    budi.close()
    sri.close()


def test_a_long_list_is_cut_for_the_question_but_not_for_the_summary() -> None:
    from operator_app.reports.status_conflicts import listed

    lines = [f"lembar 'Untuk BKD' baris {n}: ..." for n in range(4, 24)]
    short = listed(lines, 12)
    assert short.count("\n- ") == 13 and short.endswith("... dan 8 baris lain")
    assert "baris 15:" in short and "baris 16:" not in short
    assert listed(lines).count("\n- ") == 20 and "dan" not in listed(lines)


def test_only_stale_rows_edited_no_offer_of_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db.sqlite3")
    budi, sri, xlsx = exported(tmp_path, db)
    keys = row_keys(budi, xlsx)
    change_in_app(sri, keys[1])
    edit_status(xlsx, {1: ("selesai", None)})
    capsys.readouterr()
    assert main(["import-status", "--db", db, str(xlsx)]) == 2
    err = capsys.readouterr().err
    assert "baris 4" in err and "Tidak ada baris lain" in err and "--sebagian" not in err
    budi.close()
    sri.close()
