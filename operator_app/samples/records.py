"""The builder's working records: a Dapodik row or SIASN row with the findings expected on it."""

from __future__ import annotations

from dataclasses import dataclass, field

from operator_app.samples.model import DapodikKind
from operator_app.samples.people import Person


@dataclass
class SiasnEntry:
    """One SIASN row with the findings expected on it (SIASN-only codes)."""

    row: dict[str, str]
    codes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Member:
    """One Dapodik row of a school and what the checker must say about it."""

    person: Person
    school: int
    file: DapodikKind
    row: dict[str, object]
    match: SiasnEntry | None = None  # the SIASN row the checker must match, None: unmatched
    numeric_nip: bool = False
    codes: dict[str, str] = field(default_factory=dict)  # expected code -> why
    notes: list[str] = field(default_factory=list)  # decoys: why nothing is expected
    role: str = ""  # "kepsek", "decoy", "injected" or ""
