"""The JSON of `operator-app check --json` exactly as findings.md specifies (schema operator-app/findings/1)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from operator_app.core.model import CheckResult, Finding

SCHEMA = "operator-app/findings/1"


def finding_to_json(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": f.code,
        "severity": f.severity,
        "school": {"name": f.school_name},
    }
    out["person"] = {"nama": f.nama, "nik": f.nik, "nip": f.nip}
    source: dict[str, Any] = {}
    if f.dapodik_file is not None:
        source["dapodik_file"] = f.dapodik_file
        source["dapodik_row"] = f.dapodik_row
    if f.siasn_file is not None:
        source["siasn_file"] = f.siasn_file
        source["siasn_row"] = f.siasn_row
    if source:
        out["source"] = source
    if f.match_by is not None:
        out["match"] = {"by": f.match_by, "score": f.match_score}
    out.update(
        field=f.field, dapodik_value=f.dapodik_value, siasn_value=f.siasn_value,
        suggested_value=f.suggested_value, actor=f.actor, where=f.where,
        ekinerja_message=f.ekinerja_message, action=f.action, status=f.status,
        documents=list(f.documents), detail=f.detail, note=f.note,
    )  # fmt: skip
    return out


def findings_to_json(
    result: CheckResult, inputs: Sequence[dict[str, Any]], generated_at: datetime
) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "generated_at": generated_at.isoformat(),
        "inputs": list(inputs),
        "skipped_checks": [{"code": s.code, "reason": s.reason} for s in result.skipped],
        "findings": [finding_to_json(f) for f in result.findings],
    }
