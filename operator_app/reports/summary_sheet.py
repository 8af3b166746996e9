"""The Ringkasan sheet: how to use the workbook, data dates, counts per school, sheet, finding,
actor and status (findings named by the catalogue's titles)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from operator_app.core.catalogue import CATALOGUE
from operator_app.core.model import SEVERITY_ORDER, WORKFLOW_STATUSES, Finding, School
from operator_app.reports.sheets import WORK_SHEETS, natural_key
from operator_app.reports.workbook_meta import ExportMeta
from operator_app.reports.xlsx_base import (
    SEVERITY_COLOURS,
    Styles,
    page_setup,
    print_area,
    put,
    row_height,
    text_lines,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SEVERITY_LABEL = {"invalid": "Tidak valid", "warning": "Peringatan", "info": "Info"}
ACTOR_LABEL = {
    "operator_sekolah": "Operator sekolah (Dapodik / Verval PTK)",
    "admin_dinas": "Admin Dapodik Dinas Pendidikan",
    "admin_instansi": "BKD/BKPSDM (SIASN, e-Kinerja)",
    "pegawai": "Pegawai sendiri (MyASN, PMM, Disdukcapil)",
    "kepala_sekolah": "Kepala sekolah",
}
HOW_TO = (
    "Cara pakai: (1) Kerjakan lembar 'Perbaikan Verval PTK' dan 'Perbaikan Dapodik'; serahkan "
    "lembar 'Untuk BKD' ke BKD/BKPSDM dan 'Untuk Pegawai' ke guru yang bersangkutan. "
    "(2) Setiap ada kemajuan, ubah kolom Status (baru → diajukan → selesai, atau diabaikan) dan "
    "tulis Catatan bila perlu. Jangan ubah kolom No dan Kode, dan jangan hapus lembar "
    "tersembunyi _kunci; mengurutkan dan memfilter tabel boleh. (3) Simpan file ini, lalu bawa "
    "statusnya kembali ke aplikasi: menu Impor Status, atau perintah "
    "operator-app import-status NAMA_FILE.xlsx. (4) Setelah data diperbaiki, unduh dan impor "
    "ulang file Dapodik/SIASN terbaru: temuan yang sudah beres hilang dengan sendirinya."
)
NOTHING = (
    "Tidak ada temuan: data Dapodik dan SIASN yang diimpor sudah padan, tidak ada yang perlu "
    "diperbaiki. Lembar kerja disembunyikan karena kosong."
)
_WIDTHS = (44, 18, 13, 13, 13, 13)


def title_of(code: str) -> str:
    entry = CATALOGUE.get(code)
    return entry.title if entry else code


def _table(
    ws: Worksheet,
    row: int,
    title: str,
    header: list[str],
    body: list[list[object]],
    st: Styles,
    severities: Sequence[str | None] = (),
) -> int:
    """A small titled table; returns the next free row. `severities[i]` colours the first cell
    of body row i like the Kode cells of the work sheets; a long first cell wraps."""
    put(ws, row, 1, title).font = st.section_font
    row += 1
    for c, h in enumerate(header, start=1):
        cell = put(ws, row, c, h)
        cell.font, cell.fill, cell.border = st.header_font, st.header_fill, st.border
    for i, values in enumerate(body):
        row += 1
        sev = severities[i] if i < len(severities) else None
        for c, v in enumerate(values, start=1):
            cell = put(ws, row, c, v, ident=isinstance(v, str))
            cell.border = st.border
            cell.font = st.body_font
            cell.alignment = st.wrap
            if c == 1 and sev in SEVERITY_COLOURS:
                cell.fill, cell.font = st.sev_fill[sev], st.sev_font[sev]
        first = values[0] if values else None
        if isinstance(first, str):
            ws.row_dimensions[row].height = row_height(text_lines(first, _WIDTHS[0]))
    return row + 2


def write_summary(
    ws: Worksheet,
    findings: Sequence[Finding],
    schools: Sequence[School],
    meta: ExportMeta,
    rows: dict[str, int],
    st: Styles,
) -> None:
    from openpyxl.styles import Alignment

    for letter, width in zip("ABCDEF", _WIDTHS, strict=True):
        ws.column_dimensions[letter].width = width
    put(ws, 1, 1, f"Workbook perbaikan data guru ASN - {meta.title}").font = st.title_font
    put(ws, 2, 1, f"Dibuat: {meta.generated_at.strftime('%d-%m-%Y %H:%M')}").font = st.body_font
    put(ws, 3, 1, f"Database: {meta.db_id}").font = st.info_font
    ws.merge_cells("A5:F5")
    cell = put(ws, 5, 1, HOW_TO if findings else NOTHING)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    cell.font = st.body_font
    ws.row_dimensions[5].height = row_height(text_lines(cell.value, sum(_WIDTHS)) + 1)
    row = 7
    dates = sorted(meta.data_dates, key=lambda d: (not d[0].startswith("SIASN"), natural_key(d[0])))
    row = _table(ws, row, "Tanggal data", ["Sumber", "Tanggal"], [[a, b] for a, b in dates], st)

    per_school: dict[str, Counter[str]] = {s.name: Counter() for s in schools}
    for f in findings:
        per_school.setdefault(f.school_name or "(tanpa sekolah)", Counter())[f.severity] += 1
    sevs = ("invalid", "warning", "info")
    body: list[list[object]] = [
        [name, *(c[s] for s in sevs), sum(c.values())]
        for name, c in sorted(per_school.items(), key=lambda x: natural_key(x[0]))
    ]
    totals: Counter[str] = Counter(f.severity for f in findings)
    body.append(["Jumlah", *(totals[s] for s in sevs), len(findings)])
    head = ["Sekolah", *(SEVERITY_LABEL[s] for s in sevs), "Jumlah"]
    row = _table(ws, row, "Temuan per sekolah", head, body, st)
    for c in range(1, 6):
        ws.cell(row=row - 2, column=c).font = st.bold
        ws.cell(row=row - 2, column=c).fill = st.total_fill
    if not findings:
        page_setup(ws, f"Ringkasan - {meta.title}", None, meta.paper, landscape=False)
        print_area(ws, 6, row - 2)
        return

    row = _table(
        ws, row, "Baris per lembar", ["Lembar", "Baris"], [[n, rows[n]] for n in WORK_SHEETS], st
    )
    codes = sorted(
        Counter((f.code, f.severity) for f in findings).items(),
        key=lambda x: (SEVERITY_ORDER.get(x[0][1], 9), title_of(x[0][0])),
    )
    code_body: list[list[object]] = [
        [title_of(code), SEVERITY_LABEL.get(sev, sev), n] for (code, sev), n in codes
    ]
    row = _table(
        ws,
        row,
        "Temuan per jenis",
        ["Temuan", "Tingkat", "Jumlah"],
        code_body,
        st,
        [sev for (_, sev), _ in codes],
    )
    actors = Counter(f.actor for f in findings)
    row = _table(
        ws,
        row,
        "Temuan per pelaku",
        ["Siapa yang memperbaiki", "Jumlah"],
        [[ACTOR_LABEL.get(a, a), n] for a, n in sorted(actors.items())],
        st,
    )
    statuses = Counter(f.status for f in findings)
    row = _table(
        ws,
        row,
        "Temuan per status (saat ekspor)",
        ["Status", "Jumlah"],
        [[s, statuses[s]] for s in WORKFLOW_STATUSES],
        st,
    )
    page_setup(ws, f"Ringkasan - {meta.title}", None, meta.paper, landscape=False)
    print_area(ws, 6, row - 2)
