"""A throwaway PostgreSQL cluster for the tests: found or installed, started, stopped, deleted.

Used by the pytest plugin tests/pg_fixtures.py (fixtures `pg_server`, `pg_admin_url`,
`pg_make_database`, `pg_db`, `pg_url`) and by scripts/pg.sh for a cluster to try things by hand.

- Binaries: $PG_BINDIR, else the newest /usr/lib/postgresql/*/bin, else initdb/pg_ctl on PATH.
  None found, running as root with apt-get: `apt-get install -y postgresql` (Debian package,
  non-interactive, without the package's own "main" cluster).
- PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` system user
  (the Debian package creates it) or else `nobody`; otherwise to the current user.
- The cluster lives in a fresh temporary folder, listens on 127.0.0.1 on a free port and on a
  private unix-socket folder (mode 0700). Authentication: the bootstrap superuser `postgres` is
  trusted over the unix socket only; every other role logs in with a SCRAM password (socket and
  TCP alike), so the tests exercise the same password path as a school PC.
- `stop()` stops the server (immediate mode) and deletes the folder; it also runs at exit.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "postgres"


class PgUnavailable(RuntimeError):
    """No PostgreSQL server could be started here (the message says why and what to do)."""


def _newest_bindir() -> Path | None:
    env = os.environ.get("PG_BINDIR")
    if env:
        path = Path(env)
        return path if (path / "initdb").exists() else None
    found = sorted(
        (Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin") if Path(p, "initdb").exists()),
        key=lambda p: _version_key(p.parent.name),
    )
    if found:
        return found[-1]
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(os.path.realpath(initdb)).parent
    return None


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _apt(*args: str) -> None:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive", UCF_FORCE_CONFFOLD="1")
    cmd = ["apt-get", *args]
    proc = subprocess.run(
        cmd, check=False, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    if proc.returncode != 0:
        raise PgUnavailable(
            f"PostgreSQL is not installed and `{' '.join(cmd)}` failed "
            f"(exit {proc.returncode}): {proc.stderr.strip()[-800:]}"
        )


def _apt_install() -> None:
    """Install the Debian `postgresql` package (root only), without its "main" cluster: as
    the official container images do, postgresql-common first, then create_main_cluster off."""
    _apt("update", "-qq")
    _apt("install", "-y", "-qq", "--no-install-recommends", "postgresql-common")
    conf = Path("/etc/postgresql-common/createcluster.conf")
    if conf.exists():
        lines = conf.read_text(encoding="utf-8").splitlines()
        lines = [ln for ln in lines if not re.match(r"\s*#?\s*create_main_cluster\b", ln)]
        conf.write_text("\n".join([*lines, "create_main_cluster = false", ""]), encoding="utf-8")
    _apt("install", "-y", "-qq", "--no-install-recommends", "postgresql")


def find_bindir(install: bool = True) -> Path:
    """The folder with initdb, pg_ctl, postgres and psql; installs the package when allowed."""
    bindir = _newest_bindir()
    # An explicit PG_BINDIR is the user's choice: never install over it (the CI-failure test
    # points it at an empty folder to hide the installed server).
    allowed = install and "PG_BINDIR" not in os.environ
    if bindir is None and allowed and os.geteuid() == 0 and shutil.which("apt-get"):
        _apt_install()
        bindir = _newest_bindir()
    if bindir is None:
        raise PgUnavailable(
            "PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin "
            "or on PATH. Install them (Debian/Ubuntu: `apt-get install postgresql`) or set "
            "PG_BINDIR to the folder holding initdb."
        )
    return bindir


def _run_as() -> pwd.struct_passwd | None:
    """The unprivileged owner of the cluster when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise PgUnavailable(
        "Running as root, and neither a `postgres` nor a `nobody` user exists to own the test "
        "cluster (PostgreSQL refuses to run as root)."
    )


# Taken at import, before the test suite's network guard patches socket.socket.__init__ for
# each test: finding a free port binds a local socket, it never talks to anyone.
_SOCKET_INIT = socket.socket.__init__


