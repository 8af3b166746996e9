"""The school's letter to the BKD/BKPSDM asking it to fix what only the Admin Instansi can fix.

Only what the BKD must act on goes in (`bkd_findings`: unor condition B, identity data to be
corrected in SIASN, duplicate SIASN rows, Kepala Sekolah not at this unor), each person named by
the SIASN NIP_BARU: one table row per item, grouped per teacher, no row split across pages.
Condition A (the unor only spelled differently) is one sentence saying no action is needed. A
school with nothing for the BKD gets a one-sentence page instead; an all-schools PDF ends with
the list of schools that got no letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QTextDocument

from operator_app.core.catalogue import CATALOGUE, documents_text
from operator_app.core.model import Finding, School
from operator_app.reports.checklist import e, region_parts
from operator_app.reports.masking import mask_niks_in
from operator_app.reports.paging import Flow, Measure, Rows, paginate
from operator_app.reports.printing import (
    SERIF,
    PrintOptions,
    Section,
    body_size,
    new_document,
    place_and_date,
    write_pdf,
)
from operator_app.reports.sheets import bkd_nip, bkd_should, natural_key

FONT_PT = 11.0
PERIHAL = "Permohonan perbaikan data ASN di SIASN/e-Kinerja"
BKD_ACTOR = "admin_instansi"
CONDITION_B = "Kondisi B"  # how core.rules.unor begins the advice once the operator chose B
_CELL = "border: 1px solid #000000; padding: 3px;"


def bkd_findings(findings: Sequence[Finding]) -> list[Finding]:
    """What the BKD must act on, ordered by teacher then code: findings whose actor is the BKD,
    except condition A (the unor only spelled differently: no action needed) and a different
    unor the operator has not yet called condition B (until then it may be the school's own
    mutasi, condition C)."""
    picked = [f for f in findings if f.actor == BKD_ACTOR and bkd_must_act(f)]
    return sorted(picked, key=lambda f: (natural_key(f.nama), f.person_key, f.code, f.field or ""))


def bkd_must_act(f: Finding) -> bool:
    if f.code == "UNOR_NOMENKLATUR":
        return False
    if f.code == "UNOR_BEDA":
        return f.action.startswith(CONDITION_B)
    return True


def condition_a(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.actor == BKD_ACTOR and f.code == "UNOR_NOMENKLATUR"]


def _condition_a_note(findings: Sequence[Finding]) -> str:
    a = condition_a(findings)
    if not a:
        return ""
    people = len({f.person_key or f.nama for f in a})
    return (
        "<p align='justify' style='margin-top:10px'>Selain itu, nama unor "
        f"{people} pegawai di SIASN ditulis berbeda dengan nama sekolah di Dapodik, tetapi "
        "menunjuk sekolah yang sama (kondisi A). Untuk itu <b>tidak diperlukan tindakan</b>: "
        "sinkronisasi tetap dapat berjalan; bila berkenan, nama unor dapat disamakan di "
        "e-Kinerja menu Manajemen Unor.</p>"
    )


def default_kepada(school: School) -> str:
    kab = [p for p in region_parts(school) if p.lower().startswith(("kab", "kota"))]
    return f"Kepala BKPSDM / BKD {kab[0]}" if kab else "Kepala BKPSDM / BKD"


def _value(f: Finding, value: str | None, options: PrintOptions) -> str:
    text = value or "-"
    if options.mask_nik:
        text = mask_niks_in(text, [f.nik or ""])
    label = f"<i>{e(f.field)}:</i><br>" if f.field and value else ""
    return label + e(text)


def _note(f: Finding, options: PrintOptions) -> str:
    entry = CATALOGUE.get(f.code)
    parts = [entry.title if entry else f.code]
    if f.detail:
        parts.append(f.detail)
    if f.documents:
        parts.append(f"Dokumen: {documents_text(f.documents)}")
    text = ". ".join(p.rstrip(".") for p in parts) + "."
    return e(mask_niks_in(text, [f.nik or ""]) if options.mask_nik else text)


def _items_table(style: str, head: str, rows: str) -> str:
    return (
        "<table width='100%' cellspacing='0' cellpadding='3' "
        f"style='border-collapse: collapse; margin-top:6px; font-size:9pt; {style}'>"
        f"<thead><tr>{head}</tr></thead>{rows}</table>"
    )


_HEAD = "".join(
    f"<th style='{_CELL}' bgcolor='#e6e6e6'{w}>{t}</th>"
    for t, w in (
        ("No", " width='4%'"), ("Nama", " width='18%'"), ("NIP (SIASN)", " width='19%'"),
        ("Data di SIASN", " width='19%'"), ("Seharusnya", " width='19%'"),
        ("Keterangan", ""),
    )
)  # fmt: skip


def items_rows(findings: Sequence[Finding], options: PrintOptions) -> Rows:
    """One row per item; No, Nama and the SIASN NIP on a teacher's first row, and again on the
    first row of a page when the teacher's items continue there."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.person_key or f"{f.nama}|{f.nip}", []).append(f)
    rows: list[str] = []
    leads: list[str] = []
    for number, group in enumerate(groups.values(), 1):
        first = group[0]
        nip = bkd_nip(first)
        nowrap = " white-space: nowrap" if nip.isdigit() else ""  # a sentence may wrap
        person = (
            f"<td style='{_CELL}' align='center'>{number}</td>"
            f"<td style='{_CELL}'>{e(first.nama or '-')}</td>"
            f"<td style='{_CELL}{nowrap}'>{e(nip)}</td>"
        )
        blank = f"<td style='{_CELL}'></td>" * 3
        for i, f in enumerate(group):
            item = (
                f"<td style='{_CELL}'>{_value(f, f.siasn_value, options)}</td>"
                f"<td style='{_CELL}'>{_value(f, bkd_should(f), options)}</td>"
                f"<td style='{_CELL}'>{_note(f, options)}</td></tr>"
            )
            rows.append(f"<tr>{person if i == 0 else blank}{item}")
            leads.append(f"<tr>{person}{item}")
    return Rows(_HEAD, rows, _items_table, first=lambda i: leads[i])


