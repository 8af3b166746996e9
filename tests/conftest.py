"""Test-wide setup: offscreen Qt, private user folders, and no network for anything."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from shared_docs import DocumentedLayouts, read_documented_layouts, shared_path

# PostgreSQL fixtures on a throwaway cluster (pg_server, pg_db, pg_url, ...): tests/pg_fixtures.py
pytest_plugins = ["pg_fixtures"]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="operator-app-tests-")
for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = os.path.join(_HOME, var.lower())
os.environ["OPERATOR_APP_TESTING"] = "1"
# Every Python the tests start (CLI runs, the kill loop's children) loads netguard/sitecustomize,
# which makes creating an IP socket fail there too.
_GUARD = os.path.join(os.path.dirname(__file__), "netguard")
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (_GUARD, os.environ.get("PYTHONPATH", "")) if p
)
os.environ["OPERATOR_APP_NO_NETWORK"] = "1"


class NetworkUsed(AssertionError):
    pass


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Personal data stays on the machine: creating an IP socket (or connecting one made
    before the test) fails the test. Local AF_UNIX sockets are allowed."""
    real_init = socket.socket.__init__
    real_connect = socket.socket.connect

    def guarded_init(  # type: ignore[no-untyped-def]
        self, family=-1, type=-1, proto=-1, fileno=None
    ) -> None:
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            raise NetworkUsed(f"an IP socket was created (family {family})")
        real_init(self, family, type, proto, fileno)

    def guarded_connect(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise NetworkUsed(f"network connection attempted to {address!r}")
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "__init__", guarded_init)
    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    yield


@pytest.fixture(scope="session")
def kabupaten(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small realistic kabupaten (3 schools) written once per session: (Kabupaten, KabupatenFiles)."""
    from operator_app.samples import build_kabupaten

    kab = build_kabupaten(5, n_schools=3, siasn_rows=300, inject=True)
    return kab, kab.write(tmp_path_factory.mktemp("kabupaten"))


@pytest.fixture(scope="session")
def district_db(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    """`district_db(n)`: the SQLite file of `build_district(n, seed=7)`, imported and checked
    (built once per size and session; tests open their own Workspace on it)."""
    from operator_app.samples.district import build_district
    from operator_app.store.workspace import Workspace

    made: dict[int, Path] = {}

    def make(n: int) -> Path:
        if n not in made:
            folder = tmp_path_factory.mktemp(f"district{n}")
            files = build_district(n, seed=7).write(folder / "exports")
            db = folder / "district.sqlite3"
            ws = Workspace(db)
            try:
                ws.import_files(files.all)
                ws.run_checks()
            finally:
                ws.close()
            made[n] = db
        return made[n]

    return make


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


# -- the shared domain docs (../shared beside the repository): helpers in shared_docs.py ---------
@pytest.fixture
def shared_file() -> Callable[..., Path]:
    """`shared_file("domain", "findings.md")`: the path, or skip (fail under CI=true)."""
    return shared_path


@pytest.fixture(scope="session")
def documented_layouts() -> DocumentedLayouts:
    """The header rows as shared/domain/formats.md documents them."""
    return read_documented_layouts(shared_path("domain", "formats.md"))
