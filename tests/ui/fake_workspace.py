"""An in-memory stand-in for store.workspace.Workspace with realistic teachers and every code."""

from __future__ import annotations

import random
import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from operator_app.core.errors import Cancelled, StaleEditError, UserError
from operator_app.core.model import SEVERITY_ORDER, Actor, Finding, School, Severity, WorkflowStatus
from operator_app.core.progress import CancelCheck, Progress, never_cancel, no_progress
from operator_app.core.views import (
    Candidate,
    DecisionEvent,
    DecisionVersions,
    FieldPair,
    MatchInfo,
    PersonDetail,
    PersonRow,
    SchoolOverview,
    SchoolSummary,
    SourceInfo,
)
from operator_app.core.workflow import validate_status
from operator_app.sources.preview import Preview
from operator_app.store.workspace import CheckSummary, FileReport, ImportReport

# code -> (severity, actor, where, e-Kinerja message, field, documents)
CATALOGUE: dict[str, tuple[Severity, Actor, str, str, str | None, tuple[str, ...]]] = {
    "NIP_KOSONG": (
        "invalid",
        "operator_sekolah",
        "Verval PTK",
        "Tombol sinkron PMM tidak muncul di e-Kinerja",
        "NIP",
        ("SK CPNS", "SK PNS"),
    ),
    "NIP_BEDA": (
        "invalid",
        "operator_sekolah",
        "Verval PTK",
        "Data PNS ID belum padan antara SIASN dengan PMM",
        "NIP",
        ("SK CPNS",),
    ),
    "NIP_LAMA": (
        "invalid",
        "operator_sekolah",
        "Verval PTK",
        "Tombol sinkron PMM tidak muncul di e-Kinerja",
        "NIP",
        ("SK konversi NIP",),
    ),
    "NIP_RUSAK": (
        "invalid",
        "operator_sekolah",
        "Verval PTK",
        "Tombol sinkron PMM tidak muncul di e-Kinerja",
        "NIP",
        (),
    ),
    "NIP_TIDAK_SESUAI_TGL_LAHIR": (
        "warning",
        "operator_sekolah",
        "Verval PTK",
        "Data Pribadi tidak padan",
        "Tanggal Lahir",
        ("KTP", "Akta Kelahiran"),
    ),
    "NIP_TIDAK_SESUAI_JK": (
        "warning",
        "operator_sekolah",
        "Verval PTK",
        "Data Pribadi tidak padan",
        "Jenis Kelamin",
        ("KTP",),
    ),
    "NIK_TIDAK_VALID": (
        "warning",
        "pegawai",
        "Disdukcapil",
        "Perbaikan identitas: data tidak sesuai dengan Dukcapil",
        "NIK",
        ("KTP", "KK"),
    ),
    "NIK_BEDA": (
        "invalid",
        "pegawai",
        "Verval PTK / SIASN",
        "Data Pribadi tidak padan",
        "NIK",
        ("KTP", "KK"),
    ),
    "NAMA_BEDA": (
        "warning",
        "operator_sekolah",
        "Verval PTK",
        "Data Pribadi tidak padan",
        "Nama",
        ("KTP", "Ijazah"),
    ),
    "TGL_LAHIR_BEDA": (
        "invalid",
        "operator_sekolah",
        "Verval PTK",
        "Data Pribadi tidak padan",
        "Tanggal Lahir",
        ("KK", "Akta Kelahiran"),
    ),
    "JK_BEDA": (
        "warning",
        "operator_sekolah",
        "Verval PTK",
        "Data Pribadi tidak padan",
        "Jenis Kelamin",
        ("KTP",),
    ),
    "STATUS_BUKAN_ASN": (
        "invalid",
        "operator_sekolah",
        "Dapodik",
        "Data status kepegawaian di PMM tidak terdaftar sebagai ASN",
        "Status Kepegawaian",
        ("SK PPPK", "KTP"),
    ),
    "STATUS_CPNS_SUDAH_PNS": (
        "warning",
        "operator_sekolah",
        "Dapodik",
        "Data status kepegawaian di PMM tidak terdaftar sebagai ASN",
        "Status Kepegawaian",
        ("SK PNS",),
    ),
    "STATUS_JENIS_BEDA": (
        "invalid",
        "operator_sekolah",
        "Dapodik",
        "Data status kepegawaian di PMM tidak terdaftar sebagai ASN",
        "Status Kepegawaian",
        ("SK PPPK",),
    ),
    "ASN_TIDAK_DITEMUKAN": (
        "warning",
        "pegawai",
        "MyASN",
        "Tombol sinkron PMM tidak muncul di e-Kinerja",
        None,
        (),
    ),
    "KEDUDUKAN_TIDAK_AKTIF": (
        "warning",
        "admin_instansi",
        "SIASN",
        "Kedudukan hukum pegawai tidak aktif",
        "Kedudukan Hukum",
        (),
    ),
    "UNOR_NOMENKLATUR": (
        "warning",
        "admin_instansi",
        "e-Kinerja Manajemen Unor",
        "Nama Sekolah atau Nama Unor tidak sama dengan data PMM",
        "Unor",
        (),
    ),
    "UNOR_BEDA": (
        "invalid",
        "admin_instansi",
        "e-Kinerja Manajemen Pegawai / SIASN",
        "Nama Sekolah atau Nama Unor tidak sama dengan data PMM",
        "Unor",
        ("SK Mutasi",),
    ),
    "TIDAK_ADA_DI_DAPODIK": (
        "warning",
        "operator_sekolah",
        "Dapodik (PTK terdaftar)",
        "Nama Sekolah atau Nama Unor tidak sama dengan data PMM",
        None,
        ("SK Mutasi",),
    ),
    "DUPLIKAT": ("invalid", "operator_sekolah", "Dapodik", "-", "NIK", ()),
    "KEPSEK_TIDAK_ADA": (
        "warning",
        "admin_dinas",
        "Dapodik (tugas tambahan)",
        "Data SKP Organisasi belum dibuat oleh atasan",
        None,
        ("SK Kepala Sekolah",),
    ),
    "KEPSEK_BUKAN_ASN": (
        "warning",
        "admin_instansi",
        "SIASN",
        "Atasan Pegawai tidak sama dengan data PMM",
        None,
        (),
    ),
    "PADANAN_RAGU": ("info", "operator_sekolah", "aplikasi ini", "-", None, ()),
}

