"""Command line: `operator-app` opens the window; import/check/export/... run the same engine headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from operator_app import __version__
from operator_app.core.errors import Cancelled, UserError

EXIT_OK, EXIT_BUG, EXIT_USER = 0, 1, 2


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=None,
        metavar="FILE|URL",
        help=(
            "berkas database SQLite (bawaan: operator-app.sqlite3 di folder data pengguna, atau "
            "isi OPERATOR_APP_DB), atau database Dinas: postgresql+psycopg://pengguna@host:5432/nama "
            "(kata sandi ditanyakan, atau dari .pgpass / PGPASSFILE)"
        ),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="operator-app",
        description="Padanan data guru ASN Dapodik - SIASN (offline). Tanpa perintah: buka jendela.",
    )
    parser.add_argument("--version", action="version", version=f"operator-app {__version__}")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("gui", help="buka jendela aplikasi")
    _db_arg(p)
    p.add_argument("--screenshot", type=Path, help="simpan tangkapan jendela (PNG) lalu keluar")
    p.add_argument("--lang", choices=["id", "en"], help="bahasa tampilan")

    p = sub.add_parser("import", help="impor file Dapodik (daftar guru/tendik) dan SIASN")
    _db_arg(p)
    p.add_argument(
        "--preview", action="store_true", help="tampilkan apa yang akan diimpor, tanpa menulis"
    )
    p.add_argument(
        "--lewati-rusak",
        "--skip-damaged",
        dest="lewati_rusak",
        action="store_true",
        help="file yang rusak dilaporkan lalu dilewati (tanpa ini: satu file rusak, tidak ada yang diimpor)",
    )
    p.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE|FOLDER|ZIP",
        help="file ekspor, folder berisi ekspor, atau .zip kiriman grup",
    )

    p = sub.add_parser("check", help="impor (opsional) lalu periksa semua PTK")
    _db_arg(p)
    p.add_argument("--dapodik", nargs="*", type=Path, default=[], metavar="FILE")
    p.add_argument("--siasn", type=Path, metavar="FILE")
    p.add_argument("--json", type=Path, metavar="OUT", help="tulis temuan dalam JSON ('-' = layar)")
    p.add_argument("--school", metavar="NAMA", help="hanya sekolah ini")
    p.add_argument(
        "--summary",
        "--ringkas",
        dest="summary",
        action="store_true",
        help="satu baris per sekolah (per kecamatan, dengan jumlah) alih-alih rincian per kode",
    )
    p.add_argument(
        "--summary-csv", metavar="OUT", help="tulis ringkasan per sekolah ke CSV (untuk Excel)"
    )
    p.add_argument(
        "--ekinerja-log",
        type=Path,
        metavar="FILE",
        help="Log Sinkronisasi PMM dari BKD (xlsx/csv): kegagalan sinkron",
    )  # h15

    p = sub.add_parser("export", help="tulis workbook perbaikan, daftar periksa PDF, surat ke BKD")
    _db_arg(p)
    p.add_argument("--school", metavar="NAMA")
    p.add_argument("--xlsx", type=Path, metavar="OUT")
    p.add_argument("--pdf", type=Path, metavar="OUT")
    p.add_argument("--letter", type=Path, metavar="OUT")
    p.add_argument(
        "--rekap",
        type=Path,
        metavar="OUT.xlsx",
        help="Rekap Dinas: satu baris per sekolah, satu sheet per kecamatan, dengan jumlah",
    )
    p.add_argument(
        "--per-school",
        type=Path,
        metavar="OUTDIR",
        help="paket per sekolah: OUTDIR/<kecamatan>/<sekolah>/ berisi workbook, daftar periksa "
        "dan surat BKD tiap sekolah, ditambah rekap-dinas.xlsx; OUTDIR harus kosong atau baru",
    )
    p.add_argument(
        "--timpa",
        action="store_true",
        help="dengan --per-school: ganti paket lama di OUTDIR (hanya file paket itu yang dihapus)",
    )
    p.add_argument(
        "--paper",
        choices=["a4", "f4"],
        default="a4",
        help="ukuran kertas workbook, daftar periksa, surat dan rekap: a4 (210x297 mm) atau f4 "
        "(folio 215x330 mm; di Excel 'Folio 8.5x13 in')",
    )
    p.add_argument(
        "--mask-nik",
        action="store_true",
        help="NIK hanya 4 digit terakhir di workbook (juga lembar tersembunyi), daftar periksa "
        "dan surat",
    )

    p = sub.add_parser("import-status", help="baca kembali kolom Status dari workbook perbaikan")
    _db_arg(p)
    p.add_argument(
        "--sebagian",
        "--partial",
        dest="partial",
        action="store_true",
        help="lewati baris yang temuannya sudah tidak ada (setelah impor ulang) atau yang "
        "statusnya sudah diubah di aplikasi setelah ekspor, alih-alih menolak seluruh file",
    )
    p.add_argument("file", type=Path, metavar="FILE")

    p = sub.add_parser(
        "restore", help="pulihkan database dari cadangan (otomatis dibuat sebelum impor/migrasi)"
    )
    _db_arg(p)
    p.add_argument(
        "--list", action="store_true", help="tampilkan cadangan yang ada, tanpa mengubah"
    )
    p.add_argument(
        "--backup",
        type=Path,
        metavar="FILE",
        help="cadangan yang dipulihkan (bawaan: terbaru yang baik)",
    )

    p = sub.add_parser("db", help="database: naikkan skema (admin Dinas), lihat versinya")
    _db_arg(p)
    p.add_argument(
        "action",
        choices=["upgrade", "status", "backup-budget"],
        help=(
            "upgrade: migrasi ke skema terbaru; status: versi skema; backup-budget: batas ukuran "
            "folder cadangan (file SQLite)"
        ),
    )
    p.add_argument("--mb", type=int, help="untuk backup-budget: batas baru dalam MB")

    p = sub.add_parser("demo", help="buat database contoh (data sintetis) lalu buka")
    _db_arg(p)
    p.add_argument("--no-gui", action="store_true", help="hanya buat database contoh")
    from operator_app.commands_ekinerja import add_parsers as add_ekinerja  # h15: explain

    add_ekinerja(sub)

    from operator_app.commands_district import add_district_parser

    add_district_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    try:
        handler = getattr(args, "handler", None)
        if handler is None:
            from operator_app import commands, commands_ekinerja

            module = commands_ekinerja if command in commands_ekinerja.COMMANDS else commands
            handler = getattr(module, f"cmd_{command.replace('-', '_')}")
        return int(handler(args) or EXIT_OK)
    except UserError as exc:
        print(f"Galat: {exc.message}", file=sys.stderr)
        return EXIT_USER
    except Cancelled:
        print("Dibatalkan; tidak ada yang diubah.", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return 130
    except Exception:
        from operator_app.logs import log_exception

        where = log_exception("cli")
        print(
            "Terjadi kesalahan program (bug). Laporan tersimpan di: " + str(where), file=sys.stderr
        )
        from operator_app.logs import crash_report

        print(crash_report(), file=sys.stderr)  # NIK and NIP masked, as in the log
        return EXIT_BUG
