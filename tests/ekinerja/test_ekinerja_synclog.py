"""The sync log as a third source: headers by name, title rows, numeric NIPs, refusals, history."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from synclog_files import write_log_csv, write_log_xlsx

from operator_app.cli import main
from operator_app.sources.detect import detect_file
from operator_app.store.workspace import Workspace

NIP_A = "198503022010012004"
NIP_B = "199001152019031007"
MSG_PNS = "Gagal melakukan sinkro PMM dikarenakan Data PNS ID belum padan antara SIASN dengan PMM"


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize(
    ("headers", "expect"),
    [
        (
            ["No", "NIP", "Nama", "Unor", "Pesan", "Waktu"],
            ("nip", "nama", "unor", "message", "waktu"),
        ),
        (
            ["NIP Pegawai", "Nama Pegawai", "Unit Kerja", "Pesan Error"],
            ("nip", "nama", "unor", "message"),
        ),
        (["nip_baru", "KENDALA"], ("nip", "message")),
        (["Nama", "NIP Baru", "Alasan", "Tanggal Sinkron"], ("nama", "nip", "message", "waktu")),
        (["NIP", "Keterangan"], ("nip", "message")),
        (["NIP", "Nama", "Status Sinkron"], ("nip", "nama", "message")),
    ],
)
def test_headers_are_found_by_name(
    tmp_path: Path, headers: list[str], expect: tuple[str, ...]
) -> None:
    row = [""] * len(headers)
    for i, h in enumerate(headers):
        key = h.lower()
        row[i] = (
            NIP_A
            if "nip" in key
            else "Unit Kerja atasan tidak ditemukan"
            if key in ("pesan", "pesan error", "kendala", "alasan", "keterangan", "status sinkron")
            else "x"
        )
    path = write_log_xlsx(tmp_path / "log.xlsx", headers, [row])
    _, det = detect_file(path)
    assert det.kind == "ekinerja_log" and det.kind_label == "e-Kinerja - Log Sinkronisasi PMM"
    assert tuple(f for f in det.fields if f) == expect


def test_title_rows_numeric_nip_and_csv(tmp_path: Path) -> None:
    titles = [
        "Rekapitulasi Kendala Sinkron PMM",
        "Instansi: Pemerintah Kab. Contoh",
        "Periode 2026",
    ]
    xlsx = write_log_xlsx(
        tmp_path / "log-sinkronisasi-pmm.xlsx",
        ["No", "NIP", "Nama", "Unit Kerja", "Pesan", "Waktu"],
        [[1, NIP_A, "SITI AMINAH", "SD NEGERI 3 SUKAMAJU", MSG_PNS, "2026-11-20 08:15"],
         [2, NIP_B, "BUDI", "SD NEGERI 3 SUKAMAJU", "Request failed with status code 500", ""],
         [3, "", "", "", "", ""],
         [4, NIP_B, "BUDI", "", "", ""]],
        titles=titles, numeric_nip=True,
    )  # fmt: skip
    _, det = detect_file(xlsx)
    assert det.header_row == 5
    db = tmp_path / "db.sqlite3"
    assert main(["import", "--db", str(db), str(xlsx)]) == 0
    got = _rows(db, "SELECT row_number, nip, nama, unor, message, failed_at FROM sync_failure")
    assert got == [
        (6, "198503022010012000", "SITI AMINAH", "SD NEGERI 3 SUKAMAJU", MSG_PNS, "2026-11-20 08:15"),
        (7, "199001152019031000", "BUDI", "SD NEGERI 3 SUKAMAJU", "Request failed with status code 500", None),
    ]  # fmt: skip
    warnings = json.loads(_rows(db, "SELECT warnings_json FROM import_batch")[0][0])
    assert any("baris 6" in w and "angka" in w for w in warnings)
    assert any("baris 9: pesan kosong" in w for w in warnings)
    csv_path = write_log_csv(
        tmp_path / "log.csv", ["NIP Pegawai", "Pesan Error"], [[NIP_A, "Unexpected period value"]]
    )
    assert main(["import", "--db", str(db), str(csv_path)]) == 0
    assert _rows(db, "SELECT nip, message FROM sync_failure f JOIN import_batch b ON b.id=f.batch_id "
                     "WHERE b.is_current=1 AND b.kind='ekinerja_log'") == [(NIP_A, "Unexpected period value")]  # fmt: skip


def test_newer_log_replaces_current_and_history_is_kept(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    first = write_log_csv(
        tmp_path / "log1.csv", ["NIP", "Pesan"], [[NIP_A, "Unexpected period value"]]
    )
    second = write_log_csv(
        tmp_path / "log2.csv", ["NIP", "Pesan"], [[NIP_B, "Unit Kerja atasan tidak ditemukan"]]
    )
    assert main(["import", "--db", str(db), str(first)]) == 0
    assert main(["import", "--db", str(db), str(second)]) == 0
    assert _rows(db, "SELECT file_name, is_current FROM import_batch ORDER BY id") == [
        ("log1.csv", 0),
        ("log2.csv", 1),
    ]
    assert len(_rows(db, "SELECT id FROM sync_failure")) == 2  # history kept
    ws = Workspace(db)
    try:
        assert [(f.nip, f.ekinerja_no) for f in ws.sync_failures()] == [(NIP_B, 5)]
    finally:
        ws.close()


@pytest.mark.parametrize(
    ("headers", "missing"),
    [(["No", "Nama", "Unit Kerja", "Tanggal"], "tidak ada kolom NIP"),
     (["No", "Nama", "Pesan"], "kolom NIP (NIP, NIP Pegawai atau NIP Baru) tidak ada"),
     (["NIP", "Nama", "Unit Kerja"], "kolom pesan (Pesan, Pesan Error")],
)  # fmt: skip
def test_check_refuses_a_log_without_its_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], headers: list[str], missing: str
) -> None:
    db = tmp_path / "db.sqlite3"
    good = write_log_csv(
        tmp_path / "good.csv", ["NIP", "Pesan"], [[NIP_A, "Unexpected period value"]]
    )
    assert main(["import", "--db", str(db), str(good)]) == 0
    before = _rows(db, "SELECT * FROM import_batch") + _rows(db, "SELECT * FROM sync_failure")
    bad = write_log_xlsx(tmp_path / "rekap-kendala.xlsx", headers, [["1"] * len(headers)],
                         titles=["Rekapitulasi Kendala Sinkron PMM"])  # fmt: skip
    capsys.readouterr()
    assert main(["check", "--db", str(db), "--ekinerja-log", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "rekap-kendala.xlsx" in err and "Log Sinkronisasi PMM" in err and missing in err
    assert "Tidak ada yang diubah" in err
    assert (
        _rows(db, "SELECT * FROM import_batch") + _rows(db, "SELECT * FROM sync_failure") == before
    )


def test_check_refuses_a_dapodik_file_given_as_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from builders import write_pair

    dapodik, _ = write_pair(tmp_path, [], [])
    db = tmp_path / "db.sqlite3"
    assert main(["check", "--db", str(db), "--ekinerja-log", str(dapodik)]) == 2
    err = capsys.readouterr().err
    assert dapodik.name in err and "kolom pesan (Pesan, Pesan Error" in err
    assert not db.exists() or _rows(db, "SELECT count(*) FROM import_batch") == [(0,)]