def items_table(findings: Sequence[Finding], options: PrintOptions) -> str:
    rows = items_rows(findings, options)
    return _items_table("", rows.head, "".join(rows.rows))


def build_letter_html(
    findings: Sequence[Finding],
    school: School,
    options: PrintOptions,
    nomor: str = "",
    kepada: str = "",
) -> str:
    """The letter for one school; `kepada` defaults to the BKPSDM/BKD of the school's kabupaten."""
    options = options.for_school(school.id)
    items = bkd_findings(findings)
    region = ", ".join(e(p) for p in region_parts(school))
    kop = (
        f"<p align='center' style='font-size:15pt; font-weight:bold; margin:0'>{e(school.name)}</p>"
        f"<p align='center' style='margin:0'>{region}</p><hr>"
    )
    if not items:
        return (
            kop
            + (
                f"<p style='margin-top:24px'>Tidak ada data pegawai {e(school.name)} yang perlu "
                "diperbaiki oleh BKD/BKPSDM di SIASN/e-Kinerja, sehingga surat permohonan tidak "
                "diperlukan.</p>"
            )
            + _condition_a_note(findings)
        )
    nomor_text = e(nomor) if nomor.strip() else "...................................."
    people = len({f.person_key or f"{f.nama}|{f.nip}" for f in items})
    # place and date on their own line: beside Nomor a kabupaten name wrapped the year
    head = (
        f"<p align='right' style='margin:0'>{e(place_and_date(options))}</p>"
        "<table width='100%' cellspacing='0' cellpadding='1'><tr>"
        f"<td width='14%'>Nomor</td><td>: {nomor_text}</td></tr>"
        "<tr><td>Lampiran</td><td>: -</td></tr>"
        f"<tr><td>Perihal</td><td>: <b>{PERIHAL}</b></td></tr></table>"
    )
    to = (
        f"<p style='margin-top:14px'>Yth. {e(kepada.strip() or default_kepada(school))}<br>"
        "di tempat</p>"
    )
    body = (
        "<p style='margin-top:12px'>Dengan hormat,</p>"
        f"<p align='justify'>Dalam rangka sinkronisasi data PMM (Dapodik) dengan e-Kinerja BKN, kami "
        f"mendapati {len(items)} data dari {people} pegawai ASN pada {e(school.name)} yang tercatat "
        "di SIASN/e-Kinerja tidak sesuai dengan keadaan sebenarnya. Perbaikan data tersebut hanya "
        "dapat dilakukan oleh Admin Instansi. Bersama ini kami mohon perbaikan data berikut:</p>"
    )
    closing = (
        "<p align='justify' style='margin-top:10px'>Salinan dokumen pendukung dapat kami serahkan "
        "bila diperlukan. Demikian permohonan ini kami sampaikan. Atas perhatian dan kerja sama "
        "Bapak/Ibu, kami ucapkan terima kasih.</p>"
    )
    name = options.kepala_sekolah_name.strip()
    signed = (
        f"<b><u>{e(name)}</u></b>"
        if name
        else "(.................................................)"
    )
    nip = (
        e(options.kepala_sekolah_nip)
        if options.kepala_sekolah_nip.strip()
        else "...................................."
    )
    signature = (
        "<table width='100%' cellspacing='0' cellpadding='0' style='margin-top:14px'><tr>"
        f"<td width='55%'></td><td>Kepala {e(school.name)},<br><br><br><br><br>{signed}"
        f"<br>NIP. {nip}</td></tr></table>"
    )
    pieces: list[Flow | Rows] = [
        Flow(kop + head + to + body),
        items_rows(items, options),
        Flow(_condition_a_note(findings) + closing),
        Flow(signature),
    ]
    width, height = body_size(options.paper)
    return paginate(pieces, Measure(width, SERIF, FONT_PT), height)


