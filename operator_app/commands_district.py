"""`operator-app district ...`: school and Dinas logins on the Dinas PostgreSQL database.

    district setup   --db URL                       row security, group role, grants (idempotent)
    district grant   --db URL --login NAME (--school NAMA_ATAU_NPSN... | --school-id N | --all)
                     [--password-stdin]
    district revoke  --db URL --login NAME
    district list    --db URL
    district refresh --db URL                       after a SIASN import: which unor is which school

Run as the Dinas admin who owns the tables (see docs/district.md). The new login's password is
asked twice on the terminal (or read from the first line of standard input with
--password-stdin); it is never printed, logged or sent to the server as text.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from operator_app.core.errors import UserError

if TYPE_CHECKING:  # the CLI builds its parser on every start: SQLAlchemy only when used
    from sqlalchemy import Connection
    from sqlalchemy.exc import DBAPIError


def add_district_parser(sub: Any) -> None:
    """Register `district` and its subcommands on the CLI's subparsers."""
    p = sub.add_parser(
        "district", help="login sekolah dan Dinas pada database PostgreSQL Dinas (row security)"
    )
    p.set_defaults(handler=cmd_district)
    dsub = p.add_subparsers(dest="district_command", required=True)

    def db(q: argparse.ArgumentParser) -> None:
        q.add_argument(
            "--db",
            default=os.environ.get("OPERATOR_APP_DB"),
            metavar="URL",
            help="database Dinas, postgresql+psycopg://user@host:5432/nama_db "
            "(bawaan: $OPERATOR_APP_DB)",
        )

    q = dsub.add_parser("setup", help="aktifkan row-level security dan hak akses (boleh diulang)")
    db(q)
    q = dsub.add_parser("grant", help="buat/ubah login sekolah (--school) atau Dinas (--all)")
    db(q)
    q.add_argument("--login", required=True, metavar="NAMA")
    who = q.add_mutually_exclusive_group(required=True)
    who.add_argument(
        "--school",
        action="append",
        metavar="NAMA_ATAU_NPSN",
        help="sekolah seperti namanya di Dapodik (boleh diulang untuk korwil)",
    )
    who.add_argument("--school-id", type=int, action="append", metavar="ID")
    who.add_argument("--all", action="store_true", help="semua sekolah (staf Dinas)")
    q.add_argument(
        "--password-stdin",
        action="store_true",
        help="baca kata sandi login dari baris pertama input standar",
    )
    q = dsub.add_parser("revoke", help="cabut semua akses login dan hapus loginnya")
    db(q)
    q.add_argument("--login", required=True, metavar="NAMA")
    q = dsub.add_parser("list", help="tampilkan login dan sekolahnya")
    db(q)
    q = dsub.add_parser("refresh", help="hitung ulang unor SIASN per sekolah (setelah impor SIASN)")
    db(q)


def _problem(exc: DBAPIError, where: str) -> UserError | None:
    """The Indonesian message for a server refusal the admin can act on (None: a bug)."""
    orig = exc.orig
    state = getattr(orig, "sqlstate", None) or ""
    text_ = str(orig).lower()
    if state == "28P01" or "password authentication failed" in text_:
        return UserError(f"Kata sandi salah untuk {where}. Periksa login dan kata sandinya.")
    if "no password supplied" in text_:
        return UserError(
            f"Server {where} meminta kata sandi. Ketik saat diminta, atau simpan di .pgpass "
            "(PGPASSFILE); kata sandi tidak ditulis di URL."
        )
    if state == "3D000" or ("database" in text_ and "does not exist" in text_):
        return UserError(f"Database pada {where} tidak ada. Buat dulu (lihat docs/district.md).")
    if state == "42501" or "permission denied" in text_ or "must be owner" in text_:
        return UserError(
            f"Login pada {where} tidak punya hak untuk ini ({str(orig).strip()}). Jalankan "
            "perintah district sebagai admin Dinas pemilik tabel, dengan hak CREATEROLE; "
            "tidak ada yang diubah."
        )
    if (
        "connection refused" in text_
        or "could not connect" in text_
        or "timeout" in text_
        or "could not translate host name" in text_
        or state.startswith("08")
    ):
        return UserError(
            f"Server PostgreSQL {where} tidak bisa dihubungi. Periksa alamat, port, jaringan/"
            "VPN, dan bahwa layanan PostgreSQL berjalan; tidak ada yang diubah."
        )
    return None


