"""Every UI model passes pytest-qt's model tester."""

from __future__ import annotations

import pytest
from fake_workspace import FakeWorkspace
from PySide6.QtCore import Qt

from operator_app.ui.filters import PersonFilterProxy
from operator_app.ui.models import (
    CountModel,
    FieldPairModel,
    FindingListModel,
    IdRole,
    PersonTableModel,
    SortRole,
)

pytestmark = pytest.mark.gui


def test_person_table_model(qtmodeltester, fake_ws: FakeWorkspace) -> None:
    model = PersonTableModel()
    model.set_rows(fake_ws.person_rows())
    qtmodeltester.check(model)
    assert model.rowCount() == 60
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Nama"


def test_person_table_roles(fake_ws: FakeWorkspace) -> None:
    model = PersonTableModel()
    rows = fake_ws.person_rows()
    model.set_rows(rows)
    invalid = next(i for i, r in enumerate(rows) if r.worst_severity == "invalid")
    siasn_only = next(i for i, r in enumerate(rows) if r.only_in_siasn)
    idx = model.index(invalid, PersonTableModel.TINGKAT)
    assert idx.data() == "Invalid"
    assert idx.data(SortRole) == 0  # native value: severity order
    assert model.index(invalid, PersonTableModel.JUMLAH).data(SortRole) == rows[invalid].n_findings
    assert idx.data(IdRole) == rows[invalid].person_key
    assert idx.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(siasn_only, PersonTableModel.NIP_DAPODIK).data() == "hanya di SIASN"


def test_proxy_model(qtmodeltester, fake_ws: FakeWorkspace) -> None:
    model = PersonTableModel()
    model.set_rows(fake_ws.person_rows())
    proxy = PersonFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_severities(["invalid"])
    proxy.sort(PersonTableModel.JUMLAH, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_finding_and_field_models(qtmodeltester, fake_ws: FakeWorkspace) -> None:
    key = next(r.person_key for r in fake_ws.person_rows() if r.n_findings)
    detail = fake_ws.person_detail(key)
    findings = FindingListModel()
    findings.set_findings(detail.findings)
    qtmodeltester.check(findings)
    fields = FieldPairModel()
    fields.set_pairs(detail.fields)
    qtmodeltester.check(fields)
    assert findings.rowCount() == len(detail.findings)


def test_count_model(qtmodeltester) -> None:
    model = CountModel("Jenis")
    model.set_items([("NIP berbeda", 3), ("Unor berbeda", 1)])
    qtmodeltester.check(model)
    assert model.index(0, 1).data(SortRole) == 3
