"""PostgreSQL (district mode): connecting through psycopg 3, and what each failure means."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, ExceptionContext, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError

from operator_app.core.errors import DatabaseError
from operator_app.store.location import DbLocation, PasswordPrompt


class PasswordNeeded(DatabaseError):
    """The server asks for a password that was not given (and no prompt could ask for it)."""


def connection_problem(loc: DbLocation, exc: BaseException) -> DatabaseError:
    """The Indonesian message for a failed connection; the password never appears in it."""
    text_ = str(getattr(exc, "orig", None) or exc)
    low = text_.lower()
    url = loc.server_url()
    where = loc.display
    server = (
        where.partition("@")[2].rpartition("/")[0] if "@" in where else where.rpartition("/")[0]
    )
    if "no password supplied" in low or "password is required" in low:
        return PasswordNeeded(
            f"Server {server} meminta kata sandi untuk pengguna {url.username or '?'}. Masukkan "
            "kata sandi (atau simpan di file .pgpass / PGPASSFILE)."
        )
    if "password authentication failed" in low or "authentication failed" in low:
        return DatabaseError(
            f"Kata sandi salah untuk pengguna {url.username or '?'} di {server}. Ulangi dengan "
            "kata sandi yang benar; tidak ada yang diubah."
        )
    if "does not exist" in low and "database" in low:
        return DatabaseError(
            f"Database '{url.database}' tidak ada di server {server}. Periksa nama database, "
            "atau minta admin Dinas membuatnya (lihat docs/district.md)."
        )
    if "role" in low and "does not exist" in low:
        return DatabaseError(
            f"Pengguna '{url.username}' tidak dikenal oleh server {server}. Minta admin Dinas "
            "membuatkan akun: operator-app district grant."
        )
    if "permission denied" in low or "not permitted" in low or "pg_hba.conf" in low:
        return DatabaseError(
            f"Pengguna '{url.username}' tidak diizinkan masuk ke database {where}. Minta admin "
            "Dinas memberi akses (operator-app district grant) atau memeriksa pg_hba.conf."
        )
    if "ssl" in low and ("unsupported" in low or "not support" in low or "required" in low):
        return DatabaseError(
            f"Server {server} dan komputer ini tidak sepakat soal TLS/SSL ({_first_line(text_)}). "
            "Ubah pilihan TLS (sslmode) sesuai petunjuk admin Dinas."
        )
    if (
        "connection refused" in low
        or "could not connect" in low
        or "timeout" in low
        or "timed out" in low
        or "could not translate host name" in low
        or "name or service not known" in low
        or "no route to host" in low
        or "network is unreachable" in low
        or "server closed the connection" in low
        or "connection failed" in low
        or ("socket" in low and "no such file" in low)
    ):
        return DatabaseError(
            f"Server database {server} tidak bisa dihubungi. Periksa jaringan/VPN kantor dan "
            "apakah server PostgreSQL Dinas menyala, lalu coba lagi; tidak ada yang diubah."
        )
    return DatabaseError(
        f"Tidak bisa terhubung ke database {where}: {_first_line(text_)}. Tidak ada yang diubah."
    )


def _first_line(text_: str) -> str:
    return (text_.strip().splitlines() or [""])[0][:300]


def statement_problem(exc: BaseException) -> str | None:
    """Messages for failures during work that the operator can act on (None: a bug)."""
    low = str(exc).lower()
    if "row-level security" in low or "permission denied" in low:
        return (
            "Akun ini tidak berhak mengubah data itu (hanya data sekolahnya sendiri). Minta admin "
            "Dinas memeriksa hak akses (operator-app district grant); tidak ada yang diubah."
        )
    if "could not serialize" in low or "deadlock detected" in low:
        return "Data yang sama sedang diubah operator lain. Ulangi sebentar lagi; tidak ada yang diubah."
    if "server closed the connection" in low or "terminating connection" in low:
        return (
            "Sambungan ke server database terputus. Periksa jaringan lalu ulangi; perubahan yang "
            "sedang ditulis dibatalkan."
        )
    if "no space left" in low or "disk full" in low:
        return "Disk server database penuh. Hubungi admin Dinas; perubahan dibatalkan."
    return None


def make_engine(loc: DbLocation) -> Engine:
    # No pool reuse across a long idle VPN gap without a check; one small pool per Workspace.
    engine = create_engine(
        loc.server_url(), pool_pre_ping=True, pool_size=2, max_overflow=4, future=True
    )

    def on_error(ctx: ExceptionContext) -> None:
        orig = ctx.original_exception
        if ctx.connection is None:
            return  # a failed connect: connect_engine explains it
        if message := statement_problem(orig):
            raise DatabaseError(message) from orig

    event.listen(engine, "handle_error", on_error)
    return engine


def connect_engine(loc: DbLocation, prompt: PasswordPrompt | None) -> Engine:
    """Connect once (so every failure is reported now, clearly); ask for a password when the
    server wants one and libpq (.pgpass / PGPASSFILE) did not supply it."""
    for _attempt in range(3):
        engine = make_engine(loc)
        try:
            with engine.connect():
                pass
            return engine
        except (OperationalError, DBAPIError) as exc:
            engine.dispose()
            problem = connection_problem(loc, exc)
            if isinstance(problem, PasswordNeeded) and prompt is not None and not loc.has_password:
                password = prompt(loc.display)
                if not password:
                    raise DatabaseError(
                        "Dibatalkan: kata sandi tidak dimasukkan; tidak ada yang diubah."
                    ) from None
                loc = loc.with_password(password)
                continue
            raise problem from None
    raise DatabaseError("Kata sandi salah tiga kali; tidak ada yang diubah.")


def raw_connection(conn: Any) -> Any:
    """The psycopg connection under an SQLAlchemy Connection (for COPY)."""
    return conn.connection.dbapi_connection