FIRST = [
    "SITI",
    "AHMAD",
    "DEWI",
    "BUDI",
    "RINA",
    "AGUS",
    "SRI",
    "HENDRA",
    "NUR",
    "YULI",
    "EKO",
    "WATI",
    "DANI",
    "LESTARI",
    "IWAN",
]
LAST = [
    "RAHAYU",
    "SANTOSO",
    "WULANDARI",
    "HIDAYAT",
    "PRATIWI",
    "SETIAWAN",
    "KURNIAWAN",
    "HANDAYANI",
    "SAPUTRA",
    "MULYANI",
]
STATUSES = ["PNS", "PPPK", "CPNS", "Guru Honor Sekolah", "GTY/PTY", "PNS"]


@dataclass
class _Person:
    key: str
    nama: str
    school: School
    nip_d: str
    nip_s: str
    nik: str
    status: str
    unor: str
    only_siasn: bool
    tanggal_lahir: str


class FakeWorkspace:
    """A WorkspaceApi (ui/workspace_api.py; mypy-checked in test_ui_workspace_api.py): the real
    Workspace's methods and return types, in memory; thread-safe via one lock."""

    def __init__(
        self, path: Path | None = None, n_people: int = 60, seed: int = 7, demo: bool = False
    ) -> None:
        self.path = Path(path or "/tmp/fake.sqlite3")
        self.db_id: str = "fake-db"
        self.demo = demo
        self.closed = False
        self._lock = threading.RLock()
        self.calls: list[tuple[str, tuple[object, ...]]] = []
        self.import_gate: threading.Event | None = None  # tests: block import until cancelled
        self.skip_bad: list[bool] = []  # per import_files call
        self.match_decisions: dict[str, str | None] = {}
        self.unor_conditions: dict[str, str | None] = {}
        self.aliases: dict[str, int] = {}
        self.operator_name: str | None = None
        self.is_server = False
        self.versions: dict[tuple[str, ...], int] = {}  # ("status", *key) / ("match", person) ...
        self.stamps: dict[tuple[str, ...], tuple[str, datetime]] = {}
        self.history: dict[str, list[DecisionEvent]] = {}
        self._schools = [
            School(1, "SD NEGERI 3 SUKAMAJU", "Sukamaju", "Kab. Banyumas", "Jawa Tengah"),
            School(2, "SMP NEGERI 2 KEMBARAN", "Kembaran", "Kab. Banyumas", "Jawa Tengah"),
            School(3, "SD NEGERI 1 KARANGNANAS", "Sokaraja", "Kab. Banyumas", "Jawa Tengah"),
        ]
        self._people: dict[str, _Person] = {}
        self._findings: list[Finding] = []
        self._build(n_people, seed)

    # -- data ------------------------------------------------------------------------------------
    def _build(self, n: int, seed: int) -> None:
        rnd = random.Random(seed)
        codes = list(CATALOGUE)
        for i in range(n):
            school = self._schools[i % len(self._schools)]
            nama = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
            y, m, d = rnd.randint(1965, 1998), rnd.randint(1, 12), rnd.randint(1, 28)
            nip = f"{y}{m:02d}{d:02d}{rnd.randint(1990, 2022)}{rnd.randint(1, 12):02d}{rnd.choice('12')}{rnd.randint(1, 999):03d}"
            nik = f"3302{rnd.randint(10, 29):02d}{d + (40 if i % 2 else 0):02d}{m:02d}{y % 100:02d}{rnd.randint(1, 9999):04d}"
            only_siasn = i % 17 == 5
            key = f"siasn:{nip}" if only_siasn else f"nik:{nik}"
            p = _Person(
                key,
                nama,
                school,
                "" if only_siasn else nip,
                nip,
                nik,
                "" if only_siasn else STATUSES[i % len(STATUSES)],
                school.name.replace("NEGERI ", "N "),
                only_siasn,
                f"{d:02d}-{m:02d}-{y}",
            )
            self._people[key] = p
            if only_siasn:
                self._add(p, "TIDAK_ADA_DI_DAPODIK")
            elif i % 4 != 3:  # every fourth person is clean
                self._add(p, codes[i % len(codes)])
                if i % 3 == 0:
                    self._add(p, codes[(i * 7 + 3) % len(codes)])
        self._findings.append(self._finding(None, "KEPSEK_TIDAK_ADA", self._schools[2]))

    def _finding(self, p: _Person | None, code: str, school: School) -> Finding:
        sev, actor, where, msg, field, docs = CATALOGUE[code]
        dap = sia = sug = None
        if p is not None and field == "NIP":
            dap, sia, sug = p.nip_d or "", p.nip_s, p.nip_s
        elif p is not None and field == "Unor":
            dap, sia = school.name, p.unor
        return Finding(
            code=code,
            severity=sev,
            actor=actor,
            where=where,
            ekinerja_message=msg,
            action=f"Perbaiki {field or 'data'} di {where}; bawa {', '.join(docs) or 'dokumen pendukung'}.",
            person_key=p.key if p else "",
            school_id=school.id,
            school_name=school.name,
            nama=p.nama if p else None,
            nik=p.nik if p else None,
            nip=p.nip_d if p else None,
            ptk_id=None if p is None or p.only_siasn else 1,
            field=field,
            dapodik_value=dap,
            siasn_value=sia,
            suggested_value=sug,
            documents=docs,
            detail=f"{code.replace('_', ' ').capitalize()}.",
        )

    def _add(self, p: _Person, code: str) -> None:
        if any(f.person_key == p.key and f.code == code for f in self._findings):
            return
        self._findings.append(self._finding(p, code, p.school))

    # -- reading ---------------------------------------------------------------------------------
    def close(self) -> None:
        self.closed = True

    def is_demo(self) -> bool:
        return self.demo

    def has_data(self) -> bool:
        return True

    def checks_stale(self) -> bool:
        return False

    def ensure_checked(
        self, progress: Progress = no_progress, cancel: CancelCheck = never_cancel
    ) -> None:
        pass

    def schools(self) -> list[School]:
        return list(self._schools)

    def school_by_name(self, name: str) -> School:
        for s in self._schools:
            if s.name == name:
                return s
        raise UserError(f"Sekolah '{name}' tidak ditemukan.")

    def headmasters(self) -> dict[int, tuple[str, str]]:
        return {}

    def school_summaries(self) -> list[SchoolSummary]:
        """As the store's: open findings per school; every person counts as matched unless
        only in SIASN (then not a PTK at all)."""
        with self._lock:
            people = list(self._people.values())
            open_fs = [f for f in self._findings if f.status in ("baru", "diajukan")]
        out = []
        for s in self._schools:
            ptk = [p for p in people if p.school.id == s.id and not p.only_siasn]
            mine = [f for f in open_fs if f.school_id == s.id]
            sev = Counter(f.severity for f in mine)
            out.append(
                SchoolSummary(
                    school_id=s.id,
                    name=s.name,
                    kecamatan=s.kecamatan or "",
                    n_ptk=len(ptk),
                    n_matched=len(ptk),
                    n_invalid=sev["invalid"],
                    n_warning=sev["warning"],
                    n_info=sev["info"],
                    by_actor=dict(Counter(f.actor for f in mine)),
                    last_import=datetime(2026, 11, 20, 9, 30),
                    tanggal_unduh=datetime(2026, 11, 18, 8, 0),
                    n_new=4,
                    n_fixed=2,
                )
            )
        return sorted(out, key=lambda x: (x.kecamatan, x.name))

    def findings(self, school_id: int | None = None, include_closed: bool = True) -> list[Finding]:
        with self._lock:
            out = [
                replace(f) for f in self._findings if school_id is None or f.school_id == school_id
            ]
        if not include_closed:
            out = [f for f in out if f.status in ("baru", "diajukan")]
        return out

    def _row(self, p: _Person) -> PersonRow:
        fs = [f for f in self._findings if f.person_key == p.key]
        open_fs = [f for f in fs if f.status in ("baru", "diajukan")]
        worst = min((f.severity for f in open_fs), key=SEVERITY_ORDER.__getitem__, default=None)
        statuses = [f.status for f in fs]
        workflow = next(
            (s for s in ("baru", "diajukan", "selesai", "diabaikan") if s in statuses), ""
        )
        return PersonRow(
            p.key,
            p.nama,
            p.school.id,
            p.school.name,
            p.nip_d,
            p.nip_s,
            p.nik,
            p.status,
            p.unor,
            worst,
            len(open_fs),
            workflow,
            p.only_siasn,
            tuple(sorted({f.code for f in fs})),
            tuple(sorted({f.actor for f in fs})),
            tuple(sorted(set(statuses))),
        )

    def person_rows(self, school_id: int | None = None) -> list[PersonRow]:
        with self._lock:
            rows = [self._row(p) for p in self._people.values() if school_id in (None, p.school.id)]
        return sorted(rows, key=lambda r: (r.school_name, r.nama))

    def person_detail(self, person_key: str) -> PersonDetail:
        with self._lock:
            p = self._people[person_key]
            fs = tuple(replace(f) for f in self._findings if f.person_key == person_key)
            row = self._row(p)
        flagged = {f.field for f in fs}
        pairs = [
            ("Nama", "" if p.only_siasn else p.nama, p.nama),
            ("NIP", p.nip_d, p.nip_s),
            ("NIK", "" if p.only_siasn else p.nik, p.nik),
            ("Tanggal Lahir", "" if p.only_siasn else p.tanggal_lahir, p.tanggal_lahir),
            ("Status Kepegawaian", p.status, "PNS DAERAH KAB/KOTA / P"),
            ("Sekolah / Unor", "" if p.only_siasn else p.school.name, p.unor),
        ]
        fields = tuple(
            FieldPair(
                label,
                a,
                b,
                bool(a and b and a != b and label != "Status Kepegawaian") or label in flagged,
            )
            for label, a, b in pairs
        )
        match = None
        if not p.only_siasn:
            doubtful = any(f.code == "PADANAN_RAGU" for f in fs)
            cands = (
                (Candidate(f"siasn:{p.nip_s}", p.nama, p.nip_s, p.tanggal_lahir, p.unor),)
                if doubtful
                else ()
            )
            match = MatchInfo(
                "nama_tgl_lahir" if doubtful else "nik",
                0.8 if doubtful else 1.0,
                doubtful,
                self.match_decisions.get(person_key),
                cands,
            )
        return PersonDetail(row, fields, fs, match, self.unor_conditions.get(person_key))

    def severity_by_school(self) -> dict[int, dict[str, int]]:
        return {
            s.id: by_severity
            for s in self._schools
            if (by_severity := self.overview(s.id).by_severity)
        }

    def overview(self, school_id: int | None = None) -> SchoolOverview:
        with self._lock:
            fs = [f for f in self._findings if school_id in (None, f.school_id)]
        open_fs = [f for f in fs if f.status in ("baru", "diajukan")]
        school = next((s for s in self._schools if s.id == school_id), None)
        now = datetime(2026, 11, 20, 9, 30)
        sources = [
            SourceInfo("siasn", "export-data-asn.csv", None, datetime(2026, 11, 1), now, 600)
        ]
        for s in self._schools:
            if school_id in (None, s.id):
                sources.append(
                    SourceInfo(
                        "dapodik_guru",
                        f"daftar-guru-{s.name}.xlsx",
                        s.name,
                        datetime(2026, 11, 18, 8, 0),
                        now,
                        20,
                    )
                )
        return SchoolOverview(
            school=school,
            by_severity=dict(Counter(f.severity for f in open_fs)),
            by_code=dict(Counter(f.code for f in open_fs)),
            by_actor=dict(Counter(f.actor for f in open_fs)),
            by_status=dict(Counter(f.status for f in fs)),
            sources=tuple(sources),
            new_since_previous=4,
            resolved_since_previous=2,
            n_ptk=sum(1 for p in self._people.values() if school_id in (None, p.school.id)),
        )

    def sources(self) -> list[dict[str, object]]:
        return [
            {"file": s.file_name, "kind": s.kind, "rows": s.rows} for s in self.overview().sources
        ]

    def skipped_checks(self) -> list[tuple[str, str]]:
        return []

    # -- import ----------------------------------------------------------------------------------
    def preview(self, path: Path, n_rows: int = 10) -> Preview:
        name = Path(path).name
        if "siasn" in name or name.endswith(".csv"):
            return Preview(
                name,
                "siasn",
                "SIASN - Data ASN",
                None,
                1,
                (("NIP_BARU", "nip_baru"), ("NAMA", "nama")),
                (),
                ({"nip_baru": "199001012015011001", "nama": "SITI RAHAYU"},),
                600,
            )
        if "guru" in name:
            return Preview(
                name,
                "dapodik_guru",
                "Dapodik - Daftar Guru",
                "SD NEGERI 3 SUKAMAJU",
                5,
                (("Nama", "nama"), ("NIP", "nip")),
                ("Kolom Tambahan",),
                ({"nama": "SITI RAHAYU", "nip": "199001012015011001"},),
                20,
            )
        return Preview(
            name,
            None,
            "tidak dikenal",
            None,
            0,
            (),
            ("A", "B"),
            ({"A": "x", "B": "y"},),
            3,
            ("Jenis file tidak dikenali: bukan ekspor Dapodik PTK atau SIASN.",),
        )

    def import_files(
        self,
        paths: Sequence[Path],
        progress: Progress = no_progress,
        cancel: CancelCheck = never_cancel,
        skip_bad: bool = False,
    ) -> ImportReport:
        self.calls.append(("import_files", tuple(paths)))
        self.skip_bad.append(skip_bad)
        total = len(paths) * 10
        for i in range(total):
            if cancel():
                raise Cancelled()
            progress(i, total, f"Membaca {Path(paths[i // 10]).name}")
            if self.import_gate is not None:
                self.import_gate.wait(0.02)
        return ImportReport(
            tuple(
                FileReport(Path(p).name, "dapodik_guru", "SD NEGERI 3 SUKAMAJU", 20) for p in paths
            )
        )

    def run_checks(
        self, progress: Progress = no_progress, cancel: CancelCheck = never_cancel
    ) -> CheckSummary:
        self.calls.append(("run_checks", ()))
        progress(1, 1, "Memeriksa")
        return CheckSummary(len(self._findings))

    # -- decisions (versioned like store/decisions.py: compare-and-set, refused attempts kept) ----
    def _decide(
        self,
        subject: tuple[str, ...],
        expected: int | None,
        person_key: str | None,
        current: tuple[str | None, str | None],
        wanted: tuple[str | None, str | None],
        **event: str | None,
    ) -> None:
        """Count `subject`'s version up, or raise StaleEditError when `expected` is older."""
        kind = subject[0]
        version = self.versions.get(subject, 1 if kind == "status" else 0)
        who = self.operator_name or "operator"
        now = datetime.now(UTC)
        ok = expected is None or expected == version
        line = DecisionEvent(
            kind=kind,
            at=now,
            decided_by=who,
            channel="operator",
            outcome="applied" if ok else "refused",
            old_value=current[0],
            new_value=wanted[0],
            note=wanted[1],
            old_note=current[1],
            version=version + 1 if ok else version,
            seen_version=expected,
            **event,  # type: ignore[arg-type]
        )
        if person_key is not None:
            self.history.setdefault(person_key, []).append(line)
        if ok:
            self.versions[subject] = version + 1
            self.stamps[subject] = (who, now)
            return
        by, at = self.stamps.get(subject, (None, None))
        raise StaleEditError(
            f"Sudah diubah oleh {by} (fake).",
            kind=kind,
            subject=subject[1:] + ((event["target"] or "",) if kind == "match" else ()),
            seen_version=expected or 0,
            current_version=version,
            changed_by=by,
            changed_at=at,
            current_value=current[0],
            current_note=current[1],
            attempted_value=wanted[0],
            attempted_note=wanted[1],
        )

    def set_status(
        self,
        finding_key: tuple[str, str, str],
        status: WorkflowStatus,
        note: str | None = None,
        by: str = "operator",
        expected_version: int | None = None,
    ) -> tuple[WorkflowStatus, str | None]:
        with self._lock:
            self.calls.append(("set_status", (finding_key, status, note)))
            validate_status(status, note)
            f = self._finding_of(finding_key)
            self._decide(
                ("status", *finding_key),
                expected_version,
                finding_key[0],
                (f.status, f.note),
                (status, note),
                code=finding_key[1],
                field=finding_key[2],
            )
            return self._apply(finding_key, status, note)

    def _finding_of(self, finding_key: tuple[str, str, str]) -> Finding:
        for f in self._findings:
            if f.key == tuple(finding_key):
                return f
        raise UserError("Temuan tidak ditemukan lagi; muat ulang data.")

    def _apply(
        self, finding_key: tuple[str, str, str], status: str, note: str | None
    ) -> tuple[WorkflowStatus, str | None]:
        validate_status(status, note)  # the store's own rule
        for i, f in enumerate(self._findings):
            if f.key == tuple(finding_key):
                prev = (f.status, f.note)
                self._findings[i] = replace(f, status=status, note=note)  # type: ignore[arg-type]
                return prev
        raise UserError("Temuan tidak ditemukan lagi; muat ulang data.")

    def set_statuses(
        self,
        updates: Sequence[tuple[tuple[str, str, str], str, str | None]],
        by: str = "operator",
        expected_versions: Mapping[tuple[str, str, str], int] | None = None,
    ) -> None:
        """All or nothing, as the real one (one transaction)."""
        with self._lock:
            self.calls.append(("set_statuses", (tuple(updates),)))
            before = list(self._findings)
            try:
                for key, status, note in updates:
                    self._apply(key, status, note)
            except UserError:
                self._findings = before
                raise
            for key, _s, _n in updates:
                subject = ("status", *key)
                self.versions[subject] = self.versions.get(subject, 1) + 1

    def decide_match(
        self,
        person_key: str,
        siasn_key: str,
        decision: str | None,
        expected_version: int | None = None,
    ) -> str | None:
        with self._lock:
            self.calls.append(("decide_match", (person_key, siasn_key, decision)))
            prev = self.match_decisions.get(person_key)
            self._decide(
                ("match", person_key),
                expected_version,
                person_key,
                (prev, None),
                (decision, None),
                target=siasn_key,
            )
            self.match_decisions[person_key] = decision
            return prev

    def set_unor_condition(
        self, person_key: str, condition: str | None, expected_version: int | None = None
    ) -> str | None:
        with self._lock:
            self.calls.append(("set_unor_condition", (person_key, condition)))
            prev = self.unor_conditions.get(person_key)
            self._decide(
                ("unor_condition", person_key),
                expected_version,
                person_key,
                (prev, None),
                (condition, None),
            )
            self.unor_conditions[person_key] = condition
            return prev

    def _alias(self, unor_name: str, school_id: int | None, expected: int | None) -> None:
        prev = self.aliases.get(unor_name)
        self._decide(
            ("unor_alias", unor_name),
            expected,
            None,
            (None if prev is None else str(prev), None),
            (None if school_id is None else str(school_id), None),
        )
        if school_id is None:
            self.aliases.pop(unor_name, None)
        else:
            self.aliases[unor_name] = school_id

    def add_unor_alias(
        self, unor_name: str, school_id: int, expected_version: int | None = None
    ) -> None:
        with self._lock:
            self.calls.append(("add_unor_alias", (unor_name, school_id)))
            self._alias(unor_name, school_id, expected_version)

    def remove_unor_alias(self, unor_name: str, expected_version: int | None = None) -> None:
        with self._lock:
            self.calls.append(("remove_unor_alias", (unor_name,)))
            self._alias(unor_name, None, expected_version)

    def unor_aliases(self) -> list[tuple[str, int]]:
        return sorted(self.aliases.items())

    def decision_versions(self, person_key: str) -> DecisionVersions:
        with self._lock:
            findings = {
                f.key: self.versions.get(("status", *f.key), 1)
                for f in self._findings
                if f.person_key == person_key
            }
            return DecisionVersions(
                findings,
                self.versions.get(("match", person_key), 0),
                self.versions.get(("unor_condition", person_key), 0),
            )

    def unor_alias_version(self, unor_name: str) -> int:
        with self._lock:
            return self.versions.get(("unor_alias", unor_name), 0)

    def decision_history(self, person_key: str) -> list[DecisionEvent]:
        with self._lock:
            return list(self.history.get(person_key, ()))
