"""The one facade the CLI and the UI use: a database plus every operation on it (no Qt)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from operator_app.core.errors import UserError
from operator_app.core.model import Finding, School, WorkflowStatus
from operator_app.core.progress import CancelCheck, Progress, never_cancel, no_progress
from operator_app.core.views import (
    DecisionEvent,
    DecisionVersions,
    PersonDetail,
    PersonRow,
    SchoolOverview,
)
from operator_app.sources.preview import Preview


@dataclass(frozen=True, slots=True)
class FileReport:
    file: str
    kind: str  # dapodik_guru | dapodik_tendik | siasn
    school: str | None
    rows: int
    warnings: tuple[str, ...] = ()
    skipped_duplicate: bool = False  # same SHA-256 already imported
    current: bool = True  # False: an older export than what the school already has


@dataclass(frozen=True, slots=True)
class ImportReport:
    files: tuple[FileReport, ...]


@dataclass(frozen=True, slots=True)
class CheckSummary:
    findings: int
    by_school: dict[str, dict[str, int]] = field(default_factory=dict)
    skipped: tuple[tuple[str, str], ...] = ()  # (code, reason)


class Workspace:
    """Open (and migrate) the database at `db_path`; every method is one short transaction.

    Methods return plain dataclasses only. SQLite connections are per thread (the engine's pool),
    so a Workspace may be used from a worker thread; the UI runs one operation at a time.
    Decisions (match, unor condition, alias) re-run the checks so the findings reflect them.
    """

    def __init__(self, db_path: Path) -> None:
        from operator_app.store.db import open_database

        self.path = Path(db_path)
        self.engine = open_database(self.path)

    def close(self) -> None:
        self.engine.dispose()

    @property
    def db_id(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.execute(text("SELECT value FROM app_meta WHERE key='db_id'")).scalar())

    # -- import -----------------------------------------------------------------------------
    def import_files(
        self,
        paths: Sequence[Path],
        progress: Progress = no_progress,
        cancel: CancelCheck = never_cancel,
    ) -> ImportReport:
        """All files land in one transaction or none does. Raises BadFileError / Cancelled."""
        from operator_app.store.db import backup
        from operator_app.store.importer import run_import

        def before_write() -> None:
            if self.has_data():
                backup(self.path, "sebelum-impor")

        done = run_import(self.engine, paths, progress, cancel, before_write)
        return ImportReport(
            tuple(
                FileReport(
                    d.file,
                    d.kind,
                    d.school,
                    d.rows,
                    tuple(d.warnings),
                    d.skipped_duplicate,
                    d.current,
                )
                for d in done
            )
        )

    def has_data(self) -> bool:
        with self.engine.connect() as conn:
            return bool(conn.execute(text("SELECT count(*) FROM import_batch")).scalar())

    def preview(self, path: Path, n_rows: int = 10) -> Preview:
        from operator_app.sources.preview import preview_file

        return preview_file(Path(path), n_rows)

    # -- checks -----------------------------------------------------------------------------
    def run_checks(
        self, progress: Progress = no_progress, cancel: CancelCheck = never_cancel
    ) -> CheckSummary:
        """Match, run every rule, store findings, carry workflow state over, auto-resolve gone ones."""
        from operator_app.store.checks import run_and_store

        result, _ = run_and_store(self.engine, progress, cancel)
        by_school: dict[str, dict[str, int]] = {}
        for f in result.findings:
            counts = by_school.setdefault(f.school_name or "-", {})
            counts[f.severity] = counts.get(f.severity, 0) + 1
        return CheckSummary(
            len(result.findings), by_school, tuple((s.code, s.reason) for s in result.skipped)
        )

    def checks_stale(self) -> bool:
        from operator_app.store.checks import is_stale

        with self.engine.connect() as conn:
            return is_stale(conn)

    def ensure_checked(
        self, progress: Progress = no_progress, cancel: CancelCheck = never_cancel
    ) -> None:
        if self.checks_stale():
            self.run_checks(progress, cancel)

    def skipped_checks(self) -> list[tuple[str, str]]:
        with self.engine.connect() as conn:
            raw = conn.execute(
                text("SELECT skipped_json FROM check_run ORDER BY id DESC LIMIT 1")
            ).scalar()
        return [(d["code"], d["reason"]) for d in json.loads(raw or "[]")]

    # -- reading ----------------------------------------------------------------------------
    def schools(self) -> list[School]:
        from operator_app.store.loading import load_schools

        with self.engine.connect() as conn:
            return load_schools(conn)

    def school_by_name(self, name: str) -> School:
        wanted = " ".join(name.upper().split())
        schools = self.schools()
        for s in schools:
            if " ".join(s.name.upper().split()) == wanted:
                return s
        hits = [s for s in schools if wanted in s.name.upper()]
        if len(hits) == 1:
            return hits[0]
        names = ", ".join(s.name for s in schools) or "(belum ada sekolah; impor file Dapodik dulu)"
        raise UserError(f"Sekolah '{name}' tidak ditemukan. Sekolah yang ada: {names}.")

    def person_rows(self, school_id: int | None = None) -> list[PersonRow]:
        from operator_app.store.queries import person_rows

        with self.engine.connect() as conn:
            return person_rows(conn, school_id)

    def person_detail(self, person_key: str) -> PersonDetail:
        from operator_app.store.queries import person_detail

        with self.engine.connect() as conn:
            return person_detail(conn, person_key)

    def findings(self, school_id: int | None = None, include_closed: bool = True) -> list[Finding]:
        from operator_app.store.queries import load_findings

        with self.engine.connect() as conn:
            return load_findings(conn, school_id, include_closed)

    def overview(self, school_id: int | None = None) -> SchoolOverview:
        from operator_app.store.queries import overview

        with self.engine.connect() as conn:
            return overview(conn, school_id)

    def headmasters(self) -> dict[int, tuple[str, str]]:
        """school id -> (name, NIP) of its Kepala Sekolah in the current Dapodik data; a
        definitive head outranks a Plt., the first row wins among equals."""
        from operator_app.core.status import is_kepala_sekolah, is_plt

        with self.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT p.school_id, p.nama, p.nip, p.jenis_ptk, p.tugas_tambahan FROM ptk p "
                    "JOIN import_batch b ON b.id = p.batch_id WHERE b.is_current = 1 "
                    "ORDER BY p.school_id, p.row_number"
                )
            ).all()
        out: dict[int, tuple[str, str]] = {}
        acting: dict[int, tuple[str, str]] = {}
        for school_id, nama, nip, jenis, tugas in rows:
            if school_id in out or not is_kepala_sekolah(jenis, tugas):
                continue
            target = acting if is_plt(tugas) else out
            target.setdefault(school_id, (nama, nip or ""))
        return {**acting, **out}

    def sources(self) -> list[dict[str, object]]:
        """The current input files, as the JSON `inputs` list describes them."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT b.file_name, b.kind, b.row_count, s.name FROM import_batch b "
                    "LEFT JOIN school s ON s.id = b.school_id WHERE b.is_current = 1 ORDER BY b.id"
                )
            ).all()
        out: list[dict[str, object]] = []
        for r in rows:
            item: dict[str, object] = {"file": r[0], "kind": r[1], "rows": r[2]}
            if r[3]:
                item["school"] = r[3]
            out.append(item)
        return out

    # -- operator decisions -------------------------------------------------------------------
    # Versioned (issue 14): pass the version shown (decision_versions / unor_alias_version) as
    # `expected_version` and an edit made on stale data raises StaleEditError instead of
    # overwriting; None writes unconditionally (undo). Each decision records operator_name
    # (None: the PostgreSQL login, or the OS user name on SQLite) and the time in UTC.
    operator_name: str | None = None

    def set_status(
        self,
        finding_key: tuple[str, str, str],
        status: WorkflowStatus,
        note: str | None = None,
        by: str = "operator",
        expected_version: int | None = None,
    ) -> tuple[WorkflowStatus, str | None]:
        """Returns the previous (status, note) so the UI can undo."""
        from operator_app.store.decisions import set_status

        return set_status(
            self.engine, finding_key, status, note, by, expected_version, self.operator_name
        )

    def set_statuses(
        self,
        updates: Sequence[tuple[tuple[str, str, str], str, str | None]],
        by: str = "operator",
        expected_versions: Mapping[tuple[str, str, str], int] | None = None,
    ) -> None:
        """Many (finding key, status, note) at once, in one transaction."""
        from operator_app.store.decisions import set_statuses

        set_statuses(self.engine, updates, by, expected_versions, self.operator_name)

    def decide_match(
        self,
        person_key: str,
        siasn_key: str,
        decision: str | None,
        expected_version: int | None = None,
    ) -> str | None:
        """decision "confirm" | "reject" | None (forget); returns the previous one."""
        from operator_app.store.decisions import decide_match

        prev = decide_match(
            self.engine, person_key, siasn_key, decision, expected_version, self.operator_name
        )
        self.run_checks()
        return prev

    def set_unor_condition(
        self, person_key: str, condition: str | None, expected_version: int | None = None
    ) -> str | None:
        """ "B" | "C" | None; returns the previous one."""
        from operator_app.store.decisions import set_unor_condition

        prev = set_unor_condition(
            self.engine, person_key, condition, expected_version, self.operator_name
        )
        self.run_checks()
        return prev

    def add_unor_alias(
        self, unor_name: str, school_id: int, expected_version: int | None = None
    ) -> None:
        from operator_app.store.decisions import add_unor_alias

        add_unor_alias(self.engine, unor_name, school_id, expected_version, self.operator_name)
        self.run_checks()

    def remove_unor_alias(self, unor_name: str, expected_version: int | None = None) -> None:
        from operator_app.store.decisions import remove_unor_alias

        remove_unor_alias(self.engine, unor_name, expected_version, self.operator_name)
        self.run_checks()

    def decision_versions(self, person_key: str) -> DecisionVersions:
        """The versions of a person's decisions now (to pass back as expected_version)."""
        from operator_app.store.decisions import decision_versions

        with self.engine.connect() as conn:
            return decision_versions(conn, person_key)

    def unor_alias_version(self, unor_name: str) -> int:
        from operator_app.store.decisions import unor_alias_version

        with self.engine.connect() as conn:
            return unor_alias_version(conn, unor_name)

    def decision_history(self, person_key: str) -> list[DecisionEvent]:
        """Who decided what and when about this person, oldest first, refused attempts too."""
        from operator_app.store.decisions import decision_history

        with self.engine.connect() as conn:
            return decision_history(conn, person_key)

    def unor_aliases(self) -> list[tuple[str, int]]:
        with self.engine.connect() as conn:
            return [
                (r[0], int(r[1]))
                for r in conn.execute(
                    text("SELECT unor_name, school_id FROM unor_alias ORDER BY unor_name")
                )
            ]
