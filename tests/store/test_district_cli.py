"""`operator-app district grant/revoke/list/setup` against a real PostgreSQL server."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_data import alembic_upgrade, copy_sqlite_to_pg, sqlite_kabupaten
from pg_fixtures import PgDatabase
from sqlalchemy import create_engine

from operator_app.cli import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def db(
    pg_db: PgDatabase, kabupaten, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PgDatabase]:  # type: ignore[no-untyped-def]
    sqlite_db = sqlite_kabupaten(
        list(kabupaten[1].all), tmp_path_factory.mktemp("cli") / "k.sqlite3", decide=False
    )
    engine = create_engine(pg_db.url)
    try:
        alembic_upgrade(engine)
        copy_sqlite_to_pg(sqlite_db, engine)
    finally:
        engine.dispose()
    yield pg_db


def run(
    db: PgDatabase,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["district", args[0], "--db", db.url, *args[1:]])
    out, err = capsys.readouterr()
    return code, out, err


def school_names(db: PgDatabase) -> list[str]:
    return db.psql("SELECT name FROM school ORDER BY id").splitlines()


def roles(db: PgDatabase) -> list[str]:
    return db.psql("SELECT rolname FROM pg_roles ORDER BY rolname").split()


def can_login(db: PgDatabase, login: str, password: str) -> bool:
    proc = db.server.psql(
        "SELECT current_user", user=login, password=password, dbname=db.name, tcp=True, check=False
    )
    return proc.returncode == 0 and proc.stdout.strip() == login


def test_grant_is_idempotent_and_the_login_works(db, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    name = school_names(db)[0]
    login = f"{db.name}_guru"
    code, out, err = run(
        db,
        monkeypatch,
        capsys,
        "grant",
        "--login",
        login,
        "--school",
        name.lower(),
        "--password-stdin",
        stdin="rahasia-sekolah-1\n",
    )
    assert (code, err) == (0, "")
    assert f"Login {login} dibuat" in out and name in out
    assert "rahasia-sekolah-1" not in out
    assert can_login(db, login, "rahasia-sekolah-1")
    assert not can_login(db, login, "salah-sandi")
    before_roles = roles(db)
    access = db.psql("SELECT login, school_id FROM district_access ORDER BY 1, 2")
    code, out, _ = run(db, monkeypatch, capsys, "grant", "--login", login, "--school", name)
    assert code == 0 and f"Login {login} sudah ada." in out
    assert roles(db) == before_roles
    assert db.psql("SELECT login, school_id FROM district_access ORDER BY 1, 2") == access
    assert can_login(db, login, "rahasia-sekolah-1")  # password kept when not given again


def test_password_is_never_sent_or_logged(db, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    db.psql(f"ALTER DATABASE {db.name} SET log_statement = 'all'")
    try:
        login = f"{db.name}_log"
        secret = "Tidak-Boleh-Tercatat-77"
        code, out, err = run(
            db,
            monkeypatch,
            capsys,
            "grant",
            "--login",
            login,
            "--all",
            "--password-stdin",
            stdin=secret + "\n",
        )
        assert code == 0, err
        log = db.server.log.read_text(encoding="utf-8", errors="replace")
        assert f'CREATE ROLE "{login}"' in log  # the statements were logged...
        assert "SCRAM-SHA-256$" in log
        assert secret not in log  # ...but only the verifier, never the password
        assert secret not in out + err
        assert can_login(db, login, secret)
    finally:
        db.psql(f"ALTER DATABASE {db.name} RESET log_statement")


@pytest.mark.parametrize(
    "login",
    [
        "x'; DROP TABLE ptk; --",
        'a"; DROP ROLE postgres; --',
        "sdn1 sukamaju",
        "SDN1",
        "ab",
        "postgres",
        "pg_monitor",
        "operator_app_x",
        "a" * 64,
    ],
)
def test_bad_login_names_are_refused_before_any_sql(db, monkeypatch, capsys, login: str) -> None:  # type: ignore[no-untyped-def]
    before = roles(db)
    for action in (
        ["grant", "--login", login, "--all", "--password-stdin"],
        ["revoke", "--login", login],
    ):
        code, out, err = run(db, monkeypatch, capsys, *action, stdin="rahasia-panjang\n")
        assert code == 2, out
        assert "Galat: Nama login" in err and ("tidak diterima" in err or "dicadangkan" in err)
    assert roles(db) == before
    assert db.psql("SELECT count(*) FROM ptk").strip() != "0"


def test_unknown_school_lists_candidates(db, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    name = school_names(db)[0]
    number_word = name.split()[-1]
    code, _, err = run(
        db,
        monkeypatch,
        capsys,
        "grant",
        "--login",
        f"{db.name}_x",
        "--school",
        f"SMP NEGERI 99 {number_word}",
        "--password-stdin",
        stdin="rahasia-panjang\n",
    )
    assert code == 2
    assert "tidak ada di database ini" in err and "Mungkin maksudnya" in err and name in err
    assert f"{db.name}_x" not in roles(db)


def test_npsn_without_npsn_column_is_explained(db, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(
        db,
        monkeypatch,
        capsys,
        "grant",
        "--login",
        f"{db.name}_n",
        "--school",
        "20212345",
        "--password-stdin",
        stdin="rahasia-panjang\n",
    )
    assert code == 2 and "belum menyimpan NPSN" in err


def test_two_schools_of_one_name_need_the_id(db, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    db.psql(
        "INSERT INTO school (name, name_key, kabupaten, created_at) "
        "VALUES ('SD NEGERI 1 KEMBAR', 'SD NEGERI 1 KEMBAR|KAB A', 'KAB A', now()), "
        "('SD NEGERI 1 KEMBAR', 'SD NEGERI 1 KEMBAR|KAB B', 'KAB B', now())"
    )
    login = f"{db.name}_kembar"
    code, _, err = run(
        db,
        monkeypatch,
        capsys,
        "grant",
        "--login",
        login,
        "--school",
        "SD Negeri 1 Kembar",
        "--password-stdin",
        stdin="rahasia-panjang\n",
    )
    assert code == 2 and "Ada 2 sekolah" in err and "KAB A" in err and "KAB B" in err
    sid = db.psql("SELECT id FROM school WHERE kabupaten = 'KAB B'").strip()
    code, _, err = run(
        db,
        monkeypatch,
        capsys,
        "grant",
        "--login",
        login,
        "--school-id",
        sid,
        "--password-stdin",
        stdin="rahasia-panjang\n",
    )
    assert code == 0, err
    assert db.psql(f"SELECT school_id FROM district_access WHERE login = '{login}'").strip() == sid


def test_new_login_needs_a_password(db, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    login = f"{db.name}_tanpa"
    code, _, err = run(db, monkeypatch, capsys, "grant", "--login", login, "--all")
    assert code == 2 and "perlu kata sandi" in err
    code, _, err = run(
        db,
        monkeypatch,
        capsys,
        "grant",
        "--login",
        login,
        "--all",
        "--password-stdin",
        stdin="pendek\n",
    )
    assert code == 2 and "terlalu pendek" in err
    assert login not in roles(db)


def test_revoke_removes_the_login_and_is_idempotent(db, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    login = f"{db.name}_pindah"
    code, _, _ = run(
        db,
        monkeypatch,
        capsys,
        "grant",
        "--login",
        login,
        "--school",
        school_names(db)[1],
        "--password-stdin",
        stdin="rahasia-panjang\n",
    )
    assert code == 0 and can_login(db, login, "rahasia-panjang")
    code, out, _ = run(db, monkeypatch, capsys, "revoke", "--login", login)
    assert code == 0 and "dicabut dan loginnya dihapus" in out
    assert login not in roles(db)
    assert not can_login(db, login, "rahasia-panjang")
    code, out, _ = run(db, monkeypatch, capsys, "revoke", "--login", login)
    assert code == 0 and "tidak ada yang berubah" in out


def test_foreign_roles_are_left_alone(db, monkeypatch, capsys, pg_make_database) -> None:  # type: ignore[no-untyped-def]
    other = pg_make_database("lain")  # its owner is a role of another program on this server
    code, _, err = run(db, monkeypatch, capsys, "grant", "--login", other.owner, "--all")
    assert code == 2 and "bukan login operator-app" in err
    code, _, err = run(db, monkeypatch, capsys, "revoke", "--login", other.owner)
    assert code == 2 and "bukan login operator-app" in err
    assert other.owner in roles(db)


def test_list_and_setup(db, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(db, monkeypatch, capsys, "setup")
    assert code == 0 and "Row-level security aktif pada " in out and " ptk, " in out
    code, out, _ = run(db, monkeypatch, capsys, "list")
    assert code == 0
    assert f"{db.owner}\tsemua sekolah (Dinas)" in out


def test_wrong_places_and_passwords_are_clear(db, monkeypatch, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["district", "list", "--db", str(tmp_path / "a.sqlite3")]) == 2
    assert "bukan file SQLite" in capsys.readouterr().err
    bad = db.server.url(db.owner, "bukan-sandinya", db.name)
    assert main(["district", "list", "--db", bad]) == 2
    assert "Kata sandi salah" in capsys.readouterr().err
    missing = db.server.url(db.owner, db.password, "tidak_ada_db")
    assert main(["district", "list", "--db", missing]) == 2
    assert "tidak ada" in capsys.readouterr().err
    monkeypatch.delenv("OPERATOR_APP_DB", raising=False)
    assert main(["district", "list"]) == 2
    assert "Sebutkan database Dinas" in capsys.readouterr().err


def test_real_command_line(db: PgDatabase) -> None:
    """The installed entry point, as the Dinas admin types it (password on standard input)."""
    login = f"{db.name}_cli"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "operator_app",
            "district",
            "grant",
            "--db",
            db.url,
            "--login",
            login,
            "--school",
            school_names(db)[2],
            "--password-stdin",
        ],
        input="sandi-lewat-stdin\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert can_login(db, login, "sandi-lewat-stdin")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "operator_app",
            "district",
            "grant",
            "--db",
            db.url,
            "--login",
            "x';drop table ptk;--",
            "--all",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2 and "Nama login" in proc.stderr


def _read_until(fd: int, marker: bytes, timeout: float = 60) -> bytes:
    import select

    seen = b""
    while marker not in seen:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            raise AssertionError(f"no {marker!r} within {timeout} s; got {seen!r}")
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    return seen


def test_password_asked_twice_on_a_terminal_without_echo(db: PgDatabase) -> None:
    """The Dinas admin types the new login's password at a real terminal (pty)."""
    import pty

    login, secret = f"{db.name}_tty", "sandi-di-terminal"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    argv = [
        sys.executable,
        "-m",
        "operator_app",
        "district",
        "grant",
        "--db",
        db.url,
        "--login",
        login,
        "--all",
    ]
    with warnings.catch_warnings():  # Python 3.12+ warns of fork() in a threaded process;
        warnings.simplefilter("ignore", DeprecationWarning)  # the child only execs
        pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal session of its own
        os.execve(sys.executable, argv, env)
    try:
        out = _read_until(fd, b"Kata sandi baru untuk")
        os.write(fd, secret.encode() + b"\n")
        out += _read_until(fd, b"Ulangi kata sandi")
        os.write(fd, secret.encode() + b"\n")
        out += _read_until(fd, b"semua sekolah")
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, out
    assert secret.encode() not in out  # not echoed
    assert can_login(db, login, secret)
