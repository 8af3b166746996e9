"""Read-only views handed from the store to the UI and the reports (plain dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from operator_app.core.model import Finding, School

if TYPE_CHECKING:
    from operator_app.core.ekinerja.failures import SyncFailure


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One line of the per-teacher table."""

    person_key: str
    nama: str
    school_id: int | None
    school_name: str
    nip_dapodik: str
    nip_siasn: str
    nik: str
    status_kepegawaian: str
    unor: str  # SIASN UNOR_NAMA when matched
    worst_severity: str | None  # "invalid" | "warning" | "info" | None (no findings)
    n_findings: int  # open findings (baru / diajukan)
    workflow: str  # summary: "baru" if any open baru, else "diajukan", else "selesai"/"diabaikan", "" if none
    only_in_siasn: bool
    codes: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    # h15: numbers (seed 004) of this person's failed e-Kinerja syncs in the log; 0 = unknown text
    sync_failed: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class FieldPair:
    label: str  # Indonesian field label, e.g. "NIP", "Tanggal Lahir"
    dapodik: str
    siasn: str
    differs: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    siasn_key: str
    nama: str
    nip: str
    tanggal_lahir: str
    unor: str


@dataclass(frozen=True, slots=True)
class MatchInfo:
    by: str | None  # "nip" | "nip_lama" | "nik" | "nama_tgl_lahir" | "manual" | None
    score: float
    doubtful: bool
    decision: str | None  # "confirm" | "reject" | None
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True, slots=True)
class PersonDetail:
    row: PersonRow
    fields: tuple[FieldPair, ...]
    findings: tuple[Finding, ...]
    match: MatchInfo | None
    unor_condition: str | None = None  # "B" | "C" | None
    sync_failures: tuple[SyncFailure, ...] = ()  # h15: this person's rows of the e-Kinerja log
    # issue 14: read with the detail (versions first), so every decision made from it passes
    # the version it was shown; None: not loaded (an edit is then made unconditionally)
    versions: DecisionVersions | None = None
    alias_version: int | None = None  # the unor alias of row.unor
    history: tuple[DecisionEvent, ...] = ()  # oldest first, refused attempts included


@dataclass(frozen=True, slots=True)
class SourceInfo:
    kind: str
    file_name: str
    school_name: str | None
    tanggal_unduh: datetime | None
    imported_at: datetime
    rows: int


@dataclass(frozen=True, slots=True)
class SchoolOverview:
    school: School | None  # None: the "all schools" total
    by_severity: dict[str, int] = field(default_factory=dict)
    by_code: dict[str, int] = field(default_factory=dict)
    by_actor: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    sources: tuple[SourceInfo, ...] = ()
    new_since_previous: int = 0
    resolved_since_previous: int = 0
    n_ptk: int = 0
    # h15: failed e-Kinerja syncs of the current log, by message ("#10 ...") and by who must act
    sync_by_message: dict[str, int] = field(default_factory=dict)
    sync_by_owner: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SchoolSummary:
    """One school's line in the district overview and the Rekap Dinas (open findings only)."""

    school_id: int
    name: str
    kecamatan: str
    n_ptk: int
    n_matched: int  # PTK joined to a SIASN record
    n_invalid: int
    n_warning: int
    n_info: int
    by_actor: dict[str, int]
    last_import: datetime | None  # when this school's newest export was imported (local time)
    tanggal_unduh: datetime | None  # the Tanggal Unduh of that export
    n_new: int  # findings that appeared with this school's latest import
    n_fixed: int  # findings that disappeared with it


@dataclass(frozen=True, slots=True)
class DecisionVersions:
    """The versions of a person's decisions as last read; pass one back as `expected_version`
    so an edit made on stale data is refused (0: never decided)."""

    findings: dict[tuple[str, str, str], int] = field(default_factory=dict)  # finding key -> v
    match: int = 0
    unor_condition: int = 0


@dataclass(frozen=True, slots=True)
class DecisionEvent:
    """One line of a person's decision history (oldest first), refused stale edits included."""

    kind: str  # "status" | "match" | "unor_condition"
    at: datetime  # timezone-aware UTC
    decided_by: str | None  # operator or login name; None: automatic or before it was recorded
    channel: str  # "operator" | "workbook" | "auto"
    outcome: str  # "applied" | "refused" (made on stale data; nothing changed)
    old_value: str | None  # status / "confirm" | "reject" / "B" | "C"; None: none
    new_value: str | None
    note: str | None = None
    old_note: str | None = None
    code: str | None = None  # status: the finding's code and field
    field: str | None = None
    target: str | None = None  # match: the SIASN key decided on
    version: int | None = None  # after the change (refused: the version that won)
    seen_version: int | None = None
