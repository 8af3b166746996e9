"""The Ringkasan's school list reads every school's open findings in one query: it must give
exactly what each school's own overview gives (moved teachers, duplicates and closed findings
included), and leave out no school that has open findings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from operator_app.store.workspace import Workspace


def test_one_read_equals_one_overview_per_school(district_db: Callable[[int], Path]) -> None:
    ws = Workspace(district_db(50), create=False)
    try:
        # close some findings so "open only" is exercised, as an operator would
        closing = [f for f in ws.findings() if f.severity == "warning"][:7]
        ws.set_statuses([(f.key, "selesai", None) for f in closing])
        batched = ws.severity_by_school()
        per_school = {s.id: ws.overview(s.id).by_severity for s in ws.schools()}
    finally:
        ws.close()
    assert len(closing) == 7
    assert {sid: c for sid, c in per_school.items() if c} == batched
    assert sum(sum(c.values()) for c in batched.values()) > 100  # a district, not a toy
