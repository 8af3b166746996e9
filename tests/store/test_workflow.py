"""Operator decisions and workflow state survive re-imports; fixed problems resolve themselves."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from builders import SampleSchool, person_rows, write_dapodik_xlsx, write_siasn_csv

from operator_app.cli import main
from operator_app.core.errors import UserError
from operator_app.store.workspace import Workspace

SCHOOL = SampleSchool(name="SD NEGERI 3 SUKAMAJU")


def _files(
    tmp: Path,
    drows: list[dict[str, object]],
    srows: list[dict[str, str]],
    days: int = 0,
    tag: str = "a",
) -> list[Path]:
    school = SampleSchool(
        name=SCHOOL.name, downloaded_at=SCHOOL.downloaded_at + timedelta(days=days)
    )
    tmp.mkdir(parents=True, exist_ok=True)
    return [
        write_dapodik_xlsx(tmp / f"daftar-guru-{tag}.xlsx", school, drows, "guru"),
        write_siasn_csv(tmp / f"siasn-{tag}.csv", srows),
    ]


def _by_code(ws: Workspace) -> dict[str, list]:  # type: ignore[type-arg]
    out: dict[str, list] = {}  # type: ignore[type-arg]
    for f in ws.findings():
        out.setdefault(f.code, []).append(f)
    return out


def test_status_survives_reimport_and_fix_resolves(tmp_path: Path) -> None:
    _, head, shead = person_rows("pns", seed=1)
    head["Jenis PTK"] = "Kepala Sekolah"
    _, d, s = person_rows("pns", seed=2)
    good_nip = d["NIP"]
    d["NIP"] = ""  # NIP_KOSONG
    ws = Workspace(tmp_path / "w.sqlite3")
    ws.import_files(_files(tmp_path / "1", [head, d], [shead, s]))
    ws.run_checks()
    kosong = _by_code(ws)["NIP_KOSONG"][0]
    assert kosong.suggested_value == good_nip and kosong.status == "baru"
    prev = ws.set_status(kosong.key, "diajukan", "diajukan 20-11")
    assert prev == ("baru", None)
    # a newer export with the same problem: the operator's status is kept
    ws.import_files(_files(tmp_path / "2", [head, d], [shead, s], days=1, tag="b"))
    ws.run_checks()
    again = _by_code(ws)["NIP_KOSONG"][0]
    assert (again.status, again.note) == ("diajukan", "diajukan 20-11")
    # the NIP is fixed in the next export: the finding is resolved automatically, history kept
    d["NIP"] = good_nip
    ws.import_files(_files(tmp_path / "3", [head, d], [shead, s], days=2, tag="c"))
    ws.run_checks()
    assert "NIP_KOSONG" not in {f.code for f in ws.findings()}
    ov = ws.overview()
    assert ov.resolved_since_previous == 1
    with ws.engine.connect() as conn:
        from sqlalchemy import text

        state = conn.execute(
            text("SELECT status, auto, note FROM finding_state WHERE code='NIP_KOSONG'")
        ).one()
        events = conn.execute(
            text("SELECT new_status, by FROM finding_event WHERE code='NIP_KOSONG' ORDER BY id")
        ).all()
    assert tuple(state) == ("selesai", 1, "diajukan 20-11")
    assert [tuple(e) for e in events] == [("diajukan", "operator"), ("selesai", "auto")]


def test_ignore_needs_a_note(tmp_path: Path, kabupaten_files: list[Path]) -> None:
    ws = Workspace(tmp_path / "n.sqlite3")
    ws.import_files(kabupaten_files)
    ws.run_checks()
    f = ws.findings()[0]
    with pytest.raises(UserError):
        ws.set_status(f.key, "diabaikan", "")
    ws.set_status(f.key, "diabaikan", "sudah dikonfirmasi BKD")
    assert next(x for x in ws.findings() if x.key == f.key).status == "diabaikan"


def test_match_decisions_condition_and_alias(tmp_path: Path) -> None:
    _, head, shead = person_rows("pns", seed=3)
    head["Jenis PTK"] = "Kepala Sekolah"
    _, d, s = person_rows("pns", seed=4)
    d["NIP"], d["NIK"] = "", ""  # only name + birth date left: doubtful
    _, m, ms = person_rows("pns", seed=5)
    ms["UNOR_NAMA"] = (
        "SD NEGERI 4 SUKAMAJU"  # the neighbouring school: UNOR_BEDA, never nomenklatur
    )
    ws = Workspace(tmp_path / "d.sqlite3")
    ws.import_files(_files(tmp_path / "1", [head, d, m], [shead, s, ms]))
    ws.run_checks()
    codes = _by_code(ws)
    ragu = codes["PADANAN_RAGU"][0]
    beda = codes["UNOR_BEDA"][0]
    assert "UNOR_NOMENKLATUR" not in {
        f.code for f in ws.findings() if f.person_key == beda.person_key
    }
    assert beda.actor == "admin_instansi"
    siasn_key = ws.person_detail(ragu.person_key).match.candidates[0].siasn_key  # type: ignore[union-attr]
    assert ws.decide_match(ragu.person_key, siasn_key, "confirm") is None
    assert "PADANAN_RAGU" not in {f.code for f in ws.findings()}
    ws.decide_match(ragu.person_key, siasn_key, "reject")
    assert not any(
        f.person_key == ragu.person_key and f.code == "NIP_KOSONG" for f in ws.findings()
    )
    ws.set_unor_condition(beda.person_key, "C")
    c = next(f for f in ws.findings() if f.code == "UNOR_BEDA")
    assert c.actor == "operator_sekolah" and "Kondisi C" in c.action
    school_id = ws.schools()[0].id
    ws.add_unor_alias("SD NEGERI 4 SUKAMAJU", school_id)
    codes = _by_code(ws)
    assert "UNOR_BEDA" not in codes and codes["UNOR_NOMENKLATUR"][0].person_key == beda.person_key
    assert ws.unor_aliases() == [("SD NEGERI 4 SUKAMAJU", school_id)]


def test_check_json_contract(
    tmp_path: Path, kabupaten: tuple, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[type-arg]
    kab, files = kabupaten
    dapodik = [str(p) for p in files.dapodik]
    out = tmp_path / "temuan.json"
    db = tmp_path / "j.sqlite3"
    assert (
        main(
            [
                "check",
                "--db",
                str(db),
                "--dapodik",
                *dapodik,
                "--siasn",
                str(files.siasn),
                "--json",
                str(out),
            ]
        )
        == 0
    )
    summary = capsys.readouterr().out
    assert "invalid" in summary
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "operator-app/findings/1"
    assert data["generated_at"].endswith("+07:00")
    assert {i["kind"] for i in data["inputs"]} == {"dapodik_guru", "dapodik_tendik", "siasn"}
    assert all("school" in i for i in data["inputs"] if i["kind"] != "siasn")
    codes = {f["code"] for f in data["findings"]}
    assert {"NIP_KOSONG", "UNOR_BEDA", "KEPSEK_TIDAK_ADA", "TIDAK_ADA_DI_DAPODIK"} <= codes
    for f in data["findings"]:
        for key in (
            "code",
            "severity",
            "school",
            "person",
            "field",
            "dapodik_value",
            "siasn_value",
            "suggested_value",
            "actor",
            "where",
            "ekinerja_message",
            "action",
            "status",
        ):
            assert key in f, (key, f["code"])
        if f["code"] == "KEPSEK_TIDAK_ADA":
            assert "source" not in f
        elif f["code"] == "TIDAK_ADA_DI_DAPODIK":
            assert set(f["source"]) == {"siasn_file", "siasn_row"}
        elif "dapodik_file" in f.get("source", {}):
            assert f["source"]["dapodik_row"] >= 6
    kosong = next(f for f in data["findings"] if f["code"] == "NIP_KOSONG")
    assert kosong["ekinerja_message"].startswith("Tombol sinkron PMM tidak muncul di e-Kinerja")
    assert (
        kosong["suggested_value"] == kosong["siasn_value"] and len(kosong["suggested_value"]) == 18
    )
    # --school limits the findings to one school
    name = kab.schools[0].name
    out_one = tmp_path / "satu.json"
    assert main(["check", "--db", str(db), "--school", name, "--json", str(out_one)]) == 0
    one = json.loads(out_one.read_text(encoding="utf-8"))
    assert one["findings"] and {f["school"]["name"] for f in one["findings"]} == {name}
    assert len(one["findings"]) < len(data["findings"])


def test_skipped_check_when_siasn_lacks_nik(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from operator_app.sources.layouts import SIASN_HEADERS

    _, d, s = person_rows("pns", seed=9)
    files = _files(tmp_path, [d], [s])
    write_siasn_csv(files[1], [s], columns=[c for c in SIASN_HEADERS if c != "NIK"])
    out = tmp_path / "o.json"
    assert (
        main(
            [
                "check",
                "--db",
                str(tmp_path / "s.sqlite3"),
                "--dapodik",
                str(files[0]),
                "--siasn",
                str(files[1]),
                "--json",
                str(out),
            ]
        )
        == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"code": "NIK_BEDA", "reason": "kolom NIK tidak ada di file SIASN"} in data[
        "skipped_checks"
    ]
    assert "NIK_BEDA dilewati" in capsys.readouterr().out


def test_every_rejected_candidate_stays_rejected(tmp_path: Path) -> None:
    """Two SIASN records share the teacher's name and birth date; rejecting both leaves none."""
    _, head, shead = person_rows("pns", seed=1)
    head["Jenis PTK"] = "Kepala Sekolah"
    _, d, s = person_rows("pns", seed=6)
    d["NIP"], d["NIK"] = "", ""
    twin = dict(s)
    twin["NIP_BARU"] = s["NIP_BARU"][:-3] + ("001" if s["NIP_BARU"][-3:] != "001" else "002")
    twin["PNS_ID"] = "A" + s.get("PNS_ID", "x")[1:]
    twin["NIK"] = ""
    ws = Workspace(tmp_path / "r.sqlite3")
    ws.import_files(_files(tmp_path / "1", [head, d], [shead, s, twin]))
    ws.run_checks()
    ragu = _by_code(ws)["PADANAN_RAGU"][0]
    first, second = ws.person_detail(ragu.person_key).match.candidates  # type: ignore[union-attr]
    ws.decide_match(ragu.person_key, first.siasn_key, "reject")
    left = ws.person_detail(ragu.person_key).match
    assert left is not None and [c.siasn_key for c in left.candidates] == [second.siasn_key]
    ws.decide_match(ragu.person_key, second.siasn_key, "reject")
    # a newer export changes nothing: both stay rejected, no candidate is offered again
    ws.import_files(_files(tmp_path / "2", [head, d], [shead, s, twin], days=1, tag="b"))
    ws.run_checks()
    gone = ws.person_detail(ragu.person_key).match
    assert gone is None or not gone.candidates
    assert not any(
        f.person_key == ragu.person_key and f.code == "PADANAN_RAGU" for f in ws.findings()
    )
    # confirming one of them later outranks the earlier rejection
    ws.decide_match(ragu.person_key, first.siasn_key, "confirm")
    firm = ws.person_detail(ragu.person_key).match  # type: ignore[union-attr]
    assert firm is not None and (firm.by, firm.decision) == ("manual", "confirm")


