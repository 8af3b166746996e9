"""CLI commands of the e-Kinerja part: `explain`, and the sync log in `check --ekinerja-log`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

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