def _free_port() -> int:
    sock = socket.socket.__new__(socket.socket)
    _SOCKET_INIT(sock, socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
    finally:
        sock.close()


@dataclass
class PgServer:
    bindir: Path
    root: Path  # temp folder: data/, sock/, server.log
    port: int = 0
    owner: pwd.struct_passwd | None = None
    started_in: float = 0.0
    stopped_in: float = 0.0
    _running: bool = field(default=False, repr=False)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    def bin(self, name: str) -> str:
        return str(self.bindir / name)

    # ---- URLs and environments ----------------------------------------------------------
    def admin_url(self, dbname: str = "postgres") -> str:
        """SQLAlchemy URL of the bootstrap superuser over the private unix socket (trust)."""
        return (
            f"postgresql+psycopg://{SUPERUSER}@/{dbname}"
            f"?host={quote(str(self.socket_dir), safe='')}&port={self.port}"
        )

    def url(self, user: str, password: str | None, dbname: str) -> str:
        """SQLAlchemy URL of a password role over TCP to 127.0.0.1 (as a school PC connects)."""
        cred = quote(user, safe="")
        if password is not None:
            cred += ":" + quote(password, safe="")
        return f"postgresql+psycopg://{cred}@127.0.0.1:{self.port}/{dbname}"

    def libpq_env(
        self,
        user: str = SUPERUSER,
        password: str | None = None,
        dbname: str = "postgres",
        tcp: bool = False,
    ) -> dict[str, str]:
        """Environment for psql / pg_dump (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update(
            PGHOST="127.0.0.1" if tcp else str(self.socket_dir),
            PGPORT=str(self.port),
            PGUSER=user,
            PGDATABASE=dbname,
            PGCONNECT_TIMEOUT="10",
        )
        if password is not None:
            env["PGPASSWORD"] = password
        return env

    def psql(
        self,
        sql: str,
        *,
        user: str = SUPERUSER,
        password: str | None = None,
        dbname: str = "postgres",
        tcp: bool = False,
        check: bool = True,
    ) -> subprocess.CompletedProcess[str]:
        """Run `sql` through the real psql client (ON_ERROR_STOP, unaligned, tuples only)."""
        proc = subprocess.run(
            [self.bin("psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql],
            check=False,
            env=self.libpq_env(user, password, dbname, tcp),
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=60,
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"psql as {user} failed ({proc.returncode}): {proc.stderr}")
        return proc

    # ---- lifecycle ------------------------------------------------------------------------
    def _cmd(self, args: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
        kwargs: dict[str, object] = {}
        if self.owner is not None:
            kwargs.update(user=self.owner.pw_uid, group=self.owner.pw_gid, extra_groups=[])
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update(LC_ALL="C", HOME=str(self.root))
        return subprocess.run(  # type: ignore[call-overload, no-any-return]
            args,
            check=False,
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=timeout,
            **kwargs,
        )

    def _initdb(self) -> None:
        proc = self._cmd(
            [
                self.bin("initdb"),
                "-D",
                str(self.data),
                "-U",
                SUPERUSER,
                "-E",
                "UTF8",
                "--locale=C",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--no-sync",
            ]
        )
        if proc.returncode != 0:
            raise PgUnavailable(f"initdb failed ({proc.returncode}): {proc.stderr.strip()[-800:]}")
        (self.data / "pg_hba.conf").write_text(
            "# throwaway test cluster (tests/pgserver.py)\n"
            f"local all {SUPERUSER} trust\n"
            "local all all scram-sha-256\n"
            "host all all 127.0.0.1/32 scram-sha-256\n",
            encoding="utf-8",
        )
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(
                "\n# throwaway test cluster: speed over durability\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "password_encryption = 'scram-sha-256'\nmax_connections = 100\n"
                "shared_buffers = 64MB\nunix_socket_permissions = 0700\n"
            )
        if self.owner is not None:
            os.chown(self.data / "pg_hba.conf", self.owner.pw_uid, self.owner.pw_gid)

    def _start_once(self) -> bool:
        self.port = _free_port()
        opts = f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1"
        proc = self._cmd(
            [
                self.bin("pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.log),
                "-w",
                "-t",
                "60",
                "-o",
                opts,
                "start",
            ],
        )
        if proc.returncode == 0:
            return True
        log = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        if "could not bind" in log or "Address already in use" in log:
            return False  # someone took the port between our probe and the start: try another
        raise PgUnavailable(
            f"pg_ctl start failed ({proc.returncode}): {proc.stderr.strip()[-400:]}\n{log[-1200:]}"
        )

    def start(self) -> PgServer:
        t0 = time.perf_counter()
        self.owner = _run_as()
        self.root.mkdir(parents=True, exist_ok=True)
        self.socket_dir.mkdir(mode=0o700, exist_ok=True)
        if self.owner is not None:
            for path in (self.root, self.socket_dir):
                os.chown(path, self.owner.pw_uid, self.owner.pw_gid)
        os.chmod(self.root, 0o700)
        self._initdb()
        for _attempt in range(5):
            if self._start_once():
                break
        else:
            raise PgUnavailable("no free port found for the test cluster after 5 attempts")
        self._running = True
        atexit.register(self.stop)
        self.started_in = time.perf_counter() - t0
        return self

    def stop(self) -> None:
        """Stop the server and delete its folder (safe to call twice)."""
        t0 = time.perf_counter()
        if self._running:
            self._running = False
            self._cmd(
                [self.bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"],
                timeout=60,
            )
        shutil.rmtree(self.root, ignore_errors=True)
        self.stopped_in = time.perf_counter() - t0


def start_server(prefix: str = "operator-app-pg-") -> PgServer:
    """Find (or install) PostgreSQL and start a fresh throwaway cluster; raises PgUnavailable."""
    bindir = find_bindir()
    server = PgServer(bindir=bindir, root=Path(tempfile.mkdtemp(prefix=prefix)))
    try:
        return server.start()
    except PgUnavailable:
        server.stop()
        raise
    except (OSError, subprocess.SubprocessError) as exc:
        server.stop()
        raise PgUnavailable(f"could not start the test cluster: {exc}") from exc


def main() -> int:
    """scripts/pg.sh: start a cluster, print how to reach it, stop it on Ctrl-C / end of input."""
    import signal
    import sys

    try:
        server = start_server()
    except PgUnavailable as exc:
        print(f"pg: {exc}", file=sys.stderr)
        return 1
    print(
        f"# throwaway PostgreSQL {server.bindir.parent.name} started in {server.started_in:.2f} s"
    )
    print(f"export PGHOST={server.socket_dir} PGPORT={server.port} PGUSER={SUPERUSER}")
    print(f"# admin URL: {server.admin_url()}")
    print("# Ctrl-C stops it and deletes its folder", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while True:
            time.sleep(3600)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.stop()
        print(f"# stopped and deleted in {server.stopped_in:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
