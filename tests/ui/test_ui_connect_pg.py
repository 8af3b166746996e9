"""Berkas → Hubungkan ke database Dinas… against the test run's real throwaway PostgreSQL.

Every way a connection fails is tried through the dialog: its Indonesian message is shown
inline, the fields are kept, the window keeps its database, nothing is remembered or written.
Success switches the window to the server and remembers the connection without its password.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_workspace import FakeWorkspace
from pg_fixtures import PgDatabase
from pgserver import _free_port

from operator_app.store.location import DbLocation, parse_location
from operator_app.ui.connect_dialog import ConnectDialog
from operator_app.ui.interaction import Recording
from operator_app.ui.settings import Settings
from operator_app.ui.workspace_api import WorkspaceApi, open_workspace

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def server_db(
    pg_make_database: Callable[[str], PgDatabase], tmp_path_factory: pytest.TempPathFactory
) -> PgDatabase:
    """A Dinas database at the current schema with two schools' realistic exports in it."""
    from operator_app.samples import build_kabupaten
    from operator_app.store.workspace import Workspace

    db = pg_make_database("ui_connect")
    folder = tmp_path_factory.mktemp("ui_connect_samples")
    build_kabupaten(11, n_schools=2, siasn_rows=200).write(folder)
    ws = Workspace(db.url, migrate=True)
    ws.import_files(sorted(p for p in folder.iterdir() if p.is_file()))
    ws.close()
    return db


class Window:
    """The window on a local (fake) database; server locations open the real Workspace."""

    def __init__(self, qtbot: Any, settings: Settings, start: Path | DbLocation) -> None:
        from operator_app.ui.main_window import MainWindow

        self.local: list[FakeWorkspace] = []
        self.w = MainWindow(start, workspace_factory=self._factory, settings=settings)
        self.qtbot = qtbot

    def _factory(self, location: DbLocation) -> WorkspaceApi:
        if location.is_sqlite:
            self.local.append(FakeWorkspace())
            return self.local[-1]
        return open_workspace(location)

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.w.runner.is_busy(), timeout=60000)

    def close(self) -> None:
        """Shut down as the app does and wait for the workers (server queries take a while),
        then delete the window. Not qtbot.addWidget: pytest-qt deletes its widgets before
        fixtures are torn down, which would delete the runner under a running server query."""
        done: list[bool] = []
        self.w.shutdown(lambda: done.append(True))
        self.qtbot.waitUntil(lambda: bool(done), timeout=60000)
        self.w.close()
        self.w.deleteLater()

    def dialog(self) -> ConnectDialog:
        self.w.act_connect.trigger()
        dialog = self.w.connect_flow.dialog
        assert dialog is not None and dialog.isVisible()
        return dialog


@pytest.fixture
def window(qtbot: Any, settings: Settings, prompts: Recording, tmp_path: Path) -> Iterator[Window]:
    win = Window(qtbot, settings, tmp_path / "lokal.sqlite3")
    qtbot.waitUntil(lambda: win.w.ws is not None, timeout=10000)
    win.settle()
    yield win
    win.close()


def fill(dialog: ConnectDialog, db: PgDatabase, **fields: str) -> dict[str, str]:
    values = {
        "host": "127.0.0.1",
        "port": str(db.server.port),
        "database": db.name,
        "user": db.owner,
        "password": db.password,
    } | fields
    for name, value in values.items():
        getattr(dialog, name).setText(value)
    return values


def attempt(qtbot: Any, dialog: ConnectDialog) -> None:
    dialog.connect_button.click()
    assert dialog.is_busy() and dialog.busy.isVisible() and not dialog.host.isEnabled()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60000)