def test_detail_highlights_the_row_a_finding_names(tmp_path: Path) -> None:
    """NIP_TIDAK_SESUAI_JK names field "JK": the detail's "Jenis Kelamin" row is highlighted
    even though both sources agree on the sex itself."""
    _, head, shead = person_rows("pns", seed=1)
    head["Jenis PTK"] = "Kepala Sekolah"
    _, d, s = person_rows("pns", seed=7)
    nip = str(d["NIP"])
    flipped = nip[:14] + ("2" if nip[14] == "1" else "1") + nip[15:]
    d["NIP"], s["NIP_BARU"] = flipped, flipped
    ws = Workspace(tmp_path / "h.sqlite3")
    ws.import_files(_files(tmp_path / "1", [head, d], [shead, s]))
    ws.run_checks()
    f = _by_code(ws)["NIP_TIDAK_SESUAI_JK"][0]
    assert f.field == "JK"
    rows = {fp.label: fp for fp in ws.person_detail(f.person_key).fields}
    jk = rows["Jenis Kelamin"]
    assert jk.dapodik and jk.differs


def test_headmaster_for_the_signature_block(tmp_path: Path) -> None:
    _, plt, splt = person_rows("pns", seed=1)
    plt["Tugas Tambahan"] = "Plt. Kepala Sekolah"
    _, head, shead = person_rows("pns", seed=2)
    head["Jenis PTK"] = "Kepala Sekolah"
    _, wakil, swakil = person_rows("pns", seed=3)
    wakil["Tugas Tambahan"] = "Wakil Kepala Sekolah"
    ws = Workspace(tmp_path / "k.sqlite3")
    ws.import_files(_files(tmp_path / "1", [plt, wakil, head], [splt, swakil, shead]))
    (school,) = ws.schools()
    assert ws.headmasters() == {school.id: (head["Nama"], head["NIP"])}
    ws.import_files(_files(tmp_path / "2", [plt, wakil], [splt, swakil], days=1, tag="b"))
    assert ws.headmasters() == {school.id: (plt["Nama"], plt["NIP"])}  # only the acting one left


