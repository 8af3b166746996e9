"""Files of one import are read two at a time (sources.read_many): the answers must be exactly
what reading them one by one gives, in the order given, and a refusal or a cancel must stop the
reading without leaving threads behind."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from builders import write_kabupaten

from operator_app.core.errors import BadFileError, Cancelled
from operator_app.sources import read_many as rm
from operator_app.store import importer
from operator_app.store.importer import plan
from operator_app.store.workspace import Workspace


def _files(tmp_path: Path) -> list[Path]:
    _, files = write_kabupaten(tmp_path / "kab", n_schools=6, siasn_rows=200)
    return list(files.all)


def _reader_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("baca-file")]


def _same(a: rm.ReadFile, b: rm.ReadFile) -> None:
    assert (a.path, a.sha256, a.det) == (b.path, b.sha256, b.det)
    assert list(a.table.rows()) == list(b.table.rows())


def test_two_threads_give_what_one_by_one_gives_in_order(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    empty = tmp_path / "kosong.xlsx"
    empty.write_bytes(b"")
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(paths[0].read_bytes()[:600])
    mixed = [paths[0], empty, *paths[1:4], broken, *paths[4:]]
    got = list(rm.read_many(mixed))
    assert len(got) == len(mixed)
    for path, outcome in zip(mixed, got, strict=True):
        if path in (empty, broken):
            assert isinstance(outcome, BadFileError) and path.name in outcome.message
            with pytest.raises(BadFileError) as alone:
                rm.read_one(path)
            assert alone.value.message == outcome.message
        else:
            assert isinstance(outcome, rm.ReadFile)
            _same(outcome, rm.read_one(path))
    assert not _reader_threads()


def test_a_refusal_stops_the_reading_ahead(tmp_path: Path, monkeypatch) -> None:
    paths = _files(tmp_path)
    many = [paths[i % len(paths)] for i in range(60)]
    bad = tmp_path / "kosong.csv"
    bad.write_bytes(b"")
    started: list[Path] = []
    real = rm.read_one

    def counting(path: Path) -> rm.ReadFile:
        started.append(path)
        return real(path)

    monkeypatch.setattr(rm, "read_one", counting)
    with pytest.raises(BadFileError):
        plan([many[0], bad, *many])
    assert len(started) <= 2 + rm.AHEAD + rm.THREADS  # not the 60 files behind the bad one
    assert not _reader_threads()


def test_cancel_while_reading_leaves_nothing_running(tmp_path: Path) -> None:
    paths = _files(tmp_path) * 5
    asked = 0

    def cancel() -> bool:
        nonlocal asked
        asked += 1
        return asked > 3

    with pytest.raises(Cancelled):
        plan(paths, cancel=cancel)
    assert not _reader_threads()


def test_duplicates_and_skipped_files_keep_their_order(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    bad = tmp_path / "bukan.xlsx"
    bad.write_text("ini bukan spreadsheet", encoding="utf-8")
    planned, skipped = plan([paths[0], bad, paths[1], paths[0], *paths[2:]], skip_bad=True)
    assert [p.path for p in planned] == paths
    assert [(s.file, s.skipped_duplicate, bool(s.refused)) for s in skipped] == [
        ("bukan.xlsx", False, True),
        (paths[0].name, True, False),
    ]


def test_a_kabupaten_lands_the_same_through_the_pool(tmp_path: Path, monkeypatch) -> None:
    """The whole import with the pool and with one file at a time gives the same rows."""
    paths = _files(tmp_path)

    def rows(db: Path) -> list[tuple[object, ...]]:
        ws = Workspace(db)
        ws.import_files(paths)
        with ws.engine.connect() as conn:
            out = conn.exec_driver_sql(
                "SELECT b.file_name, p.row_number, p.nama, p.nip, p.raw_json FROM ptk p "
                "JOIN import_batch b ON b.id = p.batch_id ORDER BY b.file_name, p.row_number"
            ).all()
            out += conn.exec_driver_sql(
                "SELECT nama, nip_baru, nik, unor_nama, raw_json FROM siasn ORDER BY row_number"
            ).all()
        ws.close()
        return [tuple(r) for r in out]

    pooled = rows(tmp_path / "a.sqlite3")
    assert len(pooled) > 200

    def one_by_one(paths: list[Path], cancel: object = None):  # the reading before the pool
        return (rm._outcome_now(p) for p in paths)

    monkeypatch.setattr(importer, "read_files", one_by_one)
    assert rows(tmp_path / "b.sqlite3") == pooled


def test_reading_ahead_is_bounded_and_a_close_waits_only_for_the_running(
    tmp_path: Path, monkeypatch
) -> None:
    """A slow consumer does not make the pool read the whole list, and closing the reader drops
    what is queued instead of reading it first."""
    import time

    paths = _files(tmp_path)
    many = [paths[i % len(paths)] for i in range(80)]
    started: list[Path] = []
    real = rm.read_one

    def slow(path: Path) -> rm.ReadFile:
        started.append(path)
        time.sleep(0.05)
        return real(path)

    monkeypatch.setattr(rm, "read_one", slow)
    outcomes = rm.read_many(many)
    assert isinstance(next(outcomes), rm.ReadFile)
    time.sleep(1.0)  # 40 files' time on two threads: the bound must have stopped them at 17
    assert len(started) <= 2 + rm.AHEAD
    outcomes.close()
    assert not _reader_threads()

    started.clear()
    outcomes = rm.read_many(many)
    assert isinstance(next(outcomes), rm.ReadFile)
    t0 = time.perf_counter()
    outcomes.close()  # 16 files queued, 2 being read: only those 2 are waited for
    assert time.perf_counter() - t0 < 0.25
    assert len(started) <= 1 + 2 * rm.THREADS
    assert not _reader_threads()


def test_two_big_files_are_not_built_at_the_same_time(tmp_path: Path, monkeypatch) -> None:
    """Two kabupaten-size exports in one import are read one after the other (their calamine
    peaks would add up); small files still go beside them."""
    import time

    paths = _files(tmp_path)
    big = {paths[0], paths[1]}
    monkeypatch.setattr(rm, "_size", lambda p: rm.BIG_FILE if p in big else 10)
    busy: list[int] = []
    inside = 0
    real = rm.detect_file

    def watched(path: Path):
        nonlocal inside
        if path in big:
            inside += 1
            busy.append(inside)
            time.sleep(0.1)
            inside -= 1
        return real(path)

    monkeypatch.setattr(rm, "detect_file", watched)
    got = list(rm.read_many([paths[0], paths[1], *paths[2:]]))
    assert all(isinstance(g, rm.ReadFile) for g in got)
    assert busy == [1, 1]  # never two big files at once
