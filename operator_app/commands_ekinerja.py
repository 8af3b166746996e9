"""CLI commands of the e-Kinerja part: `explain`, and the sync log in `check --ekinerja-log`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from operator_app.store.workspace import Workspace

EXIT_NO_MATCH = 3  # explain: the message is not one of the 20 (not an error of the input)
COMMANDS = ("explain",)


def add_parsers(sub: Any) -> None:
    """Register `explain` on the CLI's subparsers."""
    p = sub.add_parser(
        "explain",
        help="arti pesan gagal Sinkron PMM e-Kinerja: penyebab, siapa bertindak, langkahnya",
    )
    p.add_argument(
        "message",
        nargs="*",
        metavar="PESAN",
        help="bunyi pesan (boleh sebagian atau dengan salah ketik); kosong = baca dari stdin",
    )
    p.add_argument("--json", action="store_true", help="keluaran JSON (operator-app/explain/1)")


def cmd_explain(args: argparse.Namespace) -> int:
    """0 when the message is recognised, 3 when it is not (the categories are listed)."""
    from operator_app.core.ekinerja.report import explain_json, explain_text
    from operator_app.core.errors import UserError

    query = " ".join(args.message).strip() if args.message else sys.stdin.read().strip()
    if not query:
        raise UserError('Tuliskan pesannya, misalnya: operator-app explain "Unit Kerja atasan '
                        'tidak ditemukan".')  # fmt: skip
    if args.json:
        data = explain_json(query)
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0 if data["matches"] else EXIT_NO_MATCH
    lines, matched = explain_text(query)
    print("\n".join(lines))
    return 0 if matched else EXIT_NO_MATCH


def require_log(path: Path) -> Path:
    """`path` when it is an e-Kinerja sync log; else the log refusal (exit 2, nothing written)."""
    from operator_app.core.errors import BadFileError
    from operator_app.sources.cells import cell_text
    from operator_app.sources.detect import detect, log_refusal
    from operator_app.sources.readers import read_table
    from operator_app.sources.synclog import KIND, half_log

    table = read_table(path)
    try:
        if detect(table).kind == KIND:
            return path
    except BadFileError:
        pass
    half = None
    for row in table.head:
        half = half or half_log([cell_text(c) for c in row])
    raise log_refusal(path.name, str(path), half)


def print_sync_summary(ws: Workspace, school_id: int | None) -> None:
    """The check's lines about the current sync log (nothing when none was imported)."""
    if not ws.has_sync_log():
        return
    from operator_app.core.ekinerja.failures import summary

    fs = ws.sync_failures(school_id)
    s = summary(fs)
    print(
        f"Log Sinkronisasi PMM: {s['total']} gagal sinkron; {s['explained_by_data']} dijelaskan "
        f"data sekolah, {s['unknown_messages']} pesan tidak dikenal, {s['not_our_ptk']} bukan PTK "
        "di data ini."
    )
    for item in s["others_must_act"]:
        print(f"  perlu ditindaklanjuti {item['label']}: {item['count']}")


def sync_json_parts(ws: Workspace, school_id: int | None) -> dict[str, Any]:
    """{"sync_failures": [...], "sync_summary": {...}} when a log is imported, else {}."""
    if not ws.has_sync_log():
        return {}
    from operator_app.core.findings_json import sync_failures_json

    return sync_failures_json(ws.sync_failures(school_id))
