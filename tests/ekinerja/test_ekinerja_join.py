"""A sync log joined to the fixture kabupaten: each failure linked to the teacher, the findings
that explain it, and who must act; the JSON of `check --ekinerja-log` (schema findings/1)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from synclog_files import write_log_xlsx

from operator_app.cli import main
from operator_app.core.views import PersonRow
from operator_app.store.workspace import Workspace


def _first(rows: list[PersonRow], pred: Any) -> PersonRow:
    return next(r for r in rows if pred(r))


@pytest.fixture(scope="module")
def joined(kabupaten: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    _kab, files = kabupaten
    folder = tmp_path_factory.mktemp("join")
    db = folder / "db.sqlite3"
    assert main(["import", "--db", str(db), *map(str, files.all)]) == 0
    ws = Workspace(db)
    rows = [r for r in ws.person_rows() if not r.person_key.startswith("school:")]
    nip_beda = _first(rows, lambda r: "NIP_BEDA" in r.codes)
    status = _first(rows, lambda r: "STATUS_BUKAN_ASN" in r.codes)
    asn = [r for r in rows if r.nip_siasn and r.nip_dapodik == r.nip_siasn]
    no_head = {r.school_name for r in ws.person_rows() if "KEPSEK_TIDAK_ADA" in r.codes}
    # at the school without a head: a teacher whose own findings have nothing to do with #15
    clean_no_head = _first(
        asn, lambda r: r.school_name in no_head and r.codes == ("UNOR_NOMENKLATUR",)
    )
    clean_other = _first(asn, lambda r: r.school_name not in no_head and not r.codes)
    ws.close()
    people = {
        "nip_beda": nip_beda, "status": status, "clean_no_head": clean_no_head,
        "clean_other": clean_other,
    }  # fmt: skip
    log_rows = [
        [1, nip_beda.nip_siasn, nip_beda.nama, "Tombol sinkron PMM tidak muncul di e-Kinerja"],
        [
            2,
            status.nip_siasn,
            status.nama,
            "Data status kepegawaian di PMM tidak terdaftar sebagai ASN",
        ],
        [3, nip_beda.nip_siasn, nip_beda.nama, "xApiKey does not exists in whitelist"],
        [
            4,
            clean_no_head.nip_siasn,
            clean_no_head.nama,
            "Data SKP Organisasi belum dibuat oleh atasan",
        ],
        [5, clean_other.nip_siasn, clean_other.nama, "Request failed with status code 500"],
        [6, clean_other.nip_siasn, clean_other.nama, "Pegawai belum membuat SKP di PMM"],
        [7, "196501011990031001", "ORANG LAIN", "Unit Kerja atasan tidak ditemukan"],
        [8, clean_other.nip_siasn, clean_other.nama, "printer tidak menyala"],
    ]
    log = write_log_xlsx(folder / "Log Sinkronisasi PMM.xlsx", ["No", "NIP Pegawai", "Nama", "Keterangan"],
                         log_rows, titles=["Log Sinkronisasi PMM"], numeric_nip=True)  # fmt: skip
    out = folder / "temuan.json"
    assert main(["check", "--db", str(db), "--ekinerja-log", str(log), "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    return {"db": db, "data": data, "people": people, "log": log}


def _by_row(data: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {f["source"]["log_row"]: f for f in data["sync_failures"]}


def test_schema_stays_and_the_log_is_an_input(joined: dict[str, Any]) -> None:
    data = joined["data"]
    assert data["schema"] == "operator-app/findings/1"
    assert {"file": joined["log"].name, "kind": "ekinerja_log", "rows": 8} in data["inputs"]
    assert len(data["sync_failures"]) == 8 and data["findings"]


def test_each_failure_is_linked_to_the_teacher_even_with_numeric_nip_cells(
    joined: dict[str, Any],
) -> None:
    got, p = _by_row(joined["data"]), joined["people"]
    for row, who in ((4, "nip_beda"), (5, "status"), (7, "clean_no_head"), (8, "clean_other")):
        assert got[row]["school"] == {"name": p[who].school_name}
        assert got[row]["nip_damaged"] is True
    assert got[10]["school"] is None  # not one of our PTK


def test_data_findings_explain_the_data_messages(joined: dict[str, Any]) -> None:
    got = _by_row(joined["data"])
    assert got[4]["ekinerja_no"] == 1 and got[4]["explained_by"] == ["NIP_BEDA"]
    assert "operator_sekolah" in got[4]["actors"] and "NIP_BEDA" in got[4]["next_step"]
    assert got[5]["ekinerja_no"] == 7 and got[5]["explained_by"] == ["STATUS_BUKAN_ASN"]
    assert got[7]["ekinerja_no"] == 15 and got[7]["explained_by"] == ["KEPSEK_TIDAK_ADA"]


def test_non_data_errors_are_routed_never_explained_by_data(joined: dict[str, Any]) -> None:
    got = _by_row(joined["data"])
    assert got[6]["ekinerja_no"] == 6 and got[6]["explained_by"] == []  # she has NIP_BEDA
    assert got[6]["owner"] == "helpdesk_bkn" and "Helpdesk BKN" in got[6]["next_step"]
    assert got[8]["ekinerja_no"] == 9 and got[8]["owner"] == "helpdesk_bkn"
    assert got[9]["ekinerja_no"] == 2 and got[9]["owner"] == "pegawai"
    assert "1×24 jam" in got[9]["next_step"]
    assert got[10]["ekinerja_no"] == 5 and got[10]["owner"] == "admin_instansi"
    assert got[11]["ekinerja_no"] is None and got[11]["explained_by"] == []


def test_summary(joined: dict[str, Any]) -> None:
    s = joined["data"]["sync_summary"]
    assert s["total"] == 8 and s["explained_by_data"] == 3 and s["unknown_messages"] == 1
    assert s["not_our_ptk"] == 1
    assert {a["actor"]: a["count"] for a in s["others_must_act"]} == {
        "helpdesk_bkn": 2, "pegawai": 1, "admin_instansi": 1,
    }  # fmt: skip


def test_the_app_views_carry_the_failures(joined: dict[str, Any]) -> None:
    ws = Workspace(joined["db"])
    try:
        p = joined["people"]
        rows = {r.person_key: r for r in ws.person_rows()}
        assert rows[p["nip_beda"].person_key].sync_failed == (1, 6)
        assert rows[p["clean_other"].person_key].sync_failed == (9, 2, 0)
        detail = ws.person_detail(p["nip_beda"].person_key)
        assert [f.ekinerja_no for f in detail.sync_failures] == [1, 6]
        ov = ws.overview()
        assert ov.sync_by_message["#1 Tombol sinkron PMM tidak muncul di e-Kinerja"] == 1
        assert ov.sync_by_owner["helpdesk_bkn"] == 2 and ov.sync_by_owner["operator_sekolah"] == 1
        assert ov.sync_by_owner["admin_dinas"] == 2  # STATUS_BUKAN_ASN (honorer) and KEPSEK
    finally:
        ws.close()