def build_letter_document(
    findings: Sequence[Finding],
    school: School,
    options: PrintOptions,
    nomor: str = "",
    kepada: str = "",
) -> QTextDocument:
    html = build_letter_html(findings, school, options, nomor, kepada)
    return new_document(html, SERIF, FONT_PT, f"{PERIHAL} - {school.name}")


def write_letter_pdf(
    path: Path | str,
    findings: Sequence[Finding],
    schools: Sequence[School],
    options: PrintOptions,
    nomor: str = "",
    kepada: str = "",
) -> int:
    """One letter per school that has items for the BKD (or the one-sentence page when no
    school has any), written atomically; returns the page count."""
    by_school: dict[int | None, list[Finding]] = {}
    for f in findings:
        by_school.setdefault(f.school_id, []).append(f)
    chosen = [s for s in schools if bkd_findings(by_school.get(s.id, []))]
    sections = [
        Section(build_letter_document(by_school[s.id], s, options, nomor, kepada)) for s in chosen
    ]
    if not sections:
        sections = [Section(_nothing_document(schools, findings))]
    elif len(schools) > 1 and len(chosen) < len(schools):
        sections.append(Section(_without_letter_document(schools, chosen)))
    return write_pdf(path, sections, options, PERIHAL)


def _without_letter_document(schools: Sequence[School], chosen: Sequence[School]) -> QTextDocument:
    """The last page of an all-schools PDF: which schools got no letter, and why."""
    got = {s.id for s in chosen}
    rest = sorted((s for s in schools if s.id not in got), key=lambda s: natural_key(s.name))
    items = "".join(f"<li>{e(s.name)}</li>" for s in rest)
    html = (
        "<p style='font-weight:bold'>Sekolah tanpa surat permohonan</p>"
        f"<p>Surat di atas dibuat untuk {len(chosen)} dari {len(schools)} sekolah. "
        f"{len(rest)} sekolah berikut tidak punya data pegawai yang perlu diperbaiki oleh "
        "BKD/BKPSDM di SIASN/e-Kinerja, sehingga tidak dibuatkan surat:</p>"
        f"<ul>{items}</ul>"
        "<p>Halaman ini untuk operator, tidak perlu dikirim.</p>"
    )
    return new_document(html, SERIF, FONT_PT, PERIHAL)


def _nothing_document(schools: Sequence[School], findings: Sequence[Finding]) -> QTextDocument:
    if len(schools) == 1:
        html = build_letter_html(findings, schools[0], PrintOptions())
    else:
        names = ", ".join(e(s.name) for s in sorted(schools, key=lambda s: natural_key(s.name)))
        html = (
            f"<p style='margin-top:24px'>Tidak ada data pegawai di {len(schools)} sekolah yang "
            f"dipilih ({names}) yang perlu diperbaiki oleh BKD/BKPSDM di SIASN/e-Kinerja, "
            "sehingga surat permohonan tidak diperlukan.</p>"
        ) + _condition_a_note(findings)
    return new_document(html, SERIF, FONT_PT, PERIHAL)
