"""The printable checklist: per teacher, one box to tick per correction, with where and how.

The HTML is built as a plain string (every data value escaped) and rendered by Qt's rich-text
engine, so the GUI's print preview and the PDF export show the same pages. Each finding is one
table row kept whole on one page (`paging` puts the page breaks), a teacher's name row repeats
when their table continues on the next page, and the signature block stays together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtGui import QTextDocument

from operator_app.core.catalogue import ACTOR_LABELS, CATALOGUE, SEVERITY_LABELS, documents_text
from operator_app.core.model import SEVERITY_ORDER, Finding, School
from operator_app.reports.masking import mask_nik, mask_niks_in
from operator_app.reports.paging import PAGE_BREAK, Flow, Measure, Rows, paginate
from operator_app.reports.printing import (
    SANS,
    PrintOptions,
    Section,
    body_size,
    new_document,
    place_and_date,
    write_pdf,
)
from operator_app.reports.sheets import natural_key

TITLE = "Daftar Periksa Perbaikan Data PTK untuk Sinkronisasi e-Kinerja"
SIASN_ONLY = "Tercatat di SIASN, tidak ada di Dapodik"
SCHOOL_LEVEL = "Temuan tingkat sekolah"
FONT_PT = 9.0
TICK = "\u2713"  # drawn inside the box of a finding already marked selesai


def check_box(ticked: bool = False) -> str:
    """An empty bordered cell to tick with a pen (a drawn box: no font needs a box glyph)."""
    mark = f"<b>{TICK}</b>" if ticked else "&nbsp;"
    return (
        "<table border='1' cellspacing='0' cellpadding='0' "
        "style='border-style:solid; border-color:#000000; border-collapse:collapse'>"
        f"<tr><td width='13' height='13' align='center' style='font-size:8pt'>{mark}</td></tr></table>"
    )


STATUS_NOTE = {"diajukan": "sudah diajukan", "selesai": "selesai", "diabaikan": "diabaikan"}
_ROW_LINE = "border-bottom: 1px solid #bbbbbb;"


def e(value: object) -> str:
    return escape(str(value), quote=True)


def region_parts(school: School) -> list[str]:
    """'Kecamatan Sukamaju', 'Kab. Contoh', 'Provinsi Jawa Barat' (prefix only when missing)."""
    parts = []
    for value, prefix, known in (
        (school.kecamatan, "Kecamatan", ("kec",)),
        (school.kabupaten, "Kabupaten", ("kab", "kota")),
        (school.provinsi, "Provinsi", ("prov",)),
    ):
        text = (value or "").strip()
        if text:
            parts.append(text if text.lower().startswith(known) else f"{prefix} {text}")
    return parts


def letterhead(school: School, title: str, options: PrintOptions) -> str:
    region = " &middot; ".join(e(p) for p in region_parts(school))
    data = (
        f"<p align='center'>Keadaan data: {e(options.data_date)}</p>" if options.data_date else ""
    )
    return (
        f"<p style='font-size:15pt; font-weight:bold; margin:0'>{e(school.name)}</p>"
        f"<p style='margin-top:2px'>{region}</p><hr>"
        f"<p align='center' style='font-size:12.5pt; font-weight:bold; margin-top:6px'>"
        f"{e(title)}</p>{data}"
    )


def _masker(f: Finding, options: PrintOptions):  # type: ignore[no-untyped-def]
    raws = (
        [v for v in (f.nik, f.dapodik_value, f.siasn_value) if v]
        if (f.field or "").upper() == "NIK"
        else [f.nik or ""]
    )
    return (lambda t: mask_niks_in(t, raws)) if options.mask_nik else (lambda t: t)


def change_text(f: Finding, options: PrintOptions) -> str:
    """'NIP: 19870… → 19880…' or 'Nama: Dapodik X · SIASN Y', escaped; '' when no values."""
    m = _masker(f, options)
    label = e(f.field or "Data")
    old = f.dapodik_value if f.dapodik_value is not None else f.siasn_value
    if f.suggested_value:
        return f"{label}: <i>{e(m(old or '(kosong)'))}</i> &rarr; <b>{e(m(f.suggested_value))}</b>"
    sides = [
        f"{side} <i>{e(m(v))}</i>"
        for side, v in (("Dapodik", f.dapodik_value), ("SIASN", f.siasn_value))
        if v
    ]
    return f"{label}: " + " &middot; ".join(sides) if sides else ""


def finding_lines(f: Finding, options: PrintOptions) -> list[str]:
    m = _masker(f, options)
    entry = CATALOGUE.get(f.code)
    title = entry.title if entry else f.code
    status = STATUS_NOTE.get(f.status)
    lines = [f"<b>{e(title)}</b>" + (f" <i>({e(status)})</i>" if status else "")]
    change = change_text(f, options)
    if change:
        lines.append(change)
    lines.append(e(m(f.action)))
    who = ACTOR_LABELS.get(f.actor, f.actor)
    docs = f" &middot; Dokumen: {e(documents_text(f.documents))}" if f.documents else ""
    lines.append(
        f"<span style='color:#333333'>Oleh: <b>{e(who)}</b> &middot; Di: {e(f.where)}{docs}</span>"
    )
    if f.ekinerja_message:
        lines.append(
            f"<span style='color:#555555'>Pesan e-Kinerja: &ldquo;{e(f.ekinerja_message)}&rdquo;</span>"
        )
    return lines


def item_row(lines: Sequence[str], ticked: bool) -> str:
    box = check_box(ticked)
    return (
        f"<tr><td width='24' style='{_ROW_LINE}'>{box}</td>"
        f"<td style='{_ROW_LINE}'>{'<br>'.join(lines)}</td></tr>"
    )


def finding_row(f: Finding, options: PrintOptions) -> str:
    return item_row(finding_lines(f, options), f.status == "selesai")


def person_heading(number: int, f: Finding, options: PrintOptions) -> str:
    ids = []
    if f.nik:
        ids.append(f"NIK {e(mask_nik(f.nik) if options.mask_nik else f.nik)}")
    ids.append(f"NIP {e(f.nip)}" if f.nip else "NIP -")
    if f.dapodik_row:
        ids.append(f"Dapodik baris {f.dapodik_row}")
    elif f.siasn_row:
        ids.append(f"SIASN baris {f.siasn_row}")
    return f"<b>{number}. {e(f.nama or '(tanpa nama)')}</b> &nbsp; " + " &middot; ".join(ids)


def _block_table(style: str, heading: str, rows: str) -> str:
    return (
        f"<table width='100%' cellspacing='0' cellpadding='3' style='margin-top:8px; {style}'>"
        f"<thead><tr><td colspan='2' bgcolor='#e4ebf3'>{heading}</td></tr></thead>{rows}</table>"
    )


def block(heading: str, findings: Sequence[Finding], options: PrintOptions) -> Rows:
    """One teacher (or the school): the name row, then one row per finding, each kept whole on
    a page; a finding taller than a page continues line by line, each part with its box."""
    items = [finding_lines(f, options) for f in findings]

    def split(i: int) -> list[str]:
        ticked = findings[i].status == "selesai"
        return [item_row([line], ticked) for line in items[i]]

    rows = [
        item_row(lines, f.status == "selesai") for lines, f in zip(items, findings, strict=True)
    ]
    return Rows(heading, rows, _block_table, split)


def _order(f: Finding) -> tuple[object, ...]:
    return (SEVERITY_ORDER.get(f.severity, 9), f.code, f.field or "")


def _people(findings: Sequence[Finding]) -> list[list[Finding]]:
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.person_key or f"{f.nama}|{f.nip}|{f.nik}", []).append(f)
    people = [sorted(g, key=_order) for g in groups.values()]
    return sorted(people, key=lambda g: (natural_key(g[0].nama), g[0].nip or ""))


def summary(findings: Sequence[Finding], people: int) -> str:
    if not findings:
        return "<p>Tidak ada temuan untuk sekolah ini.</p>"
    sev = Counter(f.severity for f in findings)
    sev_text = ", ".join(
        f"{sev[s]} {SEVERITY_LABELS[s].lower()}" for s in ("invalid", "warning", "info") if sev[s]
    )
    actors = Counter(ACTOR_LABELS.get(f.actor, f.actor) for f in findings)
    actor_text = "; ".join(f"{label} {n}" for label, n in actors.most_common())
    return (
        f"<p><b>Ringkasan:</b> {len(findings)} temuan ({e(sev_text)}) pada {people} pegawai. "
        f"Dikerjakan oleh: {e(actor_text)}. Centang kotak di sebelah kiri setelah perbaikan selesai.</p>"
    )


def signature_block(options: PrintOptions, place_date: str) -> str:
    def name(value: str) -> str:
        return (
            f"<b><u>{e(value)}</u></b>"
            if value.strip()
            else "(.................................................)"
        )

    nip = (
        e(options.kepala_sekolah_nip)
        if options.kepala_sekolah_nip.strip()
        else "...................................."
    )
    gap = "<br><br><br><br>"
    return (
        "<table width='100%' cellspacing='0' cellpadding='2' style='margin-top:16px'><tr>"
        f"<td width='50%'>Mengetahui,<br>Kepala Sekolah{gap}{name(options.kepala_sekolah_name)}"
        f"<br>NIP. {nip}</td>"
        f"<td width='50%'>{e(place_date)}<br>Operator Sekolah{gap}{name(options.operator_name)}"
        "</td></tr></table>"
    )


def build_checklist_html(findings: Sequence[Finding], school: School, options: PrintOptions) -> str:
    options = options.for_school(school.id)
    school_level: list[Finding] = []
    siasn_only: list[Finding] = []
    dapodik: list[Finding] = []
    for f in findings:
        if not f.person_key and not f.nama:
            school_level.append(f)
        elif f.code == "TIDAK_ADA_DI_DAPODIK" or f.person_key.startswith("siasn:"):
            siasn_only.append(f)
        else:
            dapodik.append(f)
    pieces: list[Flow | Rows] = [Flow(letterhead(school, TITLE, options))]
    people = _people(dapodik)
    siasn_people = _people(siasn_only)
    pieces.append(Flow(summary(findings, len(people) + len(siasn_people))))
    if school_level:
        pieces.append(block(f"<b>{SCHOOL_LEVEL}</b>", sorted(school_level, key=_order), options))
    for number, group in enumerate(people, 1):
        pieces.append(block(person_heading(number, group[0], options), group, options))
    if siasn_people:
        pieces.append(
            Flow(f"<p style='font-size:11pt; font-weight:bold; margin-top:14px'>{SIASN_ONLY}</p>")
        )
        for number, group in enumerate(siasn_people, 1):
            pieces.append(block(person_heading(number, group[0], options), group, options))
    pieces.append(Flow(signature_block(options, place_and_date(options))))
    width, height = body_size(options.paper)
    return paginate(pieces, Measure(width, SANS, FONT_PT), height)


def _schools_of(findings: Sequence[Finding]) -> list[tuple[School, list[Finding]]]:
    """Findings grouped per school, the School rebuilt from the findings' own school fields."""
    groups: dict[object, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.school_id if f.school_id is not None else f.school_name, []).append(f)
    out = []
    for key, group in groups.items():
        name = next((f.school_name for f in group if f.school_name), None) or "Tanpa sekolah"
        out.append((School(key if isinstance(key, int) else -1, name), group))
    return sorted(out, key=lambda pair: natural_key(pair[0].name))