def test_school_level_finding_has_its_own_row(tmp_path: Path) -> None:
    """KEPSEK_TIDAK_ADA belongs to no person: the school gets a row, first in its school."""
    people = [person_rows("pns", seed=s) for s in (1, 2)]
    ws = Workspace(tmp_path / "s.sqlite3")
    ws.import_files(_files(tmp_path / "1", [d for _, d, _ in people], [s for _, _, s in people]))
    ws.run_checks()
    rows = ws.person_rows()
    first = rows[0]
    assert first.person_key.startswith("school:") and first.nama == f"Sekolah: {SCHOOL.name}"
    assert first.codes == ("KEPSEK_TIDAK_ADA",) and first.n_findings == 1
    assert len(rows) == 3
    detail = ws.person_detail(first.person_key)
    (f,) = detail.findings
    assert f.code == "KEPSEK_TIDAK_ADA" and detail.fields == () and detail.match is None
    ws.set_status(f.key, "diajukan", "SK kepala sekolah diminta ke Dinas")
    assert ws.person_rows()[0].statuses == ("diajukan",)


def test_a_duplicate_pair_is_two_findings_with_one_state(tmp_path: Path, kabupaten) -> None:  # type: ignore[no-untyped-def]
    """DUPLIKAT on two rows of one person: both rows are shown (the count the CLI prints is
    the count the window shows), and one workflow decision covers the pair."""
    _kab, files = kabupaten
    ws = Workspace(tmp_path / "dup.sqlite3")
    ws.import_files(list(files.all))
    summary = ws.run_checks()
    stored = ws.findings()
    assert len(stored) == summary.findings
    pairs: dict[tuple[str, str, str], list[object]] = {}
    for f in stored:
        if f.code == "DUPLIKAT":
            pairs.setdefault(f.key, []).append(f)
    both = [v for v in pairs.values() if len(v) == 2]
    assert both, "the sample kabupaten plants duplicate pairs"
    first, second = both[0]
    rows = {
        (first.dapodik_file, first.dapodik_row, first.siasn_row),
        (second.dapodik_file, second.dapodik_row, second.siasn_row),
    }
    assert len(rows) == 2  # two different rows, not the same finding twice
    ws.set_status(first.key, "diajukan", "dua baris, satu orang")
    after = [f for f in ws.findings() if f.key == first.key]
    assert [f.status for f in after] == ["diajukan", "diajukan"]
    ws.close()


