"""What every rule sees: the input, the matches, cached school comparisons, a finding builder."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from operator_app.core.catalogue import make_finding
from operator_app.core.dates import format_date
from operator_app.core.model import CheckInput, Finding, Match, Ptk, School, Siasn
from operator_app.core.schools import SchoolComparison, compare_schools, school_key


@dataclass
class RuleContext:
    inp: CheckInput
    matches: dict[int, Match]
    siasn_by_id: dict[int, Siasn]
    schools: dict[int, School] = field(default_factory=dict)
    _cmp: dict[tuple[str, str], SchoolComparison] = field(default_factory=dict)

    def matched(self, p: Ptk) -> tuple[Match, Siasn] | None:
        m = self.matches.get(p.id)
        if m is None or m.siasn_id is None:
            return None
        return m, self.siasn_by_id[m.siasn_id]

    def compare(self, school_name: str, unor: str) -> SchoolComparison:
        key = (school_name, unor)
        got = self._cmp.get(key)
        if got is None:
            got = self._cmp[key] = compare_schools(school_name, unor)
        return got

    def aliased(self, unor: str | None, school_id: int) -> bool:
        return (
            bool(unor) and self.inp.decisions.unor_aliases.get(school_key(unor or "")) == school_id
        )

    def unor_verdict(self, p: Ptk, unor: str | None) -> str:
        """sama | nomenklatur | beda | ragu | alias (an operator alias to this school)."""
        if not unor:
            return "ragu"
        verdict = self.compare(p.school_name, unor).verdict
        if verdict in ("beda", "ragu") and self.aliased(unor, p.school_id):
            return "alias"
        return verdict

    def ptk_finding(
        self, code: str, p: Ptk, s: Siasn | None = None, m: Match | None = None, **kw: Any
    ) -> Finding:
        kw.setdefault("nama", p.nama)
        kw.setdefault("nik", p.nik)
        kw.setdefault("nip", p.nip or (s.nip_baru if s else None))
        if s is not None:
            kw.setdefault("siasn_id", s.id)
            kw.setdefault("siasn_file", s.source_file)
            kw.setdefault("siasn_row", s.row)
        if m is not None and m.by is not None:
            kw.setdefault("match_by", m.by)
            kw.setdefault("match_score", m.score)
        return make_finding(
            code, person_key=p.person_key, school_id=p.school_id, school_name=p.school_name,
            ptk_id=p.id, dapodik_file=p.source_file, dapodik_row=p.row, **kw,
        )  # fmt: skip

    def siasn_finding(self, code: str, s: Siasn, school: School | None, **kw: Any) -> Finding:
        kw.setdefault("person_key", s.person_key)
        return make_finding(
            code, school_id=school.id if school else None, school_name=school.name if school else None,
            nama=s.nama, nik=s.nik, nip=s.nip_baru, siasn_id=s.id, siasn_file=s.source_file,
            siasn_row=s.row, **kw,
        )  # fmt: skip


def show_date(d: object) -> str:
    return format_date(d) if d is not None else ""  # type: ignore[arg-type]
