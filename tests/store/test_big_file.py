"""A kabupaten-size export is read, detected and typed in a process of its own (sources.big_file)
and its rows streamed back while the import writes: what lands must be what one by one stores,
and a process that cannot start, dies or is no longer needed must cost no file and stay behind."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from builders import siasn_damaged_below_head, write_kabupaten

from operator_app.core.errors import BadFileError
from operator_app.sources import big_file as bf
from operator_app.sources import read_many as rm
from operator_app.sources import read_procs as rp
from operator_app.sources.records import RowIssue, iter_siasn
from operator_app.store import importer
from operator_app.store.workspace import Workspace


@pytest.fixture
def siasn_is_big(monkeypatch: pytest.MonkeyPatch) -> None:
    """The SIASN export (.csv) counts as kabupaten-size: it takes the process path."""
    monkeypatch.setattr(rp, "_size", lambda p: rm.BIG_FILE if Path(p).suffix == ".csv" else 10)


def _kabupaten(tmp_path: Path, siasn_rows: int = 300) -> list[Path]:
    """The files, the SIASN export last with two rows the typing skips (no NAMA, no NIP_BARU,
    the rest filled in: reported as warnings) far apart, one past the first 4,096 rows."""
    _, files = write_kabupaten(tmp_path / "kab", n_schools=4, siasn_rows=siasn_rows)
    paths = list(files.all)
    lines = paths[-1].read_text(encoding="utf-8").splitlines(keepends=True)
    delimiter = "|" if "|" in lines[0] else ","
    header = lines[0].rstrip("\r\n").split(delimiter)
    for at in (20, min(len(lines) - 2, 5000)):
        cells = lines[at].rstrip("\r\n").split(delimiter)
        for name in ("NAMA", "NIP_BARU"):
            cells[header.index(name)] = ""
        lines[at] = delimiter.join(cells) + "\n"
    paths[-1].write_text("".join(lines), encoding="utf-8")
    return paths


def _in_process_rows(path: Path) -> tuple[list[tuple[object, ...]], list[RowIssue]]:
    got = rm.read_one(path)
    issues: list[RowIssue] = []
    rows = list(iter_siasn(got.table, got.det, issues))
    assert len(issues) == 2  # the two skipped rows of _kabupaten
    return rows, issues


def _killed(big: bf.BigFile) -> None:
    proc = big._proc
    assert proc is not None
    proc.kill()
    proc.join(timeout=10)


def _stored(db: Path, paths: list[Path]) -> list[tuple[object, ...]]:
    ws = Workspace(db)
    report = ws.import_files(paths)
    with ws.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT s.row_number, s.nama, s.nama_key, s.nip_baru, s.nik, s.tanggal_lahir, "
            "s.unor_nama, s.raw_json, s.person_key, b.row_count, b.warnings_json "
            "FROM siasn s JOIN import_batch b ON b.id = s.batch_id ORDER BY s.row_number"
        ).all()
        rows += conn.exec_driver_sql(
            "SELECT p.row_number, p.nama, p.nip, p.raw_json FROM ptk p ORDER BY p.id"
        ).all()
    ws.close()
    assert [f.rows for f in report.files if f.kind == "siasn"] == [len(rows) - _n_ptk(db)]
    return [tuple(r) for r in rows]


def _n_ptk(db: Path) -> int:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM ptk").fetchone()[0])
    finally:
        con.close()


def test_a_big_export_lands_as_one_by_one(
    tmp_path: Path, siasn_is_big: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """9,000 SIASN rows (three messages of typed rows) behind the Dapodik files; alone (read in
    this process: nothing else to write meanwhile) it lands the same too."""
    paths = _kabupaten(tmp_path, siasn_rows=9000)
    streamed = _stored(tmp_path / "a.sqlite3", paths)
    alone = _stored(tmp_path / "c.sqlite3", [paths[-1]])
    assert len(streamed) > 9000
    assert not multiprocessing.active_children()
    monkeypatch.setattr(
        importer, "read_files", lambda ps, cancel=None: (rm._outcome_now(p) for p in ps)
    )
    assert _stored(tmp_path / "b.sqlite3", paths) == streamed
    assert _stored(tmp_path / "d.sqlite3", [paths[-1]]) == alone


def test_a_process_that_dies_while_typing_loses_no_row(tmp_path: Path) -> None:
    """The rows typed before it died are kept; the rest is typed here from where it stopped."""
    siasn = _kabupaten(tmp_path, siasn_rows=9000)[-1]
    got = bf.BigFile(siasn).outcome()
    assert isinstance(got, rm.ReadFile) and isinstance(got.typed, bf.Streamed)
    big = got.typed._big
    real = big.next_message
    answered = 0

    def dies_after_one() -> Any:
        nonlocal answered
        answered += 1
        if answered == 1:
            return real()  # the first 4,096 rows
        big.close()
        return bf._END

    big.next_message = dies_after_one  # type: ignore[method-assign]
    issues: list[RowIssue] = []
    rows = list(got.typed.replay(issues))
    assert (rows, issues) == _in_process_rows(siasn)
    assert not multiprocessing.active_children()


def test_a_process_that_dies_before_typing_or_never_starts_costs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    siasn = _kabupaten(tmp_path)[-1]
    got = bf.BigFile(siasn).outcome()
    assert isinstance(got, rm.ReadFile) and got.typed is not None
    got.typed.close()  # ended before the write phase: the rows are typed here
    issues: list[RowIssue] = []
    assert (list(got.typed.replay(issues)), issues) == _in_process_rows(siasn)

    def no_process(*args: object, **kwargs: object) -> None:
        raise OSError("no process on this system")

    monkeypatch.setattr(bf.multiprocessing, "get_context", no_process)
    here = bf.BigFile(siasn).outcome()
    assert isinstance(here, rm.ReadFile) and here.typed is None
    assert list(here.table.rows()) == list(rm.read_one(siasn).table.rows())
    assert not multiprocessing.active_children()


def test_a_bug_in_the_process_is_raised_at_its_turn(tmp_path: Path) -> None:
    siasn = _kabupaten(tmp_path)[-1]
    got = bf.BigFile(siasn).outcome()
    assert isinstance(got, rm.ReadFile) and got.typed is not None
    got.typed._big.next_message = lambda: ("bug", "Traceback ... KeyError: 'nama'")  # type: ignore[attr-defined]
    with pytest.raises(bf.WorkerFailure, match="KeyError"):
        list(got.typed.replay([]))
    assert not multiprocessing.active_children()


def test_a_refused_big_file_and_a_refusal_after_one_leave_no_process(
    tmp_path: Path, siasn_is_big: None
) -> None:
    paths = _kabupaten(tmp_path)
    cut = tmp_path / "siasn-terpotong.csv"
    cut.write_bytes(b"\x00\x01\x02" * 10)
    with pytest.raises(BadFileError) as refused:
        importer.plan([paths[0], cut])
    with pytest.raises(BadFileError) as alone:
        rm.read_one(cut)
    assert refused.value.message == alone.value.message
    assert not multiprocessing.active_children()

    empty = tmp_path / "kosong.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(BadFileError):  # the big file was handed out before the refusal
        importer.plan([paths[-1], *paths[:-1], empty])
    assert not multiprocessing.active_children()
    with pytest.raises(BadFileError):  # a duplicate of the big file in the same call
        importer.plan([paths[-1], paths[-1], empty])
    assert not multiprocessing.active_children()


def test_a_big_file_damaged_below_its_head_fails_the_write(
    tmp_path: Path, siasn_is_big: None
) -> None:
    paths = _kabupaten(tmp_path)
    damaged = siasn_damaged_below_head(paths[-1], tmp_path / "siasn-rusak.csv")
    ws = Workspace(tmp_path / "data.sqlite3")
    with pytest.raises(BadFileError, match="baris 101 berisi 1001 kolom"):
        ws.import_files([*paths[:-1], damaged], skip_bad=True)
    with ws.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM ptk").scalar_one() == 0
    ws.close()
    assert not multiprocessing.active_children()


def test_a_process_killed_before_it_answered_or_before_it_typed_costs_nothing(
    tmp_path: Path,
) -> None:
    """Real deaths (the pipe ends): before the detection the file is read here; after it, the
    rows are typed here, with the rows it skipped reported as warnings all the same."""
    siasn = _kabupaten(tmp_path)[-1]
    big = bf.BigFile(siasn)
    _killed(big)
    here = big.outcome()
    assert isinstance(here, rm.ReadFile) and here.typed is None
    assert here.det == rm.read_one(siasn).det

    got = bf.BigFile(siasn).outcome()
    assert isinstance(got, rm.ReadFile) and isinstance(got.typed, bf.Streamed)
    _killed(got.typed._big)
    issues: list[RowIssue] = []
    assert (list(got.typed.replay(issues)), issues) == _in_process_rows(siasn)
    assert not multiprocessing.active_children()


def test_a_second_replay_gives_the_same_rows(tmp_path: Path) -> None:
    siasn = _kabupaten(tmp_path)[-1]
    got = bf.BigFile(siasn).outcome()
    assert isinstance(got, rm.ReadFile) and got.typed is not None
    first: list[RowIssue] = []
    again: list[RowIssue] = []
    assert list(got.typed.replay(first)) == list(got.typed.replay(again))
    assert first == again and len(first) == 2
    assert not multiprocessing.active_children()


def test_a_cancelled_or_skipped_big_file_leaves_no_process(
    tmp_path: Path, siasn_is_big: None
) -> None:
    from operator_app.core.errors import Cancelled

    paths = _kabupaten(tmp_path)
    ws = Workspace(tmp_path / "data.sqlite3")
    writing = False

    def progress(done: int, total: int, text: str) -> None:
        nonlocal writing
        writing = writing or text.startswith("Mengimpor")

    with pytest.raises(Cancelled):  # Batal while the Dapodik files are written
        ws.import_files(paths, progress, cancel=lambda: writing)
    assert not multiprocessing.active_children()
    with ws.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM siasn").scalar_one() == 0
    ws.import_files([paths[-1]])  # the export alone, then again beside the Dapodik files:
    report = ws.import_files(paths)  # its process is ended as soon as it is found imported
    assert [f.skipped_duplicate for f in report.files if f.kind == "siasn"] == [True]
    assert not multiprocessing.active_children()
    ws.close()
