"""Where the database is: an SQLite file (the embedded default) or a PostgreSQL server URL."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from operator_app.core.errors import DatabaseError

ENV_VAR = "OPERATOR_APP_DB"
PasswordPrompt = Callable[[str], str | None]  # (location shown) -> password; None: cancelled
_PG_DRIVERS = {"postgresql", "postgresql+psycopg", "postgres"}


@dataclass(frozen=True, slots=True)
class DbLocation:
    """A file path (SQLite) or a server URL (PostgreSQL through psycopg 3).

    The password is never part of a location that is shown, logged or remembered: `display`
    and `remembered` leave it out; it lives only in `url` for the time of a connection.
    """

    path: Path | None = None
    url: URL | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def dialect(self) -> str:
        return "sqlite" if self.is_sqlite else "postgresql"

    def sqlite_path(self) -> Path:
        if self.path is None:
            raise TypeError("not an SQLite location")
        return self.path

    def server_url(self) -> URL:
        if self.url is None:
            raise TypeError("not a server location")
        return self.url

    @property
    def display(self) -> str:
        """For messages and the title bar: the file, or user@host:port/db (no password)."""
        if self.path is not None:
            return str(self.path)
        url = self.server_url()
        user = f"{url.username}@" if url.username else ""
        host = url.host or str(url.query.get("host") or "") or "localhost"
        port = url.port or url.query.get("port")
        return f"{user}{host}{f':{port}' if port else ''}/{url.database or ''}"

    @property
    def remembered(self) -> str:
        """What may be written to settings: the path, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        return _without_password(self.server_url()).render_as_string(hide_password=False)

    def with_password(self, password: str | None) -> DbLocation:
        url = _without_password(self.server_url())
        return DbLocation(url=url.set(password=password) if password else url)

    @property
    def has_password(self) -> bool:
        return self.url is not None and (
            bool(self.url.password) or any(k.lower() == "password" for k in self.url.query)
        )


# libpq takes secrets in the query string too (…/db?password=…): never shown nor remembered
SECRET_QUERY_KEYS = frozenset({"password", "sslpassword"})


def _without_password(url: URL) -> URL:
    # URL.set(password=None) means "leave it"; build the URL anew without it.
    query = {k: v for k, v in url.query.items() if k.lower() not in SECRET_QUERY_KEYS}
    return URL.create(url.drivername, url.username, None, url.host, url.port, url.database, query)


def looks_like_url(text: str) -> bool:
    head = text.split("://", 1)[0]
    return "://" in text and bool(head) and all(c.isalnum() or c in "+-." for c in head)


def parse_location(value: str | os.PathLike[str] | DbLocation) -> DbLocation:
    """`--db`, OPERATOR_APP_DB or the app setting: a file path or a SQLAlchemy URL.

    A URL for anything but PostgreSQL is refused (never turned into a file in a folder named
    after the scheme).
    """
    if isinstance(value, DbLocation):
        return value
    if isinstance(value, Path):
        return DbLocation(path=value)
    text_ = os.fspath(value).strip()
    if not looks_like_url(text_):
        return DbLocation(path=Path(text_).expanduser())
    try:
        url = make_url(text_)
    except ArgumentError as exc:
        raise DatabaseError(
            f"Alamat database '{_safe(text_)}' tidak bisa dibaca. Bentuk yang benar: "
            "postgresql+psycopg://pengguna@host:5432/nama_database, atau path file database."
        ) from exc
    if url.drivername == "sqlite":
        if not url.database:
            raise DatabaseError("Alamat sqlite:// tanpa nama file. Tulis path file database saja.")
        return DbLocation(path=Path(url.database).expanduser())
    if url.drivername not in _PG_DRIVERS:
        raise DatabaseError(
            f"Jenis database '{url.drivername}' tidak didukung. operator-app memakai file SQLite "
            "(bawaan) atau server PostgreSQL: postgresql+psycopg://pengguna@host:5432/nama_database."
        )
    if not url.database:
        raise DatabaseError(
            f"Alamat {_safe(text_)} tidak menyebut nama database. Contoh: "
            "postgresql+psycopg://pengguna@host:5432/operator_dinas."
        )
    return DbLocation(url=url.set(drivername="postgresql+psycopg"))


def _safe(text_: str) -> str:
    """A URL as typed, with any password replaced (for messages)."""
    try:
        return make_url(text_).render_as_string(hide_password=True)
    except ArgumentError:
        scheme, _, rest = text_.partition("://")
        if "@" in rest:
            rest = "***@" + rest.rsplit("@", 1)[1]
        return f"{scheme}://{rest}"


def default_data_dir() -> Path:
    """The user data folder (the embedded database, its backups, the demo)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("operator-app", appauthor=False, roaming=False))


def default_db_path() -> Path:
    return default_data_dir() / "operator-app.sqlite3"


def location_from_env_or_default(explicit: str | None) -> DbLocation:
    """--db wins, then OPERATOR_APP_DB, then the file in the user data folder."""
    if explicit:
        return parse_location(explicit)
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return parse_location(env)
    return DbLocation(path=default_db_path())


SSLMODES = ("prefer", "require", "verify-full", "disable")


def server_location(
    host: str, port: int | str | None, database: str, user: str, sslmode: str = "prefer"
) -> DbLocation:
    """The connect dialog's fields as a server location (never with a password: it is added
    with `with_password` for the time of the connection only).

    A host that starts with '/' is a unix-socket folder (libpq's `host=` query parameter).
    """
    host, database, user = host.strip(), database.strip(), user.strip()
    if not database:
        raise DatabaseError("Nama database belum diisi.")
    if sslmode not in SSLMODES:
        raise DatabaseError(f"Pilihan TLS '{sslmode}' tidak dikenal.")
    port_text = str(port or "").strip()
    if port_text and not (port_text.isdigit() and 0 < int(port_text) < 65536):
        raise DatabaseError(f"Port '{port_text}' tidak valid: isi angka 1-65535 (biasanya 5432).")
    query: dict[str, str] = {}
    url_host: str | None = host or None
    url_port: int | None = int(port_text) if port_text else None
    if host.startswith("/"):
        query["host"] = host
        url_host = None
        if url_port is not None:
            query["port"] = str(url_port)
            url_port = None
    if sslmode != "prefer":
        query["sslmode"] = sslmode
    url = URL.create("postgresql+psycopg", user or None, None, url_host, url_port, database, query)
    return DbLocation(url=url)
