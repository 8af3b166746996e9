"""The correction workbook's sheet of failed syncs for others, grouped by who must act."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from synclog_files import write_log_xlsx

from operator_app.cli import main
from operator_app.reports.sync_failures_sheet import SHEET_SYNC
from operator_app.store.workspace import Workspace


def test_sheet_groups_the_failures_others_must_act_on(kabupaten: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    db = tmp_path / "db.sqlite3"
    assert main(["import", "--db", str(db), *map(str, kabupaten[1].all)]) == 0
    ws = Workspace(db)
    rows = ws.person_rows()
    ws.close()
    beda = next(r for r in rows if "NIP_BEDA" in r.codes)
    clean = [r for r in rows if not r.codes and r.nip_siasn]
    log = write_log_xlsx(tmp_path / "log.xlsx", ["NIP", "Nama", "Pesan"], [
        [beda.nip_siasn, beda.nama, "Tombol sinkron PMM tidak muncul di e-Kinerja"],  # ours
        [clean[0].nip_siasn, clean[0].nama, "Unit Kerja atasan tidak ditemukan"],
        [clean[1].nip_siasn, clean[1].nama, "Request failed with status code 500"],
        [clean[2].nip_siasn, clean[2].nama, "Pegawai belum membuat SKP di PMM"],
        [clean[2].nip_siasn, clean[2].nama, "+62 koneksi terputus"],
    ])  # fmt: skip
    assert main(["import", "--db", str(db), str(log)]) == 0
    out = tmp_path / "perbaikan.xlsx"
    assert main(["export", "--db", str(db), "--xlsx", str(out)]) == 0
    wb = load_workbook(out)
    sheet = wb[SHEET_SYNC]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    groups = [r[0] for r in cells if r[0] and " — " in str(r[0])]
    assert groups == [
        "Untuk BKD/BKPSDM (Admin Instansi: SIASN, e-Kinerja) — 1 orang",
        "Untuk pegawai sendiri (PMM, e-Kinerja) — 1 orang",
        "Untuk dilaporkan ke Helpdesk BKN (support-siasn.bkn.go.id) — 1 orang",
        "Pesan tidak dikenal (tanyakan ke BKD/BKPSDM) — 1 orang",
    ]
    names = [r[1] for r in cells if r[0] and str(r[0]).isdigit()]
    assert beda.nama not in names  # explained by our data: the operator's own work
    assert sheet.cell(row=4, column=1).value.startswith("Untuk BKD")
    nips = [r[2] for r in cells if r[0] and str(r[0]).isdigit()]
    assert clean[0].nip_siasn in nips  # 18 digits kept as text
    risky = next(c for row in sheet.iter_rows() for c in row if c.value == "+62 koneksi terputus")
    assert risky.data_type == "s" and risky.quotePrefix
    # the status read-back still works with the extra sheet
    assert main(["import-status", "--db", str(db), str(out)]) == 0
