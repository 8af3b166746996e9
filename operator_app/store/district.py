"""District mode on PostgreSQL: school and Dinas logins, enforced by row-level security.

Who sees what is decided by the server, not by the app, so it holds for psql too:

- `district_access(login, school_id)`: one row per school a login may use; `school_id` NULL
  means every school (Dinas staff). A korwil may have several school rows.
- Every table with personal data has ROW LEVEL SECURITY enabled, deliberately NOT FORCEd: the
  table owner (the Dinas admin who runs `db upgrade`, imports the kabupaten's SIASN and owns the
  schema anyway) bypasses the policies, because PostgreSQL refuses `COPY FROM` on a table whose
  row security applies to the caller, and the bulk loads must stay on COPY. It still gets an
  "all schools" row, so a later FORCE locks nobody out. Every other login (school, korwil,
  Dinas staff) is held to the policies, which compare `current_user` with district_access,
  through the columns each table has:
    ptk, finding, finding_state, unor_alias, import_batch  -> school_id
    ptk_match                                              -> ptk_id of a ptk of the school
    match_decision, unor_condition                         -> person_key of a ptk of the school
    finding_event                                          -> its finding_state (who/code/field)
    siasn     (read only) -> matched to a ptk of the school (ptk_match, written by a check
                             run), or carrying the NIP or NIK of a ptk of the school (so a
                             school's own check finds its people before any match is stored), or
                             its unor_nama is the school: an operator alias (unor_alias.unor_name)
                             or a name that core.schools reads as the school (table district_unor,
                             filled by refresh_unor_scope from the same comparison the checks use)
    sync_failure (read only) -> nip of a ptk of the school, or unor of the school
  import_batch rows without a school (SIASN, sync log) are readable by all, written by the Dinas;
  school is readable by all (names only), changed only for one's own school, added by the Dinas.
- School and Dinas logins are members of one group role per database (`group_role`), which holds
  the table privileges (never TRUNCATE, which bypasses row security) and CONNECT.

Passwords: the SCRAM verifier is computed on the client (libpq's PQencryptPasswordConn), so
the plain password never travels to the server or into its statement log.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text

from operator_app.core.errors import UserError

ACCESS_TABLE = "district_access"
UNOR_TABLE = "district_unor"
LOGIN_RE = re.compile(r"[a-z][a-z0-9_]{2,62}")
NPSN_RE = re.compile(r"\d{8}")
MIN_PASSWORD = 8
POLICY_PREFIX = "oa_"

# Subqueries every policy builds on (evaluated with the caller's rights: district_access has
# its own policy, login = current_user, so a login reads only its own rows there).
_ALL = (
    f"EXISTS (SELECT 1 FROM {ACCESS_TABLE} da WHERE da.login = current_user::text "
    "AND da.school_id IS NULL)"
)
_MINE = f"(SELECT da.school_id FROM {ACCESS_TABLE} da WHERE da.login = current_user::text)"
_MY_PTK = f"(SELECT p.id FROM ptk p WHERE p.school_id IN {_MINE})"
_MY_PERSONS = f"(SELECT p.person_key FROM ptk p WHERE p.school_id IN {_MINE})"
_MY_UNORS = (
    f"(SELECT u.unor_nama FROM {UNOR_TABLE} u WHERE u.school_id IN {_MINE} "
    f"UNION SELECT a.unor_name FROM unor_alias a WHERE a.school_id IN {_MINE})"
)


@dataclass(frozen=True)
class TableScope:
    """Row security of one table: which rows a login reads, and which it may write."""

    table: str
    read: str
    write: str


def _either(pred: str) -> str:
    return f"({_ALL} OR {pred})"


TABLE_SCOPES: tuple[TableScope, ...] = (
    TableScope("school", "true", _either(f"id IN {_MINE}")),
    TableScope(
        "import_batch",
        _either(f"school_id IN {_MINE} OR school_id IS NULL"),
        _either(f"school_id IN {_MINE}"),
    ),
    TableScope("ptk", _either(f"school_id IN {_MINE}"), _either(f"school_id IN {_MINE}")),
    TableScope(
        "siasn",
        _either(
            "id IN (SELECT m.siasn_id FROM ptk_match m WHERE m.siasn_id IS NOT NULL "
            f"AND m.ptk_id IN {_MY_PTK}) OR unor_nama IN {_MY_UNORS} "
            f"OR nip_baru IN (SELECT p.nip FROM ptk p WHERE p.nip IS NOT NULL "
            f"AND p.school_id IN {_MINE}) "
            f"OR nik IN (SELECT p.nik FROM ptk p WHERE p.nik IS NOT NULL "
            f"AND p.school_id IN {_MINE})"
        ),
        _ALL,
    ),
    TableScope("ptk_match", _either(f"ptk_id IN {_MY_PTK}"), _either(f"ptk_id IN {_MY_PTK}")),
    TableScope("finding", _either(f"school_id IN {_MINE}"), _either(f"school_id IN {_MINE}")),
    TableScope("finding_state", _either(f"school_id IN {_MINE}"), _either(f"school_id IN {_MINE}")),
    TableScope(
        "finding_event",
        _either(
            "EXISTS (SELECT 1 FROM finding_state fs WHERE fs.who = finding_event.who "
            "AND fs.code = finding_event.code AND fs.field = finding_event.field "
            f"AND fs.school_id IN {_MINE})"
        ),
        _either(
            "EXISTS (SELECT 1 FROM finding_state fs WHERE fs.who = finding_event.who "
            "AND fs.code = finding_event.code AND fs.field = finding_event.field "
            f"AND fs.school_id IN {_MINE})"
        ),
    ),
    TableScope(
        "match_decision",
        _either(f"person_key IN {_MY_PERSONS}"),
        _either(f"person_key IN {_MY_PERSONS}"),
    ),
    TableScope(
        "unor_condition",
        _either(f"person_key IN {_MY_PERSONS}"),
        _either(f"person_key IN {_MY_PERSONS}"),
    ),
    TableScope("unor_alias", _either(f"school_id IN {_MINE}"), _either(f"school_id IN {_MINE}")),
    TableScope(
        "sync_failure",
        _either(
            f"nip IN (SELECT p.nip FROM ptk p WHERE p.nip IS NOT NULL AND p.school_id IN {_MINE}) "
            f"OR unor IN {_MY_UNORS}"
        ),
        _ALL,
    ),
)
# Schema 0003 (versioned decisions): decision_head's subject is a person key for match and
# unor-condition decisions and an unor key (a unit's name, no personal data) for aliases;
# decision_event keeps the person, or for an alias the school ids before/after as text.
_MINE_TEXT = f"(SELECT CAST(da.school_id AS text) FROM {ACCESS_TABLE} da WHERE da.login = current_user::text)"
_HEAD_SCOPE = _either(
    f"(kind IN ('match', 'unor_condition') AND subject IN {_MY_PERSONS}) OR kind = 'unor_alias'"
)
_DECISION_EVENT_SCOPE = _either(
    f"person_key IN {_MY_PERSONS} OR (kind = 'unor_alias' AND (new_value IN {_MINE_TEXT} "
    f"OR old_value IN {_MINE_TEXT}))"
)
TABLE_SCOPES += (
    TableScope("decision_head", _HEAD_SCOPE, _HEAD_SCOPE),
    TableScope("decision_event", _DECISION_EVENT_SCOPE, _DECISION_EVENT_SCOPE),
)
# Tables without personal data: privileges only, no row security.
PLAIN_TABLES: dict[str, str] = {
    "check_run": "SELECT, INSERT, UPDATE",  # a check run records its counts afterwards
    "app_meta": "SELECT",
    "alembic_version": "SELECT",
    UNOR_TABLE: "SELECT",
}


@dataclass(frozen=True)
class Access:
    login: str
    school_id: int | None
    school_name: str | None


@dataclass(frozen=True)
class SetupReport:
    protected: list[str]  # tables under row security
    missing: list[str]  # known tables this schema does not have (yet)
    unknown: list[str]  # tables of the schema with no rule: closed to school logins
    unor_pairs: int


# ---- names --------------------------------------------------------------------------------


def check_login(login: str) -> str:
    """A login name we create and quote safely; anything else is refused before any SQL."""
    if not LOGIN_RE.fullmatch(login or ""):
        raise UserError(
            f"Nama login {login!r} tidak diterima. Pakai 3-63 huruf kecil, angka atau garis "
            "bawah, diawali huruf (contoh: sdn1_sukamaju); tidak ada yang diubah."
        )
    if login.startswith(("pg_", "operator_app")) or login in ("postgres", "public"):
        raise UserError(f"Nama login {login!r} dicadangkan oleh PostgreSQL atau operator-app.")
    return login


def group_role(dbname: str) -> str:
    """The group role of one database's logins (roles are shared by all databases of a server)."""
    name = f"operator_app_{dbname}"
    if len(name) > 63 or not re.fullmatch(r"[A-Za-z0-9_]+", name):
        name = "operator_app_" + hashlib.sha256(dbname.encode()).hexdigest()[:16]
    return name


