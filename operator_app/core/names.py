"""Names and sex as written in Dapodik and SIASN: titles (gelar) off, one comparable key, JK."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles written in front of a name. With a dot they are always titles; without one only when a
# name follows ("DRS AHMAD"), so that a name made of such letters is never emptied.
_FRONT = frozenset({"DR", "DRA", "DRS", "DRG", "IR", "H", "HJ", "KH", "PROF", "NS"})

# Titles written behind a name (codes: letters only, upper case). Recognised after a comma, or
# with a dot ("SITI S.Pd."); undotted at the very end only when the code cannot be a name part.
_BACK = _codes(
    """
    SPD SPDI SPDSD SPDK SPDH SPDB SPDKR SPDAUD SPDJAS MPD MPDI MPDK SAG SAGI SE SEI SEAK SKOM
    SKOMI ST STP SH SHI SSOS SSOSI AMA AMAPD AMAPDSD AMD AMDKEP AMDKEB AMK AMKEB AMKEP SPSI
    MM MAG LC SIP SHUM SSI SKEP NS SS SSN SKM SFARM SKED SGZ SP SPT STH STEOL SIKOM SAP SSTP
    SST STR SHUT SPI SSY MSI MSC MA MAP MKES MKOM MT MH MHUM MSN MEI MSOS MSY MTH MKEP MIKOM
    PHD GR DR DRS DRA IR BA BSC MBA MED SPDMAT SPDBIO SPDFIS SPDING
    """
)
_BACK_UNDOTTED = _codes(
    """
    SPD SPDI SPDSD SPDK MPD MPDI SAG SKOM SSOS AMAPD AMD SPSI MAG SHUM SSI SKEP SKM SHI SEI
    SSN MKOM MKES SFARM
    """
)
_TOKEN = re.compile(r"[^\s.\-–]+\.?")
_LETTERS = re.compile(r"[^A-Z]")
_ONLY_LETTERS = re.compile(r"[A-Za-z]+\.?")
_APOSTROPHES = re.compile(r"['‘’`´ʼʻ]")
_NOT_ALNUM = re.compile(r"[\W_]+")


def _fold(text: str) -> str:
    """Accents off: 'É' -> 'E' (NFKD, combining marks dropped)."""
    if text.isascii():  # the common case, and the hot path of a 50,000-row import
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _code(text: str) -> str:
    return _LETTERS.sub("", _fold(text).upper())


def _is_back_code(code: str) -> bool:
    # "S.Pd.Gr": the PPG teacher certificate is often glued to the degree.
    return code in _BACK or (code.endswith("GR") and code[:-2] in _BACK)


def _is_title_piece(piece: str) -> bool:
    """One comma-separated piece behind the name: 'S.Pd.', 'M. Pd', 'SE', 'Gr.'."""
    if _is_back_code(_code(piece)):
        return True
    # An unknown dotted abbreviation ("S.Pd.Jas."): every word has a dot or is very short.
    words = piece.split()
    return "." in piece and all("." in w or len(w) <= 3 for w in words)


def _only_letters(token: str) -> bool:
    """A title is written in letters: "H1" or "HΩ" are name parts, not the title "H" (their code
    would be "H", and name_key(name_key(x)) would then strip what the first pass kept)."""
    return _ONLY_LETTERS.fullmatch(_fold(token)) is not None


def _is_front(token: str) -> bool:
    return _code(token) in _FRONT and _only_letters(token)


def _is_back(tokens: list[str]) -> bool:
    joined = "".join(tokens)
    code = _code(joined)
    if "." in joined:
        return _is_back_code(code)
    return len(tokens) == 1 and code in _BACK_UNDOTTED and _only_letters(joined)


def strip_titles(name: str) -> str:
    """The name without academic or religious titles in front of and behind it.

    'Dra. Hj. Siti Nur'aini, S.Pd., M.Pd.' -> "Siti Nur'aini". The name itself is kept as
    written. A name that would be left empty is returned whole (spaces collapsed).
    """
    text = " ".join(name.split())
    head, comma, tail = text.partition(",")
    kept: list[str] = []
    if comma:
        pieces = (p.strip() for p in tail.split(","))
        kept = [p for p in pieces if p and not _is_title_piece(p)]
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(head)]
    words = [head[a:b] for a, b in spans]
    i, j = 0, len(words)
    while j - i > 1 and _is_front(words[i]):
        i += 1
    while j - i > 1:
        k = next((k for k in (4, 3, 2, 1) if j - k > i and _is_back(words[j - k : j])), 0)
        if not k:
            break
        j -= k
    core = head[spans[i][0] : spans[j - 1][1]] if j > i else ""
    result = " ".join(x for x in (core, *kept) if x).strip(" ,;")
    return result or text


def _key(text: str) -> str:
    text = _APOSTROPHES.sub("", _fold(text).upper())
    return " ".join(_NOT_ALNUM.sub(" ", text).split())


def name_key(name: str | None) -> str:
    """Comparable form of a name: no titles, upper case, no accents or punctuation.

    "Dra. Hj. Siti Nur'aini, S.Pd." and "SITI NURAINI" share a key. Apostrophes join
    ("Nur'aini" = "Nuraini"); dots, commas and hyphens separate ("MOH.ALI" = "MOH ALI").
    Spelling variants are deliberately not folded: "Muh." and "Muhammad" differ (NAMA_BEDA).
    """
    if not name:
        return ""
    if name.isascii():
        # Fast path (most rows of a 50,000-row import): plain words of letters with no title
        # candidate at either end, where the slow path below can only upper-case and re-space.
        words = name.upper().split()
        if not words:
            return ""
        if "".join(words).isalpha() and (  # every word letters only
            len(words) == 1 or (words[0] not in _FRONT and words[-1] not in _BACK_UNDOTTED)
        ):
            return " ".join(words)
    return _name_key_slow(name)


def _name_key_slow(name: str) -> str:
    """name_key without its fast path (tests check that both agree)."""
    if not name:
        return ""
    key = _key(strip_titles(name))
    words = key.split()
    if not words or (words[0] not in _FRONT and words[-1] not in _BACK_UNDOTTED):
        return key  # no title left that strip_titles could remove: already a fixed point
    for _ in range(5):  # a key is a fixed point: name_key(name_key(x)) == name_key(x)
        again = _key(strip_titles(key))
        if again == key:
            break
        key = again
    return key


_JK: dict[str, Literal["L", "P"]] = {
    "l": "L",
    "p": "P",
    "m": "L",
    "f": "P",
    "lk": "L",
    "pr": "P",
    "pria": "L",
    "wanita": "P",
    "laki": "L",
    "lakilaki": "L",
    "perempuan": "P",
    "male": "L",
    "female": "P",
    "1": "L",
    "2": "P",
}
_JK_NOISE = re.compile(r"[\s\-_.'/]+")


def normalise_jk(value: object) -> Literal["L", "P"] | None:
    """'L' or 'P' from any spelling of sex in Dapodik or SIASN (P is Perempuan, never Pria)."""
    if type(value) is str:
        return _jk_text(value)
    return _normalise_jk_plain(value)


@lru_cache(maxsize=1024)  # str only: 1, 1.0 and True are equal keys but different cells
def _jk_text(text: str) -> Literal["L", "P"] | None:
    return _JK.get(_JK_NOISE.sub("", text).lower())


def _normalise_jk_plain(value: object) -> Literal["L", "P"] | None:
    """normalise_jk without its memory (a property test checks that both agree)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value if isinstance(value, str) else str(value)
    return _JK.get(_JK_NOISE.sub("", text).lower())


def _cp1252_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for b in range(0x80, 0x100):
        try:
            table[bytes([b]).decode("cp1252")] = b
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: read as Latin-1 instead
            table[chr(b)] = b
    return table


_CP1252 = _cp1252_table()
_CONT = "".join(re.escape(c) for c, b in _CP1252.items() if b <= 0xBF)
_MOJIBAKE = re.compile(f"[Â-ß][{_CONT}]|[à-ï][{_CONT}]{{2}}|[ð-ô][{_CONT}]{{3}}")


def _unmangle(m: re.Match[str]) -> str:
    seq = m.group()
    try:
        fixed = bytes(_CP1252[c] for c in seq).decode("utf-8")
    except UnicodeDecodeError:
        return seq
    if unicodedata.category(fixed) in {"Cc", "Cn", "Co"}:  # control/unassigned: no repair
        return seq
    return fixed


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252 ('â€“' -> '–', 'Ã©' -> 'é'), one sequence at a time.

    A sequence is replaced only when its bytes are valid UTF-8 for one printable character;
    everything else, including correct accented text, is left as it is.
    """
    if text.isascii():
        return text
    return _MOJIBAKE.sub(_unmangle, text)