@contextmanager
def _connection(url_text: str | None) -> Iterator[Connection]:
    """One transaction on the Dinas database: everything or nothing."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, DBAPIError
    from sqlalchemy.pool import NullPool

    if not url_text:
        raise UserError(
            "Sebutkan database Dinas dengan --db postgresql+psycopg://user@host:5432/nama_db "
            "(atau OPERATOR_APP_DB)."
        )
    not_pg = UserError(
        "Perintah district hanya untuk database PostgreSQL Dinas "
        "(--db postgresql+psycopg://user@host:5432/nama_db), bukan file SQLite."
    )
    if "://" not in url_text:
        raise not_pg
    try:
        url = make_url(url_text)
    except ArgumentError as exc:
        # the URL itself is not echoed: it may hold a password
        raise UserError(f"URL database tidak dikenali: {exc}") from None
    if not url.drivername.startswith("postgresql"):
        raise not_pg
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    where = f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"
    engine = create_engine(url, poolclass=NullPool)
    try:
        try:
            conn = engine.connect()
        except DBAPIError as exc:
            problem = _problem(exc, where)
            if problem is None:
                raise
            if "no password supplied" in str(exc.orig).lower() and sys.stdin.isatty():
                engine.dispose()
                pw = getpass.getpass(f"Kata sandi {where}: ")
                engine = create_engine(url.set(password=pw), poolclass=NullPool)
                try:
                    conn = engine.connect()
                except DBAPIError as exc2:
                    raise (_problem(exc2, where) or exc2) from None
            else:
                raise problem from None
        try:
            with conn.begin():
                yield conn
        except DBAPIError as exc:
            raise (_problem(exc, where) or exc) from None
        finally:
            conn.close()
    finally:
        engine.dispose()


def _read_password(args: argparse.Namespace, login: str) -> str:
    from operator_app.store.district import check_password

    if args.password_stdin:
        line = sys.stdin.readline()
        return check_password(line.rstrip("\r\n"), login)
    if not sys.stdin.isatty():
        raise UserError(
            f"Login baru {login} perlu kata sandi: jalankan di terminal (ditanya dua kali) atau "
            "pakai --password-stdin."
        )
    first = getpass.getpass(f"Kata sandi baru untuk {login}: ")
    check_password(first, login)
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise UserError("Kedua kata sandi tidak sama; tidak ada yang diubah.")
    return first


def _describe(school_id: int | None, name: str | None) -> str:
    return "semua sekolah (Dinas)" if school_id is None else f"{name} (id {school_id})"


def _setup(args: argparse.Namespace) -> int:
    from operator_app.store.district import setup

    with _connection(args.db) as conn:
        rep = setup(conn)
    print(f"Row-level security aktif pada {len(rep.protected)} tabel: {', '.join(rep.protected)}.")
    if rep.missing:
        print(f"Belum ada di skema ini (dilewati): {', '.join(rep.missing)}.")
    if rep.unknown:
        print(
            f"Tabel tanpa aturan district (tertutup untuk login sekolah): {', '.join(rep.unknown)}."
        )
    print(f"Unor SIASN yang dikenali sebagai sekolah: {rep.unor_pairs} pasangan.")
    return 0


def _grant(args: argparse.Namespace) -> int:
    from operator_app.store import district as d

    login = d.check_login(args.login)
    with _connection(args.db) as conn:
        ids: list[int] = []
        for wanted in args.school or []:
            ids.append(d.find_school(conn, wanted)[0])
        for sid in args.school_id or []:
            ids.append(d.school_by_id(conn, sid)[0])
        password = None
        if args.password_stdin or d.needs_password(conn, login):
            password = _read_password(args, login)
        res = d.grant(conn, login, school_ids=ids, all_schools=args.all, password=password)
    state = "dibuat" if res.created else "sudah ada"
    pw = "; kata sandi diganti" if res.password_set and not res.created else ""
    print(f"Login {res.login} {state}{pw}. Aksesnya sekarang:")
    for a in res.access:
        print(f"  - {_describe(a.school_id, a.school_name)}")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from operator_app.store.district import check_login, revoke

    login = check_login(args.login)
    with _connection(args.db) as conn:
        res = revoke(conn, login)
    if not res.had_access and not res.dropped:
        print(f"Login {login} tidak punya akses di database ini; tidak ada yang berubah.")
    else:
        gone = "dan loginnya dihapus dari server" if res.dropped else "(login tidak dihapus)"
        print(f"Akses {login} dicabut {gone}.")
    if res.note:
        print(f"Catatan: {res.note}.")
    return 0


def _list(args: argparse.Namespace) -> int:
    from sqlalchemy import inspect

    from operator_app.store.district import ACCESS_TABLE, access_of

    with _connection(args.db) as conn:
        if not inspect(conn).has_table(ACCESS_TABLE):
            print("Mode district belum disiapkan: jalankan `operator-app district setup`.")
            return 0
        rows = access_of(conn)
    for a in rows:
        print(f"{a.login}\t{_describe(a.school_id, a.school_name)}")
    return 0


def _refresh(args: argparse.Namespace) -> int:
    from operator_app.store.district import setup

    with _connection(args.db) as conn:
        n = setup(conn).unor_pairs  # setup recomputes the unor scope (and is idempotent)
    print(f"Unor SIASN yang dikenali sebagai sekolah: {n} pasangan.")
    return 0


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "setup": _setup,
    "grant": _grant,
    "revoke": _revoke,
    "list": _list,
    "refresh": _refresh,
}


def cmd_district(args: argparse.Namespace) -> int:
    return _HANDLERS[args.district_command](args)
