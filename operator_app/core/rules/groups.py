"""One person on the current Dapodik rows of several schools: a mutasi that is not finished.

Rows are joined by a clean NIK (16 digits, not from a numeric cell) or a clean NIP (18 digits, or
a 9-digit NIP lama); joins are transitive (NIK links two rows, NIP a third). A group is one
person only if its rows do not contradict each other: all known birth dates agree, or all
names agree (name_key). Groups on one school only stay DUPLIKAT's business.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from operator_app.core.identifiers import is_nip_lama
from operator_app.core.model import Ptk, Siasn

CODE = "PTK_DI_DUA_SEKOLAH"
FIELD = "Sekolah"
# Which person key names the case when the rows' keys differ: NIK first, then NUPTK.
_KEY_ORDER = {"nik": 0, "nuptk": 1}


def _nik(p: Ptk) -> str | None:
    nik = p.nik
    if nik and len(nik) == 16 and nik.isdigit() and not p.nik_numeric:
        return nik
    return None


def _nip(p: Ptk) -> str | None:
    nip = p.nip
    if not nip or p.nip_numeric or not nip.isdigit():
        return None
    return nip if len(nip) == 18 or is_nip_lama(nip) else None


def _one_person(rows: Sequence[Ptk]) -> bool:
    born = {p.tanggal_lahir for p in rows if p.tanggal_lahir is not None}
    names = {p.nama_key for p in rows if p.nama_key}
    return len(born) <= 1 or len(names) <= 1


def case_who(rows: Sequence[Ptk]) -> str:
    """The `who` of the case's workflow key: the rows' person key (the same when NIK joins them),
    else the first NIK / NUPTK key in sort order, so the key does not depend on SIASN."""
    keys = sorted({p.person_key for p in rows if p.person_key})
    if not keys:
        return f"nip:{min(n for n in (_nip(p) for p in rows) if n)}"
    return min(keys, key=lambda k: (_KEY_ORDER.get(k.split(":", 1)[0], 9), k))


def cross_school_groups(ptk: Sequence[Ptk]) -> list[tuple[Ptk, ...]]:
    """Groups of rows (of one person) on two or more schools, each sorted by school and row."""
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, str], int] = {}
    by_id: dict[int, Ptk] = {}
    for p in ptk:
        for ident in (("NIK", _nik(p)), ("NIP", _nip(p))):
            if ident[1] is None:
                continue
            if p.id not in parent:
                parent[p.id] = p.id
                by_id[p.id] = p
            other = first.setdefault((ident[0], ident[1]), p.id)
            if other != p.id:
                a, b = find(other), find(p.id)
                if a != b:
                    parent[b] = a
    members: dict[int, list[Ptk]] = defaultdict(list)
    for pid in parent:
        members[find(pid)].append(by_id[pid])
    out = []
    for rows in members.values():
        if len(rows) < 2 or len({p.school_id for p in rows}) < 2 or not _one_person(rows):
            continue
        out.append(tuple(sorted(rows, key=lambda p: (p.school_name, p.school_id, p.kind, p.row))))
    out.sort(key=lambda g: (g[0].school_name, g[0].row))
    return out


@dataclass(frozen=True, slots=True)
class MovedCase:
    """One person active in several schools, and which school SIASN's UNOR_NAMA names."""

    who: str
    rows: tuple[Ptk, ...]
    siasn: Siasn | None  # the SIASN record the rows matched, if any
    named: int | None  # school id that the SIASN unor names (one of the rows' schools)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.who, CODE, FIELD)

    @property
    def case_key(self) -> str:
        return "|".join(self.key)

    def schools(self) -> list[tuple[int, str, list[Ptk]]]:
        """(school id, name, that school's rows) in the order of the rows."""
        out: dict[int, tuple[int, str, list[Ptk]]] = {}
        for p in self.rows:
            out.setdefault(p.school_id, (p.school_id, p.school_name, []))[2].append(p)
        return list(out.values())
