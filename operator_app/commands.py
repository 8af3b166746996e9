"""The CLI's commands: thin adapters from arguments to the Workspace, printing Indonesian text."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

from operator_app.core.errors import UserError
from operator_app.store.workspace import ImportReport, Workspace

WIB = timezone(timedelta(hours=7))


def _workspace(args: argparse.Namespace) -> Workspace:
    from operator_app.store.db import default_db_path

    return Workspace(args.db or default_db_path())


def _cli_progress(done: int, total: int, text: str) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{text}: {done}/{total}", end="", file=sys.stderr, flush=True)


def print_import_report(report: ImportReport) -> None:
    from operator_app.sources.detect import KIND_LABELS

    for f in report.files:
        label = KIND_LABELS.get(f.kind, f.kind)
        where = f" - {f.school}" if f.school else ""
        if f.skipped_duplicate:
            print(f"{f.file}: {label}{where}: dilewati (file yang sama sudah pernah diimpor)")
            continue
        note = "" if f.current else " (lebih lama dari data yang ada: disimpan sebagai riwayat)"
        print(f"{f.file}: {label}{where}: {f.rows} baris{note}")
        for w in f.warnings:
            print(f"  peringatan: {w}")


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
                    for k in ("nama", "nip", "nip_baru", "nik", "status_kepegawaian", "unor_nama",
                              "message")  # h15: the sync log's message
                    if k in row
                }
                print(f"  contoh {i}: {shown}")
        return 2 if failed else 0
    ws = _workspace(args)
    report = ws.import_files([Path(p) for p in args.files], _cli_progress)
    print_import_report(report)
    if any(not f.skipped_duplicate for f in report.files):
        ws.run_checks()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from operator_app.core.findings_json import findings_to_json
    from operator_app.core.model import CheckResult, SkippedCheck

    ws = _workspace(args)
    files = [Path(p) for p in args.dapodik] + ([Path(args.siasn)] if args.siasn else [])
    if getattr(args, "ekinerja_log", None) is not None:  # h15: refused before anything is written
        from operator_app.commands_ekinerja import require_log

        files.append(require_log(Path(args.ekinerja_log)))
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
    _print_summary(findings, skipped)
    from operator_app.commands_ekinerja import print_sync_summary, sync_json_parts

    print_sync_summary(ws, school_id)  # h15
    if args.json is not None:
        from operator_app.cli import print_json

        result = CheckResult(findings=findings, matches={}, skipped=skipped)
        inputs = ws.sources()
        if school_id is not None:
            name = ws.school_by_name(args.school).name
            inputs = [i for i in inputs if i.get("school") in (None, name)]
        data = findings_to_json(result, inputs, datetime.now(WIB).replace(microsecond=0))
        data.update(sync_json_parts(ws, school_id))  # h15: "sync_failures" when a log is imported
        print_json(data, args.json)
    return 0


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

    if not (args.xlsx or args.pdf or args.letter):
        raise UserError(
            "Sebutkan minimal satu keluaran: --xlsx FILE, --pdf FILE atau --letter FILE."
        )
    ws = _workspace(args)
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
    from operator_app.store.db import default_db_path

    _headless_if_needed(args.screenshot)
    from operator_app.ui.app import run_gui

    return run_gui(args.db or default_db_path(), screenshot=args.screenshot, lang=args.lang)


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
    from operator_app.store.db import default_db_path

    db = Path(args.db or default_db_path())
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
