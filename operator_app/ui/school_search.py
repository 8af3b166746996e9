"""Finding a school among hundreds as the operator types: words, NPSN fragments, kecamatan.

Qt-free: the picker (ui/school_picker.py) shows what `search` returns. In a district of 500
schools whose names all start "SD NEGERI n", a plain prefix search is useless, so every typed
word must occur somewhere in the name, the kecamatan or the NPSN, and the schools where a word
matches a whole word ("12" in "SD NEGERI 12 ...") come before those where it only occurs
inside one ("112", "SP12"). Results stay grouped by kecamatan, as a Dinas reads its schools.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# What operators type for the school types: "sdn 12" finds "SD NEGERI 12 ...".
_SHORT = {
    "sdn": ("sd", "negeri"),
    "smpn": ("smp", "negeri"),
    "sman": ("sma", "negeri"),
    "smkn": ("smk", "negeri"),
    "tkn": ("tk", "negeri"),
}


@dataclass(frozen=True, slots=True)
class SchoolChoice:
    """One school as the picker offers it; counts are None until the district data arrive."""

    school_id: int
    name: str
    kecamatan: str = ""
    npsn: str = ""  # Dapodik's exports carry none today: kept for when the store has it
    n_ptk: int | None = None
    n_open: int | None = None  # open findings (invalid + peringatan + info)
    hay: str = field(default="", compare=False)  # lower-cased name, kecamatan and NPSN
    words: frozenset[str] = field(default=frozenset(), compare=False)

    @classmethod
    def make(
        cls,
        school_id: int,
        name: str,
        kecamatan: str | None = "",
        npsn: str | None = "",
        n_ptk: int | None = None,
        n_open: int | None = None,
    ) -> SchoolChoice:
        kec, code = kecamatan or "", npsn or ""
        hay = f"{name}\x1f{kec}\x1f{code}".lower()
        words = frozenset(hay.replace("\x1f", " ").split())
        return cls(school_id, name, kec, code, n_ptk, n_open, hay, words)


def needles(text: str) -> tuple[str, ...]:
    """The words of what was typed, lower-cased, school-type abbreviations spelt out."""
    out: list[str] = []
    for word in text.lower().split():
        out.extend(_SHORT.get(word, (word,)))
    return tuple(out)


def rank(choice: SchoolChoice, words: Sequence[str]) -> int | None:
    """None: some word occurs nowhere. Otherwise lower is better: 0 per whole-word match,
    1 per word a school word starts with, 2 per word found only inside another."""
    total = 0
    for needle in words:
        if needle not in choice.hay:
            return None
        if needle in choice.words:
            continue
        total += 1 if any(w.startswith(needle) for w in choice.words) else 2
    return total


def _kec_key(kecamatan: str) -> tuple[int, str]:
    return (0 if kecamatan else 1, kecamatan.casefold())  # "no kecamatan" last


def search(choices: Iterable[SchoolChoice], text: str) -> list[tuple[str, list[SchoolChoice]]]:
    """(kecamatan, its matching schools) in kecamatan order; within one, best matches first,
    then the order given (the store's name order)."""
    words = needles(text)
    groups: dict[str, list[tuple[int, int, SchoolChoice]]] = {}
    for i, choice in enumerate(choices):
        r = rank(choice, words) if words else 0
        if r is not None:
            groups.setdefault(choice.kecamatan, []).append((r, i, choice))
    return [
        (kec, [c for _r, _i, c in sorted(groups[kec], key=lambda t: (t[0], t[1]))])
        for kec in sorted(groups, key=_kec_key)
    ]
