"""Power cuts: SIGKILL during imports, re-checks and status updates, many times over.

After every kill the database must open, pass PRAGMA integrity_check, and hold each operation
whole or not at all; the operator's decisions made before must be there unchanged.
OPERATOR_APP_KILL_RUNS (default 20) sets how many kills; OPERATOR_APP_KILL_SEED the timing.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from db_helpers import later_exports

from operator_app.store.workspace import Workspace

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX"),
]

CHILD = Path(__file__).with_name("crash_child.py")
RUNS = int(os.environ.get("OPERATOR_APP_KILL_RUNS", "20"))
SEED = int(os.environ.get("OPERATOR_APP_KILL_SEED", "20261123"))
ROUNDS_PER_RUN = 4
SCHOOLS_PER_ROUND = 3
STEP_SECONDS = 0.04  # an import, a check or a status update of a round takes 10-40 ms


def _query(db: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


@pytest.fixture
def base(tmp_path: Path, kabupaten: Any) -> tuple[Any, Path, tuple[str, str, str]]:
    """A checked database with decisions the operator made before any power cut."""
    kab, files = kabupaten
    db = tmp_path / "data" / "operator-app.sqlite3"
    ws = Workspace(db)
    ws.import_files(list(files.all))
    ws.run_checks()
    ragu = next(f for f in ws.findings() if f.code == "PADANAN_RAGU")
    detail = ws.person_detail(ragu.person_key)
    assert detail.match is not None and detail.match.candidates
    ws.decide_match(ragu.person_key, detail.match.candidates[0].siasn_key, "reject")
    sacred = next(f for f in ws.findings(include_closed=False) if f.code != "PADANAN_RAGU")
    ws.set_status(sacred.key, "diabaikan", "keputusan operator: sudah dicek manual ke BKD")
    ws.close()
    return kab, db, sacred.key


class Decisions:
    """What the operator decided before the kills: must never change or vanish."""

    def __init__(self, db: Path, sacred: tuple[str, str, str]) -> None:
        self.sacred = sacred
        self.matches = self._matches(db)
        self.state = self._state(db)
        assert self.matches and self.state

    @staticmethod
    def _matches(db: Path) -> list[tuple[Any, ...]]:
        return _query(db, "SELECT person_key, siasn_key, decision FROM match_decision ORDER BY 1")

    def _state(self, db: Path) -> list[tuple[Any, ...]]:
        return _query(
            db,
            "SELECT status, note FROM finding_state WHERE who=? AND code=? AND field=?",
            *self.sacred,
        )

    def check(self, db: Path) -> None:
        assert self._matches(db) == self.matches
        assert self._state(db) == self.state


def _verify(db: Path, rounds: dict[str, int], decisions: Decisions, events_before: int) -> int:
    """Every invariant of a whole-or-nothing database; returns the finding_event count."""
    assert _query(db, "PRAGMA integrity_check") == [("ok",)]
    assert _query(db, "PRAGMA foreign_key_check") == []
    # imports: a round's files all landed or none did; no batch is missing rows
    for name, n_files in rounds.items():
        (landed,) = _query(
            db, "SELECT count(*) FROM import_batch WHERE file_path LIKE ?", f"%/{name}/%"
        )[0]
        assert landed in (0, n_files), f"half an import of {name}: {landed}/{n_files} files"
    assert (
        _query(
            db,
            "SELECT b.id FROM import_batch b WHERE b.row_count != "
            "(SELECT count(*) FROM ptk p WHERE p.batch_id = b.id) + "
            "(SELECT count(*) FROM siasn s WHERE s.batch_id = b.id)",
        )
        == []
    )
    assert (
        _query(
            db,
            "SELECT school_id, kind FROM import_batch WHERE kind != 'siasn' "
            "GROUP BY school_id, kind HAVING sum(is_current) != 1",
        )
        == []
    )
    # checks: the findings and matches are exactly those of the latest run
    latest = _query(db, "SELECT id, n_findings FROM check_run ORDER BY id DESC LIMIT 1")
    if latest:
        run_id, n_findings = latest[0]
        assert _query(db, "SELECT count(*) FROM finding WHERE run_id = ?", run_id) == [
            (n_findings,)
        ]
        assert _query(db, "SELECT count(*) FROM finding WHERE run_id != ?", run_id) == [(0,)]
        assert _query(db, "SELECT count(*) FROM ptk_match WHERE run_id != ?", run_id) == [(0,)]
    # status updates: one round's note on every open finding, never two rounds mixed
    notes = _query(
        db,
        "SELECT DISTINCT note FROM finding_state WHERE open_now = 1 AND note LIKE 'putaran %'",
    )
    assert len(notes) <= 1, f"a status update landed halfway: {notes}"
    decisions.check(db)
    (events,) = _query(db, "SELECT count(*) FROM finding_event")[0]
    assert events >= events_before, "workflow history lost"
    # backups: whatever is offered as a backup is whole
    for b in (db.parent / "backups").glob("*.sqlite3"):
        assert _query(b, "PRAGMA quick_check") == [("ok",)], b
    return int(events)


def _start(db: Path, folders: list[Path]) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(db), *map(str, folders)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if line != "ready":
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"child did not start ({line!r}): {err[-3000:]}")
    return proc


def _rounds(kab: Any, folder: Path, first: int, rounds: dict[str, int]) -> list[Path]:
    out = []
    for k in range(first, first + ROUNDS_PER_RUN):
        name = f"r{k:04d}"
        later_exports(kab, folder / name, k, n_schools=SCHOOLS_PER_ROUND)
        rounds[name] = SCHOOLS_PER_ROUND
        out.append(folder / name)
    return out


def test_sigkill_at_random_points_leaves_a_whole_database(
    base: tuple[Any, Path, tuple[str, str, str]], tmp_path: Path
) -> None:
    kab, db, sacred = base
    decisions = Decisions(db, sacred)
    rounds: dict[str, int] = {}
    events = _verify(db, rounds, decisions, 0)

    # a first child runs all its rounds undisturbed: the baseline the kills are compared to
    proc = _start(db, _rounds(kab, tmp_path / "rounds", 1, rounds))
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "idle":
            break
    proc.kill()
    proc.communicate(timeout=30)
    events = _verify(db, rounds, decisions, events)
    assert events > 0

    rng = random.Random(SEED)
    landed: Counter[str] = Counter()
    for run in range(RUNS):
        folders = _rounds(kab, tmp_path / "rounds", 10 + run * ROUNDS_PER_RUN, rounds)
        proc = _start(db, folders)
        assert proc.stdout is not None
        # wait for a random step to begin, then a random part of a step's length
        step = "ready"
        for _ in range(rng.randrange(ROUNDS_PER_RUN * 3)):
            step = proc.stdout.readline().strip() or step
        time.sleep(rng.uniform(0.0, STEP_SECONDS))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        later = [ln for ln in out.split("\n") if ln.strip()]
        landed[(later[-1] if later else step).split()[0]] += 1
        events = _verify(db, rounds, decisions, events)

    print(f"\n{RUNS} kills landed in: {dict(sorted(landed.items()))}")
    # the kills really fell inside the operations, not only between them
    assert sum(landed[k] for k in ("import", "check", "status")) >= RUNS // 2
    # and the database is still usable by the app, with the operator's work in it
    ws = Workspace(db)
    assert ws.schools()
    assert any(f.note == decisions.state[0][1] for f in ws.findings())
    ws.close()
