"""Plain records shared by the checker, the store, the reports and the UI (no ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Severity = Literal["invalid", "warning", "info"]
Actor = Literal["operator_sekolah", "admin_dinas", "admin_instansi", "pegawai", "kepala_sekolah"]
WorkflowStatus = Literal["baru", "diajukan", "selesai", "diabaikan"]
SourceKind = Literal["dapodik_guru", "dapodik_tendik", "siasn"]
MatchBy = Literal["nip", "nip_lama", "nik", "nama_tgl_lahir", "manual"]

SEVERITY_ORDER: dict[str, int] = {"invalid": 0, "warning": 1, "info": 2}
WORKFLOW_STATUSES: tuple[WorkflowStatus, ...] = ("baru", "diajukan", "selesai", "diabaikan")


@dataclass(frozen=True, slots=True)
class School:
    id: int
    name: str  # as in Dapodik title row A2, e.g. "SD NEGERI 3 SUKAMAJU"
    kecamatan: str | None = None
    kabupaten: str | None = None
    provinsi: str | None = None


@dataclass(frozen=True, slots=True)
class Ptk:
    """One Dapodik PTK row of a current batch, with the fields the checks need."""

    id: int
    school_id: int
    school_name: str
    kind: SourceKind  # dapodik_guru | dapodik_tendik
    source_file: str
    row: int  # 1-based spreadsheet row as the operator sees it
    nama: str
    nip: str | None  # cleaned text: apostrophe, spaces, dots, dashes removed; None when empty
    nip_raw: str | None  # exactly as the operator sees it in the cell
    nip_numeric: bool  # the cell was a number / scientific notation / lost digits
    nik: str | None
    nik_numeric: bool
    nuptk: str | None
    jk: str | None  # "L" | "P" | None
    tanggal_lahir: date | None
    status_kepegawaian: str | None  # as written in Dapodik
    jenis_ptk: str | None
    tugas_tambahan: str | None
    tmt_pns: date | None = None
    person_key: str = ""
    nama_key: str = ""  # core.names.name_key(nama), computed once at import


@dataclass(frozen=True, slots=True)
class Siasn:
    """One SIASN row of the current SIASN batch."""

    id: int
    source_file: str
    row: int  # 1-based; the CSV header is row 1
    nama: str
    nip_baru: str | None
    nip_lama: str | None
    pns_id: str | None = None
    gelar_depan: str | None = None
    gelar_belakang: str | None = None
    tanggal_lahir: date | None = None
    jk: str | None = None  # normalised to "L" | "P"
    nik: str | None = None
    nik_numeric: bool = False
    nip_numeric: bool = False
    jenis_pegawai_nama: str | None = None
    kedudukan_hukum_id: str | None = None  # zero-padding removed, e.g. "1", "71"
    kedudukan_hukum_nama: str | None = None
    status_cpns_pns: str | None = None  # "C" | "P" | None
    tmt_pns: date | None = None
    jabatan_nama: str | None = None
    unor_id: str | None = None
    unor_nama: str | None = None
    instansi_kerja_nama: str | None = None
    person_key: str = ""
    nama_key: str = ""  # core.names.name_key(nama), computed once at import


@dataclass(frozen=True, slots=True)
class Match:
    """Why one Dapodik PTK was joined to one SIASN record."""

    ptk_id: int
    siasn_id: int | None  # None: no SIASN record (only candidates, or nothing)
    by: MatchBy | None
    score: float
    doubtful: bool = False  # name+birth date only, or several candidates: PADANAN_RAGU
    candidates: tuple[int, ...] = ()  # siasn ids that fit when doubtful


@dataclass(frozen=True, slots=True)
class Decisions:
    """What the operator decided in the app; survives re-imports (keyed by person_key)."""

    # person_key -> (siasn person_key, "confirm" | "reject")
    matches: dict[str, tuple[str, str]] = field(default_factory=dict)
    # normalised SIASN unor name key (core.schools.school_key) -> school id
    unor_aliases: dict[str, int] = field(default_factory=dict)
    # person_key -> "B" | "C" for UNOR_BEDA
    unor_conditions: dict[str, str] = field(default_factory=dict)
    # every (person_key, siasn person_key) pair rejected; `matches` holds one decision per
    # person, so without this a second rejected candidate would be matched again
    rejections: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True, slots=True)
class CheckInput:
    schools: tuple[School, ...]
    ptk: tuple[Ptk, ...]
    siasn: tuple[Siasn, ...]
    siasn_columns: frozenset[str]  # canonical SIASN field names present in the current file
    dapodik_columns: frozenset[str]  # canonical Dapodik field names present (union of batches)
    decisions: Decisions = field(default_factory=Decisions)
    today: date | None = None
    # A check of some schools only (store.scope). `imported_school_ids`: every school with
    # current Dapodik data, the pool a SIASN unor is compared with (None: the schools of `ptk`).
    # `touched_elsewhere`: SIASN ids that PTK outside the scope matched or listed as candidates;
    # `matched_elsewhere`: SIASN id -> school id of the PTK outside the scope matched to it.
    imported_school_ids: frozenset[int] | None = None
    touched_elsewhere: frozenset[int] = frozenset()
    matched_elsewhere: dict[int, int] = field(default_factory=dict)


@dataclass(slots=True)
class Finding:
    """One problem of one person (or one school); maps 1:1 to the JSON contract of findings.md."""

    code: str
    severity: Severity
    actor: Actor
    where: str
    ekinerja_message: str
    action: str  # Indonesian: what to do, in which menu, with which documents
    person_key: str = ""  # "" for a school-level finding
    school_id: int | None = None
    school_name: str | None = None
    nama: str | None = None
    nik: str | None = None
    nip: str | None = None
    ptk_id: int | None = None
    siasn_id: int | None = None
    dapodik_file: str | None = None
    dapodik_row: int | None = None
    siasn_file: str | None = None
    siasn_row: int | None = None
    match_by: str | None = None
    match_score: float | None = None
    field: str | None = None  # e.g. "NIP", "Status Kepegawaian", "Unor"
    dapodik_value: str | None = None
    siasn_value: str | None = None
    suggested_value: str | None = None
    documents: tuple[str, ...] = ()  # e.g. ("SK CPNS", "KTP")
    detail: str = ""  # one Indonesian sentence: what exactly is wrong
    status: WorkflowStatus = "baru"
    note: str | None = None
    # The key "who|code|field" of the case this finding is part of, e.g. the person's
    # PTK_DI_DUA_SEKOLAH when this is one of their UNOR findings (docs/findings-conventions.md).
    case_key: str | None = None
    # NIP_BARU of the matched SIASN record: the number the BKD searches SIASN by (the Dapodik
    # NIP in `nip` may be the broken one); None without a SIASN record
    siasn_nip: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity across re-imports: (person or school, code, field)."""
        who = self.person_key or f"school:{self.school_id}"
        return (who, self.code, self.field or "")


@dataclass(frozen=True, slots=True)
class SkippedCheck:
    code: str
    reason: str  # Indonesian, e.g. "kolom NIK tidak ada di file SIASN"


@dataclass(slots=True)
class CheckResult:
    findings: list[Finding]
    matches: dict[int, Match]  # ptk_id -> Match
    skipped: list[SkippedCheck]
