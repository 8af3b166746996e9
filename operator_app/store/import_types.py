"""What an import plans (a detected file) and what it reports back per file; shared by the
importer and the e-Kinerja sync log's importer (store/synclog.py), which the importer calls."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from operator_app.sources.detect import Detected
from operator_app.sources.readers import Table
from operator_app.sources.records import TypedRows


@dataclass
class Planned:
    path: Path
    sha256: str
    table: Table
    det: Detected
    typed: TypedRows | None = None  # rows typed in a worker process (read_procs, big_file)


@dataclass
class Imported:
    file: str
    kind: str
    school: str | None
    rows: int
    warnings: list[str]
    skipped_duplicate: bool = False
    current: bool = True
    refused: str | None = None  # a damaged file skipped on request (--lewati-rusak): why
