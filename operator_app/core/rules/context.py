"""What every rule family sees: the input, the matches, cached unor verdicts, finding builders."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from operator_app.core.catalogue import make_finding
from operator_app.core.model import CheckInput, Finding, Match, Ptk, School, Siasn
from operator_app.core.rules.groups import MovedCase, case_who, cross_school_groups
from operator_app.core.schools import SchoolComparison, compare_schools, parse_school, school_key

UnorVerdict = Literal["sama", "nomenklatur", "alias", "beda", "ragu"]
SAME_SCHOOL: frozenset[str] = frozenset({"sama", "nomenklatur", "alias"})


@dataclass(frozen=True, slots=True)
class Need:
    """A column a code needs: satisfied when the file has any of `columns` (canonical names)."""

    source: Literal["siasn", "dapodik"]
    columns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Family:
    """One rule family: the codes it produces with the columns each needs, and its check."""

    name: str  # Indonesian, shown in the progress text
    needs: Mapping[str, tuple[Need, ...]]
    check: Callable[[Context], Iterable[Finding]]


@dataclass
class Context:
    inp: CheckInput
    matches: dict[int, Match]
    siasn_by_id: dict[int, Siasn]
    schools: dict[int, School] = field(default_factory=dict)
    _cmp: dict[tuple[str, str], SchoolComparison] = field(default_factory=dict)
    _keys: dict[str, str] = field(default_factory=dict)
    _homes: dict[str, School | None] = field(default_factory=dict)
    _by_level: dict[tuple[str | None, int | None], list[School]] | None = None
    _moved: dict[int, MovedCase] | None = None

    @classmethod
    def build(cls, inp: CheckInput) -> Context:
        schools = {s.id: s for s in inp.schools}
        for p in inp.ptk:  # a PTK's school is always known, even when `schools` lacks it
            schools.setdefault(p.school_id, School(p.school_id, p.school_name))
        return cls(inp, {}, {s.id: s for s in inp.siasn}, schools)

    def matched(self, p: Ptk) -> tuple[Match, Siasn] | None:
        m = self.matches.get(p.id)
        if m is None or m.siasn_id is None:
            return None
        return m, self.siasn_by_id[m.siasn_id]

    def touched(self) -> set[int]:
        """SIASN ids that some PTK matched or listed as a candidate."""
        ids: set[int] = set(self.inp.touched_elsewhere)
        for m in self.matches.values():
            ids.update(m.candidates)
            if m.siasn_id is not None:
                ids.add(m.siasn_id)
        return ids

    def moved(self) -> dict[int, MovedCase]:
        """ptk id -> the PTK_DI_DUA_SEKOLAH case of every row of a person active in several
        schools (computed once, after matching)."""
        if self._moved is None:
            self._moved = {}
            for rows in cross_school_groups(self.inp.ptk):
                hits = [h for h in (self.matched(p) for p in rows) if h is not None]
                s = hits[0][1] if hits else None
                named = {
                    p.school_id
                    for p in rows
                    if s is not None and self.unor_verdict(p.school_id, p.school_name,
                                                           s.unor_nama) in SAME_SCHOOL
                }  # fmt: skip
                case = MovedCase(
                    case_who(rows), rows, s, next(iter(named)) if len(named) == 1 else None
                )
                for p in rows:
                    self._moved[p.id] = case
        return self._moved

    def compare(self, school_name: str, unor: str) -> SchoolComparison:
        """compare_schools, cached per distinct (school name, unor name) pair."""
        got = self._cmp.get((school_name, unor))
        if got is None:
            got = self._cmp[(school_name, unor)] = compare_schools(school_name, unor)
        return got

    def unor_key(self, unor: str) -> str:
        key = self._keys.get(unor)
        if key is None:
            key = self._keys[unor] = school_key(unor)
        return key

    def aliased(self, unor: str, school_id: int) -> bool:
        return self.inp.decisions.unor_aliases.get(self.unor_key(unor)) == school_id

    def unor_verdict(self, school_id: int, school_name: str, unor: str | None) -> UnorVerdict:
        """The school's name against a SIASN unor; 'alias' when the operator said they are one."""
        if not unor or not unor.strip():
            return "ragu"
        verdict = self.compare(school_name, unor).verdict
        if verdict in ("beda", "ragu") and self.aliased(unor, school_id):
            return "alias"
        return verdict

    def at_school(self, p: Ptk, s: Siasn) -> bool:
        return self.unor_verdict(p.school_id, p.school_name, s.unor_nama) in SAME_SCHOOL

    def home_school(self, unor: str | None) -> School | None:
        """The imported school (one with current PTK rows) that a SIASN unor names, if any."""
        if not unor:
            return None
        if unor in self._homes:
            return self._homes[unor]
        found = None
        alias = self.inp.decisions.unor_aliases.get(self.unor_key(unor))
        if alias is not None and alias in self.imported_ids():
            found = self.schools[alias]
        else:
            parsed = parse_school(unor)
            for school in self._pool(parsed.level, parsed.number):
                if self.unor_verdict(school.id, school.name, unor) in SAME_SCHOOL:
                    found = school
                    break
        self._homes[unor] = found
        return found

    def _pool(self, level: str | None, number: int | None) -> list[School]:
        """Imported schools that can be the same school as a unor of this level and number.

        Levels and numbers must agree for two names to be one school (shared/domain/unor.md),
        so a 50,000-row export is compared with a few schools per unor, not with all of them.
        """
        if self._by_level is None:
            index: dict[tuple[str | None, int | None], list[School]] = defaultdict(list)
            for sid in sorted(self.imported_ids()):
                parsed = parse_school(self.schools[sid].name)
                index[(parsed.level, parsed.number)].append(self.schools[sid])
            self._by_level = dict(index)
        index = self._by_level
        unparsed = index.get((None, None), [])
        if level is None:  # a unit that is no school: only unparsed school names can match
            return [s for (lv, _), group in index.items() if lv is None for s in group]
        if number is None:
            return [s for (lv, _), group in index.items() if lv == level for s in group] + unparsed
        return index.get((level, number), []) + index.get((level, None), []) + unparsed

    def imported_ids(self) -> frozenset[int]:
        """The schools with current Dapodik data (all of them, also in a check of a few)."""
        if self.inp.imported_school_ids is not None:
            return self.inp.imported_school_ids
        return frozenset(p.school_id for p in self.inp.ptk)

    def ptk_finding(
        self, code: str, p: Ptk, hit: tuple[Match, Siasn] | None = None, **kw: Any
    ) -> Finding:
        """A finding on one Dapodik row, with the matched SIASN row's evidence when there is one."""
        m, s = hit if hit is not None else (self.matches.get(p.id), None)
        kw.setdefault("nama", p.nama)
        kw.setdefault("nik", p.nik or (s.nik if s else None))
        kw.setdefault("nip", p.nip or (s.nip_baru if s else None))
        if s is not None:
            kw.setdefault("siasn_id", s.id)
            kw.setdefault("siasn_file", s.source_file)
            kw.setdefault("siasn_row", s.row)
            kw.setdefault("siasn_nip", s.nip_baru)
        if m is not None and m.by is not None:
            kw.setdefault("match_by", m.by)
            kw.setdefault("match_score", m.score)
        kw.setdefault("person_key", p.person_key)
        return make_finding(
            code, school_id=p.school_id, school_name=p.school_name, ptk_id=p.id,
            dapodik_file=p.source_file, dapodik_row=p.row, **kw,
        )  # fmt: skip

    def siasn_finding(self, code: str, s: Siasn, school: School | None, **kw: Any) -> Finding:
        """A finding on a SIASN row alone: no Dapodik fields."""
        kw.setdefault("person_key", siasn_person_key(s))
        return make_finding(
            code, school_id=school.id if school else None,
            school_name=school.name if school else None, nama=s.nama, nik=s.nik, nip=s.nip_baru,
            siasn_id=s.id, siasn_file=s.source_file, siasn_row=s.row, siasn_nip=s.nip_baru, **kw,
        )  # fmt: skip

    def school_finding(self, code: str, school: School, **kw: Any) -> Finding:
        """A finding on a whole school: no person, no source rows."""
        return make_finding(code, person_key="", school_id=school.id, school_name=school.name, **kw)


def siasn_person_key(s: Siasn) -> str:
    """The store's SIASN person key; the same rule when a record comes without one."""
    return s.person_key or f"siasn:{s.nip_baru or s.pns_id or f'row{s.row}'}"
