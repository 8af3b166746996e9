"""The connect dialog's field -> URL builder (store/location.server_location)."""

from __future__ import annotations

from pathlib import Path

import pytest

from operator_app.core.errors import DatabaseError
from operator_app.store.location import parse_location, server_location
from operator_app.ui.settings import Settings


def test_tcp_fields_build_a_url_without_password() -> None:
    loc = server_location(" dinas.lan ", "5432", "operator_dinas", "guru", "require")
    url = loc.server_url()
    assert (url.host, url.port, url.database, url.username) == (
        "dinas.lan",
        5432,
        "operator_dinas",
        "guru",
    )
    assert url.query["sslmode"] == "require" and url.password is None
    assert parse_location(loc.remembered) == loc
    assert loc.display == "guru@dinas.lan:5432/operator_dinas"


def test_socket_folder_and_default_sslmode() -> None:
    loc = server_location("/tmp/tidak-ada", 5999, "dinas", "guru")
    url = loc.server_url()
    assert url.host is None and url.query == {"host": "/tmp/tidak-ada", "port": "5999"}
    assert "sekret" not in loc.with_password("sekret").remembered


@pytest.mark.parametrize(
    ("port", "database", "sslmode"),
    [("abc", "d", "prefer"), ("5432", "", "prefer"), ("1", "d", "x")],
)
def test_bad_fields_are_refused_in_indonesian(port: str, database: str, sslmode: str) -> None:
    with pytest.raises(DatabaseError):
        server_location("h", port, database, "u", sslmode)


# -- the recent connections and the dialog, without a server (tests/ui/test_ui_connect_pg.py
#    tries every failure against the real one) ---------------------------------------------------


def test_recent_connections_are_remembered_without_the_password(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for n in range(10):
        url = f"postgresql+psycopg://sdn{n}_guru:Rahasia-{n}-xyz@dinas.lan:5432/operator_app"
        settings.add_recent_connection(parse_location(url))
    settings.add_recent_connection(parse_location(f"{url}?sslmode=require"))
    recent = settings.recent_connections()
    assert len(recent) == 8 and recent[0].endswith("?sslmode=require")
    assert [parse_location(r).display for r in recent[1:3]] == [
        "sdn9_guru@dinas.lan:5432/operator_app",
        "sdn8_guru@dinas.lan:5432/operator_app",
    ]
    settings.store.sync()
    stored = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert "sdn9_guru@dinas.lan" in stored and "Rahasia" not in stored


class _Opener:
    def __init__(self) -> None:
        self.calls: list[tuple[object, object, object]] = []

    def __call__(self, location, on_opened, on_error):  # type: ignore[no-untyped-def]
        from operator_app.ui.runner import TaskHandle

        self.calls.append((location, on_opened, on_error))
        return TaskHandle("open", 1, True, False, "", on_opened, on_error)


def test_dialog_refuses_bad_fields_inline_and_hands_the_password_on_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    from operator_app.ui.connect_dialog import ConnectDialog

    opener = _Opener()
    recent = ["/tmp/lokal.sqlite3", "mysql://x@h/db", "postgresql+psycopg://guru@dinas.lan/op"]
    dialog = ConnectDialog(opener, recent)
    qtbot.addWidget(dialog)
    assert dialog.recent.count() == 1  # files and foreign URLs are not server connections
    dialog.recent.itemClicked.emit(dialog.recent.item(0))
    assert (dialog.host.text(), dialog.database.text(), dialog.user.text()) == (
        "dinas.lan",
        "op",
        "guru",
    )
    dialog.database.clear()
    dialog.connect_button.click()
    assert dialog.problem.text() == "Nama database belum diisi." and not opener.calls
    dialog.database.setText("op")
    dialog.password.setText("kata-sandi-rahasia")
    dialog.connect_button.click()
    ((location, on_opened, on_error),) = opener.calls
    assert location.server_url().password == "kata-sandi-rahasia"
    assert dialog.is_busy() and not dialog.connect_button.isEnabled()
    assert "guru@dinas.lan/op" in dialog.status.text() and "rahasia" not in dialog.status.text()
    on_error(DatabaseError("Server database dinas.lan tidak bisa dihubungi."))
    assert not dialog.is_busy() and "tidak bisa dihubungi" in dialog.problem.text()
    assert dialog.password.text() == "kata-sandi-rahasia"  # kept for another try
    on_opened(location)  # a late answer to the attempt that already failed: ignored
    assert dialog.result() == 0
    dialog.connect_button.click()
    opener.calls[-1][1](location)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.password.text() == ""


def test_dialog_keeps_query_options_it_does_not_show(qtbot) -> None:  # type: ignore[no-untyped-def]
    from operator_app.ui.connect_dialog import ConnectDialog

    dialog = ConnectDialog(_Opener(), [])
    qtbot.addWidget(dialog)
    url = "postgresql+psycopg://guru@dinas.lan:5433/op?sslmode=verify-full&sslrootcert=/etc/ca.crt"
    dialog.fill(parse_location(url))
    assert dialog.sslmode.currentData() == "verify-full" and dialog.port.text() == "5433"
    assert dialog.recent.count() == 1 and not dialog.recent.isEnabled()  # "(belum ada)"
    query = dialog.location().server_url().query
    assert query == {"sslmode": "verify-full", "sslrootcert": "/etc/ca.crt"}


def test_the_start_database_setting(settings: Settings, tmp_path: Path) -> None:
    """Where the window starts without --db: the setting (a server connected to last, or a
    file), else the local file; never a password on disk; a bad value opens the local file
    and says why."""
    from operator_app.core.errors import UserError
    from operator_app.store.location import default_db_path
    from operator_app.ui.connect_flow import start_target

    assert start_target(settings) == (default_db_path(), None)
    settings.set("start_database", "postgresql+psycopg://korwil:rahasia@10.0.0.5:5432/dinas")
    assert settings.get("start_database") == "postgresql+psycopg://korwil@10.0.0.5:5432/dinas"
    target, problem = start_target(settings)
    assert problem is None and not isinstance(target, Path)
    assert target.display == "korwil@10.0.0.5:5432/dinas" and not target.has_password
    settings.set("start_database", str(tmp_path / "sekolah.sqlite3"))
    assert start_target(settings) == (tmp_path / "sekolah.sqlite3", None)
    settings.set("start_database", "mysql://admin:rahasia@server/dinas")
    assert "rahasia" not in settings.get("start_database")
    target, problem = start_target(settings)
    assert target == default_db_path() and isinstance(problem, UserError)
    assert "tidak didukung" in problem.message


@pytest.mark.parametrize(
    "typed",
    [
        "postgresql://korwil:rahasia@server/dinas?password=rahasia&sslmode=require",
        "postgresql://korwil@server/dinas?PASSWORD=rahasia",
        "postgresql://korwil@server/dinas?sslpassword=rahasia",
        "postgresql://korwil:rah@sia@server/dinas",  # an unencoded @ in the password
        "mysql://korwil:rahasia@server/dinas?password=rahasia",  # refused at start, still no secret
    ],
)
def test_no_password_reaches_the_settings_in_any_form(settings: Settings, typed: str) -> None:
    settings.set("start_database", typed)
    kept = settings.get("start_database")
    assert "rahasia" not in kept and "sia@" not in kept and "korwil" in kept
    if typed.startswith("postgresql"):
        location = parse_location(typed)
        assert "rahasia" not in location.remembered and "rahasia" not in location.display
        settings.add_recent_connection(location)
        assert all("rahasia" not in r for r in settings.recent_connections())