def assert_nothing_changed(win: Window, dialog: ConnectDialog, typed: dict[str, str]) -> None:
    assert win.w.ws is win.local[0] and len(win.local) == 1 and not win.local[0].closed
    assert win.w.location is not None and win.w.location.is_sqlite
    assert win.w.windowTitle().endswith("lokal.sqlite3")
    assert win.w.settings.recent_connections() == []
    assert dialog.isVisible() and dialog.problem.isVisible() and dialog.host.isEnabled()
    assert {name: getattr(dialog, name).text() for name in typed} == typed  # fields kept


def test_success_opens_the_server_database_and_remembers_it_without_password(
    qtbot: Any, window: Window, server_db: PgDatabase, settings: Settings, tmp_path: Path
) -> None:
    dialog = window.dialog()
    assert dialog.recent.count() == 1 and not dialog.recent.isEnabled()  # "(belum ada)"
    assert dialog.port.text() == "5432" and dialog.sslmode.currentData() == "prefer"
    assert dialog.local_button is None  # already on the local database
    fill(dialog, server_db)
    with qtbot.waitSignal(window.w.rows_loaded, timeout=60000):
        attempt(qtbot, dialog)
    assert not dialog.isVisible() and dialog.password.text() == ""
    ws = window.w.ws
    assert ws is not None and getattr(ws, "is_server", False)
    assert window.local[0].closed  # the local database was let go after the switch
    assert window.w.model.rowCount() > 0
    shown = f"{server_db.owner}@127.0.0.1:{server_db.server.port}/{server_db.name}"
    assert window.w.windowTitle().endswith(shown)
    assert window.w.act_back_to_local.isEnabled()
    remembered = settings.recent_connections()
    assert len(remembered) == 1 and parse_location(remembered[0]).display == shown
    assert settings.get("start_database") == remembered[0]  # opened again at the next start
    settings.store.sync()
    stored = (tmp_path / "settings.ini").read_bytes()
    assert server_db.name.encode() in stored
    assert server_db.password.encode() not in stored  # never written, in any form
    assert server_db.password not in window.w.windowTitle()
    assert window.w.location is not None and not window.w.location.has_password

    # the recent list fills the fields (never a password) for the next time
    again = window.dialog()
    assert again.recent.isEnabled() and again.recent.count() == 1
    assert again.local_button is not None  # on a server: the way back is offered here too
    again.host.clear()
    again.recent.itemClicked.emit(again.recent.item(0))
    assert (again.host.text(), again.database.text(), again.user.text()) == (
        "127.0.0.1",
        server_db.name,
        server_db.owner,
    )
    assert again.password.text() == ""
    again.reject()

    # back to the file on this PC
    window.w.act_back_to_local.trigger()
    window.settle()
    assert window.w.ws is window.local[1] and window.w.location is not None
    assert window.w.location.is_sqlite and not window.w.act_back_to_local.isEnabled()
    assert settings.get("start_database") == ""  # and the local file at the next start


def _no_access_role(db: PgDatabase) -> tuple[str, str]:
    role, password = f"ui_tanpa_hak_{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    db.server.psql(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")  # no CONNECT on the db
    return role, password


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("server_down", "tidak bisa dihubungi"),
        ("wrong_password", "Kata sandi salah"),
        ("no_password", "meminta kata sandi"),
        ("database_missing", "tidak ada di server"),
        ("no_permission", "tidak diizinkan masuk"),
        ("bad_port", "tidak valid"),
    ],
)
def test_each_connection_failure_is_shown_inline_and_changes_nothing(
    qtbot: Any, window: Window, server_db: PgDatabase, case: str, expected: str
) -> None:
    dialog = window.dialog()
    fields: dict[str, str] = {
        "server_down": {"port": str(_free_port())},
        "wrong_password": {"password": "bukan-kata-sandinya"},
        "no_password": {"password": ""},
        "database_missing": {"database": "tidak_ada_di_sini"},
        "bad_port": {"port": "54x2"},
    }.get(case, {})
    if case == "no_permission":
        role, password = _no_access_role(server_db)
        fields = {"user": role, "password": password}
    typed = fill(dialog, server_db, **fields)
    if case == "bad_port":
        dialog.connect_button.click()
        assert not dialog.is_busy()  # refused before anything is started
    else:
        attempt(qtbot, dialog)
    window.settle()
    assert expected in dialog.problem.text(), dialog.problem.text()
    assert server_db.password not in dialog.problem.text()
    assert_nothing_changed(window, dialog, typed)
    if case in ("wrong_password", "no_password"):
        assert dialog.password.hasFocus() or not dialog.isActiveWindow()
    dialog.reject()


