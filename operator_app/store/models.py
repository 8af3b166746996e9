"""SQLAlchemy 2 typed models of the database, SQLite or PostgreSQL (schema changes go through
Alembic)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, Dialect, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware instant on both engines.

    PostgreSQL keeps it in `timestamp with time zone`. SQLite has no date type: the value is
    ISO text with its offset (`2026-12-04 13:00:00.123456+00:00`), so it reads back the same
    instant. Rows written before this type (naive local times of the school PC) read as local
    time. Naive datetimes are refused on the way in: every stamp says which instant it is.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise TypeError(f"UtcDateTime needs an aware datetime, got {value!r}")
        value = value.astimezone(UTC)
        return value.isoformat(sep=" ") if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None or value == "":
            return None
        if not isinstance(value, datetime):
            try:
                value = datetime.fromisoformat(str(value))
            except ValueError:
                return None
        instant: datetime = value if value.tzinfo is not None else value.astimezone()
        return instant.astimezone(UTC)  # a naive value is a legacy local time


class Base(DeclarativeBase):
    pass


def tbl(model: type[Base]) -> Table:
    """The Core table of a model, typed as a Table (SQLAlchemy types `__table__` as FromClause)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


class AppMeta(Base):
    """Key/value facts about the database itself (db_id, created_with)."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class School(Base):
    __tablename__ = "school"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(300), unique=True)  # name + kabupaten, normalised
    kecamatan: Mapped[str | None] = mapped_column(String(200))
    kabupaten: Mapped[str | None] = mapped_column(String(200))
    provinsi: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ImportBatch(Base):
    """One imported file. `is_current` marks the data the checks use; older batches are history."""

    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    file_path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # dapodik_guru | dapodik_tendik | siasn
    school_id: Mapped[int | None] = mapped_column(ForeignKey("school.id"), index=True)
    sheet: Mapped[str | None] = mapped_column(String(200))
    tanggal_unduh: Mapped[datetime | None] = mapped_column(UtcDateTime)
    pengunduh: Mapped[str | None] = mapped_column(String(300))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    header_row: Mapped[int] = mapped_column(Integer)
    columns_json: Mapped[str] = mapped_column(Text)  # headers of every column, in file order
    fields_json: Mapped[str] = mapped_column(Text)  # canonical field per column ("" unnamed)
    warnings_json: Mapped[str] = mapped_column(Text, default="[]")
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)


class PtkRow(Base):
    __tablename__ = "ptk"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    row_number: Mapped[int] = mapped_column(Integer)
    person_key: Mapped[str] = mapped_column(String(300), index=True)
    nama: Mapped[str] = mapped_column(String(300))
    nama_key: Mapped[str] = mapped_column(String(300))
    nuptk: Mapped[str | None] = mapped_column(String(40))
    jk: Mapped[str | None] = mapped_column(String(1))
    tempat_lahir: Mapped[str | None] = mapped_column(String(200))
    tanggal_lahir: Mapped[str | None] = mapped_column(String(10))  # ISO date
    nip: Mapped[str | None] = mapped_column(String(60))
    nip_raw: Mapped[str | None] = mapped_column(String(60))
    nip_numeric: Mapped[bool] = mapped_column(Boolean, default=False)
    nik: Mapped[str | None] = mapped_column(String(60))
    nik_numeric: Mapped[bool] = mapped_column(Boolean, default=False)
    status_kepegawaian: Mapped[str | None] = mapped_column(String(100))
    jenis_ptk: Mapped[str | None] = mapped_column(String(100))
    tugas_tambahan: Mapped[str | None] = mapped_column(String(200))
    tmt_pns: Mapped[str | None] = mapped_column(String(10))
    raw_json: Mapped[str] = mapped_column(Text)  # every cell of the row, in file order


class SiasnRow(Base):
    __tablename__ = "siasn"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), index=True)
    row_number: Mapped[int] = mapped_column(Integer)
    person_key: Mapped[str] = mapped_column(String(300), index=True)
    pns_id: Mapped[str | None] = mapped_column(String(60))
    nip_baru: Mapped[str | None] = mapped_column(String(60))
    nip_lama: Mapped[str | None] = mapped_column(String(60))
    nama: Mapped[str] = mapped_column(String(300))
    nama_key: Mapped[str] = mapped_column(String(300))
    gelar_depan: Mapped[str | None] = mapped_column(String(100))
    gelar_belakang: Mapped[str | None] = mapped_column(String(100))
    tanggal_lahir: Mapped[str | None] = mapped_column(String(10))
    jk: Mapped[str | None] = mapped_column(String(1))
    nik: Mapped[str | None] = mapped_column(String(60))
    nik_numeric: Mapped[bool] = mapped_column(Boolean, default=False)
    nip_numeric: Mapped[bool] = mapped_column(Boolean, default=False)
    jenis_pegawai_nama: Mapped[str | None] = mapped_column(String(100))
    kedudukan_hukum_id: Mapped[str | None] = mapped_column(String(10))
    kedudukan_hukum_nama: Mapped[str | None] = mapped_column(String(100))
    status_cpns_pns: Mapped[str | None] = mapped_column(String(10))
    tmt_pns: Mapped[str | None] = mapped_column(String(10))
    jabatan_nama: Mapped[str | None] = mapped_column(String(300))
    unor_id: Mapped[str | None] = mapped_column(String(100))
    unor_nama: Mapped[str | None] = mapped_column(String(300))
    instansi_kerja_nama: Mapped[str | None] = mapped_column(String(300))
    raw_json: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_siasn_batch_nip", "batch_id", "nip_baru"),)


class MatchDecision(Base):
    """The operator confirmed or rejected a doubtful match (survives re-imports)."""

    __tablename__ = "match_decision"
    person_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    siasn_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    decision: Mapped[str] = mapped_column(String(10))  # confirm | reject
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # issue 14 (0003): the person's match version (decision_head) when written, and who
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    decided_by: Mapped[str | None] = mapped_column(String(200))


class UnorAlias(Base):
    """'This SIASN unor is my school', added by the operator."""

    __tablename__ = "unor_alias"
    unor_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    unor_name: Mapped[str] = mapped_column(String(300))
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # 0003
    decided_by: Mapped[str | None] = mapped_column(String(200))  # 0003


class UnorCondition(Base):
    """The operator's reading of a UNOR_BEDA: B (SIASN outdated) or C (Dapodik outdated)."""

    __tablename__ = "unor_condition"
    person_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    condition: Mapped[str] = mapped_column(String(1))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # 0003
    decided_by: Mapped[str | None] = mapped_column(String(200))  # 0003


