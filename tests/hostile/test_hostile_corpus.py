"""Every corpus entry through the real import path (Workspace.import_files), the CLI for a few.

A refused file raises the app's UserError with an Indonesian sentence naming the file, leaves the
database unchanged in content, and takes bounded time; bombs also stay within bounded memory
(measured in a child process). Tolerated oddities import, with their values read right.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from corpus import BY_NAME, ENTRIES, Entry, build
from hostile_db import assert_user_refusal, copy_db, fingerprint

from operator_app.core.errors import UserError
from operator_app.sources import xlsx_pieces
from operator_app.store.workspace import Workspace

SECONDS = 20.0  # generous: the slowest entry takes about a second on a 2-core CI machine
PEAK_MB = 200.0
HERE = Path(__file__).parent
ROOT = HERE.parents[1]


def _skip_if_needed(entry: Entry) -> None:
    if why := entry.skip():
        pytest.skip(why)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_corpus_entry(
    entry: Entry,
    tmp_path: Path,
    seeded_db: Path,
    hostile_seed: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A zip is imported a second time (into a fresh copy of the database) with
    sources.xlsx_pieces cutting even these small sheets into pieces of 256 bytes: the same
    outcome, calamine only ever seeing guarded pieces."""
    _skip_if_needed(entry)
    path = build(entry, tmp_path / "masuk")
    _import_entry(entry, path, seeded_db)
    if path.is_file() and path.read_bytes().startswith(b"PK\x03\x04"):
        monkeypatch.setattr(xlsx_pieces, "PIECES_FROM", 0)
        monkeypatch.setattr(xlsx_pieces, "PIECE", 256)
        _import_entry(entry, path, copy_db(hostile_seed, tmp_path / "potongan.sqlite3"))


def _import_entry(entry: Entry, path: Path, seeded_db: Path) -> None:
    before = fingerprint(seeded_db)
    ws = Workspace(seeded_db)
    t0 = time.perf_counter()
    try:
        if entry.outcome == "refused":
            with pytest.raises(UserError) as info:
                ws.import_files([path])
            assert_user_refusal(info.value, path)
        else:
            report = ws.import_files([path])
            assert report.files[0].rows > 0
    finally:
        ws.close()
    assert time.perf_counter() - t0 < SECONDS
    if entry.outcome == "refused":
        assert fingerprint(seeded_db) == before
    else:
        CHECKS.get(entry.name, lambda db: None)(seeded_db)


def _values(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _latest_siasn_names(db: Path) -> set[object]:
    rows = _values(db, "SELECT nama FROM siasn WHERE batch_id=(SELECT max(id) FROM import_batch)")
    return {r[0] for r in rows}


def _check_mixed(db: Path) -> None:
    names = _latest_siasn_names(db)
    assert {"SITI NUR'AINI AL-HÜSNA", "JOSÉ RAMÓN ÑOÑO"} <= names, names


def _check_six_siasn(db: Path) -> None:
    rows = _values(
        db, "SELECT count(*) FROM siasn WHERE batch_id=(SELECT max(id) FROM import_batch)"
    )
    assert rows[0][0] == 6


def _check_duplicate_headers(db: Path) -> None:
    nips = _values(
        db, "SELECT nip_baru FROM siasn WHERE batch_id=(SELECT max(id) FROM import_batch)"
    )
    assert nips and all(n[0] != "999" for n in nips), nips  # the first NIP_BARU column wins


def _check_formula_csv(db: Path) -> None:
    assert "=SUM(A1:A9)+cmd" in _latest_siasn_names(db)  # kept as text, never evaluated


def _check_title_warning(db: Path) -> None:
    warnings = _values(db, "SELECT warnings_json FROM import_batch ORDER BY id DESC LIMIT 1")
    assert "Tanggal Unduh" in str(warnings[0][0])


CHECKS: dict[str, Callable[[Path], None]] = {
    "campuran-encoding.csv": _check_mixed,
    "utf16-bom.csv": _check_six_siasn,
    "utf16-tanpa-bom.csv": _check_six_siasn,
    "utf16-be-tanpa-bom.csv": _check_six_siasn,
    "kolom-ganda.csv": _check_duplicate_headers,
    "rumus.csv": _check_formula_csv,
    "judul-tanpa-titik-dua.xlsx": _check_title_warning,
}


def test_bad_file_among_good_ones_changes_nothing(tmp_path: Path, seeded_db: Path) -> None:
    good = build(BY_NAME["daftar guru SD Négeri 7 — ☺ (salinan).xlsx"], tmp_path / "a")
    bad = build(BY_NAME["bom-sel-jauh.xlsx"], tmp_path / "b")
    before = fingerprint(seeded_db)
    ws = Workspace(seeded_db)
    try:
        with pytest.raises(UserError) as info:
            ws.import_files([good, bad])
    finally:
        ws.close()
    assert_user_refusal(info.value, bad)
    assert fingerprint(seeded_db) == before


BOMBS = [e for e in ENTRIES if e.bomb]


def test_bombs_stay_within_memory(tmp_path: Path, hostile_seed: Path) -> None:
    """Peak RSS growth of each bomb's import, measured in a child process (Rust allocations too)."""
    files = [build(e, tmp_path / "bom") for e in BOMBS]
    sys.path.insert(0, str(HERE))
    from peak_child import can_reset_peak

    batches = (
        [files] if sys.platform.startswith("linux") and can_reset_peak() else [[f] for f in files]
    )
    results = []
    for i, batch in enumerate(batches):
        db = copy_db(hostile_seed, tmp_path / f"peak{i}.sqlite3")
        out = subprocess.run(
            [sys.executable, str(HERE / "peak_child.py"), str(db), *map(str, batch)],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=False,
        )
        assert out.returncode == 0, out.stderr[-3000:]
        results += [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    assert [r["file"] for r in results] == [f.name for f in files]
    for r in results:
        assert r["outcome"].startswith("refused"), r
        assert r["growth_mb"] < PEAK_MB, r
        assert r["seconds"] < SECONDS, r


CLI_ENTRIES = ["bom-sel-jauh.xlsx", "ole-rusak.xls", "folder tanpa ekspor.xlsx"]


@pytest.mark.parametrize("name", CLI_ENTRIES)
def test_cli_refuses_with_exit_2(name: str, tmp_path: Path, seeded_db: Path) -> None:
    """The real command in a child process: exit 2, the file named, no traceback, no crash."""
    path = build(BY_NAME[name], tmp_path / "masuk")
    before = fingerprint(seeded_db)
    out = subprocess.run(
        [sys.executable, "-m", "operator_app", "import", "--db", str(seeded_db), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr
    assert path.name in out.stderr
    assert out.stderr.startswith("Galat: ")
    assert fingerprint(seeded_db) == before
