"""School names as Dapodik and SIASN unor write them: one canonical key, and one school or two."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Status = Literal["NEGERI", "SWASTA"]
Shift = Literal["PAGI", "PETANG"]
Verdict = Literal["sama", "nomenklatur", "beda", "ragu"]


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Place similarity (0..1) from which two places are one place, and below which they are two.
PLACE_SAME = 0.88
PLACE_OTHER = 0.75
# Score of a match whose place is written on one side only ("SD NEGERI 4" / "SD NEGERI 4 X").
PLACE_MISSING_SCORE = 0.6

_LEVELS = _word_set("TK KB TPA SPS PAUD RA SD SDLB MI SMP SMPLB MTS SMA SMALB MA SMK SLB PKBM SKB")
_LEVEL_ALIASES = {"SMU": "SMA", "SLTP": "SMP"}
# Level and status glued into one word; only read as the first word of a name, because
# "MAS" or "MAN" inside a name are ordinary words ("SD NEGERI 1 GUNUNG MAS").
_GLUED: dict[str, tuple[str, Status | None, tuple[str, ...]]] = {
    **{f"{lv}N": (lv, "NEGERI", ()) for lv in ("SD", "SMP", "SMA", "SMK", "SLB", "TK", "MTS")},
    **{f"{lv}S": (lv, "SWASTA", ()) for lv in ("SD", "SMP", "SMA", "SMK", "SLB", "TK", "MTS")},
    "MIN": ("MI", "NEGERI", ()),
    "MIS": ("MI", "SWASTA", ()),
    "MAN": ("MA", "NEGERI", ()),
    "MAS": ("MA", "SWASTA", ()),
    "SMUN": ("SMA", "NEGERI", ()),
    "SLTPN": ("SMP", "NEGERI", ()),
    "SDIT": ("SD", None, ("IT",)),
    "SMPIT": ("SMP", None, ("IT",)),
    "SMAIT": ("SMA", None, ("IT",)),
}
_STATUS_WORDS: dict[str, Status] = {"NEGERI": "NEGERI", "NEGRI": "NEGERI", "NEG": "NEGERI"}
_STATUS_WORDS |= {"N": "NEGERI", "SWASTA": "SWASTA"}
_SHIFTS: dict[str, Shift] = {"PAGI": "PAGI", "PG": "PAGI", "PETANG": "PETANG", "PT": "PETANG"}
# Phrases shortened wherever they stand. No output word is part of any phrase, so the
# replacement is a fixed point and keys stay stable when parsed again.
_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    (tuple(words.split()), short)
    for words, short in (
        ("SEKOLAH DASAR LUAR BIASA", "SDLB"),
        ("SEKOLAH DASAR", "SD"),
        ("SEKOLAH MENENGAH PERTAMA", "SMP"),
        ("SEKOLAH MENENGAH ATAS", "SMA"),
        ("SEKOLAH MENENGAH KEJURUAN", "SMK"),
        ("SEKOLAH LUAR BIASA", "SLB"),
        ("TAMAN KANAK KANAK", "TK"),
        ("KELOMPOK BERMAIN", "KB"),
        ("MADRASAH IBTIDAIYAH", "MI"),
        ("MADRASAH TSANAWIYAH", "MTS"),
        ("MADRASAH ALIYAH", "MA"),
        ("ISLAM TERPADU", "IT"),
        ("SATU ATAP", "SATAP"),
    )
)
_PREFIXES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "UNIT PELAKSANA TEKNIS DAERAH",
        "UNIT PELAKSANA TEKNIS",
        "SATUAN PENDIDIKAN FORMAL",
        "SATUAN PENDIDIKAN",
        "UPTD",
        "UPT",
        "SPF",
        "SATDIK",
    )
)
_WORDS = {"KAB": "KABUPATEN", "KEC": "KECAMATAN", "KOTAMADYA": "KOTA", "PROV": "PROVINSI"}
_REGION = frozenset({"KOTA", "KABUPATEN", "KECAMATAN", "PROVINSI"})
_NUMBER_WORDS = frozenset({"NO", "NOMOR", "NOMER", "NMR"})
# Words that tell two neighbouring places apart ("METRO BARAT" / "METRO TIMUR").
_DIRECTIONS = _word_set(
    "UTARA SELATAN BARAT TIMUR TENGAH BARU LAMA ILIR HILIR ULU HULU ATAS BAWAH DALAM LUAR "
    "DARAT LAUT KIDUL LOR WETAN KULON"
)
# Old spellings still found in village names: SUKAMAJOE, DJATI, TJIBADAK.
_OLD_SPELLING = (("OE", "U"), ("DJ", "J"), ("TJ", "C"), ("SJ", "SY"), ("CH", "KH"))

_APOSTROPHES = re.compile(r"['‘’`´ʼʻ]")
_NOT_ALNUM = re.compile(r"[^A-Z0-9]+")
_DIGITS = re.compile(r"[0-9]+")
_REPEATS = re.compile(r"([A-Z])\1+")


def _roman(n: int) -> str:
    out = ""
    for value, symbol in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += symbol
            n -= value
    return out


_ROMAN = {_roman(n): str(n) for n in range(1, 31)}


@dataclass(frozen=True, slots=True)
class SchoolName:
    """The parts of a school name that identify it; `level` is None for a unit that is no school."""

    raw: str
    level: str | None
    status: Status | None
    number: int | None
    place: str
    shift: Shift | None
    key: str

    @property
    def is_school(self) -> bool:
        return self.level is not None


@dataclass(frozen=True, slots=True)
class SchoolComparison:
    """A verdict on two names; score 0..1 (how surely one school); reason in Indonesian."""

    verdict: Verdict
    score: float
    reason: str


def _words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name.upper())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NOT_ALNUM.sub(" ", _APOSTROPHES.sub("", text)).split()


def _is_number(word: str) -> bool:
    # Very long digit runs are no school number (and would be slow to turn into int).
    return _DIGITS.fullmatch(word) is not None and len(word) <= 9


def _normal_word(word: str) -> str:
    if _DIGITS.fullmatch(word):
        return word.lstrip("0") or "0"
    return _ROMAN.get(word) or _WORDS.get(word, word)


def _shorten(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase, short in _PHRASES:
            if tuple(words[i : i + len(phrase)]) == phrase:
                out.append(short)
                i += len(phrase)
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _drop_number_words(words: list[str]) -> list[str]:
    """'NO 12' -> '12'; right to left so that 'NO NO 12' settles in one pass."""
    kept: list[str] = []
    for word in reversed(words):
        if word in _NUMBER_WORDS and kept and _is_number(kept[-1]):
            continue
        kept.append(word)
    return kept[::-1]


def _strip_prefixes(words: list[str]) -> list[str]:
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            n = len(prefix)
            if len(words) > n and tuple(words[:n]) == prefix:
                words = words[n:]
                changed = True
                break
    return words


def _strip_region(words: list[str]) -> list[str]:
    """Drop a trailing 'KOTA X' / 'KABUPATEN X' / 'KECAMATAN X', and a leading 'KOTA' of a
    place that is only the region ('SMA NEGERI 15 KOTA TANGERANG' -> place 'TANGERANG')."""
    while True:
        if len(words) > 1 and words[0] in _REGION and words[1] not in _STATUS_WORDS:
            words = words[1:]
            continue
        cut = next((i for i in range(len(words) - 2, 0, -1) if words[i] in _REGION), None)
        if cut is None:
            return words
        words = words[:cut]


@lru_cache(maxsize=65536)
def parse_school(name: str) -> SchoolName:
    """Level, status, number, place and shift of a school name (shared/domain/unor.md)."""
    words = _strip_prefixes(_shorten(_drop_number_words([_normal_word(w) for w in _words(name)])))
    level: str | None = None
    status: Status | None = None
    rest: list[str] = []
    if words and words[0] in _GLUED:
        level, status, extra = _GLUED[words[0]]
        rest = [*extra, *words[1:]]
    elif words and (words[0] in _LEVELS or words[0] in _LEVEL_ALIASES):
        level = _LEVEL_ALIASES.get(words[0], words[0])
        rest = words[1:]
    if level is None:
        key = " ".join(words)
        return SchoolName(name, None, None, None, key, None, key)
    if status is None and rest and rest[0] in _STATUS_WORDS:
        status = _STATUS_WORDS[rest[0]]
        rest = rest[1:]
    # The number may stand before or after the place: 'SD NEGERI TANGERANG 6'.
    at = next((i for i, w in enumerate(rest) if _is_number(w)), None)
    number = None if at is None else int(rest.pop(at))
    rest = _strip_region(_shorten(rest))
    shift: Shift | None = None
    if number is not None and rest and rest[-1] in _SHIFTS:
        shift = _SHIFTS[rest.pop()]
    place = " ".join(rest)
    parts = [level, status, None if number is None else str(number), place, shift]
    key = " ".join(p for p in parts if p)
    return SchoolName(name, level, status, number, place, shift, key)


def school_key(name: str) -> str:
    """The canonical form of a school name, e.g. 'SD NEGERI 4 SUKAMAJU'; keys the alias table."""
    return parse_school(name).key


def _fold_place(word: str) -> str:
    for old, new in _OLD_SPELLING:
        word = word.replace(old, new)
    return _REPEATS.sub(r"\1", word)


def _similarity(a: list[str], b: list[str]) -> float:
    from rapidfuzz import fuzz

    if not a or not b:
        return 1.0 if a == b else 0.0
    spaced = fuzz.token_sort_ratio(" ".join(a), " ".join(b))
    joined = fuzz.ratio("".join(a), "".join(b))  # 'SUKA MAJU' / 'SUKAMAJU'
    return max(spaced, joined) / 100


def _digit_runs(place: str) -> list[str]:
    """Every run of digits in order, leading zeros dropped: 'SP 01 BLOK A2' -> ['1', '2']."""
    return [run.lstrip("0") or "0" for run in _DIGITS.findall(place)]


def _letters(place: str) -> list[str]:
    """The words of a place without their digits ('SP1' -> 'SP'; '12' disappears)."""
    return [w for w in (_DIGITS.sub("", word) for word in place.split()) if w]


def _compare_places(a: str, b: str) -> tuple[Literal["same", "missing", "near", "other"], float]:
    """'same' (also fuzzily), 'missing' on one side, 'near' (cannot tell) or 'other'."""
    if a == b:
        return "same", 1.0
    if not a or not b:
        return "missing", PLACE_MISSING_SCORE
    # Digits are never fuzzy: every digit run (also inside a word: 'SP1', 'BLOK A2') must be
    # the same on both sides; only the letters around them are compared with a score.
    if _digit_runs(a) != _digit_runs(b):
        return "other", 0.0
    wa, wb = _letters(a), _letters(b)
    if not wa or not wb:
        return ("same", 1.0) if wa == wb else ("other", 0.0)
    dir_a, dir_b = set(wa) & _DIRECTIONS, set(wb) & _DIRECTIONS
    if dir_a and dir_b and dir_a != dir_b:
        return "other", 0.0
    core_a = [_fold_place(w) for w in wa if w not in _DIRECTIONS]
    core_b = [_fold_place(w) for w in wb if w not in _DIRECTIONS]
    sim = _similarity(core_a, core_b)
    if sim < PLACE_OTHER:
        return "other", sim
    if dir_a != dir_b or set(core_a) < set(core_b) or set(core_b) < set(core_a):
        return "near", sim  # 'SUKAMAJU' / 'SUKAMAJU BARAT' or '... INDAH': maybe two villages
    return ("same" if sim >= PLACE_SAME else "near"), sim


def compare_schools(dapodik: str, siasn: str) -> SchoolComparison:
    """Whether two names are one school; numbers and levels must agree, only places are fuzzy."""
    return _compare(dapodik, siasn)


def _trivial(name: str) -> str:
    return " ".join(name.split()).casefold()


@lru_cache(maxsize=65536)
def _compare(a: str, b: str) -> SchoolComparison:
    if _trivial(a) == _trivial(b):
        return SchoolComparison("sama", 1.0, "nama sama persis")
    pa, pb = parse_school(a), parse_school(b)
    if pa.level is None or pb.level is None:
        return _compare_units(pa, pb)
    if pa.level != pb.level:
        return SchoolComparison("beda", 0.0, f"jenjang berbeda ({pa.level} vs {pb.level})")
    if pa.status and pb.status and pa.status != pb.status:
        return SchoolComparison("beda", 0.0, f"status berbeda ({pa.status} vs {pb.status})")
    if pa.number is not None and pb.number is not None and pa.number != pb.number:
        return SchoolComparison("beda", 0.0, f"nomor sekolah berbeda ({pa.number} vs {pb.number})")
    if pa.shift and pb.shift and pa.shift != pb.shift:
        return SchoolComparison("beda", 0.0, f"waktu belajar berbeda ({pa.shift} vs {pb.shift})")
    place, sim = _compare_places(pa.place, pb.place)
    if place == "other":
        return SchoolComparison(
            "beda", round(sim, 3), f"nama tempat berbeda ({pa.place} vs {pb.place})"
        )
    doubts = []
    if (pa.number is None) != (pb.number is None):
        doubts.append("nomor sekolah hanya tertulis di satu sisi")
    if (pa.status is None) != (pb.status is None):
        doubts.append("status negeri/swasta hanya tertulis di satu sisi")
    if (pa.shift is None) != (pb.shift is None):
        doubts.append("pagi/petang hanya tertulis di satu sisi")
    if place == "near":
        doubts.append(f"nama tempat mirip tetapi belum pasti sama ({pa.place} vs {pb.place})")
    if place == "missing" and pa.number is None:
        doubts.append("tidak ada nomor sekolah dan nama tempat hanya di satu sisi")
    if not pa.place and not pb.place and pa.number is None and pb.number is None:
        doubts.append("tidak ada nomor sekolah maupun nama tempat untuk dibandingkan")
    if doubts:
        return SchoolComparison("ragu", round(sim / 2, 3), "; ".join(doubts))
    if place == "missing":
        return SchoolComparison(
            "nomenklatur", round(sim, 3), "nama tempat hanya tertulis di satu sisi"
        )
    if pa.key == pb.key or sim == 1.0:
        return SchoolComparison("nomenklatur", 1.0, "hanya penulisan yang berbeda")
    return SchoolComparison(
        "nomenklatur", round(sim, 3), f"nama tempat sedikit berbeda ({pa.place} vs {pb.place})"
    )


def _compare_units(pa: SchoolName, pb: SchoolName) -> SchoolComparison:
    """At least one side is no school (a Dinas, a Bidang, a Korwil) or could not be read."""
    if pa.level is None and pb.level is None:
        if pa.key and pa.key == pb.key:
            return SchoolComparison("nomenklatur", 1.0, "hanya penulisan yang berbeda")
        if not pa.key or not pb.key:
            return SchoolComparison("ragu", 0.0, "nama unit kerja kosong")
        return SchoolComparison("beda", 0.0, f"unit kerja berbeda ({pa.key} vs {pb.key})")
    school, unit = (pa, pb) if pb.level is None else (pb, pa)
    words = unit.key.split()
    if school.level in words and school.number is not None and str(school.number) in words:
        return SchoolComparison("ragu", 0.0, f"nama tidak dikenali sebagai sekolah ({unit.key})")
    return SchoolComparison("beda", 0.0, f"unor bukan sekolah ({unit.key})")


def same_school(
    dapodik: str,
    siasn: str,
    aliases: Mapping[str, int] | None = None,
    school_id: int | None = None,
) -> bool:
    """True when the names are one school, or the operator said so (alias key -> school id)."""
    if (
        aliases is not None
        and school_id is not None
        and aliases.get(school_key(siasn)) == school_id
    ):
        return True
    return compare_schools(dapodik, siasn).verdict in ("sama", "nomenklatur")
