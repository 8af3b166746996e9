"""The teacher table's filters and search, and that they stay fast on 50,000 rows."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from fake_workspace import FakeWorkspace

from operator_app.ui.filters import PersonFilterProxy
from operator_app.ui.models import PersonTableModel, RowRole

pytestmark = pytest.mark.gui


def _proxy(rows) -> tuple[PersonTableModel, PersonFilterProxy]:
    model = PersonTableModel()
    model.set_rows(rows)
    proxy = PersonFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def _visible(proxy: PersonFilterProxy) -> list:
    return [proxy.index(i, 0).data(RowRole) for i in range(proxy.rowCount())]


def test_each_criterion(fake_ws: FakeWorkspace) -> None:
    rows = fake_ws.person_rows()
    _, proxy = _proxy(rows)
    assert proxy.rowCount() == len(rows)

    proxy.set_severities(["invalid"])
    assert {r.worst_severity for r in _visible(proxy)} == {"invalid"}
    proxy.set_severities([""])
    assert all(r.n_findings == 0 for r in _visible(proxy)) and proxy.rowCount() > 0
    proxy.set_severities([])

    proxy.set_codes(["UNOR_BEDA"])
    assert proxy.rowCount() > 0
    assert all("UNOR_BEDA" in r.codes for r in _visible(proxy))
    proxy.set_codes([])

    proxy.set_actors(["admin_instansi"])
    assert all("admin_instansi" in r.actors for r in _visible(proxy))
    proxy.set_actors([])

    proxy.set_school(2)
    assert {r.school_id for r in _visible(proxy)} == {2}
    proxy.set_school(None)

    proxy.set_only_with_findings(True)
    assert all(r.n_findings for r in _visible(proxy))


def test_workflow_filter_follows_marking(fake_ws: FakeWorkspace) -> None:
    f = next(f for f in fake_ws.findings() if f.person_key)
    fake_ws.set_status(f.key, "diajukan", "tiket 12")
    _, proxy = _proxy(fake_ws.person_rows())
    proxy.set_workflows(["diajukan"])
    assert [r.person_key for r in _visible(proxy)] == [f.person_key]


def test_search_name_nip_nik(fake_ws: FakeWorkspace) -> None:
    rows = fake_ws.person_rows()
    _, proxy = _proxy(rows)
    target = next(r for r in rows if not r.only_in_siasn)
    proxy.set_search(target.nama.lower().split()[1] + " " + target.nama.split()[0])
    assert target in _visible(proxy)
    proxy.set_search(target.nik[-8:])
    assert _visible(proxy) == [target]
    proxy.set_search(target.nip_dapodik[:8] + " " + target.nip_dapodik[8:14])
    assert target in _visible(proxy)
    proxy.set_search("tidak ada orang bernama ini")
    assert proxy.rowCount() == 0
    proxy.set_search("")
    assert proxy.rowCount() == len(rows)


def test_fifty_thousand_rows_filter_fast() -> None:
    base = FakeWorkspace(n_people=100).person_rows()
    rows = [
        replace(base[i % len(base)], person_key=f"k{i}", nama=f"{base[i % len(base)].nama} {i}")
        for i in range(50_000)
    ]
    _, proxy = _proxy(rows)
    start = time.perf_counter()
    proxy.set_search("santoso 4")
    proxy.set_severities(["invalid"])
    proxy.set_search("")
    elapsed = time.perf_counter() - start
    assert proxy.rowCount() > 0
    assert elapsed < 2.0, f"three filter passes over 50,000 rows took {elapsed:.2f}s"
