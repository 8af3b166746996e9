"""The one facade the CLI and the UI use: a database plus every operation on it (no Qt)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from operator_app.core.errors import UserError
from operator_app.core.model import Finding, School, WorkflowStatus
from operator_app.core.progress import CancelCheck, Progress, never_cancel, no_progress
from operator_app.core.views import (
    DecisionEvent,
    DecisionVersions,
    PersonDetail,
    PersonRow,
    SchoolOverview,
    SchoolSummary,
)
from operator_app.sources.preview import Preview
from operator_app.store.checkpoint import Checkpointer
from operator_app.store.location import DbLocation, PasswordPrompt

if TYPE_CHECKING:
    from operator_app.store.checks import ImportScope
    from operator_app.store.workbook_statuses import CheckedStatuses
from operator_app.store.models import (
    AppMeta,
    CheckRun,
    FindingRow,
    ImportBatch,
    PtkRow,
    UnorAlias,
    tbl,
)
from operator_app.store.models import School as SchoolRow

if TYPE_CHECKING:
    from operator_app.core.ekinerja.failures import SyncFailure


@dataclass(frozen=True, slots=True)
class FileReport:
    file: str
    kind: str  # dapodik_guru | dapodik_tendik | siasn
    school: str | None
    rows: int
    warnings: tuple[str, ...] = ()
    skipped_duplicate: bool = False  # same SHA-256 already imported
    current: bool = True  # False: an older export than what the school already has
    refused: str | None = None  # damaged, skipped because the operator asked (--lewati-rusak)


@dataclass(frozen=True, slots=True)
class ImportReport:
    files: tuple[FileReport, ...]
    ignored: tuple[str, ...] = ()  # files in a folder or zip that are not exports at all


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

    def __init__(
        self,
        db: DbLocation | Path | str,
        *,
        create: bool = True,
        migrate: bool | None = None,
        password_prompt: PasswordPrompt | None = None,
    ) -> None:
        from operator_app.store.db import open_database
        from operator_app.store.location import parse_location

        self.location = parse_location(db)
        self._pending_scope: ImportScope | None = None
        self._checkpoints = Checkpointer()  # an import's WAL checkpoint runs on a thread
        self.engine = open_database(
            self.location, create=create, migrate=migrate, password_prompt=password_prompt
        )

    @property
    def path(self) -> Path:
        """The SQLite file (backups, restore); a server database has none."""
        return self.location.sqlite_path()

    @property
    def is_server(self) -> bool:
        return not self.location.is_sqlite

    def close(self) -> None:
        self._checkpoints.wait()
        self.engine.dispose()

    @property
    def db_id(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.execute(select(AppMeta.value).where(AppMeta.key == "db_id")).scalar())

    def is_demo(self) -> bool:
        """The demo database (flag in app_meta, written by demo.build_demo_db)."""
        from operator_app.store.meta import is_demo

        return is_demo(self.engine)

    # -- import -----------------------------------------------------------------------------
    def import_files(
        self,
        paths: Sequence[Path],
        progress: Progress = no_progress,
        cancel: CancelCheck = never_cancel,
        skip_bad: bool = False,
    ) -> ImportReport:
        """Files, folders and .zip files of exports; all land in one transaction or none does.

        Raises BadFileError / Cancelled; with `skip_bad` a damaged file is reported and skipped.
        """
        from operator_app.sources.bundle import expand
        from operator_app.store.db import backup
        from operator_app.store.importer import run_import

        def before_write() -> None:
            # A server database is backed up by the server's own tools (docs/district.md).
            if self.location.is_sqlite and self.has_data():
                backup(self.path, "sebelum-impor", self.backup_budget_mb())

        from operator_app.core.checker import no_gc_pauses

        before = self._current_batches()
        # the cyclic GC off while ~80,000 rows become records (as in the check): its gen-2
        # passes walk them all and find no cycles
        with expand([Path(p) for p in paths]) as found, no_gc_pauses():
            done = run_import(
                self.engine,
                [m.path for m in found.files],
                progress,
                cancel,
                before_write,
                skip_bad=skip_bad,
                labels=[m.label for m in found.files],
            )
        self._scope_of_import(before)
        if self.location.is_sqlite and done:
            self._checkpoints.start(self.path)  # store.checkpoint: not inside the commit
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
                    d.refused,
                )
                for d in done
            ),
            tuple(found.ignored),
        )

    def backup_budget_mb(self) -> int:
        """The size budget of this database's backups folder (app_meta; default 500 MB)."""
        from operator_app.store.recovery import DEFAULT_BUDGET_MB

        with self.engine.connect() as conn:
            raw = conn.execute(
                select(AppMeta.value).where(AppMeta.key == "backup_budget_mb")
            ).scalar()
        return int(raw) if raw and str(raw).isdigit() else DEFAULT_BUDGET_MB

    def set_backup_budget_mb(self, mb: int) -> None:
        if mb < 10:
            raise UserError("Batas ukuran cadangan minimal 10 MB.")
        from sqlalchemy import delete, insert

        with self.engine.begin() as conn:
            conn.execute(delete(AppMeta).where(AppMeta.key == "backup_budget_mb"))
            conn.execute(insert(AppMeta).values(key="backup_budget_mb", value=str(mb)))
        if self.location.is_sqlite:
            from operator_app.store.recovery import BackupPolicy, prune

            prune(self.path, BackupPolicy(budget_mb=mb))

    def has_data(self) -> bool:
        with self.engine.connect() as conn:
            return bool(conn.execute(select(func.count()).select_from(tbl(ImportBatch))).scalar())

    def preview(self, path: Path, n_rows: int = 10) -> Preview:
        from operator_app.sources.preview import preview_file

        return preview_file(Path(path), n_rows)

    # -- checks -----------------------------------------------------------------------------
    def run_checks(
        self,
        progress: Progress = no_progress,
        cancel: CancelCheck = never_cancel,
        full: bool = False,
    ) -> CheckSummary:
        """Match, run every rule, store findings, carry workflow state over, auto-resolve gone
        ones. Right after an import of some schools only what it can change is checked again
        (store.scope), unless `full`."""
        from operator_app.store.checks import run_and_store

        scope, self._pending_scope = self._pending_scope, None
        result, _ = run_and_store(self.engine, progress, cancel, None if full else scope)
        by_school: dict[str, dict[str, int]] = {}
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(SchoolRow.name, FindingRow.severity, func.count())
                .select_from(FindingRow)
                .join(SchoolRow, SchoolRow.id == FindingRow.school_id, isouter=True)
                .group_by(SchoolRow.name, FindingRow.severity)
            ).all()
        for name, severity, n in rows:
            by_school.setdefault(name or "-", {})[severity] = int(n)
        total = sum(sum(c.values()) for c in by_school.values())
        return CheckSummary(total, by_school, tuple((s.code, s.reason) for s in result.skipped))

    def _scope_of_import(self, before: tuple[str, dict[int, tuple[str, int | None]]]) -> None:
        """Remember what an import changed, for the re-check that follows it."""
        from operator_app.store.checks import ImportScope

        signature, batches_before = before
        _, batches_after = self._current_batches()
        changed_batches = {
            b: v for b, v in {**batches_before, **batches_after}.items()
            if (b in batches_before) != (b in batches_after)
        }  # fmt: skip
        if any(kind == "siasn" for kind, _ in changed_batches.values()):
            self._pending_scope = None  # a new SIASN export: everything once
            return
        changed = frozenset(
            sid for kind, sid in changed_batches.values()
            if sid is not None and kind.startswith("dapodik")
        )  # fmt: skip
        before_schools = {
            sid for kind, sid in batches_before.values() if kind.startswith("dapodik")
        }
        self._pending_scope = ImportScope(changed, changed - frozenset(before_schools), signature)

    def _current_batches(self) -> tuple[str, dict[int, tuple[str, int | None]]]:
        from operator_app.store.loading import data_signature

        with self.engine.connect() as conn:
            rows = conn.execute(
                select(ImportBatch.id, ImportBatch.kind, ImportBatch.school_id).where(
                    ImportBatch.is_current.is_(True)
                )
            ).all()
            signature = data_signature(conn)
        return signature, {int(r[0]): (str(r[1]), r[2]) for r in rows}

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
                select(CheckRun.skipped_json).order_by(CheckRun.id.desc()).limit(1)
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
        from operator_app.store.synclog import with_sync_rows

        with self.engine.connect() as conn:
            return with_sync_rows(conn, person_rows(conn, school_id))

    def person_detail(self, person_key: str) -> PersonDetail:
        from operator_app.store.queries import person_detail
        from operator_app.store.synclog import with_sync_detail

        with self.engine.connect() as conn:
            return with_sync_detail(conn, person_detail(conn, person_key))

    def findings(self, school_id: int | None = None, include_closed: bool = True) -> list[Finding]:
        from operator_app.store.queries import load_findings

        with self.engine.connect() as conn:
            return load_findings(conn, school_id, include_closed)

    def overview(self, school_id: int | None = None) -> SchoolOverview:
        from operator_app.store.queries import overview
        from operator_app.store.synclog import with_sync_overview

        with self.engine.connect() as conn:
            return with_sync_overview(conn, overview(conn, school_id), school_id)

    def severity_by_school(self) -> dict[int, dict[str, int]]:
        """Every school's open findings by severity in one read (the Ringkasan's school list)."""
        from operator_app.store.queries import severity_by_school

        with self.engine.connect() as conn:
            return severity_by_school(conn)

    def school_summaries(self) -> list[SchoolSummary]:
        """The district overview: one line per school with current Dapodik data."""
        from operator_app.store.queries import school_summaries

        with self.engine.connect() as conn:
            return school_summaries(conn)

    def headmasters(self) -> dict[int, tuple[str, str]]:
        """school id -> (name, NIP) of its Kepala Sekolah in the current Dapodik data; a
        definitive head outranks a Plt., the first row wins among equals."""
        from operator_app.core.status import is_kepala_sekolah, is_plt

        with self.engine.connect() as conn:
            rows = conn.execute(
                select(
                    PtkRow.school_id,
                    PtkRow.nama,
                    PtkRow.nip,
                    PtkRow.jenis_ptk,
                    PtkRow.tugas_tambahan,
                )
                .join(ImportBatch, ImportBatch.id == PtkRow.batch_id)
                .where(ImportBatch.is_current.is_(True))
                .order_by(PtkRow.school_id, PtkRow.row_number, PtkRow.id)
            ).all()
        out: dict[int, tuple[str, str]] = {}
        acting: dict[int, tuple[str, str]] = {}
        for school_id, nama, nip, jenis, tugas in rows:
            if school_id in out or not is_kepala_sekolah(jenis, tugas):
                continue
            target = acting if is_plt(tugas) else out
            target.setdefault(school_id, (nama, nip or ""))
        return {**acting, **out}

    def siasn_nips(self, siasn_ids: Sequence[int]) -> dict[int, str]:
        """SIASN row id -> NIP_BARU (for the exports addressed to the BKD)."""
        from sqlalchemy import select

        from operator_app.store.models import SiasnRow

        out: dict[int, str] = {}
        ids = list(siasn_ids)
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                query = select(SiasnRow.id, SiasnRow.nip_baru).where(SiasnRow.id.in_(chunk))
                for row_id, nip in conn.execute(query):
                    if nip:
                        out[int(row_id)] = str(nip)
        return out

    def sources(self) -> list[dict[str, object]]:
        """The current input files, as the JSON `inputs` list describes them."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(
                    ImportBatch.file_name, ImportBatch.kind, ImportBatch.row_count, SchoolRow.name
                )
                .join(SchoolRow, SchoolRow.id == ImportBatch.school_id, isouter=True)
                .where(ImportBatch.is_current.is_(True))
                .order_by(ImportBatch.id)
            ).all()
        out: list[dict[str, object]] = []
        for r in rows:
            item: dict[str, object] = {"file": r[0], "kind": r[1], "rows": r[2]}
            if r[3]:
                item["school"] = r[3]
            out.append(item)
        return out

    # -- e-Kinerja sync log (h15) ------------------------------------------------------------
    def sync_failures(self, school_id: int | None = None) -> list[SyncFailure]:
        """The current Log Sinkronisasi PMM joined to our teachers and findings ([] if none)."""
        from operator_app.store.synclog import sync_failures

        with self.engine.connect() as conn:
            return sync_failures(conn, school_id)

    def has_sync_log(self) -> bool:
        from operator_app.store.synclog import has_log

        with self.engine.connect() as conn:
            return has_log(conn)

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

    def findings_with_versions(
        self, school_id: int | None = None
    ) -> tuple[list[Finding], dict[tuple[str, str, str], int]]:
        """The findings and each one's decision version, read as of one moment (a correction
        workbook records the versions its values were exported with)."""
        from operator_app.store.workbook_statuses import findings_and_versions

        with self.engine.connect() as conn:
            return findings_and_versions(conn, school_id)

    def set_statuses_from_workbook(
        self,
        items: Sequence[tuple[tuple[str, str, str], str, str | None, int | None]],
        skip_stale: bool = False,
        workbook_id: str | None = None,
    ) -> CheckedStatuses:
        """(finding key, status, note, version at export) from a correction workbook; every
        row changed since the export to another value (other than by this same workbook,
        `workbook_id`) is reported. Those refuse the whole set, or with `skip_stale` are
        skipped while the others land in one transaction."""
        from operator_app.store.workbook_statuses import set_statuses_reporting_stale

        return set_statuses_reporting_stale(
            self.engine,
            items,
            "workbook",
            self.operator_name,
            skip_stale=skip_stale,
            workbook_id=workbook_id,
        )

    def decided_from_workbook(self, workbook_id: str) -> set[tuple[str, str, str]]:
        """The findings whose current status was last read from this exported workbook."""
        from operator_app.store.workbook_statuses import decided_from_workbook

        with self.engine.connect() as conn:
            return decided_from_workbook(conn, workbook_id)

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
            rows = conn.execute(select(UnorAlias.unor_name, UnorAlias.school_id)).all()
        return sorted(((r[0], int(r[1])) for r in rows), key=lambda r: r[0])
