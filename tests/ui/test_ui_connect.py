"""The connect dialog's field -> URL builder (store/location.server_location)."""

from __future__ import annotations

import pytest

from operator_app.core.errors import DatabaseError
from operator_app.store.location import parse_location, server_location


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
