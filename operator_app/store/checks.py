"""Run the checker over the database and carry each finding's workflow state across runs."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, text

from operator_app.core.model import CheckResult, Finding
from operator_app.core.progress import CancelCheck, Progress
from operator_app.store.loading import data_signature, load_check_input

OPEN = ("baru", "diajukan")
_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


def finding_payload(f: Finding) -> str:
    """The stored JSON of a finding (flat: dataclasses.asdict's deep copy costs 10x as much)."""
    return json.dumps(
        {name: getattr(f, name) for name in _FINDING_FIELDS}, ensure_ascii=False, default=str
    )


def finding_from_payload(payload: str, status: str | None, note: str | None) -> Finding:
    data: dict[str, Any] = json.loads(payload)
    data["documents"] = tuple(data.get("documents") or ())
    f = Finding(**data)
    if status:
        f.status = status  # type: ignore[assignment]
    f.note = note
    return f


def is_stale(conn: Connection) -> bool:
    last = conn.execute(
        text("SELECT data_signature FROM check_run ORDER BY id DESC LIMIT 1")
    ).scalar()
    return last != data_signature(conn)


def run_and_store(
    engine: Engine, progress: Progress, cancel: CancelCheck
) -> tuple[CheckResult, int]:
    """Check the current data and store the findings in one transaction; returns (result, run id)."""
    from operator_app.core.checker import run_checks

    with engine.connect() as conn:
        inp = load_check_input(conn)
        signature = data_signature(conn)
    result = run_checks(inp, progress, cancel)
    now = datetime.now().isoformat(sep=" ")
    with engine.begin() as conn:
        run_id = int(
            conn.execute(
                text(
                    "INSERT INTO check_run(finished_at, data_signature, n_findings, n_new, "
                    "n_resolved, skipped_json) VALUES (:t, :s, :n, 0, 0, :sk)"
                ),
                {
                    "t": now,
                    "s": signature,
                    "n": len(result.findings),
                    "sk": json.dumps([asdict(s) for s in result.skipped], ensure_ascii=False),
                },
            ).lastrowid
        )
        _store_matches(conn, result, run_id)
        n_new, n_resolved = _store_findings(conn, result.findings, run_id, now)
        conn.execute(
            text("UPDATE check_run SET n_new=:a, n_resolved=:b WHERE id=:id"),
            {"a": n_new, "b": n_resolved, "id": run_id},
        )
    return result, run_id


def _store_matches(conn: Connection, result: CheckResult, run_id: int) -> None:
    conn.execute(text("DELETE FROM ptk_match"))
    rows = [
        (m.ptk_id, run_id, m.siasn_id, m.by, m.score, m.doubtful, json.dumps(list(m.candidates)))
        for m in result.matches.values()
    ]
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO ptk_match(ptk_id, run_id, siasn_id, by, score, doubtful, candidates_json) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def _store_findings(
    conn: Connection, findings: list[Finding], run_id: int, now: str
) -> tuple[int, int]:
    conn.execute(text("DELETE FROM finding"))
    states = {
        (r[0], r[1], r[2]): (r[3], bool(r[4]), bool(r[5]))
        for r in conn.execute(
            text("SELECT who, code, field, status, auto, open_now FROM finding_state")
        )
    }
    rows, new_states, reopened, seen = [], [], [], set()
    for f in findings:
        key = f.key
        # A duplicate pair (DUPLIKAT on two rows of one person) is two findings sharing one
        # workflow state: both rows are shown and stored, the state is created once.
        rows.append(
            (
                run_id,
                key[0],
                f.code,
                key[2],
                f.school_id,
                f.severity,
                f.actor,
                finding_payload(f),
            )
        )
        if key in seen:
            continue
        seen.add(key)
        state = states.get(key)
        if state is None:
            new_states.append(
                (
                    key[0],
                    f.code,
                    key[2],
                    f.school_id,
                    "baru",
                    None,
                    False,
                    True,
                    run_id,
                    run_id,
                    None,
                    now,
                    now,
                )
            )
        elif state[0] == "selesai" and state[1]:
            reopened.append(key)
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO finding(run_id, who, code, field, school_id, severity, actor, "
            "payload_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    if new_states:
        conn.exec_driver_sql(
            "INSERT INTO finding_state(who, code, field, school_id, status, note, auto, open_now, "
            "first_seen_run, last_seen_run, resolved_run, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            new_states,
        )
    present = [(run_id, k[0], k[1], k[2]) for k in seen if k in states]
    if present:
        conn.exec_driver_sql(
            "UPDATE finding_state SET open_now=1, last_seen_run=?, resolved_run=NULL "
            "WHERE who=? AND code=? AND field=?",
            present,
        )
    events = []
    for k in reopened:
        conn.execute(
            text(
                "UPDATE finding_state SET status='baru', auto=0, updated_at=:t "
                "WHERE who=:w AND code=:c AND field=:f"
            ),
            {"t": now, "w": k[0], "c": k[1], "f": k[2]},
        )
        events.append(
            (k[0], k[1], k[2], now, "selesai", "baru", "muncul lagi setelah impor", "auto")
        )
    gone = [k for k, st in states.items() if st[2] and k not in seen]
    for k in gone:
        st = states[k]
        if st[0] in OPEN:
            conn.execute(
                text(
                    "UPDATE finding_state SET status='selesai', auto=1, open_now=0, resolved_run=:r, "
                    "updated_at=:t WHERE who=:w AND code=:c AND field=:f"
                ),
                {"r": run_id, "t": now, "w": k[0], "c": k[1], "f": k[2]},
            )
            events.append(
                (
                    k[0],
                    k[1],
                    k[2],
                    now,
                    st[0],
                    "selesai",
                    "tidak muncul lagi pada data terbaru",
                    "auto",
                )
            )
        else:
            conn.execute(
                text(
                    "UPDATE finding_state SET open_now=0, resolved_run=:r "
                    "WHERE who=:w AND code=:c AND field=:f"
                ),
                {"r": run_id, "w": k[0], "c": k[1], "f": k[2]},
            )
    if events:
        conn.exec_driver_sql(
            "INSERT INTO finding_event(who, code, field, at, old_status, new_status, note, by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            events,
        )
    return len(new_states), len(gone)