def _q(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def _is_postgres(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        raise UserError(
            "Perintah district hanya untuk database PostgreSQL Dinas "
            "(--db postgresql+psycopg://user@host:5432/nama_db), bukan file SQLite."
        )


def _tables(conn: Connection) -> set[str]:
    rows = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
    return {str(r[0]) for r in rows}


# ---- setup --------------------------------------------------------------------------------


def setup(conn: Connection) -> SetupReport:
    """Create the district tables, the group role, grants and policies; idempotent.

    Run by the owner of the tables (the Dinas admin who ran `operator-app db upgrade`), who
    needs CREATEROLE. Everything happens in the caller's transaction: all or nothing.
    """
    _is_postgres(conn)
    tables = _tables(conn)
    if "ptk" not in tables or "alembic_version" not in tables:
        raise UserError(
            "Database ini belum berisi skema operator-app. Jalankan dulu "
            "`operator-app db upgrade --db URL`, lalu ulangi; tidak ada yang diubah."
        )
    owner = conn.execute(
        text(
            "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename = 'ptk'"
        )
    ).scalar_one()
    me = conn.execute(text("SELECT current_user")).scalar_one()
    is_super = conn.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar_one()
    if owner != me and not is_super:
        raise UserError(
            f"Login {me} bukan pemilik tabel operator-app (pemiliknya {owner}). Jalankan "
            f"perintah district sebagai {owner}; tidak ada yang diubah."
        )
    x = conn.exec_driver_sql
    x(
        f"CREATE TABLE IF NOT EXISTS {ACCESS_TABLE} ("
        " login text NOT NULL,"
        " school_id integer REFERENCES school(id) ON DELETE CASCADE,"
        " granted_at timestamptz NOT NULL DEFAULT now(),"
        " granted_by text NOT NULL DEFAULT current_user)"
    )
    x(
        f"CREATE UNIQUE INDEX IF NOT EXISTS ux_{ACCESS_TABLE} "
        f"ON {ACCESS_TABLE} (login, coalesce(school_id, 0))"
    )
    x(
        f"CREATE TABLE IF NOT EXISTS {UNOR_TABLE} ("
        " unor_nama text NOT NULL,"
        " school_id integer NOT NULL REFERENCES school(id) ON DELETE CASCADE,"
        " PRIMARY KEY (unor_nama, school_id))"
    )
    dbname = conn.execute(text("SELECT current_database()")).scalar_one()
    group = group_role(dbname)
    if not _role_exists(conn, group):
        x(f"CREATE ROLE {_q(conn, group)} NOLOGIN")
    qg, qdb = _q(conn, group), _q(conn, dbname)
    schema = _q(conn, conn.execute(text("SELECT current_schema()")).scalar_one())
    x(f"REVOKE ALL ON DATABASE {qdb} FROM PUBLIC")
    x(f"GRANT CONNECT, TEMPORARY ON DATABASE {qdb} TO {qg}")
    x(f"GRANT USAGE ON SCHEMA {schema} TO {qg}")
    # The owner bypasses the policies (not FORCEd, see above); its own "all" row keeps it
    # seeing everything should anyone FORCE them (a superuser is never held to them).
    for admin in {owner, me}:
        conn.execute(
            text(
                f"INSERT INTO {ACCESS_TABLE} (login, school_id) VALUES (:l, NULL) "
                "ON CONFLICT DO NOTHING"
            ),
            {"l": admin},
        )
    x(f"ALTER TABLE {ACCESS_TABLE} ENABLE ROW LEVEL SECURITY")
    x(f"DROP POLICY IF EXISTS {POLICY_PREFIX}own ON {ACCESS_TABLE}")
    x(
        f"CREATE POLICY {POLICY_PREFIX}own ON {ACCESS_TABLE} FOR SELECT "
        "USING (login = current_user::text)"
    )
    x(f"GRANT SELECT ON {ACCESS_TABLE} TO {qg}")
    protected: list[str] = []
    missing: list[str] = []
    for scope in TABLE_SCOPES:
        if scope.table not in tables:
            missing.append(scope.table)
            continue
        _protect(conn, scope, qg)
        protected.append(scope.table)
    for table, privileges in PLAIN_TABLES.items():
        if table in tables or table == UNOR_TABLE:
            x(f"REVOKE ALL ON {_q(conn, table)} FROM {qg}")
            x(f"GRANT {privileges} ON {_q(conn, table)} TO {qg}")
    x(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {qg}")
    known = {s.table for s in TABLE_SCOPES} | set(PLAIN_TABLES) | {ACCESS_TABLE}
    unknown = sorted(tables - known)
    pairs = refresh_unor_scope(conn)
    return SetupReport(protected, missing, unknown, pairs)


def _protect(conn: Connection, scope: TableScope, qgroup: str) -> None:
    x = conn.exec_driver_sql
    t = _q(conn, scope.table)
    x(f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY")
    x(f"ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY")  # the owner's COPY keeps working
    for old in conn.execute(
        text(
            "SELECT policyname FROM pg_policies WHERE schemaname = current_schema() "
            "AND tablename = :t"
        ),
        {"t": scope.table},
    ).scalars():
        x(f"DROP POLICY {_q(conn, old)} ON {t}")
    p = POLICY_PREFIX
    x(f"CREATE POLICY {p}read ON {t} FOR SELECT USING ({scope.read})")
    x(f"CREATE POLICY {p}insert ON {t} FOR INSERT WITH CHECK ({scope.write})")
    x(f"CREATE POLICY {p}update ON {t} FOR UPDATE USING ({scope.write}) WITH CHECK ({scope.write})")
    x(f"CREATE POLICY {p}delete ON {t} FOR DELETE USING ({scope.write})")
    x(f"REVOKE ALL ON {t} FROM {qgroup}")
    x(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {t} TO {qgroup}")


def refresh_unor_scope(conn: Connection) -> int:
    """Fill district_unor: each SIASN unor name that core.schools reads as a school (the same
    comparison as the checks, operator aliases included). Run after a SIASN import; returns
    the number of (unor, school) pairs."""
    from operator_app.core.schools import parse_school, same_school, school_key

    schools = [(int(r[0]), str(r[1])) for r in conn.execute(text("SELECT id, name FROM school"))]
    aliases = {
        str(r[0]): int(r[1])
        for r in conn.execute(text("SELECT unor_key, school_id FROM unor_alias"))
    }
    unors = [
        str(r[0])
        for r in conn.execute(
            text(
                "SELECT DISTINCT s.unor_nama FROM siasn s JOIN import_batch b ON b.id = s.batch_id "
                "WHERE b.is_current AND s.unor_nama IS NOT NULL AND s.unor_nama <> ''"
            )
        )
    ]
    pool: dict[tuple[str | None, int | None], list[tuple[int, str]]] = defaultdict(list)
    for sid, name in schools:
        parsed = parse_school(name)
        pool[(parsed.level, parsed.number)].append((sid, name))
    by_id = dict(schools)
    pairs: set[tuple[str, int]] = set()
    for unor in unors:
        alias = aliases.get(school_key(unor))
        if alias is not None and alias in by_id:
            pairs.add((unor, alias))
        parsed = parse_school(unor)
        for sid, name in pool.get((parsed.level, parsed.number), []):
            if same_school(name, unor):
                pairs.add((unor, sid))
    conn.exec_driver_sql(f"DELETE FROM {UNOR_TABLE}")
    if pairs:
        conn.execute(
            text(f"INSERT INTO {UNOR_TABLE} (unor_nama, school_id) VALUES (:u, :s)"),
            [{"u": u, "s": s} for u, s in sorted(pairs)],
        )
    return len(pairs)


# ---- schools ------------------------------------------------------------------------------


def _norm(name: str) -> str:
    return " ".join(name.upper().split())


def find_school(conn: Connection, wanted: str) -> tuple[int, str]:
    """The school named as in Dapodik (or its NPSN, when the school table keeps one)."""
    wanted = wanted.strip()
    cols = {
        str(r[0])
        for r in conn.execute(
            text(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = 'school'"
            )
        )
    }
    if NPSN_RE.fullmatch(wanted):
        if "npsn" not in cols:
            raise UserError(
                f"NPSN {wanted}: database ini belum menyimpan NPSN sekolah (file Dapodik tidak "
                "memuatnya). Tulis nama sekolah seperti di Dapodik, misalnya --school "
                '"SD NEGERI 1 SUKAMAJU".'
            )
        rows = conn.execute(
            text("SELECT id, name, kabupaten FROM school WHERE npsn = :n"), {"n": wanted}
        ).all()
        if not rows:
            raise UserError(f"Tidak ada sekolah dengan NPSN {wanted} di database ini.")
        return int(rows[0][0]), str(rows[0][1])
    from operator_app.core.schools import school_key

    rows = conn.execute(text("SELECT id, name, kabupaten FROM school ORDER BY name, id")).all()
    exact = [r for r in rows if _norm(r[1]) == _norm(wanted)]
    if not exact:
        key = school_key(wanted)
        exact = [r for r in rows if school_key(r[1]) == key]
    if len(exact) == 1:
        return int(exact[0][0]), str(exact[0][1])
    if exact:
        listed = "; ".join(f"{r[1]} ({r[2] or 'kabupaten ?'}, id {r[0]})" for r in exact)
        raise UserError(
            f"Ada {len(exact)} sekolah bernama {wanted!r}: {listed}. Pilih satu dengan "
            "--school-id; tidak ada yang diubah."
        )
    words = set(_norm(wanted).split())
    near = [r for r in rows if words & set(_norm(r[1]).split())]
    near.sort(key=lambda r: -len(words & set(_norm(r[1]).split())))
    hint = (
        " Mungkin maksudnya: " + "; ".join(f"{r[1]} (id {r[0]})" for r in near[:5]) + "."
        if near
        else " Impor dulu file Dapodik sekolah itu."
    )
    raise UserError(f"Sekolah {wanted!r} tidak ada di database ini.{hint} Tidak ada yang diubah.")


def school_by_id(conn: Connection, school_id: int) -> tuple[int, str]:
    name = conn.execute(text("SELECT name FROM school WHERE id = :i"), {"i": school_id}).scalar()
    if name is None:
        raise UserError(f"Tidak ada sekolah dengan id {school_id} di database ini.")
    return school_id, str(name)


# ---- grant / revoke -----------------------------------------------------------------------


def _role_exists(conn: Connection, role: str) -> bool:
    return bool(
        conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar()
    )


def _member_of(conn: Connection, role: str, group: str) -> bool:
    return bool(
        conn.execute(
            text(
                "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
                "JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname = :r AND g.rolname = :g"
            ),
            {"r": role, "g": group},
        ).scalar()
    )


def _our_groups(conn: Connection, role: str) -> list[str]:
    rows = conn.execute(
        text(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
            "JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname = :r "
            "AND g.rolname LIKE 'operator\\_app\\_%'"
        ),
        {"r": role},
    )
    return [str(g) for g in rows.scalars()]


def check_password(password: str, login: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"Kata sandi terlalu pendek: paling sedikit {MIN_PASSWORD} karakter.")
    if password.lower() == login.lower():
        raise UserError("Kata sandi tidak boleh sama dengan nama login.")
    if "\n" in password or "\r" in password or "\0" in password:
        raise UserError("Kata sandi tidak boleh berisi baris baru.")
    return password


def _verifier(conn: Connection, login: str, password: str) -> str:
    """SCRAM-SHA-256 verifier computed by libpq on the client: the server never sees the text."""
    raw = conn.connection.dbapi_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    out = pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
    verifier = bytes(out).decode("ascii")
    assert verifier.startswith("SCRAM-SHA-256$") and "'" not in verifier
    return verifier


@dataclass(frozen=True)
class GrantResult:
    login: str
    created: bool
    password_set: bool
    access: list[Access]


def needs_password(conn: Connection, login: str) -> bool:
    """True when `grant` will create the login (so a password must be given)."""
    return not _role_exists(conn, check_login(login))


def grant(
    conn: Connection,
    login: str,
    *,
    school_ids: Iterable[int] = (),
    all_schools: bool = False,
    password: str | None = None,
) -> GrantResult:
    """Give `login` access to the schools (or to all); creates the login when new. Idempotent:
    granting what the login already has changes nothing. Narrowing is explicit: --all replaces
    the school rows, a school grant removes an "all" row."""
    check_login(login)
    school_ids = sorted(set(school_ids))
    if all_schools == bool(school_ids):
        raise UserError("Pilih salah satu: --school (sekolah tertentu) atau --all (Dinas).")
    setup(conn)
    dbname = conn.execute(text("SELECT current_database()")).scalar_one()
    group = group_role(dbname)
    owner = conn.execute(text("SELECT current_user")).scalar_one()
    if login == owner:
        raise UserError(
            f"{login} adalah admin yang menjalankan perintah ini; ia sudah melihat semua."
        )
    x = conn.exec_driver_sql
    created = False
    if _role_exists(conn, login):
        if not _our_groups(conn, login):
            raise UserError(
                f"Login {login} sudah ada di server dan bukan login operator-app (mungkin milik "
                "program lain atau admin). Pilih nama lain; tidak ada yang diubah."
            )
    else:
        if password is None:
            raise UserError(f"Login baru {login} perlu kata sandi (--password-stdin atau ketik).")
        x(f"CREATE ROLE {_q(conn, login)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT")
        created = True
    if password is not None:
        check_password(password, login)
        verifier = _verifier(conn, login, password)
        x(f"ALTER ROLE {_q(conn, login)} LOGIN PASSWORD '{verifier}'")
    if not _member_of(conn, login, group):
        x(f"GRANT {_q(conn, group)} TO {_q(conn, login)}")
    if all_schools:
        conn.execute(
            text(f"DELETE FROM {ACCESS_TABLE} WHERE login = :l AND school_id IS NOT NULL"),
            {"l": login},
        )
        conn.execute(
            text(
                f"INSERT INTO {ACCESS_TABLE} (login, school_id) VALUES (:l, NULL) "
                "ON CONFLICT DO NOTHING"
            ),
            {"l": login},
        )
    else:
        conn.execute(
            text(f"DELETE FROM {ACCESS_TABLE} WHERE login = :l AND school_id IS NULL"),
            {"l": login},
        )
        for sid in school_ids:
            conn.execute(
                text(
                    f"INSERT INTO {ACCESS_TABLE} (login, school_id) VALUES (:l, :s) "
                    "ON CONFLICT DO NOTHING"
                ),
                {"l": login, "s": sid},
            )
    return GrantResult(login, created, password is not None, access_of(conn, login))


def access_of(conn: Connection, login: str | None = None) -> list[Access]:
    rows = conn.execute(
        text(
            f"SELECT da.login, da.school_id, s.name FROM {ACCESS_TABLE} da "
            "LEFT JOIN school s ON s.id = da.school_id "
            "WHERE (CAST(:l AS text) IS NULL OR da.login = :l) "
            "ORDER BY da.login, s.name NULLS FIRST"
        ),
        {"l": login},
    )
    return [Access(str(r[0]), r[1], r[2]) for r in rows]


@dataclass(frozen=True)
class RevokeResult:
    login: str
    had_access: bool
    dropped: bool  # the login was removed from the server
    note: str | None = None


def revoke(conn: Connection, login: str) -> RevokeResult:
    """Take every access from `login` in this database and remove the login when no other
    operator-app database uses it. Idempotent: revoking an unknown login changes nothing."""
    _is_postgres(conn)
    check_login(login)
    tables = _tables(conn)
    me = conn.execute(text("SELECT current_user")).scalar_one()
    if login == me:
        raise UserError(f"{login} adalah admin yang menjalankan perintah ini; tidak bisa dicabut.")
    had = False
    if ACCESS_TABLE in tables:
        had = bool(
            conn.execute(
                text(f"DELETE FROM {ACCESS_TABLE} WHERE login = :l RETURNING 1"), {"l": login}
            ).first()
        )
    if not _role_exists(conn, login):
        return RevokeResult(login, had, dropped=False)
    dbname = conn.execute(text("SELECT current_database()")).scalar_one()
    group = group_role(dbname)
    groups = _our_groups(conn, login)
    if group not in groups and not had:
        raise UserError(
            f"Login {login} ada di server tetapi bukan login operator-app database ini; "
            "tidak ada yang diubah."
        )
    x = conn.exec_driver_sql
    if group in groups:
        x(f"REVOKE {_q(conn, group)} FROM {_q(conn, login)}")
    others = [g for g in groups if g != group]
    if others:
        return RevokeResult(
            login,
            had,
            dropped=False,
            note=f"login tetap ada karena masih dipakai database lain ({', '.join(others)})",
        )
    owns = conn.execute(
        text(
            "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
            "WHERE r.rolname = :r"
        ),
        {"r": login},
    ).scalar_one()
    if owns:
        x(f"ALTER ROLE {_q(conn, login)} NOLOGIN")
        return RevokeResult(
            login, had, dropped=False, note="login memiliki tabel; hanya dinonaktifkan"
        )
    x(f"DROP ROLE {_q(conn, login)}")
    return RevokeResult(login, had, dropped=True)
