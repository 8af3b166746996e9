"""What an import would read, before anything is written: files, folders and .zip files (as
shared in chat groups) opened with sources/bundle.expand and every export inside previewed.

Runs on the worker. The zips are unpacked into a temporary folder that is gone when `scan`
returns; the import unpacks them again (Workspace.import_files), with the same guards, so no
temporary file outlives a task and a cancelled or refused import leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl

from operator_app.core.errors import BadFileError, Cancelled
from operator_app.core.progress import CancelCheck, Progress
from operator_app.sources.bundle import SPREADSHEET_SUFFIXES, Member, expand
from operator_app.sources.preview import Preview
from operator_app.ui.workspace_api import WorkspaceApi

# A plain file dropped or chosen is an export by its suffix (SpreadsheetML exports are .xml)
IMPORTABLE = tuple(sorted(SPREADSHEET_SUFFIXES | {".xml"}))


def is_bundle(path: Path) -> bool:
    return path.is_dir() or path.suffix.lower() == ".zip"


def importable_drops(urls: Iterable[QUrl]) -> list[Path]:
    """What a drop on the window imports: folders, .zip files and exports; the rest is left."""
    paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    return [p for p in paths if is_bundle(p) or p.suffix.lower() in IMPORTABLE]


@dataclass(slots=True)
class Scanned:
    """Every export found, previewed (`Preview.file` is how the operator knows it: `x.zip:
    a.xlsx`), which input it came from, and the files that are not exports at all."""

    inputs: list[Path]
    previews: list[Preview] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)  # index into `inputs`, per preview
    ignored: list[str] = field(default_factory=list)

    @property
    def bad(self) -> list[Preview]:
        return [p for p in self.previews if not good(p)]

    @property
    def has_bundle(self) -> bool:
        return any(is_bundle(p) for p in self.inputs)

    def to_import(self) -> tuple[list[Path], bool]:
        """(the inputs to import, skip_bad): a damaged plain file is left out; a folder or zip
        holding one is imported with skip_bad, so the importer skips and reports it."""
        keep = sorted({o for o, p in zip(self.owners, self.previews, strict=True) if good(p)})
        bad_inside = any(
            not good(p) and is_bundle(self.inputs[o])
            for o, p in zip(self.owners, self.previews, strict=True)
        )
        return [self.inputs[i] for i in keep], bad_inside


def good(p: Preview) -> bool:
    return bool(p.kind) and not p.problems


def scan(
    ws: WorkspaceApi, inputs: Sequence[Path], progress: Progress, cancel: CancelCheck
) -> Scanned:
    """Raises BadFileError when a folder or zip is refused as a whole (a zip bomb, a zip that
    is not whole, a folder without any export), as `operator-app import` does."""
    out = Scanned(list(inputs))
    with ExitStack() as stack:
        members: list[tuple[int, Member]] = []
        for i, path in enumerate(out.inputs):
            if cancel():
                raise Cancelled()
            found = stack.enter_context(expand([path]))
            members.extend((i, m) for m in found.files)
            out.ignored.extend(found.ignored)
        for n, (owner, member) in enumerate(members, start=1):
            progress(
                n - 1,
                len(members),
                QCoreApplication.translate("ImportFlow", "Memeriksa {0} ({1} dari {2})").format(
                    member.label, n, len(members)
                ),
            )
            if cancel():
                raise Cancelled()
            out.previews.append(replace(_preview(ws, member), file=member.label))
            out.owners.append(owner)
    return out


def _preview(ws: WorkspaceApi, member: Member) -> Preview:
    try:
        return ws.preview(member.path)
    except BadFileError as exc:  # refused while reading past the header: a damaged file too
        return Preview(member.label, None, "tidak dikenal", None, 0, (), (), (), 0, (exc.message,))


class FileSteps:
    """The importer reports rows with the file's name; the operator also sees which file of
    how many (`Mengimpor a.xlsx (2 dari 4)`), on the first 70% of the bar."""

    def __init__(self, progress: Progress, files: int) -> None:
        self.progress = progress
        self.files = max(files, 1)
        self.index = 0
        self.last: str | None = None

    def __call__(self, done: int, total: int, text: str) -> None:
        name = text.removeprefix("Mengimpor ")  # the importer's first report of a file
        if name != self.last:
            self.last = name
            self.index = min(self.index + 1, self.files)
        self.progress(
            int(70 * done / total) if total else 0,
            100,
            QCoreApplication.translate("ImportFlow", "Mengimpor {0} ({1} dari {2})").format(
                name, self.index, self.files
            ),
        )
