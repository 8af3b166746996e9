"""Realistic files in every format land in the database with exactly the values the operator sees."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from builders import (
    SAPK_ALIASES,
    SampleSchool,
    person_rows,
    write_dapodik_spreadsheetml,
    write_dapodik_xlsx,
    write_siasn_csv,
    write_siasn_xlsx,
)

from operator_app.cli import main
from operator_app.store.workspace import Workspace


def q(db: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


SCHOOL = SampleSchool(name="SD NEGERI 3 SUKAMAJU")


@pytest.fixture
def people() -> list[tuple[dict[str, object], dict[str, str]]]:
    out = []
    for i, kind in enumerate(("pns", "pppk", "cpns", "pns")):
        _, drow, srow = person_rows(kind, seed=100 + i)  # type: ignore[arg-type]
        out.append((drow, srow))
    return out


def test_dapodik_xlsx_values(
    tmp_path: Path, people: list[tuple[dict[str, object], dict[str, str]]]
) -> None:
    rows = [d for d, _ in people]
    nip_numeric = str(rows[0]["NIP"])
    spaced = str(rows[1]["NIP"])
    rows[1]["NIP"] = f"{spaced[:8]} {spaced[8:14]} {spaced[14]} {spaced[15:]}"
    rows[2]["NIP"] = "'" + str(rows[2]["NIP"])
    path = write_dapodik_xlsx(
        tmp_path / SCHOOL.file_name("guru"), SCHOOL, rows, "guru", numeric_nip_rows={0}
    )
    db = tmp_path / "d.sqlite3"
    assert main(["import", "--db", str(db), str(path)]) == 0
    school = q(db, "SELECT name, kecamatan, kabupaten, provinsi FROM school")
    assert school == [(SCHOOL.name, SCHOOL.kecamatan, SCHOOL.kabupaten, SCHOOL.provinsi)]
    batch = q(
        db, "SELECT kind, header_row, row_count, tanggal_unduh, pengunduh, sha256 FROM import_batch"
    )[0]
    assert batch[:3] == ("dapodik_guru", 5, 4)
    assert str(batch[3]).startswith(SCHOOL.downloaded_at.strftime("%Y-%m-%d %H:%M"))
    assert SCHOOL.pengunduh in str(batch[4])
    assert len(str(batch[5])) == 64
    got = q(
        db,
        "SELECT row_number, nama, nip, nip_raw, nip_numeric, nik, tanggal_lahir, jk, raw_json FROM ptk ORDER BY row_number",
    )
    assert [g[0] for g in got] == [6, 7, 8, 9]
    by_name = {str(g[1]): g for g in got}
    first = by_name[str(rows[0]["Nama"])]
    # a numeric NIP cell keeps 15 significant digits: stored as seen, flagged, never repaired
    assert first[2] == nip_numeric[:15] + "000" and first[4] == 1
    second = by_name[str(rows[1]["Nama"])]
    assert second[2] == spaced and second[4] == 0 and second[3] == rows[1]["NIP"]
    third = by_name[str(rows[2]["Nama"])]
    assert third[2] == str(rows[2]["NIP"]).lstrip("'")
    assert (
        first[5] == rows[0]["NIK"]
        and first[6] == rows[0]["Tanggal Lahir"]
        and first[7] == rows[0]["JK"]
    )
    raw = json.loads(str(first[8]))
    assert (
        len(raw) == 52 and raw[-1] == "Ya"
    )  # 51 named columns plus the unnamed trailing one, kept


def test_spreadsheetml_with_raw_ampersand(
    tmp_path: Path, people: list[tuple[dict[str, object], dict[str, str]]]
) -> None:
    school = SampleSchool(name="SD NEGERI 1 SUKA & MAJU")
    rows = [d for d, _ in people]
    rows[0]["Nama"] = "R<D & SONS"
    path = write_dapodik_spreadsheetml(
        tmp_path / "daftar-guru.xls", school, rows, "guru", raw_ampersand=True
    )
    db = tmp_path / "x.sqlite3"
    assert main(["import", "--db", str(db), str(path)]) == 0
    assert q(db, "SELECT name FROM school") == [("SD NEGERI 1 SUKA & MAJU",)]
    names = {r[0] for r in q(db, "SELECT nama FROM ptk")}
    assert "R<D & SONS" in names and len(names) == 4


@pytest.mark.parametrize(
    ("delimiter", "header_style", "encoding"),
    [("|", "underscore", "utf-8"), (",", "space", "utf-8-sig"), (";", "underscore", "cp1252")],
)
def test_siasn_csv_variants(
    tmp_path: Path,
    people: list[tuple[dict[str, object], dict[str, str]]],
    delimiter: str,
    header_style: str,
    encoding: str,
) -> None:
    srows = [s for _, s in people]
    srows[0]["NAMA"] = "ANDRÉ SETIAWAN"
    srows[1]["NIK"] = ""
    path = write_siasn_csv(
        tmp_path / "siasn.csv",
        srows,
        delimiter=delimiter,
        header_style=header_style,  # type: ignore[arg-type]
        encoding=encoding,
        apostrophe_ids=True,
        null_literal=True,
        jk_style="MF",
        pad_kedudukan=True,  # type: ignore[arg-type]
    )
    if encoding == "utf-8-sig":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    db = tmp_path / "s.sqlite3"
    ws = Workspace(db)
    report = ws.import_files([path])
    assert report.files[0].kind == "siasn" and report.files[0].rows == 4
    got = q(
        db,
        "SELECT row_number, nip_baru, nama, nik, tanggal_lahir, jk, kedudukan_hukum_id, unor_nama FROM siasn ORDER BY row_number",
    )
    assert [g[0] for g in got] == [2, 3, 4, 5]
    first = got[0]
    assert first[1] == srows[0]["NIP_BARU"].lstrip("'")  # apostrophe gone, digits exact
    assert first[2] == "ANDRÉ SETIAWAN"  # cp1252 decoded
    day, month, year = srows[0]["TANGGAL_LAHIR"].split("-")
    assert first[4] == f"{year}-{month}-{day}"
    assert first[5] in ("L", "P")
    assert first[6] == str(int(srows[0]["KEDUDUKAN_HUKUM_ID"]))  # "01" -> "1"
    assert got[1][3] is None  # `null` is cleaned to NULL
    assert first[7] == srows[0]["UNOR_NAMA"]


def test_siasn_xlsx_spaced_headers_and_sapk_aliases(
    tmp_path: Path, people: list[tuple[dict[str, object], dict[str, str]]]
) -> None:
    srows = [s for _, s in people]
    a = write_siasn_xlsx(tmp_path / "a.xlsx", srows, spaced_headers=True)
    b = write_siasn_xlsx(tmp_path / "b.xlsx", srows, aliases=SAPK_ALIASES)
    for path in (a, b):
        db = tmp_path / f"{path.stem}.sqlite3"
        Workspace(db).import_files([path])
        got = q(db, "SELECT nip_baru, gelar_belakang, tanggal_lahir FROM siasn ORDER BY row_number")
        assert [g[0] for g in got] == [s["NIP_BARU"] for s in srows]
        assert got[0][1] == (srows[0]["GELAR_BELAKANG"] or None)
        assert got[0][2] is not None


def test_newer_export_becomes_current_history_kept(
    tmp_path: Path, people: list[tuple[dict[str, object], dict[str, str]]]
) -> None:
    from datetime import timedelta

    rows = [d for d, _ in people]
    old = write_dapodik_xlsx(tmp_path / "old.xlsx", SCHOOL, rows[:2], "guru")
    newer_school = SampleSchool(
        name=SCHOOL.name, downloaded_at=SCHOOL.downloaded_at + timedelta(days=3)
    )
    new = write_dapodik_xlsx(tmp_path / "new.xlsx", newer_school, rows, "guru")
    db = tmp_path / "h.sqlite3"
    ws = Workspace(db)
    ws.import_files([new])
    report = ws.import_files([old])  # an older export imported later stays history
    assert report.files[0].current is False
    assert q(db, "SELECT file_name, is_current FROM import_batch ORDER BY id") == [
        ("new.xlsx", 1),
        ("old.xlsx", 0),
    ]
    assert q(db, "SELECT count(*) FROM ptk") == [(6,)]  # history rows kept
    again = ws.import_files([new])
    assert again.files[0].skipped_duplicate
    assert q(db, "SELECT count(*) FROM import_batch") == [(2,)]


def test_preview_writes_nothing(
    tmp_path: Path,
    people: list[tuple[dict[str, object], dict[str, str]]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write_dapodik_xlsx(tmp_path / "g.xlsx", SCHOOL, [d for d, _ in people], "guru")
    db = tmp_path / "p.sqlite3"
    assert main(["import", "--db", str(db), "--preview", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Dapodik - Daftar Guru" in out and "baris judul : 5" in out and "NIP -> nip" in out
    assert not db.exists()


def test_wrong_kind_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from builders import write_student_list_xlsx, write_unrelated_xlsx

    for maker, word in (
        (write_student_list_xlsx, "peserta didik"),
        (write_unrelated_xlsx, "bukan ekspor"),
    ):
        path = maker(tmp_path / f"{maker.__name__}.xlsx")
        assert main(["import", "--db", str(tmp_path / "w.sqlite3"), str(path)]) == 2
        err = capsys.readouterr().err
        assert path.name in err and word in err


def test_missing_required_column_refused(
    tmp_path: Path,
    people: list[tuple[dict[str, object], dict[str, str]]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    from operator_app.sources.layouts import SIASN_HEADERS

    cols = [c for c in SIASN_HEADERS if c != "NIP_BARU"]
    path = write_siasn_csv(tmp_path / "tanpa-nip.csv", [s for _, s in people], columns=cols)
    assert main(["import", "--db", str(tmp_path / "m.sqlite3"), str(path)]) == 2
    assert "tanpa-nip.csv" in capsys.readouterr().err
