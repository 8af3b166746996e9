"""Test-wide setup: offscreen Qt, private user folders, and no network for anything."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="operator-app-tests-")
for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = os.path.join(_HOME, var.lower())
os.environ["OPERATOR_APP_TESTING"] = "1"


class NetworkUsed(AssertionError):
    pass


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Personal data stays on the machine: any attempt to open an IP connection fails the test."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise NetworkUsed(f"network connection attempted to {address!r}")
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield


@pytest.fixture(scope="session")
def kabupaten(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small realistic kabupaten (3 schools) written once per session: (Kabupaten, KabupatenFiles)."""
    from operator_app.samples import build_kabupaten

    kab = build_kabupaten(5, n_schools=3, siasn_rows=300, inject=True)
    return kab, kab.write(tmp_path_factory.mktemp("kabupaten"))


@pytest.fixture
def kabupaten_files(kabupaten) -> list:  # type: ignore[no-untyped-def, type-arg]
    return list(kabupaten[1].all)


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp):  # type: ignore[no-untyped-def]
    """One QApplication for the whole run, created first.

    The report renderers fall back to a bare QGuiApplication when none exists (the CLI path);
    if a report test ran first, later widget tests would find the wrong application class.
    """
    return qapp
