"""The printable checklist: HTML escaping and masking, and the PDF as an operator would print it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from operator_app.core.catalogue import make_finding
from operator_app.core.errors import OutputError
from operator_app.core.model import Finding, School
from operator_app.reports.checklist import (
    SIASN_ONLY,
    build_checklist_html,
    write_checklist_pdf,
)
from operator_app.reports.masking import mask_nik
from operator_app.reports.printing import PrintOptions, ensure_gui_app, format_tanggal

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]

SCHOOL = School(1, "SD NEGERI 3 SUKAMAJU", "Sukamaju", "Kab. Contoh", "Jawa Barat")
OTHER = School(2, "SD NEGERI 12 SUKAMAJU", "Kec. Sukamaju", "Kab. Contoh", "Jawa Barat")
HOSTILE = 'Dra. SITI <b>& "AMINAH"</b>'
NIK_SITI = "3204014506870002"
NIK_BUDI = "3204011203850001"
OPTIONS = PrintOptions(
    place="Sukamaju",
    date=date(2026, 11, 20),
    operator_name="Rina Operator",
    kepala_sekolah_name="Drs. H. Ahmad Fauzi, M.Pd.",
    kepala_sekolah_nip="196805121990031004",
)


def person(school: School, key: str, nama: str, nik: str | None, nip: str | None, row: int) -> dict:  # type: ignore[type-arg]
    return {
        "person_key": key, "school_id": school.id, "school_name": school.name, "nama": nama,
        "nik": nik, "nip": nip, "dapodik_file": "daftar-guru.xlsx", "dapodik_row": row,
    }  # fmt: skip


def school_findings(school: School) -> list[Finding]:
    """Every kind of actor: operator, pegawai, admin_instansi, admin_dinas, plus SIASN-only."""
    siti = person(school, f"nik:{NIK_SITI}", HOSTILE, NIK_SITI, "198706452010012003", 7)
    budi = person(school, f"nik:{NIK_BUDI}", "BUDI SANTOSO, S.Pd.", NIK_BUDI, None, 8)
    return [
        make_finding("NIP_BEDA", field="NIP", dapodik_value="198706452010012003",
                     siasn_value="198706052010012003", suggested_value="198706052010012003",
                     params={"positions": "digit ke-7"}, **siti),
        make_finding("NIK_BEDA", field="NIK", dapodik_value=NIK_SITI,
                     siasn_value="3204014506870009", **siti),
        make_finding("UNOR_BEDA", field="Unor", dapodik_value=school.name,
                     siasn_value="SD NEGERI 1 CIBODAS", suggested_value=school.name,
                     params={"advice": "Kondisi B: minta BKD memperbarui unor di SIASN."}, **siti),
        make_finding("NIP_KOSONG", field="NIP", siasn_value="198503122009021001",
                     suggested_value="198503122009021001", status="selesai", **budi),
        make_finding("STATUS_BUKAN_ASN", field="Status Kepegawaian", dapodik_value="Honor Daerah",
                     siasn_value="PNS", suggested_value="PNS", **budi),
        make_finding("KEPSEK_TIDAK_ADA", school_id=school.id, school_name=school.name),
        make_finding("TIDAK_ADA_DI_DAPODIK", person_key="siasn:199001012015031002",
                     school_id=school.id, school_name=school.name, nama="ANDI WIJAYA",
                     nip="199001012015031002", siasn_file="export-data-asn.csv", siasn_row=1234,
                     field="Unor", siasn_value=school.name),
    ]  # fmt: skip


def pdf_text(path: Path) -> tuple[list[str], list[float]]:
    reader = pypdf.PdfReader(str(path))
    return [p.extract_text().replace("\t", " ") for p in reader.pages], [
        float(p.mediabox.height) for p in reader.pages
    ]


def test_html_escapes_hostile_names_and_groups_blocks() -> None:
    html = build_checklist_html(school_findings(SCHOOL), SCHOOL, OPTIONS)
    assert "<b>& " not in html and "SITI &lt;b&gt;&amp; &quot;AMINAH&quot;&lt;/b&gt;" in html
    assert SIASN_ONLY in html and "ANDI WIJAYA" in html
    assert "Temuan tingkat sekolah" in html and "Kepala Sekolah belum tercatat" in html
    assert "Mengetahui" in html and "20 November 2026" in html and "Sukamaju, " in html
    assert "Kecamatan Sukamaju" in html and "Kab. Contoh" in html and "Provinsi Jawa Barat" in html
    assert html.count("<td width='13' height='13'") == 7  # one drawn box per finding
    assert "\u2713" in html  # the finding already marked selesai is ticked


def test_masked_nik_keeps_only_last_four_digits() -> None:
    options = PrintOptions(mask_nik=True, date=date(2026, 11, 20))
    html = build_checklist_html(school_findings(SCHOOL), SCHOOL, options)
    assert NIK_SITI not in html and NIK_BUDI not in html and "3204014506870009" not in html
    assert "************0002" in html and "************0009" in html
    assert mask_nik(NIK_SITI) == "************0002"
    assert format_tanggal(date(2026, 1, 5)) == "5 Januari 2026"


def test_checklist_pdf_text_and_a4_size(tmp_path: Path) -> None:
    ensure_gui_app()
    out = tmp_path / "daftar-periksa.pdf"
    pages = write_checklist_pdf(out, school_findings(SCHOOL), [SCHOOL], OPTIONS)
    texts, heights = pdf_text(out)
    assert pages == len(texts) >= 1
    assert all(abs(h - 842) < 2 for h in heights)
    text = "\n".join(texts)
    for expected in ("SD NEGERI 3 SUKAMAJU", "BUDI SANTOSO", "AMINAH", "ANDI WIJAYA",
                     "Mengetahui", "Kepala Sekolah", "Halaman 1 dari", "Rina Operator", NIK_SITI):  # fmt: skip
        assert expected in text, expected
    assert not list(tmp_path.glob(".~*")), "temp file left behind"


def test_many_teachers_give_several_f4_pages_numbered_per_school(tmp_path: Path) -> None:
    ensure_gui_app()
    findings: list[Finding] = []
    for school in (SCHOOL, OTHER):
        for i in range(40):
            nik = f"32040112038{i:05d}"
            who = person(school, f"nik:{nik}", f"GURU {school.id}-{i:02d}", nik, None, 5 + i)
            findings.append(make_finding("NIP_KOSONG", field="NIP", siasn_value="198503122009021001",
                                         suggested_value="198503122009021001", **who))  # fmt: skip
    out = tmp_path / "semua.pdf"
    options = PrintOptions(paper="f4", mask_nik=True)
    pages = write_checklist_pdf(out, findings, [SCHOOL, OTHER], options)
    texts, heights = pdf_text(out)
    assert pages == len(texts) >= 4
    assert all(abs(h - 935.4) < 2 for h in heights)
    text = "\n".join(texts)
    assert "GURU 1-00" in text and "GURU 2-39" in text and "SD NEGERI 12 SUKAMAJU" in text
    assert "32040112038" not in text and "************0039" in text
    assert text.count("Halaman 1 dari") == 2  # each school's section is numbered on its own
    assert all("Halaman" in t for t in texts)


def test_open_target_becomes_output_error(tmp_path: Path) -> None:
    ensure_gui_app()
    out = tmp_path / "daftar.pdf"
    out.write_bytes(b"old")
    (tmp_path / f".~lock.{out.name}#").write_text("x")  # LibreOffice keeps it open
    with pytest.raises(OutputError, match="sedang dibuka"):
        write_checklist_pdf(out, [], [SCHOOL], OPTIONS)
    assert out.read_bytes() == b"old"


def test_preview_path_several_schools_in_one_document(tmp_path: Path) -> None:
    """The GUI's print preview: build_checklist_document(..., None, ...) + paint_document."""
    from PySide6.QtGui import QPdfWriter

    from operator_app.reports.checklist import build_checklist_document
    from operator_app.reports.printing import paint_document

    ensure_gui_app()
    doc = build_checklist_document(school_findings(SCHOOL) + school_findings(OTHER), None, OPTIONS)
    out = tmp_path / "preview.pdf"
    writer = QPdfWriter(str(out))
    writer.setResolution(150)
    pages = paint_document(doc, writer, PrintOptions(paper="f4"))
    del writer
    texts, heights = pdf_text(out)
    assert pages == len(texts) >= 2 and all(abs(h - 935.4) < 2 for h in heights)
    joined = "\n".join(texts)
    assert "SD NEGERI 3 SUKAMAJU" in joined and "SD NEGERI 12 SUKAMAJU" in joined
    assert f"Halaman {pages} dari {pages}" in joined


_BIG_EXPORT = """
from operator_app.core.catalogue import make_finding
from operator_app.core.model import School
from operator_app.reports.checklist import write_checklist_pdf
from operator_app.reports.printing import PrintOptions, ensure_gui_app
import sys
ensure_gui_app()
schools = [School(i, f"SD NEGERI {i} SUKAMAJU", "Sukamaju", "Kab. Contoh") for i in range(1, 51)]
findings = [
    make_finding("NIP_KOSONG", person_key=f"nik:{s.id}-{t}", school_id=s.id, school_name=s.name,
                 nama=f"GURU {s.id}-{t}", field="NIP", suggested_value="198503122009021001")
    for s in schools for t in range(40)
]
print(write_checklist_pdf(sys.argv[1], findings, schools, PrintOptions()))
"""


def test_fifty_school_export_does_not_abort_python(tmp_path: Path) -> None:
    """PySide6 6.12 on Python 3.11 drops a reference to None per void call; unguarded, this
    export aborted the interpreter ("none_dealloc") at exit after writing the PDF."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = tmp_path / "besar.pdf"
    done = subprocess.run(
        [sys.executable, "-c", _BIG_EXPORT, str(out)],
        env=env, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip()) >= 50 and out.stat().st_size > 0
