"""What an import would do with a file, without writing anything (`import --preview`, GUI)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from operator_app.core.errors import BadFileError
from operator_app.sources.cells import cell_text
from operator_app.sources.detect import KIND_LABELS, detect_file


@dataclass(frozen=True, slots=True)
class Preview:
    file: str
    kind: str | None
    kind_label: str  # Indonesian, e.g. "Dapodik - Daftar Guru"
    school: str | None
    header_row: int  # 1-based
    mapped: tuple[tuple[str, str], ...]  # (header as in file, canonical field)
    unmapped: tuple[str, ...]
    rows: tuple[dict[str, str], ...]  # first rows as parsed (canonical field -> text)
    total_rows: int
    problems: tuple[str, ...] = ()  # why it would be refused, Indonesian; empty = importable
    warnings: tuple[str, ...] = ()


def preview_file(path: Path, n_rows: int = 10) -> Preview:
    try:
        table, det = detect_file(path)
    except BadFileError as exc:
        return Preview(path.name, None, "tidak dikenal", None, 0, (), (), (), 0, (exc.message,))
    rows: list[dict[str, str]] = []
    total = 0
    for n, row in enumerate(table.rows(), start=1):
        if n <= det.header_row:
            continue
        if not any(cell_text(c) for c in row):
            continue
        total += 1
        if len(rows) < n_rows:
            rows.append(
                {f: cell_text(row[i]) for i, f in enumerate(det.fields) if f and i < len(row)}
            )
    return Preview(
        file=path.name,
        kind=det.kind,
        kind_label=KIND_LABELS.get(det.kind, det.kind),
        school=det.school_name,
        header_row=det.header_row,
        mapped=tuple(det.mapped),
        unmapped=tuple(det.unmapped),
        rows=tuple(rows),
        total_rows=total,
        warnings=tuple(det.warnings),
    )