@pytest.fixture(scope="module")
def schema_dbs(pg_make_database: Callable[[str], PgDatabase]) -> dict[str, PgDatabase]:
    """Databases whose schema this version must refuse: older, newer, none at all."""
    from operator_app.store.workspace import Workspace

    made = {}
    for case, version in (("old", "0002"), ("new", "9999_dari_masa_depan"), ("empty", None)):
        db = pg_make_database(f"ui_schema_{case}")
        if version is not None:
            Workspace(db.url, migrate=True).close()
            db.psql(f"UPDATE alembic_version SET version_num = '{version}'")
        made[case] = db
    return made


def _tables(db: PgDatabase) -> str:
    return db.psql(
        "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables "
        "WHERE schemaname = 'public'"
    ).strip()


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("old", "masih skema lama (0002)"),
        ("new", "dibuat oleh versi operator-app yang lebih baru"),
        ("empty", "belum disiapkan"),
    ],
)
def test_a_schema_too_old_or_new_is_refused_and_left_as_it_is(
    qtbot: Any, window: Window, schema_dbs: dict[str, PgDatabase], case: str, expected: str
) -> None:
    db = schema_dbs[case]
    before = (
        _tables(db),
        db.psql("SELECT version_num FROM alembic_version") if case != "empty" else "",
    )
    dialog = window.dialog()
    typed = fill(dialog, db)
    attempt(qtbot, dialog)
    window.settle()
    assert expected in dialog.problem.text(), dialog.problem.text()
    assert "db upgrade" in dialog.problem.text() or case == "new"
    assert_nothing_changed(window, dialog, typed)
    after = (
        _tables(db),
        db.psql("SELECT version_num FROM alembic_version") if case != "empty" else "",
    )
    assert after == before
    dialog.reject()


def test_cancel_while_connecting_keeps_the_local_database(
    qtbot: Any, window: Window, server_db: PgDatabase
) -> None:
    dialog = window.dialog()
    fill(dialog, server_db)
    dialog.connect_button.click()
    assert dialog.is_busy()
    dialog.reject()  # Batal before the worker's result arrives
    window.settle()
    qtbot.waitUntil(lambda: not window.w.runner.is_busy(), timeout=10000)
    assert window.w.ws is window.local[0] and not dialog.isVisible()
    assert window.w.location is not None and window.w.location.is_sqlite
    assert window.w.settings.recent_connections() == []


def test_gui_on_a_server_asks_the_password_in_the_connect_dialog(
    qtbot: Any, server_db: PgDatabase, settings: Settings, prompts: Recording
) -> None:
    """`gui --db URL` without a password (none in .pgpass): the dialog comes up filled in."""
    url = parse_location(server_db.url)
    without = url.with_password(None)
    win = Window(qtbot, settings, without)
    try:
        qtbot.waitUntil(
            lambda: win.w.connect_flow.dialog is not None and win.w.connect_flow.dialog.isVisible(),
            timeout=30000,
        )
        dialog = win.w.connect_flow.dialog
        assert dialog is not None
        assert "meminta kata sandi" in dialog.problem.text()
        assert (dialog.host.text(), dialog.port.text(), dialog.database.text()) == (
            "127.0.0.1",
            str(server_db.server.port),
            server_db.name,
        )
        assert dialog.user.text() == server_db.owner and dialog.password.text() == ""
        assert win.w.ws is None and not prompts.shown  # no error box besides the dialog
        # nothing open: the way back to the file on this PC is offered (dialog and menu)
        assert dialog.local_button is not None and win.w.act_back_to_local.isEnabled()
        dialog.password.setText(server_db.password)
        with qtbot.waitSignal(win.w.rows_loaded, timeout=60000):
            attempt(qtbot, dialog)
        assert win.w.windowTitle().endswith(without.display) and win.w.model.rowCount() > 0
        win.w.act_restore.trigger()  # on a server: explains that backups are the server's job
        assert prompts.shown[-1][:2] == ("info", "Cadangan database server")
        assert "pg_dump" in prompts.shown[-1][2]
    finally:
        win.close()


