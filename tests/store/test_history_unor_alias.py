"""A person's decision history shows the alias decisions about the unor their SIASN record names
(the alias is keyed by the unor name, not by the person), refused attempts included."""

from __future__ import annotations

from pathlib import Path

import pytest
from status_helpers import people, write_exports

from operator_app.core.errors import StaleEditError
from operator_app.store.workspace import Workspace

UNOR = "SD NEGERI 1 CIBEBER"  # the school this teacher moved from, as SIASN still says


def test_alias_decisions_in_the_history_of_the_people_of_that_unor(tmp_path: Path) -> None:
    drows, srows = people()
    srows[1]["UNOR_NAMA"] = UNOR  # SIASN still names her old school
    db = tmp_path / "db.sqlite3"
    sri = Workspace(db)
    sri.operator_name = "Sri"
    sri.import_files([Path(p) for p in write_exports(tmp_path / "data", drows, srows)])
    sri.run_checks()
    by_name = {f.nama: f.person_key for f in sri.findings() if f.code == "NIP_KOSONG"}
    person, other = by_name[drows[1]["Nama"]], by_name[drows[2]["Nama"]]
    school = sri.schools()[0].id
    budi = Workspace(db)
    budi.operator_name = "Budi"
    seen = budi.unor_alias_version(UNOR)
    sri.add_unor_alias(UNOR, school, expected_version=seen)
    with pytest.raises(StaleEditError):
        budi.remove_unor_alias(UNOR, expected_version=seen)

    aliases = [h for h in budi.decision_history(person) if h.kind == "unor_alias"]
    assert [(h.outcome, h.decided_by, h.target) for h in aliases] == [
        ("applied", "Sri", UNOR),
        ("refused", "Budi", UNOR),  # the refused attempt stores no name: the history adds it
    ]
    assert (aliases[0].old_value, aliases[0].new_value) == (None, str(school))
    assert not [h for h in budi.decision_history(other) if h.kind == "unor_alias"]
    sri.close()
    budi.close()
