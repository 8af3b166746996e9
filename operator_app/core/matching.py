"""Join each Dapodik PTK to at most one SIASN record: NIP, NIP lama, NIK, then name + birth date.

docs/findings-conventions.md fixes the order and the scores. The whole SIASN export is indexed
once in dicts, so a PTK costs a few lookups whatever the size of the BKD file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from datetime import date

from operator_app.core.model import Decisions, Match, MatchBy, Ptk, Siasn
from operator_app.core.names import name_key

AtSchool = Callable[[Ptk, Siasn], bool]
SCORES: dict[str, float] = {"nip": 1.0, "nip_lama": 1.0, "nik": 1.0, "nama_tgl_lahir": 0.8}
SEVERAL_SCORE = 0.5


def _clean_nik(nik: str | None, numeric: bool) -> str | None:
    """A NIK that can identify someone: 16 digits, not mangled by a numeric cell."""
    if nik and len(nik) == 16 and nik.isdigit() and not numeric:
        return nik
    return None


def _siasn_key(s: Siasn) -> str:
    return s.person_key or f"siasn:{s.nip_baru or s.pns_id or f'row{s.row}'}"


class SiasnIndex:
    """Dict indexes over the SIASN rows, built once per check run.

    Given the PTK to match, only values some PTK carries are indexed: a handful of set lookups
    per SIASN row instead of five dict inserts, which matters for a 50,000-row BKD export.
    """

    def __init__(
        self,
        siasn: Sequence[Siasn],
        ptk: Sequence[Ptk] | None = None,
        keys: Collection[str] | None = None,
    ) -> None:
        self.nip: dict[str, list[Siasn]] = defaultdict(list)
        self.lama: dict[str, list[Siasn]] = defaultdict(list)
        self.nik: dict[str, list[Siasn]] = defaultdict(list)
        self.name: dict[tuple[str, date], list[Siasn]] = defaultdict(list)
        self.by_key: dict[str, list[Siasn]] = defaultdict(list)
        everything = ptk is None
        nips = {p.nip for p in ptk or () if p.nip}
        niks = {p.nik for p in ptk or () if p.nik}
        born = {p.tanggal_lahir for p in ptk or () if p.tanggal_lahir}
        for s in siasn:
            if keys is None or (keys and _siasn_key(s) in keys):
                self.by_key[_siasn_key(s)].append(s)
            if s.nip_baru and (everything or s.nip_baru in nips) and not s.nip_numeric:
                self.nip[s.nip_baru].append(s)
            if s.nip_lama and (everything or s.nip_lama in nips):
                self.lama[s.nip_lama].append(s)
            if s.nik and (everything or s.nik in niks) and _clean_nik(s.nik, s.nik_numeric):
                self.nik[s.nik].append(s)
            if s.tanggal_lahir is not None and (everything or s.tanggal_lahir in born):
                key = s.nama_key or name_key(s.nama)
                if key:
                    self.name[(key, s.tanggal_lahir)].append(s)


def _steps(p: Ptk, idx: SiasnIndex) -> Iterator[tuple[MatchBy, list[Siasn]]]:
    """The match steps in order, each computed only when the ones before found nothing."""
    if p.nip and not p.nip_numeric:
        yield ("nip", idx.nip.get(p.nip, []))
    if p.nip and len(p.nip) == 9 and p.nip.isdigit():  # 9 digits survive a numeric cell
        yield ("nip_lama", idx.lama.get(p.nip, []))
    nik = _clean_nik(p.nik, p.nik_numeric)
    if nik:
        yield ("nik", idx.nik.get(nik, []))
    key = p.nama_key or name_key(p.nama)
    if p.tanggal_lahir is not None and key:
        same = idx.name.get((key, p.tanggal_lahir), [])
        # A different NIK on both sides is a different person with the same name: a homonym.
        found = [
            s for s in same if not (nik and _clean_nik(s.nik, s.nik_numeric) not in (None, nik))
        ]
        yield ("nama_tgl_lahir", found)


def _confirmed(p: Ptk, key: str, idx: SiasnIndex, at_school: AtSchool | None) -> Match | None:
    rows = idx.by_key.get(key)
    if not rows:  # the confirmed record is gone from the newer SIASN export
        return None
    here = [s for s in rows if at_school is not None and at_school(p, s)]
    return Match(p.id, (here or rows)[0].id, "manual", 1.0)


def match_one(
    p: Ptk,
    idx: SiasnIndex,
    decisions: Decisions,
    at_school: AtSchool | None = None,
    rejected: frozenset[str] = frozenset(),
) -> Match:
    decision = decisions.matches.get(p.person_key)
    if decision is not None:
        siasn_key, verdict = decision
        if verdict == "confirm":
            firm = _confirmed(p, siasn_key, idx, at_school)
            if firm is not None:
                return firm
        elif verdict == "reject":
            rejected = rejected | {siasn_key}
    for by, all_found in _steps(p, idx):
        found = [s for s in all_found if _siasn_key(s) not in rejected] if rejected else all_found
        if not found:
            continue
        if len(found) == 1:
            if by == "nama_tgl_lahir":
                return Match(p.id, found[0].id, by, SCORES[by], True, (found[0].id,))
            return Match(p.id, found[0].id, by, SCORES[by])
        ids = tuple(s.id for s in found)
        here = [s for s in found if at_school is not None and at_school(p, s)]
        chosen = here[0].id if len(here) == 1 else None
        return Match(p.id, chosen, by, SEVERAL_SCORE, doubtful=True, candidates=ids)
    return Match(p.id, None, None, 0.0)


def match_all(
    ptk: Sequence[Ptk],
    siasn: Sequence[Siasn],
    decisions: Decisions,
    at_school: AtSchool | None = None,
) -> dict[int, Match]:
    """ptk id -> Match for every PTK.

    `at_school(ptk, siasn)` says whether a SIASN record sits at the PTK's school; it breaks a tie
    between several candidates (without it, several candidates never give a siasn_id).
    """
    keys = {k for k, _ in decisions.matches.values()} | {k for _, k in decisions.rejections}
    idx = SiasnIndex(siasn, ptk, keys)
    rejected: dict[str, set[str]] = defaultdict(set)
    for person, siasn_key in decisions.rejections:
        rejected[person].add(siasn_key)
    return {
        p.id: match_one(p, idx, decisions, at_school, frozenset(rejected.get(p.person_key, ())))
        for p in ptk
    }
