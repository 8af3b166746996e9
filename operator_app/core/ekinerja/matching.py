"""Find the knowledge-base entry of a message as the operator has it: typed, pasted, cut short.

Tolerates case, spacing, punctuation and quotes, a "#N –" prefix, the last words cut off, common
typos (fuzzy ratio), English fragments, and the message pasted inside a longer sentence. Each
entry gets the best score over its wordings (exact wordings count fully, search aliases a little
less); entries scoring at least MATCH_SCORE are returned, best first.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from operator_app.core.ekinerja.knowledge import Entry, entries

MATCH_SCORE = 0.7  # the best candidate must reach this to count as "matched"
ALIAS_WEIGHT = 0.9
_PREFIX = re.compile(r"^\s*(?:no\.?\s*)?(?:#\s*\d{1,2}\b\s*[-–—.:)]?|\d{1,2}\s*[-–—.:)])\s*", re.I)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_TOKENS = {
    "ekinerja": "e kinerja",
    "sinkro": "sinkron",
    "sinkronisasi": "sinkron",
    "sinkronkan": "sinkron",
    "sync": "sinkron",
    "sinkrodata": "sinkron data",
    "silakan": "silahkan",
    "yg": "yang",
    "tdk": "tidak",
    "gak": "tidak",
    "blm": "belum",
    "dgn": "dengan",
    "kepsek": "kepala sekolah",
    "exist": "exists",
}


def normalise(text: str) -> str:
    """'#4 – Nama Sekolah…' → 'nama sekolah …': no prefix, accents, quotes or punctuation."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _PREFIX.sub("", s.strip().strip("\"'“”‘’«»"))
    s = _NON_ALNUM.sub(" ", s.lower())
    return " ".join(_TOKENS.get(t, t) for t in s.split())


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    score: float  # 0.0-1.0
    wording: str  # the wording (or alias) that scored best


def _score(q: str, w: str) -> float:
    if not q or not w:
        return 0.0
    if q == w:
        return 1.0
    pq, pw = f" {q} ", f" {w} "
    n_words = q.count(" ") + 1
    if pw in pq:  # the whole message inside pasted text
        return 0.95 + 0.04 * len(w) / len(q)
    coverage = len(q) / len(w)
    if pq in pw and (n_words >= 3 or coverage >= 0.5):  # cut short, or a fragment of it
        return 0.72 + 0.23 * coverage
    best = max(fuzz.ratio(q, w), 0.97 * fuzz.token_sort_ratio(q, w)) / 100
    best *= 0.75 + 0.25 * _content_coverage(q, w)
    long_w = w.count(" ") >= 2 and len(w) >= 15
    if len(q) > len(w) and long_w:  # pasted text, with typos
        partial = fuzz.partial_ratio(w, q) / 100
        if partial >= 0.88:
            best = max(best, 0.93 * partial)
    elif n_words >= 3 and coverage < 1:  # the last words cut off, with typos
        k = len(q)
        prefix = max(fuzz.ratio(q, w[:n]) for n in range(max(1, k - 3), min(len(w), k + 3) + 1))
        if prefix >= 85:
            best = max(best, prefix / 100 * (0.7 + 0.23 * coverage))
    return best


_STOP = frozenset(
    [
        "data",
        "di",
        "dengan",
        "yang",
        "tidak",
        "ada",
        "belum",
        "pada",
        "sebagai",
        "oleh",
        "atau",
        "dan",
        "e",
        "pmm",
        "kinerja",
        "the",
        "of",
        "in",
        "with",
        "does",
        "not",
    ]
)


def _content_coverage(q: str, w: str) -> float:
    """Share of the wording's content words found (allowing typos) among the query's words."""
    wanted = [t for t in w.split() if t not in _STOP and len(t) > 1]
    if not wanted:
        return 1.0
    have = q.split()
    found = sum(1 for t in wanted if any(fuzz.ratio(t, h) >= 80 for h in have))
    return found / len(wanted)


def _wordings(e: Entry) -> list[tuple[str, str, float]]:
    return [(m, normalise(m), 1.0) for m in e.messages] + [
        (a, normalise(a), ALIAS_WEIGHT) for a in e.aliases
    ]


def rank(query: str) -> list[Match]:
    """Every entry with its best score for `query`, best first (ties: lower number first)."""
    q = normalise(query)
    out: list[Match] = []
    for e in entries():
        score, wording = max(((_score(q, n) * weight, m) for m, n, weight in _wordings(e)))
        out.append(Match(e, round(min(score, 1.0), 3), wording))
    out.sort(key=lambda m: (-m.score, m.entry.no))
    return out


def explain(query: str, limit: int = 5) -> list[Match]:
    """The entries `query` matches (score >= MATCH_SCORE), best first; [] when nothing does."""
    return [m for m in rank(query)[:limit] if m.score >= MATCH_SCORE]


@functools.cache
def _normalised_wordings() -> list[tuple[Entry, str, str]]:
    return [(e, m, normalise(m)) for e in entries() for m in e.messages]


def best(query: str) -> Match | None:
    """The best entry only. Fast path for the log's usual case, an exact wording (possibly inside
    a longer text): the longest wording contained wins, as `rank` would rank it."""
    q = normalise(query)
    pq = f" {q} "
    inside = [(len(n), e, m, n) for e, m, n in _normalised_wordings() if n and f" {n} " in pq]
    if inside:
        _, e, m, n = max(inside, key=lambda t: t[0])
        return Match(e, round(min(_score(q, n), 1.0), 3), m)
    hits = explain(query, 1)
    return hits[0] if hits else None