def test_gui_command_opens_the_window_on_the_server(server_db: PgDatabase, tmp_path: Path) -> None:
    """`operator-app gui --db postgresql+psycopg://…` (cmd_gui → run_gui with a DbLocation)
    builds the window on the server: its screenshot is written, and the connection is
    remembered in the app's settings (only after a successful open), without its password."""
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    shot = tmp_path / "server.png"
    config = tmp_path / "config"
    env = dict(os.environ, XDG_CONFIG_HOME=str(config), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "operator_app",
            "gui",
            "--db",
            server_db.url,
            "--screenshot",
            str(shot),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 1000
    (stored,) = config.rglob("operator-app.conf")
    text = stored.read_text(encoding="utf-8")
    assert "recent_connections" in text and server_db.name in text
    assert "start_database" in text
    assert server_db.password not in text
    assert server_db.password not in proc.stdout + proc.stderr

    # the next start without --db opens the same server (its password from PGPASSFILE), not
    # the local file: no SQLite database appears in the user data folder
    pgpass = tmp_path / "pgpass.conf"
    pgpass.write_text(
        f"127.0.0.1:{server_db.server.port}:{server_db.name}:{server_db.owner}:"
        f"{server_db.password}\n",
        encoding="utf-8",
    )
    pgpass.chmod(0o600)
    data = tmp_path / "data"
    env.pop("OPERATOR_APP_DB", None)
    env |= {"XDG_DATA_HOME": str(data), "PGPASSFILE": str(pgpass)}
    again = subprocess.run(
        [sys.executable, "-m", "operator_app", "gui", "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert again.returncode == 0, again.stderr[-2000:]
    assert not list(data.rglob("*.sqlite3")), list(data.rglob("*"))


def test_a_password_from_pgpass_needs_no_typing(
    qtbot: Any,
    window: Window,
    server_db: PgDatabase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """libpq's password file (PGPASSFILE / .pgpass, docs/district.md) answers the server."""
    pgpass = tmp_path / "pgpass.conf"
    port = server_db.server.port
    pgpass.write_text(
        f"127.0.0.1:{port}:{server_db.name}:{server_db.owner}:{server_db.password}\n",
        encoding="utf-8",
    )
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    dialog = window.dialog()
    fill(dialog, server_db, password="")
    with qtbot.waitSignal(window.w.rows_loaded, timeout=60000):
        attempt(qtbot, dialog)
    assert not dialog.isVisible() and window.w.ws is not window.local[0]
    assert window.w.location is not None and not window.w.location.is_sqlite


def test_closing_the_window_during_a_server_query_waits_for_it_without_blocking(
    qtbot: Any, window: Window, server_db: PgDatabase, prompts: Recording
) -> None:
    window.w.show()
    dialog = window.dialog()
    fill(dialog, server_db)
    with qtbot.waitSignal(window.w.rows_loaded, timeout=60000):
        attempt(qtbot, dialog)
    assert window.w.runner.is_busy()  # the overview is being read from the server
    window.w.close()  # asks (Recording: yes), cancels, closes when the worker has returned
    assert prompts.shown[-1][0] == "ask" and window.w.isVisible()
    qtbot.waitUntil(lambda: not window.w.isVisible(), timeout=60000)
    assert window.w.ws is None and not window.w.runner.is_busy()
