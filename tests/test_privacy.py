"""Privacy promises: no network anywhere (the guard itself is tested), masked logs and crash
reports, the database in the user's own data folder."""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from operator_app.logs import MaskingFormatter, crash_report, mask_ids

# conftest's NetworkUsed is an AssertionError (imported by message: several conftest modules)
GUARD = r"IP socket was created|network connection attempted"
NIK = "3302134210865958"
NIP = "198501012010011001"


@pytest.mark.parametrize("family", [socket.AF_INET, socket.AF_INET6])
def test_creating_an_ip_socket_fails_the_test(family: int) -> None:
    with pytest.raises(AssertionError, match=GUARD):
        socket.socket(family, socket.SOCK_STREAM)


def test_create_connection_is_caught_before_any_packet() -> None:
    with pytest.raises(AssertionError, match=GUARD):
        socket.create_connection(("192.0.2.1", 443), timeout=0.1)


def test_local_sockets_stay_allowed() -> None:
    a, b = socket.socketpair(socket.AF_UNIX)
    a.sendall(b"ok")
    assert b.recv(2) == b"ok"
    a.close()
    b.close()


def test_children_started_by_the_tests_are_guarded_too() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import socket; socket.socket(socket.AF_INET)"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0
    assert "must never use the network" in done.stderr


def test_the_app_imports_no_network_module() -> None:
    """No module of the app imports a networking library (Qt's included)."""
    import ast

    banned = (
        "socket",
        "urllib",
        "http",
        "requests",
        "httpx",
        "ftplib",
        "smtplib",
        "PySide6.QtNetwork",
        "PySide6.QtWebEngineCore",
        "PySide6.QtWebEngineWidgets",
    )
    root = Path(__file__).resolve().parents[1] / "operator_app"
    found = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [(path.name, n) for n in names if n.split(".")[0] in banned or n in banned]
    assert found == []


def test_mask_ids_keeps_only_the_last_four_digits() -> None:
    text = f"NIK {NIK}, NIP {NIP}, NIP lama 131234567, NUPTK 1234567890123456, tahun 2026"
    masked = mask_ids(text)
    assert NIK not in masked and NIP not in masked and "1234567890123456" not in masked
    assert "************5958" in masked and "**************1001" in masked
    assert "2026" in masked  # short numbers (years, row numbers) stay readable


def test_log_records_are_masked(tmp_path: Path) -> None:
    handler = logging.FileHandler(tmp_path / "x.log", encoding="utf-8")
    handler.setFormatter(MaskingFormatter("%(message)s"))
    log = logging.getLogger("operator_app.test_privacy")
    log.addHandler(handler)
    try:
        log.warning("baris dengan NIK %s dan NIP %s", NIK, NIP)
    finally:
        log.removeHandler(handler)
        handler.close()
    text = (tmp_path / "x.log").read_text(encoding="utf-8")
    assert NIK not in text and NIP not in text and "5958" in text


def test_crash_report_is_masked() -> None:
    try:
        raise ValueError(f"NIK {NIK} tidak cocok dengan NIP {NIP}")
    except ValueError as exc:
        report = crash_report(exc)
    assert "ValueError" in report
    assert NIK not in report and NIP not in report


def test_cli_bug_prints_a_masked_traceback(tmp_path: Path) -> None:
    """A bug's traceback on the console is masked like the crash report in the log folder."""
    code = (
        "import operator_app.commands as c, sys\n"
        f"def boom(args): raise RuntimeError('NIK {NIK} NIP {NIP}')\n"
        "c.cmd_check = boom\n"
        "from operator_app.cli import main\n"
        f"sys.exit(main(['check', '--db', r'{tmp_path / 'x.sqlite3'}']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 1
    assert "RuntimeError" in done.stderr and "Laporan tersimpan di" in done.stderr
    assert NIK not in done.stderr and NIP not in done.stderr
    report = Path(done.stderr.split("Laporan tersimpan di: ")[1].split("\n")[0].strip())
    body = report.read_text(encoding="utf-8")
    assert "RuntimeError" in body and NIK not in body and NIP not in body


def test_default_database_lives_in_the_users_data_folder() -> None:
    import os

    from operator_app.store.location import default_db_path

    path = default_db_path()
    assert path.name == "operator-app.sqlite3"
    # tests point XDG_DATA_HOME at a private folder; platformdirs must follow it
    assert str(path).startswith(os.environ["XDG_DATA_HOME"])
