"""Cleaning and reading NIP and NIK: what the operator typed, what the digits say, what is broken."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

from operator_app.core.names import normalise_jk

Sex = Literal["L", "P"]

_NULLS = frozenset({"", "-", "--", "null", "none"})
# Any Unicode whitespace (NBSP included) and zero-width characters, and leading apostrophes.
_LEADING = re.compile(r"^[\s\u200b\ufeff]*(?:['‘’`][\s\u200b\ufeff]*)*")
_TRAILING = re.compile(r"[\s\u200b\ufeff]+$")
_DIGITS = re.compile(r"[0-9]+")
_SPACED_DIGITS = re.compile(r"[0-9]+(?:[\s.\-–—]+[0-9]+)+")
_TRAILING_ZERO_FRACTION = re.compile(r"([0-9]+)[.,]0+")
_SCIENTIFIC = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]*)?[eE][+-]?[0-9]+")


def _strip(text: str) -> str:
    return _TRAILING.sub("", _LEADING.sub("", text, count=1))


def _is_digits(text: str) -> bool:
    """Only ASCII digits 0-9, at least one (str.isdigit alone accepts other scripts' digits)."""
    return text.isascii() and text.isdigit()


def _number_as_excel_shows(value: float | int) -> str | None:
    """Integer digits as Excel shows a number cell with format `0` (15 significant digits)."""
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return None
    try:
        # Excel keeps 15 significant digits; '.15g' rounds the binary value the same way and
        # Decimal turns '1.98501012010012e+17' into exact digits without float noise.
        exact = Decimal(format(value, ".15g")).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return None
    return str(int(exact))


def clean_identifier(value: object) -> str | None:
    """An identifier as the operator means it; None for an empty cell or a literal 'null'.

    Formatting is removed (leading apostrophe, surrounding spaces, spaces/dots/dashes between
    digits, a trailing '.0'); anything else that is not purely digits is returned as written so
    that a rule can say what is wrong with it. Numbers become the digits Excel shows: a numeric
    18-digit NIP therefore comes back with its last three digits as '000', never repaired.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _number_as_excel_shows(value)
    text = _strip(value if isinstance(value, str) else str(value))
    if text.lower() in _NULLS:
        return None
    if _is_digits(text):
        return text
    m = _TRAILING_ZERO_FRACTION.fullmatch(text)
    if m:  # '198501012010012000.0': the '.0' of a number, not a separator
        return m[1]
    if _SPACED_DIGITS.fullmatch(text):
        return "".join(_DIGITS.findall(text))
    return text


def lost_precision(text: str) -> bool:
    """True when the text shows that the value went through an Excel number.

    Signs: scientific notation (`1.98501E+17`, `1,98501E+17`), a trailing `.0`, or 18 digits
    ending in `000` (15 significant digits survive; a real NIP serial is never 000). A 16-digit
    value ending in 0 is not flagged from the text alone: one real NIK/NUPTK in ten ends in 0;
    the caller knows whether the cell was numeric and passes that on as `from_numeric`.
    """
    if text.isascii() and text.isdigit():  # nothing to strip, no exponent, no fraction
        return len(text) == 18 and text.endswith("000")
    t = _strip(text)
    if _SCIENTIFIC.fullmatch(t) or _TRAILING_ZERO_FRACTION.fullmatch(t):
        return True
    return len(t) == 18 and _is_digits(t) and t.endswith("000")


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _sex(digit: str) -> Sex | None:
    return "L" if digit == "1" else "P" if digit == "2" else None


@dataclass(frozen=True, slots=True)
class NipInfo:
    """What an 18-digit NIP says; `problems` are Indonesian sentences, empty when well-formed."""

    kind: Literal["pns", "pppk"] | None
    birth_date: date | None
    tmt: str | None  # "YYYY-MM" for PNS/CPNS, "YYYY" for PPPK
    sex: Sex | None
    problems: tuple[str, ...]


# The rules read the same NIP several times per person (NIP_RUSAK, the NIP-vs-identity rules,
# duplicates, status): parse_nip and nip_problem are pure functions of their arguments and
# their answers immutable, so they are remembered. Bounded (a district has ~20,000 PTK); the
# plain functions stay reachable as `__wrapped__` (property tests compare the two).
_NIP_CACHE = 1 << 16


@lru_cache(maxsize=_NIP_CACHE)
def parse_nip(nip: str) -> NipInfo:
    """Read a cleaned NIP (`YYYYMMDD YYYYMM S NNN`, or `YYYYMMDD YYYY 2 R S NNN` for PPPK)."""
    if not _is_digits(nip):
        return NipInfo(None, None, None, None, ("NIP berisi karakter bukan angka",))
    if len(nip) != 18:
        return NipInfo(None, None, None, None, (f"NIP harus 18 digit, tertulis {len(nip)} digit",))
    problems: list[str] = []
    birth = _real_date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if birth is None or birth.year < 1900:
        birth = None
        problems.append(f"tanggal lahir di NIP (digit 1-8) bukan tanggal yang ada: {nip[0:8]}")
    kind: Literal["pns", "pppk"] | None = None
    tmt: str | None = None
    tmt_year = int(nip[8:12])
    if nip[12] in "01":
        if 1 <= int(nip[12:14]) <= 12:
            kind, tmt = "pns", f"{nip[8:12]}-{nip[12:14]}"
        else:
            problems.append(f"bulan TMT di NIP (digit 13-14) tidak valid: {nip[12:14]}")
    elif nip[12] == "2":
        kind, tmt = "pppk", nip[8:12]
        if nip[13] == "0":
            problems.append("digit angkatan PPPK di NIP (digit 14) harus 1-9, tertulis 0")
    else:
        problems.append(
            f"digit ke-13 NIP harus 0 atau 1 (bulan TMT PNS) atau 2 (PPPK), tertulis {nip[12]}"
        )
    if birth is not None and tmt is not None and tmt_year < birth.year + 15:
        problems.append(
            f"tahun TMT di NIP (digit 9-12) tidak masuk akal: {tmt_year}, "
            f"padahal lahir tahun {birth.year}"
        )
    sex = _sex(nip[14])
    if sex is None:
        problems.append(f"digit jenis kelamin (digit 15) harus 1 atau 2, tertulis {nip[14]}")
    if nip[15:] == "000":
        problems.append("nomor urut di NIP (digit 16-18) tidak boleh 000")
    return NipInfo(kind, birth, tmt, sex, tuple(problems))


def is_nip_lama(text: str | None) -> bool:
    """The old 9-digit BKN number (SIASN `NIP_LAMA`), often typed into Dapodik's NIP column."""
    return text is not None and len(text) == 9 and _is_digits(text)


def _sentence(problems: list[str] | tuple[str, ...]) -> str:
    text = "; ".join(problems)
    return text[:1].upper() + text[1:] + "."


def _numeric_problem(label: str, value: str, digits: int) -> str:
    return (
        f"{label} tersimpan sebagai angka di Excel sehingga digit terakhir hilang "
        f"(tertulis {value}; Excel hanya menyimpan 15 digit pertama dari {digits} digit). "
        f"Ketik ulang {label} sebagai teks sesuai dokumen aslinya."
    )


@lru_cache(maxsize=_NIP_CACHE)
def nip_problem(nip: str | None, from_numeric: bool) -> str | None:
    """Why a Dapodik NIP is not a clean 18-digit NIP (finding NIP_RUSAK), or None.

    Empty is None (that is NIP_KOSONG). A 9-digit value is None as well: it is a NIP lama, which
    the rules compare with SIASN `NIP_LAMA` (finding NIP_LAMA) instead of calling it broken.
    """
    if not nip:
        return None
    if from_numeric or lost_precision(nip):
        return _numeric_problem("NIP", nip, 18)
    if is_nip_lama(nip):
        return None
    problems = parse_nip(nip).problems
    return _sentence(problems) if problems else None


@dataclass(frozen=True, slots=True)
class NikInfo:
    """What a 16-digit NIK says; `problems` are Indonesian sentences, empty when well-formed."""

    birth_date: date | None
    sex: Sex | None
    problems: tuple[str, ...]


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


@lru_cache(maxsize=1 << 15)  # pure; birth dates recur over a district's 20,000 NIKs
def _nik_birth_date(day: int, month: int, yy: int, today: date) -> date | None:
    """The century that makes the person 15-100 years old, else the nearest to that range."""
    candidates = [d for c in (1900, 2000) if (d := _real_date(c + yy, month, day)) is not None]

    def distance(d: date) -> int:
        age = _age(d, today)
        return 0 if 15 <= age <= 100 else min(abs(age - 15), abs(age - 100))

    return min(candidates, key=distance, default=None)


def parse_nik(nik: str, today: date | None = None) -> NikInfo:
    """Read a cleaned NIK: `PP KK CC DD MM YY NNNN`, day + 40 for women."""
    if not _is_digits(nik):
        return NikInfo(None, None, ("NIK berisi karakter bukan angka",))
    if len(nik) != 16:
        return NikInfo(None, None, (f"NIK harus 16 digit, tertulis {len(nik)} digit",))
    problems: list[str] = []
    if int(nik[0:2]) < 11:
        problems.append(f"kode provinsi di NIK (digit 1-2) tidak ada: {nik[0:2]}")
    dd, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex: Sex | None = "P" if dd > 40 else "L"
    day = dd - 40 if dd > 40 else dd
    birth = _nik_birth_date(day, month, yy, today or date.today())
    if birth is None:
        sex = None
        problems.append(f"tanggal lahir di NIK (digit 7-12) bukan tanggal yang ada: {nik[6:12]}")
    if nik[12:] == "0000":
        problems.append("nomor urut di NIK (digit 13-16) tidak boleh 0000")
    return NikInfo(birth, sex, tuple(problems))


def _dmy(d: date) -> str:
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def nik_problem(
    nik: str | None, birth_date: date | None, jk: str | None, from_numeric: bool = False
) -> str | None:
    """Why a NIK is not valid for this person (finding NIK_TIDAK_VALID), or None.

    Only day, month and the two-digit year are compared with `birth_date`: the NIK has no
    century. A NIK is not re-issued when a birth date is corrected, so the rules report a
    disagreement as a warning.
    """
    if not nik:
        return None
    if from_numeric or lost_precision(nik):
        return _numeric_problem("NIK", nik, 16)
    info = parse_nik(nik)
    problems = list(info.problems)
    if info.birth_date and birth_date:
        nd = info.birth_date
        if (nd.day, nd.month, nd.year % 100) != (
            birth_date.day,
            birth_date.month,
            birth_date.year % 100,
        ):
            problems.append(
                f"tanggal lahir di NIK (digit 7-12: {nik[6:12]}, artinya {nd.day:02d}-{nd.month:02d}"
                f"-{nd.year % 100:02d}) tidak sama dengan tanggal lahir {_dmy(birth_date)}"
            )
    sex = normalise_jk(jk)
    if info.sex and sex and info.sex != sex:
        told = "perempuan (tanggal lahir + 40)" if info.sex == "P" else "laki-laki"
        problems.append(f"NIK menunjukkan {told}, sedangkan jenis kelamin tercatat {sex}")
    return _sentence(problems) if problems else None


def differing_positions(a: str, b: str) -> tuple[int, ...]:
    """Indices (0-based) where two identifiers differ; extra characters of the longer all differ."""
    common = min(len(a), len(b))
    same_length = [i for i in range(common) if a[i] != b[i]]
    return (*same_length, *range(common, max(len(a), len(b))))
