"""The CLI's commands: thin adapters from arguments to the Workspace, printing Indonesian text."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

from operator_app.core.errors import UserError
from operator_app.core.views import SchoolSummary
from operator_app.store.location import DbLocation
from operator_app.store.workspace import ImportReport, Workspace

WIB = timezone(timedelta(hours=7))


def _location(args: argparse.Namespace) -> DbLocation:
    from operator_app.store.location import location_from_env_or_default

    return location_from_env_or_default(getattr(args, "db", None))


def _ask_password(where: str) -> str | None:
    """The server wants a password: ask on the terminal (never echoed, never stored)."""
    if not sys.stdin.isatty():
        raise UserError(
            f"Database {where} meminta kata sandi, tetapi tidak ada terminal untuk menanyakannya. "
            "Simpan kata sandi di file .pgpass (atau PGPASSFILE) lalu ulangi."
        )
    import getpass

    return getpass.getpass(f"Kata sandi untuk {where}: ")


def _workspace(args: argparse.Namespace, *, create: bool = False) -> Workspace:
    """Commands that only read need an existing database; import (and demo) may create one."""
    loc = _location(args)
    new = loc.is_sqlite and not loc.sqlite_path().exists()
    ws = Workspace(loc, create=create, password_prompt=_ask_password)
    if new:
        print(f"Database baru dibuat: {loc.display}", file=sys.stderr)
    return ws


def print_json(data: object, out: Path | None) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if out is None or str(out) == "-":
        print(text)
    else:
        from operator_app.reports.output import atomic_output

        with atomic_output(out) as tmp:
            tmp.write_text(text + "\n", encoding="utf-8")


def _cli_progress(done: int, total: int, text: str) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{text}: {done}/{total}", end="", file=sys.stderr, flush=True)


def print_import_report(report: ImportReport) -> None:
    from operator_app.sources.detect import KIND_LABELS

    for f in report.files:
        if f.refused:
            print(f"{f.file}: DILEWATI (rusak, --lewati-rusak): {f.refused}")
            continue
        label = KIND_LABELS.get(f.kind, f.kind)
        where = f" - {f.school}" if f.school else ""
        if f.skipped_duplicate:
            print(f"{f.file}: {label}{where}: dilewati (file yang sama sudah pernah diimpor)")
            continue
        note = "" if f.current else " (lebih lama dari data yang ada: disimpan sebagai riwayat)"
        print(f"{f.file}: {label}{where}: {f.rows} baris{note}")
        for w in f.warnings:
            print(f"  peringatan: {w}")
    for name in report.ignored:
        print(f"{name}: diabaikan (bukan file ekspor Dapodik/SIASN)")


def cmd_import(args: argparse.Namespace) -> int:
    if args.preview:
        from operator_app.sources.preview import preview_file

        failed = False
        for path in args.files:
            pv = preview_file(Path(path))
            print(f"== {pv.file}")
            if pv.problems:
                failed = True
                for p in pv.problems:
                    print(f"  DITOLAK: {p}")
                continue
            print(f"  jenis       : {pv.kind_label}")
            if pv.school:
                print(f"  sekolah     : {pv.school}")
            print(f"  baris judul : {pv.header_row}")
            print(f"  baris data  : {pv.total_rows}")
            print("  kolom dikenali : " + ", ".join(f"{h} -> {f}" for h, f in pv.mapped))
            if pv.unmapped:
                print("  kolom lain (tetap disimpan): " + ", ".join(pv.unmapped))
            for w in pv.warnings:
                print(f"  peringatan: {w}")
            for i, row in enumerate(pv.rows[:5], start=1):
                shown = {
                    k: row.get(k, "")
                    for k in (
                        "nama",
                        "nip",
                        "nip_baru",
                        "nik",
                        "status_kepegawaian",
                        "unor_nama",
                        "message",
                    )  # h15: the sync log's message
                    if k in row
                }
                print(f"  contoh {i}: {shown}")
        return 2 if failed else 0
    ws = _workspace(args, create=True)
    report = ws.import_files(
        [Path(p) for p in args.files], _cli_progress, skip_bad=args.lewati_rusak
    )
    print_import_report(report)
    if any(not f.skipped_duplicate for f in report.files):
        ws.run_checks()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from operator_app.core.findings_json import findings_to_json
    from operator_app.core.model import CheckResult, SkippedCheck

    files = [Path(p) for p in args.dapodik] + ([Path(args.siasn)] if args.siasn else [])
    if getattr(args, "ekinerja_log", None) is not None:  # h15: refused before anything is written
        from operator_app.commands_ekinerja import require_log

        files.append(require_log(Path(args.ekinerja_log)))
    ws = _workspace(args, create=bool(files))
    if files:
        print_import_report(ws.import_files(files, _cli_progress))
    if not ws.has_data():
        raise UserError(
            "Database masih kosong. Impor file Dapodik dan SIASN dulu (--dapodik, --siasn)."
        )
    ws.run_checks()
    school_id = ws.school_by_name(args.school).id if args.school else None
    findings = ws.findings(school_id)
    skipped = [SkippedCheck(c, r) for c, r in ws.skipped_checks()]
    if args.summary or args.summary_csv:
        summaries = ws.school_summaries()
        if school_id is not None:
            summaries = [s for s in summaries if s.school_id == school_id]
        if args.summary:
            print_school_table(summaries)
            for s in skipped:
                print(f"Pemeriksaan {s.code} dilewati: {s.reason}")
        if args.summary_csv:
            write_summary_csv(summaries, Path(args.summary_csv))
            print(f"Ringkasan per sekolah ditulis: {args.summary_csv} ({len(summaries)} sekolah)")
    if not args.summary:
        _print_summary(findings, skipped)
    from operator_app.commands_ekinerja import print_sync_summary, sync_json_parts

    print_sync_summary(ws, school_id)  # h15
    if args.json is not None:
        result = CheckResult(findings=findings, matches={}, skipped=skipped)
        inputs = ws.sources()
        if school_id is not None:
            name = ws.school_by_name(args.school).name
            inputs = [i for i in inputs if i.get("school") in (None, name)]
        data = findings_to_json(result, inputs, datetime.now(WIB).replace(microsecond=0))
        data.update(sync_json_parts(ws, school_id))  # h15: "sync_failures" when a log is imported
        print_json(data, args.json)
    return 0


SUMMARY_ACTORS = ("operator_sekolah", "admin_dinas", "admin_instansi", "pegawai", "kepala_sekolah")


def print_school_table(summaries: list[SchoolSummary]) -> None:
    """One line per school, grouped by kecamatan (the Dinas's view of the district)."""
    width = max((len(s.name) for s in summaries), default=10)
    print(
        f"{'SEKOLAH':<{width}}  {'PTK':>5} {'PADAN':>5} {'INVALID':>7} {'PERINGATAN':>10} "
        f"{'BARU':>5} {'SELESAI':>7}  IMPOR TERAKHIR"
    )
    kecamatan = None
    totals = [0, 0, 0, 0, 0, 0]
    for s in summaries:
        if s.kecamatan != kecamatan:
            kecamatan = s.kecamatan
            print(f"-- {kecamatan or '(kecamatan tidak diketahui)'}")
        when = f"{s.last_import:%d-%m-%Y %H:%M}" if s.last_import else "-"
        print(
            f"{s.name:<{width}}  {s.n_ptk:>5} {s.n_matched:>5} {s.n_invalid:>7} "
            f"{s.n_warning:>10} {s.n_new:>5} {s.n_fixed:>7}  {when}"
        )
        for i, v in enumerate((s.n_ptk, s.n_matched, s.n_invalid, s.n_warning, s.n_new, s.n_fixed)):
            totals[i] += v
    print(
        f"{'JUMLAH (' + str(len(summaries)) + ' sekolah)':<{width}}  {totals[0]:>5} {totals[1]:>5} "
        f"{totals[2]:>7} {totals[3]:>10} {totals[4]:>5} {totals[5]:>7}"
    )


def write_summary_csv(summaries: list[SchoolSummary], out: Path) -> None:
    """The per-school table as CSV for Excel (UTF-8 with BOM, ';' as Indonesian Excel expects)."""
    import csv
    import io

    from operator_app.reports.output import atomic_output

    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(
        ["Kecamatan", "Sekolah", "PTK", "Padan", "Invalid", "Peringatan", "Info"]
        + [f"Terbuka: {a}" for a in SUMMARY_ACTORS]
        + ["Impor terakhir", "Tanggal Unduh", "Baru", "Selesai"]
    )
    for s in summaries:
        w.writerow(
            [s.kecamatan, s.name, s.n_ptk, s.n_matched, s.n_invalid, s.n_warning, s.n_info]
            + [s.by_actor.get(a, 0) for a in SUMMARY_ACTORS]
            + [
                f"{s.last_import:%Y-%m-%d %H:%M}" if s.last_import else "",
                f"{s.tanggal_unduh:%Y-%m-%d %H:%M}" if s.tanggal_unduh else "",
                s.n_new,
                s.n_fixed,
            ]
        )
    with atomic_output(out) as tmp:
        tmp.write_text(buf.getvalue(), encoding="utf-8-sig", newline="")


def _print_summary(findings: list, skipped: list) -> None:  # type: ignore[type-arg]
    by_school: dict[str, list] = {}  # type: ignore[type-arg]
    for f in findings:
        by_school.setdefault(f.school_name or "-", []).append(f)
    if not findings:
        print("Tidak ada temuan: semua data padan.")
    for school, fs in sorted(by_school.items()):
        sev = Counter(f.severity for f in fs)
        print(
            f"{school}: {sev.get('invalid', 0)} invalid, {sev.get('warning', 0)} peringatan, "
            f"{sev.get('info', 0)} info"
        )
        for code, n in sorted(Counter(f.code for f in fs).items()):
            print(f"  {code}: {n}")
    for s in skipped:
        print(f"Pemeriksaan {s.code} dilewati: {s.reason}")


def cmd_export(args: argparse.Namespace) -> int:
    from operator_app.exporting import ExportRequest, export

    if args.per_school is not None:
        return _export_per_school(args)
    if args.timpa:
        raise UserError("--timpa hanya berlaku bersama --per-school OUTDIR.")
    if not (args.xlsx or args.pdf or args.letter or args.rekap):
        raise UserError(
            "Sebutkan minimal satu keluaran: --xlsx FILE, --pdf FILE, --letter FILE, "
            "--rekap FILE atau --per-school FOLDER."
        )
    ws = _workspace(args)
    if args.rekap:
        _export_rekap(ws, Path(args.rekap), args.paper)
    if not (args.xlsx or args.pdf or args.letter):
        return 0
    req = ExportRequest(
        school=args.school,
        xlsx=args.xlsx,
        pdf=args.pdf,
        letter=args.letter,
        paper=args.paper,
        mask_nik=args.mask_nik,
    )
    for line in export(ws, req):
        print(line)
    return 0


def _export_per_school(args: argparse.Namespace) -> int:
    """One package per school (exit 2 when a school, the Rekap or the contents list failed)."""
    from operator_app.exporting_per_school import export_per_school

    other = [
        flag
        for flag, value in (("--school", args.school), ("--xlsx", args.xlsx), ("--pdf", args.pdf),
                            ("--letter", args.letter), ("--rekap", args.rekap))
        if value
    ]  # fmt: skip
    if other:
        raise UserError(
            f"--per-school menulis paket semua sekolah sekaligus; tidak bisa digabung dengan "
            f"{', '.join(other)}. Jalankan ekspor itu terpisah."
        )
    ws = _workspace(args)
    report = export_per_school(
        ws, Path(args.per_school), args.paper, args.mask_nik, _cli_progress, replace=args.timpa
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)  # end the progress line
    for line in report.lines():
        print(line)
    if report.ok:
        return 0
    print(
        "Paket per sekolah belum lengkap: lihat alasan GAGAL di atas, perbaiki, lalu ulangi "
        "dengan --timpa.",
        file=sys.stderr,
    )
    return 2


def _export_rekap(ws: Workspace, out: Path, paper: str) -> None:
    """The Dinas's Rekap: one row per school, one sheet per kecamatan, totals."""
    from operator_app.exporting import export_rekap

    result = export_rekap(ws, out, paper)
    print(f"Rekap Dinas: {out} ({result.n_schools} sekolah, {result.n_kecamatan} kecamatan)")


def cmd_import_status(args: argparse.Namespace) -> int:
    from operator_app.exporting import import_status

    ws = _workspace(args)
    result = import_status(ws, Path(args.file), partial=args.partial)
    print(result.summary(Path(args.file).name))
    return 0


def _headless_if_needed(screenshot: object) -> None:
    """A screenshot needs no screen: use Qt's offscreen platform when there is no display."""
    import os

    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if screenshot and no_display and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def cmd_gui(args: argparse.Namespace) -> int:
    _headless_if_needed(args.screenshot)
    import os

    from operator_app.store.location import ENV_VAR
    from operator_app.ui.app import run_gui

    if not (args.db or os.environ.get(ENV_VAR, "").strip()):  # the app's own setting decides
        return run_gui(None, screenshot=args.screenshot, lang=args.lang)
    loc = _location(args)
    target = loc.sqlite_path() if loc.is_sqlite else loc  # a server: the window asks the password
    return run_gui(target, screenshot=args.screenshot, lang=args.lang)


def cmd_db(args: argparse.Namespace) -> int:
    """`db upgrade`: bring the schema to this version (the Dinas admin, once per release)."""
    from operator_app.store.db import head_revision

    loc = _location(args)
    if args.action == "backup-budget":
        ws = Workspace(loc, create=False, password_prompt=_ask_password)
        if not ws.location.is_sqlite:
            raise UserError(
                "Database server dicadangkan oleh server (pg_dump), bukan oleh operator-app."
            )
        if args.mb is not None:
            ws.set_backup_budget_mb(args.mb)
        print(
            f"Cadangan {loc.display}: satu sebelum impor pertama tiap hari, selalu sebelum "
            f"pembaruan skema; semua cadangan bersama paling besar {ws.backup_budget_mb()} MB."
        )
        ws.close()
        return 0
    if args.action == "status":
        ws = Workspace(loc, create=False, migrate=False, password_prompt=_ask_password)
        ws.close()
        print(f"Database {loc.display}: skema {head_revision()} (terbaru).")
        return 0
    if loc.is_sqlite:
        print("Database SQLite: cadangan bertanggal dibuat otomatis sebelum migrasi.")
    else:
        print(
            "Database server: cadangan adalah tugas server (pg_dump, lihat docs/district.md); "
            "operator-app tidak mencadangkannya."
        )
    ws = Workspace(loc, create=False, migrate=True, password_prompt=_ask_password)
    ws.close()
    print(f"Database {loc.display} sudah pada skema terbaru ({head_revision()}).")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from operator_app.demo import build_demo_db, default_demo_path

    path = build_demo_db(args.db or default_demo_path())
    print(f"Database contoh (DATA SINTETIS) dibuat: {path}")
    if args.no_gui:
        return 0
    from operator_app.ui.app import run_gui

    return run_gui(path)


def cmd_restore(args: argparse.Namespace) -> int:
    """List the backups, or put one (default: the newest that passes its check) in place."""
    from operator_app.store import recovery

    loc = _location(args)
    if not loc.is_sqlite:
        raise UserError(
            f"{loc.display} adalah database server: pulihkan dengan pg_restore dari cadangan "
            "pg_dump (lihat docs/district.md). operator-app hanya memulihkan file SQLite."
        )
    db = loc.sqlite_path()
    backups = recovery.backups_of(db)
    if args.list:
        if not backups:
            print(f"Belum ada cadangan untuk {db} (folder {recovery.backup_folder(db)}).")
        for b in backups:
            sound = recovery.integrity_problem(b.path) is None
            print(f"{b.label()}  {'baik' if sound else 'RUSAK'}  {b.path}")
        return 0
    if args.backup is not None:
        chosen = Path(args.backup)
    else:
        good = recovery.latest_good_backup(db)
        if good is None:
            raise UserError(
                f"Tidak ada cadangan yang baik untuk {db} di {recovery.backup_folder(db)}. "
                "Impor ulang file Dapodik dan SIASN ke database baru."
            )
        chosen = good.path
    kept = recovery.restore(db, chosen)
    ws = Workspace(db)  # migrates a backup of an older schema, refuses a newer one
    try:
        n_schools = len(ws.schools())
    finally:
        ws.close()
    print(f"Database {db} dipulihkan dari cadangan {chosen.name} ({n_schools} sekolah).")
    if kept is not None:
        print(f"Database sebelumnya disimpan di {kept}.")
    return 0
