"""The school's letter to the BKD/BKPSDM asking it to fix what only the Admin Instansi can fix.

Only findings whose actor is `admin_instansi` go in (unor condition A/B, identity data to be
corrected in SIASN, kedudukan hukum, Kepala Sekolah not at this unor): one table row per item,
grouped per teacher. A school with nothing for the BKD gets a one-sentence page instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QTextDocument

from operator_app.core.catalogue import CATALOGUE, documents_text
from operator_app.core.model import Finding, School
from operator_app.reports.checklist import e, region_parts
from operator_app.reports.printing import (
    SERIF,
    PrintOptions,
    Section,
    mask_niks_in,
    new_document,
    place_and_date,
    write_pdf,
)
from operator_app.reports.sheets import natural_key

PERIHAL = "Permohonan perbaikan data ASN di SIASN/e-Kinerja"
BKD_ACTOR = "admin_instansi"
_CELL = "border: 1px solid #000000; padding: 3px;"


def bkd_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Findings only the BKD can fix, ordered by teacher then code."""
    picked = [f for f in findings if f.actor == BKD_ACTOR]
    return sorted(picked, key=lambda f: (natural_key(f.nama), f.person_key, f.code, f.field or ""))


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


def items_table(findings: Sequence[Finding], options: PrintOptions) -> str:
    head = "".join(
        f"<th style='{_CELL}' bgcolor='#e6e6e6'{w}>{t}</th>"
        for t, w in (
            ("No", " width='4%'"), ("Nama", " width='18%'"), ("NIP", " width='19%'"),
            ("Data di SIASN", " width='19%'"), ("Seharusnya", " width='19%'"),
            ("Keterangan", ""),
        )
    )  # fmt: skip
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.person_key or f"{f.nama}|{f.nip}", []).append(f)
    rows = []
    for number, group in enumerate(groups.values(), 1):
        span = f" rowspan='{len(group)}'" if len(group) > 1 else ""
        first = group[0]
        for i, f in enumerate(group):
            person = (
                f"<td style='{_CELL}' align='center'{span}>{number}</td>"
                f"<td style='{_CELL}'{span}>{e(first.nama or '-')}</td>"
                f"<td style='{_CELL} white-space: nowrap'{span}>{e(first.nip or '-')}</td>"
                if i == 0
                else ""
            )
            should = f.suggested_value or f.dapodik_value
            rows.append(
                f"<tr>{person}<td style='{_CELL}'>{_value(f, f.siasn_value, options)}</td>"
                f"<td style='{_CELL}'>{_value(f, should, options)}</td>"
                f"<td style='{_CELL}'>{_note(f, options)}</td></tr>"
            )
    return (
        "<table width='100%' cellspacing='0' cellpadding='3' "
        "style='border-collapse: collapse; margin-top:6px; font-size:9pt'>"
        f"<thead><tr>{head}</tr></thead>{''.join(rows)}</table>"
    )


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
        return kop + (
            f"<p style='margin-top:24px'>Tidak ada data pegawai {e(school.name)} yang perlu "
            "diperbaiki oleh BKD/BKPSDM di SIASN/e-Kinerja, sehingga surat permohonan tidak "
            "diperlukan.</p>"
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
    return kop + head + to + body + items_table(items, options) + closing + signature


def build_letter_document(
    findings: Sequence[Finding],
    school: School,
    options: PrintOptions,
    nomor: str = "",
    kepada: str = "",
) -> QTextDocument:
    html = build_letter_html(findings, school, options, nomor, kepada)
    return new_document(html, SERIF, 11.0, f"{PERIHAL} - {school.name}")


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
        if f.actor == BKD_ACTOR:
            by_school.setdefault(f.school_id, []).append(f)
    chosen = [s for s in schools if by_school.get(s.id)]
    sections = [
        Section(build_letter_document(by_school[s.id], s, options, nomor, kepada)) for s in chosen
    ]
    if not sections:
        sections = [Section(_nothing_document(schools))]
    return write_pdf(path, sections, options, PERIHAL)


def _nothing_document(schools: Sequence[School]) -> QTextDocument:
    if len(schools) == 1:
        html = build_letter_html([], schools[0], PrintOptions())
    else:
        html = (
            f"<p style='margin-top:24px'>Tidak ada data pegawai di {len(schools)} sekolah yang "
            "dipilih yang perlu diperbaiki oleh BKD/BKPSDM di SIASN/e-Kinerja, sehingga surat "
            "permohonan tidak diperlukan.</p>"
        )
    return new_document(html, SERIF, 11.0, PERIHAL)
