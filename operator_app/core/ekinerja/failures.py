"""Link each failed sync of the log to our teacher, the findings that explain it, and who acts.

A failure is *explained by the data* when the person (or, for the head-of-school messages, the
school) has a finding whose code is one of the message's `data_codes`. Messages that are not
about Dapodik/SIASN data are never explained by data: they are routed to their owner with the
entry's own next step; where the data only hints (a Plt. head, KEPSEK_BUKAN_ASN) a hint is added.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from operator_app.core.ekinerja.knowledge import ACTOR_LABELS, Entry
from operator_app.core.ekinerja.matching import best, normalise
from operator_app.core.model import Finding

# Findings about a school's head explain the failures of every teacher of that school.
SCHOOL_SCOPED = frozenset({"KEPSEK_TIDAK_ADA", "KEPSEK_BUKAN_ASN"})
UNKNOWN_STEP = (
    "Pesan ini belum dikenal aplikasi: periksa bunyinya di menu Bantuan → Arti pesan e-Kinerja "
    "(atau `operator-app explain`), lalu tanyakan ke Admin Instansi (BKD)."
)


@dataclass(frozen=True, slots=True)
class LogRow:
    """One stored row of the sync log."""

    row: int
    nip: str | None
    nama: str | None
    unor: str | None
    message: str
    failed_at: str | None
    nip_damaged: bool = False
    log_file: str = ""


@dataclass(frozen=True, slots=True)
class PersonRef:
    """One of our people, as the log is joined to them."""

    person_key: str
    nama: str
    school_id: int | None
    school_name: str | None
    plt_head: bool = False  # Dapodik: Tugas Tambahan Plt. Kepala Sekolah


@dataclass(frozen=True, slots=True)
class SyncFailure:
    row: int
    nip: str | None
    nama: str | None  # as in the log, else ours
    unor: str | None
    message: str
    failed_at: str | None
    ekinerja_no: int | None  # None: not one of the 20 messages
    score: float
    person_key: str | None  # None: not one of our people
    school_id: int | None
    school_name: str | None
    explained_by: tuple[str, ...]  # finding codes present that cause it
    hints: tuple[str, ...]  # Indonesian sentences where the data only hints
    actors: tuple[str, ...]
    owner: str  # who must act first ("" for an unknown message)
    next_step: str
    nip_damaged: bool = False
    log_file: str = ""

    @property
    def explained(self) -> bool:
        return bool(self.explained_by)


@functools.lru_cache(maxsize=4096)
def _entry_for(message_key: str) -> tuple[Entry | None, float]:
    m = best(message_key)
    return (m.entry, m.score) if m else (None, 0.0)


def classify(message: str) -> tuple[Entry | None, float]:
    """The entry of a log message and the score (cached: a log repeats few messages)."""
    return _entry_for(normalise(message))


def _person(
    nip: str | None,
    damaged: bool,
    by_nip: Mapping[str, PersonRef],
    by_prefix: Mapping[str, list[PersonRef]],
) -> PersonRef | None:
    if not nip:
        return None
    if not damaged and nip in by_nip:
        return by_nip[nip]
    if len(nip) >= 15:  # a NIP that went through Excel keeps its first 15 digits
        hits = by_prefix.get(nip[:15], [])
        if len(hits) == 1:
            return hits[0]
    return by_nip.get(nip)


def _hints(e: Entry, p: PersonRef | None, own: Sequence[Finding], nama: str) -> list[str]:
    out: list[str] = []
    for f in own:
        if f.code in e.hint_codes:
            out.append(
                f"Temuan {f.code} pada {nama} memberi petunjuk ke pesan ini: {f.detail}".strip()
            )
    if e.plt_hint and p is not None:
        if p.plt_head:
            out.append(
                f"Dapodik mencatat {nama} sebagai Plt. Kepala Sekolah {p.school_name or ''}: data "
                "Plt. di PMM / e-Kinerja harus sama dengan penugasan ini.".replace("  ", " ")
            )
        else:
            out.append(
                f"Dapodik tidak mencatat {nama} sebagai Plt. Kepala Sekolah. Bila ia memang Plt., "
                "Admin Dapodik Dinas Pendidikan mencatat tugas tambahannya di Dapodik."
            )
    return out


def link(
    rows: Iterable[LogRow],
    people: Iterable[tuple[str, PersonRef]],
    findings: Iterable[Finding],
) -> list[SyncFailure]:
    """Join the log rows (by NIP: Dapodik's or the matched SIASN one) to our people's findings."""
    by_nip: dict[str, PersonRef] = {}
    by_prefix: dict[str, list[PersonRef]] = {}
    for nip, ref in people:
        if nip and nip not in by_nip:
            by_nip[nip] = ref
            if len(nip) >= 15:
                group = by_prefix.setdefault(nip[:15], [])
                if all(r.person_key != ref.person_key for r in group):
                    group.append(ref)
    by_person: dict[str, list[Finding]] = {}
    by_school: dict[int, list[Finding]] = {}
    for f in findings:
        by_person.setdefault(f.key[0], []).append(f)
        if f.code in SCHOOL_SCOPED and f.school_id is not None:
            by_school.setdefault(f.school_id, []).append(f)
    out = []
    for r in rows:
        p = _person(r.nip, r.nip_damaged, by_nip, by_prefix)
        if p is None and r.nip and f"siasn:{r.nip}" in by_person:  # at our school only in SIASN
            f0 = by_person[f"siasn:{r.nip}"][0]
            p = PersonRef(f"siasn:{r.nip}", f0.nama or "", f0.school_id, f0.school_name)
        out.append(_failure(r, p, by_person, by_school))
    return out


def _failure(
    r: LogRow,
    p: PersonRef | None,
    by_person: Mapping[str, list[Finding]],
    by_school: Mapping[int, list[Finding]],
) -> SyncFailure:
    e, score = classify(r.message)
    nama = r.nama or (p.nama if p else None)
    own = list(by_person.get(p.person_key, [])) if p else []
    scoped = list(by_school.get(p.school_id, [])) if p and p.school_id is not None else []
    if e is None:
        return SyncFailure(r.row, r.nip, nama, r.unor, r.message, r.failed_at, None, 0.0,
                           p.person_key if p else None, p.school_id if p else None,
                           p.school_name if p else None, (), (), (), "", UNKNOWN_STEP,
                           r.nip_damaged, r.log_file)  # fmt: skip
    causing = [f for f in own if f.code in e.data_codes]
    causing += [f for f in scoped if f.code in e.data_codes and f not in causing]
    codes = tuple(dict.fromkeys(f.code for f in causing))
    hints = tuple(_hints(e, p, own, nama or "pegawai ini"))
    if causing:
        first = causing[0]
        actors: tuple[str, ...] = tuple(dict.fromkeys(str(f.actor) for f in causing))
        owner: str = first.actor
        wait = f" (tunggu {e.wait})" if e.wait else ""
        step = (
            f"Data sekolah menjelaskan pesan ini: selesaikan temuan {', '.join(codes)} "
            f"({ACTOR_LABELS.get(owner, owner)} di {first.where}), lalu ulangi Sinkron PMM{wait}."
        )
    else:
        actors, owner, step = e.actors, e.owner, e.next_step
    return SyncFailure(
        r.row, r.nip, nama, r.unor, r.message, r.failed_at, e.no, score,
        p.person_key if p else None, p.school_id if p else None, p.school_name if p else None,
        codes, hints, actors, owner, step, r.nip_damaged, r.log_file,
    )  # fmt: skip


def summary(failures: Sequence[SyncFailure]) -> dict[str, Any]:
    """How many the data explains, how many need someone else (by who), how many are unknown."""
    others = Counter(f.owner for f in failures if f.ekinerja_no is not None and not f.explained)
    return {
        "total": len(failures),
        "explained_by_data": sum(1 for f in failures if f.explained),
        "others_must_act": [
            {"actor": a, "label": ACTOR_LABELS.get(a, a), "count": n}
            for a, n in sorted(others.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "unknown_messages": sum(1 for f in failures if f.ekinerja_no is None),
        "not_our_ptk": sum(1 for f in failures if f.person_key is None),
    }


def by_message(failures: Sequence[SyncFailure]) -> dict[str, int]:
    """'#10 Data PNS ID …' (or the raw text of an unknown message) -> count."""
    from operator_app.core.ekinerja.knowledge import entry

    c: Counter[str] = Counter()
    for f in failures:
        c[f"#{f.ekinerja_no} {entry(f.ekinerja_no).message}" if f.ekinerja_no else f.message] += 1
    return dict(c)


def by_owner(failures: Sequence[SyncFailure]) -> dict[str, int]:
    """Who must act -> count ('operator_sekolah' etc. when the data explains it; '' unknown)."""
    return dict(Counter(f.owner for f in failures))