def test_automatic_resolve_and_reopen_move_the_version(tmp_path: Path) -> None:
    """A re-check that closes or reopens a finding changes it like an operator would: an edit
    made on the status shown before is refused as stale, naming the automatic check."""
    from operator_app.core.errors import StaleEditError
    from operator_app.store.checks import AUTO_DECIDER

    _, head, shead = person_rows("pns", seed=1)
    head["Jenis PTK"] = "Kepala Sekolah"
    _, d, s = person_rows("pns", seed=2)
    good_nip = d["NIP"]
    d["NIP"] = ""
    ws = Workspace(tmp_path / "w.sqlite3")
    ws.import_files(_files(tmp_path / "1", [head, d], [shead, s]))
    ws.run_checks()
    key = _by_code(ws)["NIP_KOSONG"][0].key
    person = key[0]
    ws.set_status(key, "diajukan", "diajukan ke Dinas", expected_version=1)
    seen = ws.decision_versions(person).findings[key]
    assert seen == 2
    # fixed in the next export: closed automatically, the version moves on
    d["NIP"] = good_nip
    ws.import_files(_files(tmp_path / "2", [head, d], [shead, s], days=1, tag="b"))
    ws.run_checks()
    assert ws.decision_versions(person).findings[key] == seen + 1
    with pytest.raises(StaleEditError) as stale:
        ws.set_status(key, "diajukan", "catatan saya", expected_version=seen)
    err = stale.value
    assert err.changed_by == AUTO_DECIDER and err.current_value == "selesai"
    assert err.attempted_note == "catatan saya" and err.changed_at is not None
    # broken again: reopened automatically, the version moves on again
    d["NIP"] = ""
    ws.import_files(_files(tmp_path / "3", [head, d], [shead, s], days=2, tag="c"))
    ws.run_checks()
    assert _by_code(ws)["NIP_KOSONG"][0].status == "baru"
    assert ws.decision_versions(person).findings[key] == seen + 2
    ws.set_status(key, "diajukan", "diajukan lagi", expected_version=seen + 2)
    assert ws.decision_versions(person).findings[key] == seen + 3
