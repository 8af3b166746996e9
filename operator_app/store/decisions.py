"""Operator decisions: workflow status, match confirmations, unor conditions and aliases."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, Engine, text

from operator_app.core.errors import UserError
from operator_app.core.model import WORKFLOW_STATUSES, WorkflowStatus
from operator_app.store.keys import iso


def _validate(status: str, note: str | None) -> None:
    if status not in WORKFLOW_STATUSES:
        raise UserError(
            f"Status '{status}' tidak dikenal; pilih baru, diajukan, selesai, diabaikan."
        )
    if status == "diabaikan" and not (note or "").strip():
        raise UserError("Temuan yang diabaikan perlu catatan alasannya.")


def _apply_status(
    conn: Connection,
    key: tuple[str, str, str],
    status: str,
    note: str | None,
    by: str,
    now: str,
) -> tuple[WorkflowStatus, str | None]:
    who, code, field = key
    row = conn.execute(
        text("SELECT status, note FROM finding_state WHERE who=:w AND code=:c AND field=:f"),
        {"w": who, "c": code, "f": field},
    ).first()
    if row is None:
        raise UserError("Temuan ini tidak ada lagi di database; jalankan pemeriksaan ulang.")
    conn.execute(
        text(
            "UPDATE finding_state SET status=:s, note=:n, auto=0, updated_at=:t "
            "WHERE who=:w AND code=:c AND field=:f"
        ),
        {"s": status, "n": note, "t": now, "w": who, "c": code, "f": field},
    )
    conn.execute(
        text(
            "INSERT INTO finding_event(who, code, field, at, old_status, new_status, note, by) "
            "VALUES (:w, :c, :f, :t, :o, :s, :n, :b)"
        ),
        {"w": who, "c": code, "f": field, "t": now, "o": row[0], "s": status, "n": note, "b": by},
    )
    return row[0], row[1]


def set_status(
    engine: Engine, key: tuple[str, str, str], status: WorkflowStatus, note: str | None, by: str
) -> tuple[WorkflowStatus, str | None]:
    _validate(status, note)
    with engine.begin() as conn:
        return _apply_status(conn, key, status, note, by, datetime.now().isoformat(sep=" "))


def set_statuses(
    engine: Engine,
    updates: Sequence[tuple[tuple[str, str, str], str, str | None]],
    by: str,
) -> None:
    """Several (key, status, note) in one transaction: all land or none does."""
    for _, status, note in updates:
        _validate(status, note)
    now = datetime.now().isoformat(sep=" ")
    with engine.begin() as conn:
        for key, status, note in updates:
            _apply_status(conn, key, status, note, by, now)


def decide_match(
    engine: Engine, person_key: str, siasn_key: str, decision: str | None
) -> str | None:
    if decision not in (None, "confirm", "reject"):
        raise UserError(f"Keputusan padanan '{decision}' tidak dikenal.")
    with engine.begin() as conn:
        prev = conn.execute(
            text("SELECT decision FROM match_decision WHERE person_key=:p AND siasn_key=:s"),
            {"p": person_key, "s": siasn_key},
        ).scalar()
        conn.execute(
            text("DELETE FROM match_decision WHERE person_key=:p AND siasn_key=:s"),
            {"p": person_key, "s": siasn_key},
        )
        if decision == "confirm":  # one confirmed match per person
            conn.execute(
                text("DELETE FROM match_decision WHERE person_key=:p AND decision='confirm'"),
                {"p": person_key},
            )
        if decision is not None:
            conn.execute(
                text(
                    "INSERT INTO match_decision(person_key, siasn_key, decision, decided_at) "
                    "VALUES (:p, :s, :d, :t)"
                ),
                {"p": person_key, "s": siasn_key, "d": decision, "t": iso(datetime.now())},
            )
    return str(prev) if prev is not None else None


def set_unor_condition(engine: Engine, person_key: str, condition: str | None) -> str | None:
    if condition not in (None, "B", "C"):
        raise UserError(
            "Kondisi unor harus B (SIASN belum diperbarui) atau C (Dapodik belum diperbarui)."
        )
    with engine.begin() as conn:
        prev = conn.execute(
            text("SELECT condition FROM unor_condition WHERE person_key=:p"), {"p": person_key}
        ).scalar()
        conn.execute(text("DELETE FROM unor_condition WHERE person_key=:p"), {"p": person_key})
        if condition is not None:
            conn.execute(
                text(
                    "INSERT INTO unor_condition(person_key, condition, decided_at) VALUES (:p, :c, :t)"
                ),
                {"p": person_key, "c": condition, "t": iso(datetime.now())},
            )
    return str(prev) if prev is not None else None


def add_unor_alias(engine: Engine, unor_name: str, school_id: int) -> None:
    from operator_app.core.schools import school_key

    if not unor_name.strip():
        raise UserError("Nama unor kosong; tidak ada yang bisa dijadikan alias.")
    with engine.begin() as conn:
        if (
            conn.execute(text("SELECT id FROM school WHERE id=:i"), {"i": school_id}).scalar()
            is None
        ):
            raise UserError("Sekolah untuk alias tidak ditemukan.")
        conn.execute(
            text(
                "INSERT OR REPLACE INTO unor_alias(unor_key, unor_name, school_id, created_at) "
                "VALUES (:k, :n, :s, :t)"
            ),
            {
                "k": school_key(unor_name),
                "n": unor_name.strip(),
                "s": school_id,
                "t": iso(datetime.now()),
            },
        )


def remove_unor_alias(engine: Engine, unor_name: str) -> None:
    from operator_app.core.schools import school_key

    with engine.begin() as conn:
        conn.execute(text("DELETE FROM unor_alias WHERE unor_key=:k"), {"k": school_key(unor_name)})
