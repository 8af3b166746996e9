"""A kabupaten's files are read and typed in two worker processes (sources.read_procs): the answers
must be what reading them one by one gives, in the order given; a refusal, a cancel, a worker
that dies or one that hits a bug must leave no process behind and lose no file."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from builders import siasn_damaged_below_head, write_kabupaten
from ekinerja.synclog_files import write_log_xlsx

from operator_app.core.errors import BadFileError, Cancelled
from operator_app.sources import read_many as rm
from operator_app.sources import read_procs as rp
from operator_app.sources.big_file import Streamed
from operator_app.sources.records import RowIssue, iter_dapodik, iter_siasn
from operator_app.store import importer
from operator_app.store.workspace import Workspace


@pytest.fixture
def few(monkeypatch: pytest.MonkeyPatch) -> None:
    """Processes from the first file on, three files a task: every path of the code is taken."""
    monkeypatch.setattr(rp, "PROCS_FROM", 1)
    monkeypatch.setattr(rp, "CHUNK", 3)


def _kabupaten(tmp_path: Path) -> list[Path]:
    _, files = write_kabupaten(tmp_path / "kab", n_schools=6, siasn_rows=200)
    return list(files.all)


def _mixed(tmp_path: Path) -> tuple[list[Path], set[Path]]:
    """Dapodik workbooks, the SIASN CSV, a sync log, an empty and a cut file, one file twice."""
    paths = _kabupaten(tmp_path)
    empty = tmp_path / "kosong.xlsx"
    empty.write_bytes(b"")
    cut = tmp_path / "rusak.xlsx"
    cut.write_bytes(paths[0].read_bytes()[:600])
    log = write_log_xlsx(
        tmp_path / "log-sinkron.xlsx",
        ["No", "NIP", "Nama", "Pesan"],
        [[1, "198503292011122024", "SITI AMINAH", "NIP tidak ditemukan di SIASN"]],
        titles=["Rekap Kendala Sinkronisasi PMM"],
    )
    mixed = [paths[0], empty, *paths[1:4], cut, log, paths[2], *paths[4:]]
    return mixed, {empty, cut}


def _leftovers() -> tuple[list[Any], list[threading.Thread]]:
    threads = [t for t in threading.enumerate() if t.name.startswith("baca-file")]
    return multiprocessing.active_children(), threads


def _rows(table: Any, det: Any) -> tuple[list[tuple[object, ...]], list[RowIssue]]:
    issues: list[RowIssue] = []
    typer = iter_siasn if det.kind == "siasn" else iter_dapodik
    return list(typer(table, det, issues)), issues


def _assert_same(got: list[rp.Outcome], paths: list[Path], bad: set[Path]) -> None:
    assert len(got) == len(paths)
    for path, outcome in zip(paths, got, strict=True):
        if path in bad:
            assert isinstance(outcome, BadFileError)
            with pytest.raises(BadFileError) as alone:
                rm.read_one(path)
            assert outcome.message == alone.value.message
            continue
        assert isinstance(outcome, rm.ReadFile)
        one = rm.read_one(path)
        assert (outcome.path, outcome.sha256, outcome.det) == (one.path, one.sha256, one.det)
        assert outcome.table.sheet == one.table.sheet
        assert outcome.table.total_rows == one.table.total_rows
        if one.det.kind == "ekinerja_log":
            assert outcome.typed is None
            assert list(outcome.table.rows()) == list(one.table.rows())
        elif outcome.typed is not None:  # read by a worker: typed there
            issues: list[RowIssue] = []
            rows = list(outcome.typed.replay(issues))
            outcome.typed.close()
            assert (rows, issues) == _rows(one.table, one.det)
        else:  # read here (threads, or the workers were gone): typed while written
            assert list(outcome.table.rows()) == list(one.table.rows())


def test_processes_give_what_one_by_one_gives_in_order(
    tmp_path: Path, few: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    mixed, bad = _mixed(tmp_path)
    siasn = mixed[-1]
    assert siasn.suffix == ".csv"
    monkeypatch.setattr(rp, "_size", lambda p: rm.BIG_FILE if p == siasn else 10)
    got = list(rp.read_files(mixed))
    _assert_same(got, mixed, bad)
    kinds = [g.det.kind for g in got if isinstance(g, rm.ReadFile)]
    assert {"dapodik_guru", "dapodik_tendik", "siasn", "ekinerja_log"} <= set(kinds)
    typed = [g for g in got if isinstance(g, rm.ReadFile) and g.typed is not None]
    assert len(typed) == len(mixed) - len(bad) - 1  # all but the log
    assert isinstance(got[-1].typed, Streamed)  # type: ignore[union-attr]  # its own process
    assert _leftovers() == ([], [])


def test_a_kabupaten_lands_the_same_through_the_processes(
    tmp_path: Path, few: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole import, files read and typed in the workers, stores what one by one stores:
    every row, every batch with its row count and warnings (rows skipped without a name)."""
    paths = _kabupaten(tmp_path)
    nameless = tmp_path / "tanpa-nama.xlsx"
    _nameless_copy(paths[0], nameless)
    paths = [nameless, *paths[1:]]

    def stored(db: Path) -> list[tuple[object, ...]]:
        ws = Workspace(db)
        ws.import_files(paths)
        with ws.engine.connect() as conn:
            out = conn.exec_driver_sql(
                "SELECT b.file_name, b.kind, b.row_count, b.warnings_json, b.is_current, "
                "p.row_number, p.nama, p.nama_key, p.nip, p.nik, p.tanggal_lahir, p.raw_json, "
                "p.person_key FROM ptk p JOIN import_batch b ON b.id = p.batch_id "
                "ORDER BY b.file_name, p.row_number"
            ).all()
            out += conn.exec_driver_sql(
                "SELECT nama, nama_key, nip_baru, nik, tanggal_lahir, unor_nama, raw_json, "
                "person_key FROM siasn ORDER BY row_number"
            ).all()
        ws.close()
        return [tuple(r) for r in out]

    pooled = stored(tmp_path / "a.sqlite3")
    assert any("tidak punya Nama" in str(r[3]) for r in pooled)  # the skipped row is reported
    assert len(pooled) > 300

    def one_by_one(paths: list[Path], cancel: object = None):
        return (rm._outcome_now(p) for p in paths)

    monkeypatch.setattr(importer, "read_files", one_by_one)
    assert stored(tmp_path / "b.sqlite3") == pooled


