"""Row-level security on a real PostgreSQL server, tried through psql as each kind of login.

A realistic kabupaten (3 schools, 300 SIASN rows, imported and checked) is put into a fresh
database; `district grant` gives one login school A, one login school B, one login the Dinas.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pg_data import alembic_upgrade, copy_sqlite_to_pg, sqlite_kabupaten
from pg_fixtures import PgDatabase
from sqlalchemy import Engine, create_engine, insert, text

from operator_app.store import district
from operator_app.store.models import (
    ImportBatch,
    MatchDecision,
    SyncFailureRow,
    UnorAlias,
    UnorCondition,
)

PASSWORD = {"a": "sandi-sekolah-A", "b": "sandi-sekolah-B", "dinas": "sandi-dinas-123"}


@dataclass
class District:
    db: PgDatabase
    owner: Engine
    school_a: int
    school_b: int
    logins: dict[str, str]  # a / b / dinas -> login name

    def psql(self, who: str, sql: str, check: bool = True) -> str:
        """`sql` through psql over TCP as login `who` (a, b, dinas) with PGPASSWORD."""
        proc = self.db.server.psql(
            sql,
            user=self.logins[who],
            password=PASSWORD[who],
            dbname=self.db.name,
            tcp=True,
            check=check,
        )
        return proc.stdout if check else proc.stdout + proc.stderr

    def refused(self, who: str, sql: str) -> str:
        proc = self.db.server.psql(
            sql,
            user=self.logins[who],
            password=PASSWORD[who],
            dbname=self.db.name,
            tcp=True,
            check=False,
        )
        assert proc.returncode != 0, f"{sql!r} was accepted for {who}: {proc.stdout}"
        return proc.stderr

    def admin(self, sql: str) -> str:
        return self.db.psql(sql)

    def ints(self, who: str, sql: str) -> list[int]:
        return sorted(int(v) for v in self.psql(who, sql).split())

    def admin_ints(self, sql: str) -> list[int]:
        return sorted(int(v) for v in self.admin(sql).split())


@pytest.fixture(scope="module")
def dist(
    pg_db: PgDatabase,
    kabupaten,
    tmp_path_factory: pytest.TempPathFactory,  # type: ignore[no-untyped-def]
) -> Iterator[District]:
    folder = tmp_path_factory.mktemp("rls")
    sqlite_db = sqlite_kabupaten(list(kabupaten[1].all), folder / "kab.sqlite3")
    owner = create_engine(pg_db.url)
    alembic_upgrade(owner)
    copy_sqlite_to_pg(sqlite_db, owner)
    ids = [int(v) for v in pg_db.psql("SELECT id FROM school ORDER BY id").split()]
    a, b = ids[0], ids[1]
    now = datetime.now(UTC)
    with owner.begin() as conn:
        keys = {
            sid: conn.execute(
                text(
                    "SELECT person_key, nip FROM ptk WHERE school_id = :s AND nip IS NOT NULL "
                    "ORDER BY id LIMIT 1"
                ),
                {"s": sid},
            ).one()
            for sid in (a, b)
        }
        for sid in (a, b):
            conn.execute(
                insert(MatchDecision).values(
                    person_key=keys[sid][0],
                    siasn_key=f"nip:{sid}",
                    decision="confirm",
                    decided_at=now,
                )
            )
            conn.execute(
                insert(UnorCondition).values(person_key=keys[sid][0], condition="B", decided_at=now)
            )
        batch = conn.execute(
            insert(ImportBatch)
            .values(
                file_name="log_sinkronisasi.xlsx",
                file_path="/tmp/log.xlsx",
                sha256="f" * 64,
                kind="synclog",
                school_id=None,
                imported_at=now,
                row_count=2,
                header_row=1,
                columns_json="[]",
                fields_json="[]",
                warnings_json="[]",
                is_current=True,
            )
            .returning(ImportBatch.id)
        ).scalar_one()
        for n, sid in enumerate((a, b), start=1):
            conn.execute(
                insert(SyncFailureRow).values(
                    batch_id=batch,
                    row_number=n,
                    nip=keys[sid][1],
                    nama=f"guru {sid}",
                    unor="DINAS LAIN",
                    message="NIP tidak ditemukan",
                    raw_json="{}",
                )
            )
    base = pg_db.name
    logins = {"a": f"{base}_sek_a", "b": f"{base}_sek_b", "dinas": f"{base}_dinas"}
    with owner.begin() as conn:
        district.grant(conn, logins["a"], school_ids=[a], password=PASSWORD["a"])
        district.grant(conn, logins["b"], school_ids=[b], password=PASSWORD["b"])
        district.grant(conn, logins["dinas"], all_schools=True, password=PASSWORD["dinas"])
    try:
        yield District(pg_db, owner, a, b, logins)
    finally:
        owner.dispose()


def test_school_login_sees_only_its_school(dist: District) -> None:
    a = dist.school_a
    for table in ("ptk", "finding", "finding_state", "unor_alias"):
        seen = set(
            dist.ints("a", f"SELECT DISTINCT school_id FROM {table} WHERE school_id IS NOT NULL")
        )
        assert seen <= {a}, table
    assert dist.ints("a", "SELECT count(*) FROM ptk") == dist.admin_ints(
        f"SELECT count(*) FROM ptk WHERE school_id = {a}"
    )
    assert dist.ints("a", "SELECT count(*) FROM finding") == dist.admin_ints(
        f"SELECT count(*) FROM finding WHERE school_id = {a}"
    )
    assert dist.ints(
        "a", "SELECT DISTINCT school_id FROM import_batch WHERE school_id IS NOT NULL"
    ) == [a]
    # the matches of its own PTK only
    assert dist.ints("a", "SELECT ptk_id FROM ptk_match") == dist.admin_ints(
        f"SELECT m.ptk_id FROM ptk_match m JOIN ptk p ON p.id = m.ptk_id WHERE p.school_id = {a}"
    )
    # the history of its own findings only
    assert dist.ints("a", "SELECT id FROM finding_event") == dist.admin_ints(
        "SELECT e.id FROM finding_event e JOIN finding_state s ON (s.who, s.code, s.field) = "
        f"(e.who, e.code, e.field) WHERE s.school_id = {a}"
    )
    assert dist.ints("a", "SELECT count(*) FROM finding_event") == [1]


def test_decisions_of_other_schools_are_invisible(dist: District) -> None:
    for table in ("match_decision", "unor_condition"):
        mine = dist.psql("a", f"SELECT person_key FROM {table}").split()
        expected = dist.admin(
            f"SELECT d.person_key FROM {table} d WHERE d.person_key IN "
            f"(SELECT person_key FROM ptk WHERE school_id = {dist.school_a})"
        ).split()
        assert mine == expected and len(mine) == 1, table
    nips = dist.psql("a", "SELECT nip FROM sync_failure").split()
    assert (
        nips
        == dist.admin(
            f"SELECT nip FROM ptk WHERE school_id = {dist.school_a} AND nip IN "
            "(SELECT nip FROM sync_failure)"
        ).split()
    )
    assert len(nips) == 1


def test_siasn_view_is_the_schools_people(dist: District) -> None:
    a = dist.school_a
    seen = dist.ints("a", "SELECT id FROM siasn")
    matched = dist.admin_ints(
        "SELECT DISTINCT m.siasn_id FROM ptk_match m JOIN ptk p ON p.id = m.ptk_id "
        f"WHERE p.school_id = {a} AND m.siasn_id IS NOT NULL"
    )
    at_unor = dist.admin_ints(
        f"SELECT s.id FROM siasn s JOIN {district.UNOR_TABLE} u ON u.unor_nama = s.unor_nama "
        f"WHERE u.school_id = {a}"
    )
    by_ident = dist.admin_ints(
        "SELECT s.id FROM siasn s WHERE s.nip_baru IN (SELECT nip FROM ptk WHERE school_id = "
        f"{a}) OR s.nik IN (SELECT nik FROM ptk WHERE school_id = {a})"
    )
    assert seen == sorted(set(matched) | set(at_unor) | set(by_ident))
    assert matched and at_unor and by_ident
    total = dist.admin_ints("SELECT count(*) FROM siasn")[0]
    assert len(seen) < total / 3  # the rest of the kabupaten stays hidden
    # someone matched to school B's PTK and working at B is not in A's view
    b_only = set(
        dist.admin_ints(
            "SELECT DISTINCT m.siasn_id FROM ptk_match m JOIN ptk p ON p.id = m.ptk_id "
            f"WHERE p.school_id = {dist.school_b} AND m.siasn_id IS NOT NULL"
        )
    ) - set(seen)
    assert b_only
    # the unor of A is the school's name as SIASN writes it
    unors = set(dist.psql("a", "SELECT DISTINCT unor_nama FROM siasn").splitlines())
    name = dist.admin(f"SELECT name FROM school WHERE id = {a}").strip()
    assert any(name.split()[-1] in u.upper() for u in unors)


def test_siasn_rows_with_the_schools_nip_are_visible_before_any_match(dist: District) -> None:
    """A school's own check must find its teachers' SIASN rows although no match is stored
    yet and SIASN still places them at another unit (a transfer not yet recorded)."""
    nip = dist.admin(
        f"SELECT nip FROM ptk WHERE school_id = {dist.school_a} AND nip IS NOT NULL LIMIT 1"
    ).strip()
    new_id = dist.admin(
        "INSERT INTO siasn (batch_id, row_number, person_key, nip_baru, nama, nama_key, "
        "nik_numeric, nip_numeric, unor_nama, raw_json) SELECT batch_id, 9999, 'nip:x', "
        f"'{nip}', 'PINDAHAN', 'PINDAHAN', false, true, 'SMP NEGERI 40 KOTA LAIN', '{{}}' "
        "FROM siasn LIMIT 1 RETURNING id"
    ).split()[0]
    try:
        assert dist.ints("a", f"SELECT id FROM siasn WHERE id = {new_id}") == [int(new_id)]
        assert dist.ints("b", f"SELECT id FROM siasn WHERE id = {new_id}") == []
    finally:
        dist.admin(f"DELETE FROM siasn WHERE id = {new_id}")


def test_alias_widens_the_siasn_view_at_once(dist: District) -> None:
    unor = dist.admin(
        "SELECT unor_nama FROM siasn WHERE unor_nama NOT IN "
        f"(SELECT unor_nama FROM {district.UNOR_TABLE}) ORDER BY unor_nama LIMIT 1"
    ).strip()
    assert unor
    quoted = unor.replace("'", "''")
    before = dist.ints("a", f"SELECT count(*) FROM siasn WHERE unor_nama = '{quoted}'")[0]
    with dist.owner.begin() as conn:
        conn.execute(
            insert(UnorAlias).values(
                unor_key=f"alias-test:{unor}",
                unor_name=unor,
                school_id=dist.school_a,
                created_at=datetime.now(UTC),
            )
        )
    try:
        after = dist.ints("a", f"SELECT count(*) FROM siasn WHERE unor_nama = '{quoted}'")[0]
        assert before == 0 and after >= 1
        assert dist.ints("b", f"SELECT count(*) FROM siasn WHERE unor_nama = '{quoted}'") == [0]
    finally:
        dist.admin(f"DELETE FROM unor_alias WHERE unor_name = '{quoted}'")


def test_other_schools_rows_cannot_be_changed(dist: District) -> None:
    b = dist.school_b
    before = dist.admin(
        f"SELECT md5(string_agg(nama, ',' ORDER BY id)) FROM ptk WHERE school_id = {b}"
    )
    out = dist.psql("a", f"UPDATE ptk SET nama = 'DIUBAH' WHERE school_id = {b}; SELECT 'x'")
    assert out.strip() == "x"
    for sql in (
        f"UPDATE ptk SET nama = 'DIUBAH' WHERE school_id = {b} RETURNING id",
        f"DELETE FROM ptk WHERE school_id = {b} RETURNING id",
        f"DELETE FROM finding WHERE school_id = {b} RETURNING id",
        f"UPDATE finding_state SET status = 'selesai' WHERE school_id = {b} RETURNING who",
        "DELETE FROM finding_event RETURNING id",  # only its own event could go...
    ):
        rows = dist.psql("a", f"BEGIN; {sql}; ROLLBACK").split()
        if sql.startswith("DELETE FROM finding_event"):
            assert len(rows) == 1  # ...its own single event, in a transaction rolled back
        else:
            assert rows == [], sql
    assert (
        dist.admin(f"SELECT md5(string_agg(nama, ',' ORDER BY id)) FROM ptk WHERE school_id = {b}")
        == before
    )
    assert dist.admin_ints("SELECT count(*) FROM finding_event") == [3]


def test_rows_for_another_school_are_refused(dist: District) -> None:
    b = dist.school_b
    err = dist.refused(
        "a",
        "INSERT INTO unor_alias (unor_key, unor_name, school_id, created_at) "
        f"VALUES ('x', 'SD LAIN', {b}, now())",
    )
    assert "row-level security" in err
    err = dist.refused(
        "a",
        "INSERT INTO finding_state (who, code, field, school_id, status, auto, open_now, "
        "first_seen_run, last_seen_run, created_at, updated_at) VALUES "
        f"('nik:1', 'X', '', {b}, 'baru', false, true, 1, 1, now(), now())",
    )
    assert "row-level security" in err
    # moving one's own row to another school is refused too
    err = dist.refused("a", f"UPDATE ptk SET school_id = {b} WHERE school_id = {dist.school_a}")
    assert "row-level security" in err
    # SIASN and the sync log are the Dinas's: read-only for a school
    assert dist.psql("a", "UPDATE siasn SET nama = 'X' RETURNING id").split() == []
    assert "row-level security" in dist.refused(
        "a",
        "INSERT INTO siasn (batch_id, row_number, person_key, nama, nama_key, nik_numeric, "
        "nip_numeric, raw_json) SELECT batch_id, 999, 'x', 'x', 'x', false, false, '{}' "
        "FROM siasn LIMIT 1",
    )
    # TRUNCATE would bypass row security: not granted
    assert "permission denied" in dist.refused("a", "TRUNCATE finding")
    assert "permission denied" in dist.refused("a", f"DELETE FROM {district.ACCESS_TABLE}")


def test_school_login_changes_its_own_rows(dist: District) -> None:
    a = dist.school_a
    rows = dist.psql(
        "a",
        "BEGIN; UPDATE finding_state SET note = 'sudah diajukan' "
        f"WHERE school_id = {a} RETURNING who; ROLLBACK",
    ).split()
    assert (
        len(rows) == dist.admin_ints(f"SELECT count(*) FROM finding_state WHERE school_id = {a}")[0]
    )
    out = dist.psql(
        "a",
        "BEGIN; INSERT INTO unor_alias (unor_key, unor_name, school_id, created_at) "
        f"VALUES ('k', 'UPT SD X', {a}, now()) RETURNING school_id; ROLLBACK",
    )
    assert out.split() == [str(a)]


def test_access_table_shows_a_login_only_its_own_rows(dist: District) -> None:
    rows = dist.psql("a", f"SELECT login, school_id FROM {district.ACCESS_TABLE}").split()
    assert rows == [f"{dist.logins['a']}|{dist.school_a}"]


def test_dinas_login_and_owner_see_everything(dist: District) -> None:
    for table in (
        "ptk",
        "siasn",
        "finding",
        "finding_state",
        "finding_event",
        "ptk_match",
        "match_decision",
        "unor_condition",
        "sync_failure",
        "import_batch",
    ):
        total = dist.admin_ints(f"SELECT count(*) FROM {table}")
        assert dist.ints("dinas", f"SELECT count(*) FROM {table}") == total, table
        with dist.owner.connect() as conn:
            assert [conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()] == total
    assert len(dist.ints("dinas", "SELECT DISTINCT school_id FROM ptk")) == 3


def test_setup_is_idempotent_and_policies_on(dist: District) -> None:
    with dist.owner.begin() as conn:
        first = district.setup(conn)
    with dist.owner.begin() as conn:
        again = district.setup(conn)
    assert first == again
    assert not first.unknown
    assert set(first.missing) <= {"decision_head", "decision_event"}  # before schema 0003
    forced = dist.admin(
        "SELECT relname FROM pg_class WHERE relrowsecurity AND NOT relforcerowsecurity "
        f"AND relkind = 'r' AND relname <> '{district.ACCESS_TABLE}' ORDER BY relname"
    ).split()
    assert sorted(first.protected) == forced
    n_policies = dist.admin_ints("SELECT count(*) FROM pg_policies WHERE policyname LIKE 'oa\\_%'")
    assert n_policies == [4 * len(first.protected) + 1]


def _copy_alias(conninfo: dict[str, object], school_id: int) -> None:
    import psycopg

    with psycopg.connect(**conninfo) as conn:  # type: ignore[arg-type]
        with (
            conn.cursor() as cur,
            cur.copy(
                "COPY unor_alias (unor_key, unor_name, school_id, created_at) FROM STDIN"
            ) as copy,
        ):
            copy.write_row(("copy-test", "UPT COPY", school_id, datetime.now(UTC)))
        conn.rollback()


def test_copy_stays_open_to_the_owner_only(dist: District) -> None:
    """PostgreSQL refuses COPY FROM wherever row security applies: the owner (not FORCEd) keeps
    the fast bulk path; a school or Dinas-staff login must load with INSERT (store/bulk.py)."""
    import psycopg

    server, name = dist.db.server, dist.db.name
    base = {"host": "127.0.0.1", "port": server.port, "dbname": name}
    _copy_alias({**base, "user": dist.db.owner, "password": dist.db.password}, dist.school_a)
    for who in ("a", "dinas"):
        with pytest.raises(psycopg.errors.FeatureNotSupported, match="row-level security"):
            _copy_alias(
                {**base, "user": dist.logins[who], "password": PASSWORD[who]}, dist.school_a
            )


def test_no_public_access_to_the_database(dist: District, pg_make_database) -> None:  # type: ignore[no-untyped-def]
    """A login of another database on the same server cannot even connect to this one."""
    other = pg_make_database("stranger")
    proc = dist.db.server.psql(
        "SELECT 1",
        user=other.owner,
        password=other.password,
        dbname=dist.db.name,
        tcp=True,
        check=False,
    )
    assert proc.returncode != 0
    assert "permission denied" in proc.stderr


def test_sqlite_path_is_untouched(tmp_path: Path) -> None:
    """District mode is PostgreSQL-only; an SQLite engine is refused with a clear message."""
    from operator_app.core.errors import UserError

    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.begin() as conn, pytest.raises(UserError, match="PostgreSQL"):
        district.setup(conn)