def build_checklist_document(
    findings: Sequence[Finding], school: School | None, options: PrintOptions
) -> QTextDocument:
    """The checklist as one document; with `school` None (several schools, as the GUI's print
    preview asks) each school starts on a new page."""
    if school is not None:
        html = build_checklist_html(findings, school, options)
        return new_document(html, SANS, FONT_PT, f"{TITLE} - {school.name}")
    parts = [build_checklist_html(group, s, options) for s, group in _schools_of(findings)]
    breaker = f"<p style='{PAGE_BREAK} margin:0; font-size:1pt'>&nbsp;</p>"
    return new_document(breaker.join(parts) or "<p>Tidak ada temuan.</p>", SANS, FONT_PT, TITLE)


def checklist_sections(
    findings: Sequence[Finding], schools: Sequence[School], options: PrintOptions
) -> list[Section]:
    """One section per school that has findings (every given school when none has any), in the
    given order. With one school every finding goes in; otherwise findings of schools not given
    are left out."""
    by_school: dict[int | None, list[Finding]] = {}
    for f in findings:
        by_school.setdefault(schools[0].id if len(schools) == 1 else f.school_id, []).append(f)
    chosen = [s for s in schools if by_school.get(s.id)] or list(schools)
    return [
        Section(
            build_checklist_document(by_school.get(s.id, []), s, options),
            s.name,
            "Daftar Periksa Perbaikan Data PTK",
        )
        for s in chosen
    ]


def write_checklist_pdf(
    path: Path | str, findings: Sequence[Finding], schools: Sequence[School], options: PrintOptions
) -> int:
    """The checklist of every school as one PDF, written atomically; returns the page count."""
    return write_pdf(path, checklist_sections(findings, schools, options), options, TITLE)
