"""The JSON of `operator-app check --json`, exactly as shared/domain/findings.md specifies."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from operator_app.core.catalogue import CATALOGUE
from operator_app.core.model import CheckResult, Finding

if TYPE_CHECKING:
    from operator_app.core.ekinerja.failures import SyncFailure

SCHEMA = "operator-app/findings/1"


def _source(f: Finding) -> dict[str, Any] | None:
    """Dapodik and SIASN rows; SIASN rows only for a SIASN-only finding; None for a school."""
    if f.dapodik_file is not None:
        return {
            "dapodik_file": f.dapodik_file,
            "dapodik_row": f.dapodik_row,
            "siasn_file": f.siasn_file,
            "siasn_row": f.siasn_row,
        }
    if f.siasn_file is not None:
        return {"siasn_file": f.siasn_file, "siasn_row": f.siasn_row}
    return None


def finding_to_json(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": f.code,
        "severity": f.severity,
        "school": {"name": f.school_name},
        "person": {"nama": f.nama, "nik": f.nik, "nip": f.nip},
    }
    source = _source(f)
    if source is not None:
        out["source"] = source
    if f.match_by is not None:
        out["match"] = {"by": f.match_by, "score": f.match_score}
    entry = CATALOGUE.get(f.code)
    out.update(
        field=f.field,
        dapodik_value=f.dapodik_value,
        siasn_value=f.siasn_value,
        suggested_value=f.suggested_value,
        actor=f.actor,
        where=f.where,
        ekinerja_message=f.ekinerja_message,
        action=f.action,
        status=f.status,
        # extra keys (allowed by the contract)
        title=entry.title if entry else f.code,
        detail=f.detail,
        documents=list(f.documents),
        note=f.note,
    )
    return out


def findings_to_json(
    result: CheckResult, inputs: Sequence[dict[str, Any]], generated_at: datetime
) -> dict[str, Any]:
    """A naive `generated_at` is taken as the computer's local time and given its offset."""
    stamp = generated_at if generated_at.tzinfo is not None else generated_at.astimezone()
    return {
        "schema": SCHEMA,
        "generated_at": stamp.isoformat(timespec="seconds"),
        "inputs": [dict(i) for i in inputs],
        "skipped_checks": [{"code": s.code, "reason": s.reason} for s in result.skipped],
        "findings": [finding_to_json(f) for f in result.findings],
    }


def sync_failure_to_json(f: SyncFailure) -> dict[str, Any]:
    """One row of the e-Kinerja sync log, joined to our data (see docs/findings-json.md)."""
    return {
        "nip": f.nip,
        "nama": f.nama,
        "ekinerja_no": f.ekinerja_no,
        "message": f.message,
        "school": {"name": f.school_name} if f.school_name else None,
        "explained_by": list(f.explained_by),
        "actors": list(f.actors),
        "next_step": f.next_step,
        # extra keys (allowed by the contract)
        "owner": f.owner or None,
        "hints": list(f.hints),
        "score": f.score,
        "unor": f.unor,
        "failed_at": f.failed_at,
        "source": {"log_file": f.log_file, "log_row": f.row},
        "nip_damaged": f.nip_damaged,
    }


def sync_failures_json(failures: Sequence[SyncFailure]) -> dict[str, Any]:
    """The top-level "sync_failures" list and its "sync_summary" (schema stays findings/1)."""
    from operator_app.core.ekinerja.failures import summary

    return {
        "sync_failures": [sync_failure_to_json(f) for f in failures],
        "sync_summary": summary(failures),
    }
