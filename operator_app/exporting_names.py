"""File and folder names that are safe on Windows, for the per-school export package.

A package written on Linux or macOS is copied to school PCs running Windows, so every name obeys
Windows' rules everywhere: no `<>:"/\\|?*` or control characters, no trailing dot or space, no
device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, also with an extension: `NUL.txt`), a length
that keeps `OUTDIR/<kecamatan>/<sekolah>/<file>` well under the 260-character path limit, and no
two names in one folder that differ only in case (Windows folders are case-insensitive).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

FORBIDDEN = '<>:"/\\|?*'
_FORBIDDEN_RE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"}
    | {f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
KECAMATAN_MAX = 40
SCHOOL_MAX = 60
SLUG_MAX = 40
FALLBACK = "Tanpa nama"


def is_reserved(name: str) -> bool:
    """A Windows device name, whatever follows the first dot (`con.xlsx`, `LPT1 .pdf`)."""
    stem = name.split(".", 1)[0].rstrip(" ")
    return stem.upper() in _RESERVED


def safe_name(text: str, max_len: int = SCHOOL_MAX, fallback: str = FALLBACK) -> str:
    """`text` as one folder or file name Windows accepts, at most `max_len` characters.

    Forbidden and control characters become '-', whitespace runs one space, trailing dots and
    spaces go, a device name gets '_' after its stem; nothing left gives `fallback`.
    """
    name = _SPACES.sub(" ", unicodedata.normalize("NFC", text or ""))
    name = _FORBIDDEN_RE.sub("-", name).strip(" ")
    name = _trim(name, max_len) or _trim(fallback, max_len) or "_"
    if is_reserved(name):
        stem, dot, rest = name.partition(".")
        name = _trim(f"{stem.rstrip(' ')}_{dot}{rest}", max_len)
        if is_reserved(name):  # max_len too small to hold the '_'
            name = _trim(f"_{name}", max_len)
    return name


def _trim(name: str, max_len: int) -> str:
    return name[:max_len].rstrip(" .")


def slug(text: str, max_len: int = SLUG_MAX) -> str:
    """'SD NEGERI 1 KALIBAGOR' -> 'sd-negeri-1-kalibagor' (ASCII, for file names)."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    out = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return out[:max_len].strip("-") or "sekolah"


def folder_key(name: str) -> str:
    """Two names Windows takes for the same folder have the same key."""
    return unicodedata.normalize("NFC", name).casefold()


class NameBook:
    """Hands out names unique within one folder (case-insensitively), remembering those taken."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken = {folder_key(t) for t in taken}

    def claim(self, wanted: str, tag: str, max_len: int = SCHOOL_MAX) -> str:
        """`wanted` (already safe) if free, else `wanted - <tag>` (then numbered), cut so that
        the tag always fits."""
        name = wanted
        n = 1
        while folder_key(name) in self._taken:
            suffix = f" - {tag}" if n == 1 else f" - {tag}-{n}"
            name = safe_name(wanted[: max(1, max_len - len(suffix))] + suffix, max_len)
            n += 1
        self._taken.add(folder_key(name))
        return name