class CheckRun(Base):
    __tablename__ = "check_run"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finished_at: Mapped[datetime] = mapped_column(UtcDateTime)
    data_signature: Mapped[str] = mapped_column(String(200))  # current batch ids + decision stamp
    n_findings: Mapped[int] = mapped_column(Integer)
    n_new: Mapped[int] = mapped_column(Integer, default=0)
    n_resolved: Mapped[int] = mapped_column(Integer, default=0)
    skipped_json: Mapped[str] = mapped_column(Text, default="[]")


class FindingRow(Base):
    """The findings of the latest check run (replaced on every run)."""

    __tablename__ = "finding"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("check_run.id"), index=True)
    who: Mapped[str] = mapped_column(String(300), index=True)
    code: Mapped[str] = mapped_column(String(40))
    field: Mapped[str] = mapped_column(String(60))
    school_id: Mapped[int | None] = mapped_column(Integer, index=True)
    severity: Mapped[str] = mapped_column(String(10))
    actor: Mapped[str] = mapped_column(String(30))
    payload_json: Mapped[str] = mapped_column(Text)


class MatchRow(Base):
    """How each current PTK was matched in the latest check run."""

    __tablename__ = "ptk_match"
    ptk_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(Integer)
    siasn_id: Mapped[int | None] = mapped_column(Integer, index=True)
    by: Mapped[str | None] = mapped_column(String(20))
    score: Mapped[float] = mapped_column()
    doubtful: Mapped[bool] = mapped_column(Boolean, default=False)
    candidates_json: Mapped[str] = mapped_column(Text, default="[]")


