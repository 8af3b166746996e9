"""No checklist item and no letter row is split across pages, and no hidden text is left above a
page's header: on data whose breaks would fall mid-item (items of varying length)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from operator_app.core.catalogue import make_finding
from operator_app.core.model import Finding, School
from operator_app.reports.checklist import TITLE, write_checklist_pdf
from operator_app.reports.letter import write_letter_pdf
from operator_app.reports.printing import PrintOptions, ensure_gui_app

SCHOOL = School(1, "SD NEGERI 3 SUKAMAJU", "Sukamaju", "Kab. Contoh", "Jawa Barat")
FILLER = "Periksa dokumen aslinya di sekolah dan cocokkan dengan data yang tercatat. "


def _people(n: int, actor: str | None = None) -> list[Finding]:
    out = []
    for i in range(n):
        nik = f"3204011203{i:06d}"
        extra = {"actor": actor} if actor else {}
        for j, code in enumerate(("NIP_KOSONG", "NAMA_BEDA", "TGL_LAHIR_BEDA")[: 1 + i % 3]):
            out.append(
                make_finding(
                    code,
                    person_key=f"nik:{nik}",
                    school_id=1,
                    school_name=SCHOOL.name,
                    nama=f"GURU NOMOR {i:02d}",
                    nik=nik,
                    nip=f"1985031220090210{i:02d}",
                    siasn_nip=f"1985031220090211{i:02d}",
                    ptk_id=i,
                    siasn_id=i,
                    field="Nama",
                    dapodik_value=f"GURU {i}",
                    siasn_value=f"GURU {i} X",
                    action=(
                        text := f"AWAL-{i}-{j} " + FILLER * (1 + (i * 7 + j) % 5) + f"AKHIR-{i}-{j}"
                    ),
                    detail=text,
                    **extra,
                )
            )
    return out


def _pages(path: Path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages]


def _assert_whole(pages: list[str], findings: list[Finding]) -> int:
    """Every item's first and last words are on one page; returns the pages used."""
    for f in findings:
        start, end = f.action.split(" ", 1)[0], f.action.rsplit(" ", 1)[-1]
        on = [n for n, t in enumerate(pages) if start in t]
        assert len(on) == 1 and end in pages[on[0]], (start, on)
    return len(pages)


def test_checklist_items_never_split(tmp_path: Path) -> None:
    ensure_gui_app()
    findings = _people(40)
    for paper in ("a4", "f4"):
        out = tmp_path / f"c-{paper}.pdf"
        write_checklist_pdf(out, findings, [SCHOOL], PrintOptions(paper=paper))
        pages = _pages(out)
        assert _assert_whole(pages, findings) >= 4
        # the letterhead title once (no hidden copy above a page header)
        assert sum(t.count(TITLE) for t in pages) == 1
        for n, t in enumerate(pages[1:], 2):  # every page starts under a teacher's name row
            assert "GURU NOMOR" in t, n


def test_letter_rows_never_split_and_repeat_no_nama(tmp_path: Path) -> None:
    ensure_gui_app()
    findings = _people(30, actor="admin_instansi")
    out = tmp_path / "surat.pdf"
    write_letter_pdf(out, findings, [SCHOOL], PrintOptions())
    pages = _pages(out)
    assert _assert_whole(pages, findings) >= 3
    for f in findings:  # the SIASN NIP beside every row's name, on whichever page
        page = next(t for t in pages if f.action.split(" ", 1)[0] in t)
        assert f.nama in page and (f.siasn_nip or "") in page
    assert not any("1985031220090210" in t for t in pages)  # the Dapodik NIPs


def test_measuring_with_one_reused_document_matches_fresh_documents() -> None:
    """Measure refills one QTextDocument (fewer layouts, fewer cross-thread Qt locks): no
    measurement may depend on what was measured before it."""
    from operator_app.reports.paging import Measure, Rows
    from operator_app.reports.printing import SANS, body_size

    width, _ = body_size("a4")
    table = "<table width='100%'><tr><td>{}</td></tr></table>"
    pieces = [
        "<p>satu baris</p>",
        table.format("<br>".join(["baris panjang"] * 12)),
        "<p style='font-size:15pt'><b>Judul besar</b></p>",
        "<p>satu baris</p>",
    ]
    reused = Measure(width, SANS, 9.0)
    heights = [reused.height(h) for h in pieces]
    fresh = [Measure(width, SANS, 9.0).height(h) for h in pieces]
    assert heights == fresh
    assert heights[0] == heights[3] and heights[1] > 5 * heights[0]
    rows = Rows("<td>Kepala</td>", [f"<tr><td>{'x ' * n}</td></tr>" for n in (1, 400, 1)],
                lambda style, head, body: f"<table style='{style}'><tr>{head}</tr>{body}</table>")  # fmt: skip
    base, row_h = reused.row_heights(rows)
    assert (base, row_h) == Measure(width, SANS, 9.0).row_heights(rows)
    assert row_h[1] > row_h[0] == row_h[2]
