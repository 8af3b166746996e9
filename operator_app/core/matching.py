"""Match every Dapodik PTK to at most one SIASN record: NIP, NIP lama, NIK, then name + birth date."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from operator_app.core.model import Decisions, Match, MatchBy, Ptk, Siasn
from operator_app.core.names import name_key

_SCORES: dict[str, float] = {"nip": 1.0, "nip_lama": 1.0, "nik": 1.0, "nama_tgl_lahir": 0.8}


class SiasnIndex:
    """Dict indexes over the whole SIASN export (built once per check run)."""

    def __init__(self, siasn: Sequence[Siasn]) -> None:
        self.by_id = {s.id: s for s in siasn}
        self.by_key: dict[str, list[Siasn]] = defaultdict(list)
        self.nip: dict[str, list[Siasn]] = defaultdict(list)
        self.lama: dict[str, list[Siasn]] = defaultdict(list)
        self.nik: dict[str, list[Siasn]] = defaultdict(list)
        self.name: dict[tuple[str, object], list[Siasn]] = defaultdict(list)
        for s in siasn:
            self.by_key[s.person_key].append(s)
            if s.nip_baru and not s.nip_numeric:
                self.nip[s.nip_baru].append(s)
            if s.nip_lama:
                self.lama[s.nip_lama].append(s)
            if s.nik and len(s.nik) == 16 and not s.nik_numeric:
                self.nik[s.nik].append(s)
            if s.tanggal_lahir is not None:
                self.name[(s.nama_key or name_key(s.nama), s.tanggal_lahir)].append(s)


def _clean_nik(p: Ptk) -> str | None:
    return p.nik if p.nik and len(p.nik) == 16 and p.nik.isdigit() and not p.nik_numeric else None


def _candidates(p: Ptk, idx: SiasnIndex) -> list[tuple[MatchBy, list[Siasn]]]:
    steps: list[tuple[MatchBy, list[Siasn]]] = []
    if p.nip and not p.nip_numeric:
        steps.append(("nip", idx.nip.get(p.nip, [])))
        if len(p.nip) == 9:
            steps.append(("nip_lama", idx.lama.get(p.nip, [])))
    nik = _clean_nik(p)
    if nik:
        steps.append(("nik", idx.nik.get(nik, [])))
    if p.tanggal_lahir is not None:
        key = (p.nama_key or name_key(p.nama), p.tanggal_lahir)
        found = [
            s for s in idx.name.get(key, [])
            if not (nik and s.nik and len(s.nik) == 16 and s.nik != nik)  # a homonym, not a match
        ]  # fmt: skip
        steps.append(("nama_tgl_lahir", found))
    return steps


def match_one(p: Ptk, idx: SiasnIndex, decisions: Decisions, at_school: object) -> Match:
    decision = decisions.matches.get(p.person_key)
    rejected: set[str] = set()
    if decision is not None:
        siasn_key, verdict = decision
        if verdict == "confirm" and idx.by_key.get(siasn_key):
            return Match(p.id, idx.by_key[siasn_key][0].id, "manual", 1.0)
        if verdict == "reject":
            rejected.add(siasn_key)
    for by, all_found in _candidates(p, idx):
        found = [s for s in all_found if s.person_key not in rejected]
        if not found:
            continue
        if len(found) == 1:
            return Match(p.id, found[0].id, by, _SCORES[by], doubtful=by == "nama_tgl_lahir")
        ids = tuple(s.id for s in found)
        here = [s for s in found if callable(at_school) and at_school(p, s)]
        if len(here) == 1:
            return Match(p.id, here[0].id, by, 0.5, doubtful=True, candidates=ids)
        return Match(p.id, None, by, 0.5, doubtful=True, candidates=ids)
    return Match(p.id, None, None, 0.0)


def match_all(
    ptk: Sequence[Ptk], siasn: Sequence[Siasn], decisions: Decisions, at_school: object = None
) -> dict[int, Match]:
    """ptk id -> Match for every PTK; `at_school(ptk, siasn)` breaks ties between candidates."""
    idx = SiasnIndex(siasn)
    return {p.id: match_one(p, idx, decisions, at_school) for p in ptk}
