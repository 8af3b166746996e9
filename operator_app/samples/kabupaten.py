"""A synthetic kabupaten: several schools' Dapodik exports, the BKD's SIASN export, ground truth.

`build_kabupaten(seed)` is deterministic for a seed. With `inject=True` every finding code of
docs/findings-conventions.md is planted several times, each situation listing *all* the codes it
causes; decoys that must produce nothing are always planted. `Kabupaten.expected` is the ground
truth: `(code, dapodik_file, dapodik_row)`, `(code, siasn_file, siasn_row)` for SIASN-only
findings, `(code, school_name)` for KEPSEK_TIDAK_ADA. Rows are 1-based as written by `write()`:
Dapodik data from row 6 (header row 5), SIASN CSV data from row 2 (header row 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from operator_app.samples.builder import (
    DAPODIK_FIRST_ROW,
    SIASN_FIRST_ROW,
    Builder,
    Expected,
)
from operator_app.samples.model import DapodikKind, Region, SampleSchool
from operator_app.samples.people import TODAY
from operator_app.samples.writers import write_dapodik_xlsx, write_siasn_csv

__all__ = [
    "DAPODIK_FIRST_ROW",
    "SIASN_FIRST_ROW",
    "Expected",
    "Kabupaten",
    "KabupatenFiles",
    "build_kabupaten",
]


@dataclass
class KabupatenFiles:
    """The files written by `Kabupaten.write`: all Dapodik exports, then the SIASN CSV."""

    folder: Path
    dapodik: list[Path]
    siasn: Path

    @property
    def all(self) -> list[Path]:
        return [*self.dapodik, self.siasn]


@dataclass
class Kabupaten:
    """Schools with their Dapodik rows, the SIASN export rows, and the ground truth."""

    seed: int
    region: Region
    schools: list[SampleSchool]
    siasn_rows: list[dict[str, str]]
    siasn_file: str
    expected: set[Expected]
    notes: dict[Expected, str]  # why each expected finding is there
    subjects: dict[Expected, str]  # the Nama/NAMA written on the row a finding points at
    today: date = TODAY

    @property
    def kabupaten(self) -> str:
        return self.region.kabupaten

    @property
    def provinsi(self) -> str:
        return self.region.provinsi

    def write(self, folder: Path | str) -> KabupatenFiles:
        """Write every school's guru and tendik xlsx and the pipe-delimited SIASN CSV."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        dapodik: list[Path] = []
        for s in self.schools:
            for kind in ("guru", "tendik"):
                k: DapodikKind = "guru" if kind == "guru" else "tendik"
                dapodik.append(
                    write_dapodik_xlsx(
                        folder / s.file_name(k), s, s.rows(k), k, numeric_nip_rows=s.numeric_nip(k)
                    )
                )
        siasn = write_siasn_csv(folder / self.siasn_file, self.siasn_rows)
        return KabupatenFiles(folder, dapodik, siasn)

    def dapodik_row(self, file: str, row: int) -> dict[str, object]:
        """The Dapodik row dict written at 1-based spreadsheet `row` of `file`."""
        for s in self.schools:
            for k in ("guru", "tendik"):
                kind: DapodikKind = "guru" if k == "guru" else "tendik"
                if s.file_name(kind) == file:
                    return s.rows(kind)[row - DAPODIK_FIRST_ROW]
        raise KeyError(file)

    def siasn_row(self, row: int) -> dict[str, str]:
        """The SIASN row dict written at 1-based CSV `row` (the header is row 1)."""
        return self.siasn_rows[row - SIASN_FIRST_ROW]

    def codes(self) -> dict[str, int]:
        """How many times each code is expected."""
        counts: dict[str, int] = {}
        for key in self.expected:
            counts[key[0]] = counts.get(key[0], 0) + 1
        return dict(sorted(counts.items()))


def build_kabupaten(
    seed: int, n_schools: int = 8, siasn_rows: int = 1500, inject: bool = True
) -> Kabupaten:
    """A deterministic synthetic kabupaten (see the module docstring).

    `siasn_rows` is the size of the BKD export: the schools' ASN plus other units up to it.
    With `inject=False` nothing is planted except the decoys, and `expected` is empty.
    """
    if n_schools < 1:
        raise ValueError("n_schools must be at least 1")
    b = Builder(seed, n_schools, siasn_rows, inject)
    b.make_schools()
    b.make_other_units()
    b.make_staff()
    if inject:
        b.inject_all()
    b.plant_decoys()
    b.fill_siasn()
    built = b.finish()
    return Kabupaten(
        seed=seed,
        region=built.region,
        schools=built.schools,
        siasn_rows=built.siasn_rows,
        siasn_file=built.siasn_file,
        expected=built.expected,
        notes=built.notes,
        subjects=built.subjects,
    )
