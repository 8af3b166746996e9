"""Test-facing helpers over `operator_app.samples` (the synthetic data generator).

Import from any test module as `from builders import ...` (tests/ is on sys.path because the
root conftest lives there; there is no __init__.py in tests).

Ground truth: `Kabupaten.expected` holds `(code, dapodik_file, dapodik_row)`,
`(code, siasn_file, siasn_row)` and `(code, school_name)` tuples exactly as
docs/findings-conventions.md describes; `Kabupaten.notes[key]` says why, `subjects[key]` is the
name written on that row. With `inject=False` nothing but decoys is planted and `expected` is
empty, so any finding is a false positive.

Typical use::

    from builders import write_kabupaten

    def test_precision_recall(tmp_path):
        kab, files = write_kabupaten(tmp_path)          # 3 schools, small SIASN file
        found = run_checks(files.all)                    # your code
        assert found == kab.expected

    def test_reader(tmp_path):
        _, drow, srow = person_rows("pns")               # one clean, matching pair
        drow["NIP"] = ""                                  # -> NIP_KOSONG
        dapodik, siasn = write_pair(tmp_path, [drow], [srow])
"""

from __future__ import annotations

from pathlib import Path

from operator_app.samples import (
    DAPODIK_FIRST_ROW,
    SAPK_ALIASES,
    SIASN_FIRST_ROW,
    TODAY,
    Kabupaten,
    KabupatenFiles,
    SampleSchool,
    build_kabupaten,
    dapodik_rows_bulk,
    excel_number,
    make_nik,
    make_nip,
    make_nip_pppk,
    person_rows,
    siasn_rows_bulk,
    write_dapodik_spreadsheetml,
    write_dapodik_xlsx,
    write_siasn_csv,
    write_siasn_xlsx,
    write_student_list_xlsx,
    write_unrelated_xlsx,
)

__all__ = [
    "DAPODIK_FIRST_ROW",
    "DEMO",
    "FULL",
    "SAPK_ALIASES",
    "SIASN_FIRST_ROW",
    "SMALL",
    "TODAY",
    "Kabupaten",
    "KabupatenFiles",
    "SampleSchool",
    "build_kabupaten",
    "dapodik_rows_bulk",
    "excel_number",
    "make_nik",
    "make_nip",
    "make_nip_pppk",
    "person_rows",
    "siasn_rows_bulk",
    "write_dapodik_spreadsheetml",
    "write_dapodik_xlsx",
    "write_kabupaten",
    "write_pair",
    "write_siasn_csv",
    "write_siasn_xlsx",
    "write_student_list_xlsx",
    "write_unrelated_xlsx",
]

# Sizes: SMALL is quick for unit-ish tests (every code still appears at least once),
# DEMO is what the app's "Coba dengan data contoh" uses, FULL plants every code >= 3 times.
SMALL: dict[str, int] = {"n_schools": 3, "siasn_rows": 300}
DEMO: dict[str, int] = {"n_schools": 4, "siasn_rows": 600}
FULL: dict[str, int] = {"n_schools": 8, "siasn_rows": 1500}


def write_kabupaten(
    folder: Path,
    seed: int = 2026,
    *,
    n_schools: int = SMALL["n_schools"],
    siasn_rows: int = SMALL["siasn_rows"],
    inject: bool = True,
) -> tuple[Kabupaten, KabupatenFiles]:
    """Build a kabupaten (deterministic for the arguments) and write its files into `folder`.

    `files.all` lists every Dapodik xlsx (guru and tendik per school) and then the SIASN CSV.
    """
    kab = build_kabupaten(seed, n_schools=n_schools, siasn_rows=siasn_rows, inject=inject)
    return kab, kab.write(folder)


def write_pair(
    folder: Path,
    dapodik: list[dict[str, object]],
    siasn: list[dict[str, str]],
    *,
    school: SampleSchool | None = None,
    numeric_nip_rows: set[int] | None = None,
    siasn_name: str = "export-data-asn.csv",
) -> tuple[Path, Path]:
    """One school's guru xlsx with `dapodik` rows and a pipe CSV with `siasn` rows.

    Dapodik row i (0-based) is spreadsheet row 6 + i; SIASN row i is CSV row 2 + i.
    """
    school = school or SampleSchool(name="SD NEGERI 3 SUKAMAJU")
    folder.mkdir(parents=True, exist_ok=True)
    dpath = write_dapodik_xlsx(
        folder / school.file_name("guru"),
        school,
        dapodik,
        "guru",
        numeric_nip_rows=numeric_nip_rows or set(),
    )
    spath = write_siasn_csv(folder / siasn_name, siasn)
    return dpath, spath


def siasn_damaged_below_head(siasn_csv: Path, target: Path) -> Path:
    """A copy of a SIASN CSV export with one row past the column limit (1,001 cells) at line 101,
    far below the first 40 rows that detection reads: only typing the rows finds it."""
    lines = siasn_csv.read_text(encoding="utf-8").splitlines(keepends=True)
    delimiter = "|" if "|" in lines[0] else ","
    lines.insert(100, delimiter.join(["x"] * 1001) + "\n")
    target.write_text("".join(lines), encoding="utf-8")
    return target