class FindingState(Base):
    """The operator's workflow per finding key; kept forever, across re-imports."""

    __tablename__ = "finding_state"
    who: Mapped[str] = mapped_column(String(300), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    school_id: Mapped[int | None] = mapped_column(Integer, index=True)
    status: Mapped[str] = mapped_column(String(12))  # baru | diajukan | selesai | diabaikan
    note: Mapped[str | None] = mapped_column(Text)
    auto: Mapped[bool] = mapped_column(Boolean, default=False)  # set by a re-import, not by hand
    open_now: Mapped[bool] = mapped_column(Boolean, default=True)  # present in the latest run
    first_seen_run: Mapped[int] = mapped_column(Integer)
    last_seen_run: Mapped[int] = mapped_column(Integer)
    resolved_run: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # issue 14 (0003): +1 on every operator change (compare-and-set), who and when (UTC)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # 0004: the exported workbook the current status was read from (None: the app, a re-check)
    workbook_id: Mapped[str | None] = mapped_column(String(32), index=True)


class FindingEvent(Base):
    """History of every workflow change (operator or automatic)."""

    __tablename__ = "finding_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    who: Mapped[str] = mapped_column(String(300), index=True)
    code: Mapped[str] = mapped_column(String(40))
    field: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    old_status: Mapped[str | None] = mapped_column(String(12))
    new_status: Mapped[str] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(12))  # operator | auto | workbook
    # issue 14 (0003): refused stale edits are history too
    outcome: Mapped[str] = mapped_column(String(10), default="applied", server_default="applied")
    old_note: Mapped[str | None] = mapped_column(Text)
    seen_version: Mapped[int | None] = mapped_column(Integer)  # the version the editor saw
    version: Mapped[int | None] = mapped_column(Integer)  # after the change (refused: current)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    workbook_id: Mapped[str | None] = mapped_column(String(32))  # 0004: by == "workbook"


class DecisionHead(Base):
    """The version of one decided subject (a person's match, a person's unor condition, an unor
    alias): the compare-and-set anchor. Never deleted, so forgetting a decision and deciding
    again keeps counting up and an editor who saw an older version is always refused."""

    __tablename__ = "decision_head"
    # match | unor_condition | unor_alias
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    subject: Mapped[str] = mapped_column(String(300), primary_key=True)  # person_key | unor_key
    version: Mapped[int] = mapped_column(Integer)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class DecisionEvent(Base):
    """History of match, unor-condition and unor-alias decisions, refused stale edits included
    (workflow status changes are in finding_event)."""

    __tablename__ = "decision_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(300))
    person_key: Mapped[str | None] = mapped_column(String(300), index=True)
    target: Mapped[str | None] = mapped_column(String(300))  # siasn_key | unor name
    old_value: Mapped[str | None] = mapped_column(String(300))
    new_value: Mapped[str | None] = mapped_column(String(300))
    note: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(10))  # applied | refused
    seen_version: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int | None] = mapped_column(Integer)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (Index("ix_decision_event_subject", "kind", "subject"),)


class SyncFailureRow(Base):
    """One failed e-Kinerja sync from the BKD's Log Sinkronisasi PMM export (a third source)."""

    __tablename__ = "sync_failure"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), index=True)
    row_number: Mapped[int] = mapped_column(Integer)
    nip: Mapped[str | None] = mapped_column(String(60), index=True)
    nama: Mapped[str | None] = mapped_column(String(300))
    unor: Mapped[str | None] = mapped_column(String(300))
    message: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[str | None] = mapped_column(String(40))  # as written in the log
    raw_json: Mapped[str] = mapped_column(Text)


__all__ = [
    "AppMeta",
    "Base",
    "CheckRun",
    "DecisionEvent",
    "DecisionHead",
    "FindingEvent",
    "FindingRow",
    "FindingState",
    "ImportBatch",
    "MatchDecision",
    "MatchRow",
    "PtkRow",
    "School",
    "SiasnRow",
    "SyncFailureRow",
    "UnorAlias",
    "UnorCondition",
    "UtcDateTime",
]
