"""The letter to the BKD/BKPSDM: only Admin Instansi items, escaped, masked, and printable."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from operator_app.core.catalogue import make_finding
from operator_app.core.model import Finding, School
from operator_app.reports.letter import PERIHAL, build_letter_html, write_letter_pdf
from operator_app.reports.printing import PrintOptions, ensure_gui_app

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.gui

SCHOOL = School(1, "SD NEGERI 3 SUKAMAJU", "Sukamaju", "Kab. Contoh", "Jawa Barat")
OTHER = School(2, "SMP NEGERI 1 CIBODAS", "Cibodas", "Kab. Contoh", "Jawa Barat")
HOSTILE = "<b>Siti & Co</b>"
NIK = "3201234512850003"
OPTIONS = PrintOptions(
    paper="f4",
    place="Sukamaju",
    date=date(2026, 11, 20),
    operator_name="Rina Operator",
    kepala_sekolah_name="Drs. H. Ahmad Fauzi, M.Pd.",
    kepala_sekolah_nip="196805121990031004",
)


def who(school: School, i: int, nama: str, nik: str) -> dict[str, Any]:
    return {
        "person_key": f"nik:{nik}", "school_id": school.id, "school_name": school.name,
        "nama": nama, "nik": nik, "nip": f"19850312200902{i:04d}",
        "dapodik_file": "daftar-guru.xlsx", "dapodik_row": 5 + i,
    }  # fmt: skip


def findings_for(school: School, n: int = 3) -> list[Finding]:
    out: list[Finding] = []
    for i in range(n):
        nama, nik = (
            (HOSTILE, NIK) if i == 0 else (f"GURU {school.id}-{i:02d}", f"32012345128{i:05d}")
        )
        p = who(school, i, nama, nik)
        out += [
            make_finding("UNOR_BEDA", field="Unor", dapodik_value=school.name,
                         siasn_value="SD NEGERI 1 CIBODAS", suggested_value=school.name,
                         params={"advice": "Kondisi B: minta BKD memperbarui unor di SIASN."}, **p),
            make_finding("NIK_BEDA", field="NIK", dapodik_value=nik,
                         siasn_value=nik[:-1] + "9", actor="admin_instansi", **p),
            make_finding("NIP_KOSONG", field="NIP", siasn_value=p["nip"], suggested_value=p["nip"], **p),
        ]  # fmt: skip
    return out


def pdf(path: Path) -> tuple[str, list[float]]:
    reader = pypdf.PdfReader(str(path))
    text = "\n".join(p.extract_text().replace("\t", " ") for p in reader.pages)
    return text, [float(p.mediabox.height) for p in reader.pages]


def test_letter_lists_only_admin_instansi_items_escaped() -> None:
    findings = findings_for(SCHOOL)
    html = build_letter_html(findings, SCHOOL, OPTIONS)
    assert PERIHAL in html and "Kepala SD NEGERI 3 SUKAMAJU," in html
    assert "&lt;b&gt;Siti &amp; Co&lt;/b&gt;" in html and HOSTILE not in html
    assert "SD NEGERI 1 CIBODAS" in html  # Data di SIASN of the unor item
    assert "GURU 1-01" in html and "20 November 2026" in html
    nip_kosong_only = [f for f in findings if f.actor != "admin_instansi"]
    empty = build_letter_html(nip_kosong_only, SCHOOL, OPTIONS)
    assert "tidak diperlukan" in empty and "<table" not in empty


def test_letter_masks_nik() -> None:
    html = build_letter_html(findings_for(SCHOOL), SCHOOL, PrintOptions(mask_nik=True))
    assert NIK not in html and "************0003" in html


def test_letter_pdf_f4(tmp_path: Path) -> None:
    ensure_gui_app()
    out = tmp_path / "surat-bkd.pdf"
    pages = write_letter_pdf(out, findings_for(SCHOOL, 30), [SCHOOL], OPTIONS)
    text, heights = pdf(out)
    assert pages == len(heights) >= 2
    assert all(abs(h - 935.4) < 2 for h in heights)
    for expected in ("SD NEGERI 3 SUKAMAJU", "Permohonan perbaikan data ASN", "<b>Siti & Co</b>",
                     "GURU 1-29", "Kepala", "Ahmad Fauzi", "Halaman 1 dari", "Kab. Contoh"):  # fmt: skip
        assert expected in text, expected
    assert not list(tmp_path.glob(".~*"))


def test_letter_place_and_date_stay_on_one_line(tmp_path: Path) -> None:
    """A kabupaten name as the place: the date beside Nomor must not wrap ("2026" alone)."""
    ensure_gui_app()
    out = tmp_path / "surat.pdf"
    options = replace(OPTIONS, place="Kabupaten Tasikmalaya", paper="a4")
    write_letter_pdf(out, findings_for(SCHOOL), [SCHOOL], options)
    text, _ = pdf(out)
    assert "Kabupaten Tasikmalaya, 20 November 2026" in text


def test_letter_pdf_a4_one_letter_per_school_and_nothing_page(tmp_path: Path) -> None:
    ensure_gui_app()
    out = tmp_path / "surat.pdf"
    findings = findings_for(SCHOOL, 2) + findings_for(OTHER, 2)
    pages = write_letter_pdf(out, findings, [SCHOOL, OTHER], PrintOptions(paper="a4"))
    text, heights = pdf(out)
    assert pages == len(heights) >= 2 and all(abs(h - 842) < 2 for h in heights)
    assert "SMP NEGERI 1 CIBODAS" in text and text.count("Halaman 1 dari") == 2
    none = tmp_path / "kosong.pdf"
    no_bkd = [f for f in findings if f.actor != "admin_instansi"]
    assert write_letter_pdf(none, no_bkd, [SCHOOL], OPTIONS) == 1
    assert "tidak diperlukan" in pdf(none)[0]


def test_letter_signed_by_the_schools_own_headmaster() -> None:
    from dataclasses import replace

    options = replace(OPTIONS, kepala_sekolah_name="", kepala_sekolah_nip="")
    options.headmasters = {
        SCHOOL.id: ("Hj. SITI AMINAH, S.Pd.", "197001012000032001"),
        99: ("X", ""),
    }
    html = build_letter_html(findings_for(SCHOOL), SCHOOL, options)
    assert "Hj. SITI AMINAH, S.Pd." in html and "NIP. 197001012000032001" in html
    other = build_letter_html(findings_for(SCHOOL), replace(SCHOOL, id=2), options)
    assert "SITI AMINAH" not in other and "NIP. ....." in other
    named = replace(options, kepala_sekolah_name="DRS. BUDI")  # typed by the operator: wins
    assert "SITI AMINAH" not in build_letter_html(findings_for(SCHOOL), SCHOOL, named)