def _nameless_copy(source: Path, target: Path) -> None:
    """The workbook with one PTK's name emptied (a row Dapodik lets through)."""
    from openpyxl import load_workbook

    wb = load_workbook(source)
    ws = wb.active
    assert ws is not None
    header = next(r for r in range(1, 10) if ws.cell(r, 2).value == "Nama")
    ws.cell(header + 2, 2).value = None
    wb.save(target)


def test_a_row_damaged_below_the_head_fails_the_write_as_one_by_one(
    tmp_path: Path, few: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CSV row past the column limit far below the header is found while typing: through the
    workers it still fails the write inside the transaction (nothing lands, also with skip_bad),
    exactly as iterating the file while writing does, not as a file skipped while reading."""
    paths = _kabupaten(tmp_path)
    damaged = siasn_damaged_below_head(paths[-1], tmp_path / "siasn-rusak.csv")
    paths = [*paths[:-1], damaged]

    def outcome(db: Path) -> tuple[str, int]:
        ws = Workspace(db)
        with pytest.raises(BadFileError) as refused:
            ws.import_files(paths, skip_bad=True)
        with ws.engine.connect() as conn:
            n = int(conn.exec_driver_sql("SELECT count(*) FROM ptk").scalar_one())
        ws.close()
        return refused.value.message, n

    through_workers = outcome(tmp_path / "a.sqlite3")
    assert "baris 101 berisi 1001 kolom" in through_workers[0]
    assert through_workers[1] == 0
    monkeypatch.setattr(
        importer, "read_files", lambda ps, cancel=None: (rm._outcome_now(p) for p in ps)
    )
    assert outcome(tmp_path / "b.sqlite3") == through_workers


class _Pool:
    """A pool that runs each task here (so monkeypatches apply) or fails like a dead worker."""

    def __init__(self, *args: object, die_from: int | None = None, **kwargs: object) -> None:
        self.die_from = die_from
        self.tasks = 0

    def submit(self, fn: Any, *args: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        self.tasks += 1
        if self.die_from is not None and self.tasks > self.die_from:
            fut.set_exception(BrokenProcessPool("a worker died"))
        else:
            fut.set_result(fn(*args))
        return fut

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_when_a_worker_dies_the_rest_is_read_here(
    tmp_path: Path, few: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    mixed, bad = _mixed(tmp_path)
    monkeypatch.setattr(rp, "ProcessPoolExecutor", lambda *a, **k: _Pool(die_from=2))
    got = list(rp.read_files(mixed))
    _assert_same(got, mixed, bad)
    typed = [isinstance(g, rm.ReadFile) and g.typed is not None for g in got]
    assert typed[:6] == [True, False, True, True, True, False]  # two tasks answered (2 bad)
    assert not any(typed[6:])  # then read here
    assert _leftovers() == ([], [])


def test_when_processes_cannot_start_the_files_are_read_here(
    tmp_path: Path, few: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    mixed, bad = _mixed(tmp_path)

    def no_processes(*args: object, **kwargs: object) -> None:
        raise OSError("no semaphores on this system")

    monkeypatch.setattr(rp, "ProcessPoolExecutor", no_processes)
    got = list(rp.read_files(mixed))
    _assert_same(got, mixed, bad)
    assert all(g.typed is None for g in got if isinstance(g, rm.ReadFile))


def test_a_bug_in_a_worker_is_raised_at_its_files_turn(
    tmp_path: Path, few: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _kabupaten(tmp_path)
    monkeypatch.setattr(rp, "ProcessPoolExecutor", lambda *a, **k: _Pool())
    real = rp._outcome_now

    def buggy(path: Path) -> rp.Outcome:
        if path == paths[4]:
            raise ZeroDivisionError("pembagian nol di pembaca")
        return real(path)

    monkeypatch.setattr(rp, "_outcome_now", buggy)
    outcomes = rp.read_files(paths)
    handed = [next(outcomes) for _ in range(4)]  # the files before it are handed out first
    assert all(isinstance(h, rm.ReadFile) for h in handed)
    with pytest.raises(rp.WorkerFailure, match="ZeroDivisionError: pembagian nol"):
        next(outcomes)


def test_a_refusal_or_a_cancel_reads_little_more_and_leaves_no_process(
    tmp_path: Path, few: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _kabupaten(tmp_path)
    many = [paths[i % len(paths)] for i in range(120)]
    bad = tmp_path / "kosong.csv"
    bad.write_bytes(b"")
    pools: list[Any] = []
    real_pool = rp.ProcessPoolExecutor

    class Counting(real_pool):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.tasks = 0
            pools.append(self)

        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
            self.tasks += 1
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(rp, "ProcessPoolExecutor", Counting)
    with pytest.raises(BadFileError):
        importer.plan([many[0], bad, *many])
    assert pools[-1].tasks <= rp.AHEAD + 2  # not the 41 tasks of the 120 files behind it
    assert _leftovers() == ([], [])

    asked = 0

    def cancel() -> bool:
        nonlocal asked
        asked += 1
        return asked > 10

    with pytest.raises(Cancelled):
        importer.plan(many, cancel=cancel)
    assert _leftovers() == ([], [])


def test_few_files_stay_on_threads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A school's import (two files) or a few schools never start a process."""
    paths = _kabupaten(tmp_path)
    assert len(paths) < rp.PROCS_FROM

    def no_processes(*args: object, **kwargs: object) -> None:
        raise AssertionError("a process was started for a few files")

    monkeypatch.setattr(rp, "ProcessPoolExecutor", no_processes)
    got = list(rp.read_files(paths))
    assert all(isinstance(g, rm.ReadFile) and g.typed is None for g in got)
