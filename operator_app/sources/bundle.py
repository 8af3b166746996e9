"""Folders and .zip files of exports (as shared in chat groups) turned into the files inside.

Only spreadsheet and CSV files are taken; anything else in a folder (photos, PDFs, Excel's
`~$` lock files, hidden files) is listed as ignored, never guessed at. A zip is unpacked into a
private temporary folder with the same limits as the workbook guards (total size, ratio,
number of entries), and names inside it are reduced to their last part, so a hostile name
(`../../x`, an absolute path) can never write outside that folder.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from operator_app.core.errors import BadFileError
from operator_app.sources.limits import MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_RATIO

# Inside a folder or zip only these are exports; a file the operator names is always tried.
SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".csv"})


@dataclass(frozen=True, slots=True)
class Member:
    """One file to import and how the operator knows it (`folder/file` or `x.zip: file`)."""

    path: Path
    label: str


@dataclass(slots=True)
class Expanded:
    files: list[Member] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # labels of files that are not exports


def _wanted(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return not base.startswith((".", "~$")) and Path(base).suffix.lower() in SPREADSHEET_SUFFIXES


def _looks_like_zip(path: Path) -> bool:
    if path.suffix.lower() != ".zip":
        return False
    return zipfile.is_zipfile(path)


def _safe_name(name: str) -> str:
    base = PureWindowsPath(PurePosixPath(name).name).name
    cleaned = "".join(c for c in base if c not in '<>:"/\\|?*' and ord(c) >= 32).strip(" .")
    return cleaned or "file"


def _unzip(path: Path, into: Path, out: Expanded) -> None:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BadFileError(
            f"File {path.name} bukan zip yang utuh ({exc}). Unduh atau kirim ulang file itu.",
            file=str(path),
        ) from exc
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if (
            len(infos) > MAX_ZIP_ENTRIES
            or total > MAX_UNZIPPED_BYTES
            or total / packed > MAX_ZIP_RATIO
        ):
            raise BadFileError(
                f"File {path.name} terlalu besar bila dibuka ({len(infos)} file, "
                f"{total / 1e6:.0f} MB): bukan kumpulan ekspor Dapodik/SIASN yang wajar. "
                "Periksa isinya; tidak ada yang diimpor.",
                file=str(path),
            )
        folder = into / f"{len(list(into.iterdir()))}-{_safe_name(path.stem)}"
        folder.mkdir()
        used: set[str] = set()
        for info in sorted(infos, key=lambda i: i.filename):
            label = f"{path.name}: {info.filename}"
            if not _wanted(info.filename):
                out.ignored.append(label)
                continue
            name = _safe_name(info.filename)
            while name.lower() in used:
                name = f"_{name}"
            used.add(name.lower())
            target = folder / name
            with zf.open(info) as src, target.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
            out.files.append(Member(target, label))


@contextmanager
def expand(paths: Sequence[Path]) -> Iterator[Expanded]:
    """The files behind `paths` (files, folders, zips), in a stable order; temporary copies
    of zip members exist only inside the `with` block."""
    tmp = Path(tempfile.mkdtemp(prefix="operator-app-zip-"))
    out = Expanded()
    try:
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                before = len(out.files)
                for child in sorted(p for p in path.rglob("*") if p.is_file()):
                    label = f"{path.name}/{child.relative_to(path).as_posix()}"
                    if _looks_like_zip(child):
                        _unzip(child, tmp, out)
                    elif _wanted(child.name):
                        out.files.append(Member(child, label))
                    else:
                        out.ignored.append(label)
                if len(out.files) == before:
                    raise BadFileError(
                        f"Folder {path.name} tidak berisi file ekspor Dapodik/SIASN (.xlsx, .xls, "
                        ".ods, .csv). Pilih file ekspornya, atau folder/zip yang berisi file itu.",
                        file=str(path),
                    )
            elif _looks_like_zip(path):
                _unzip(path, tmp, out)
            else:
                out.files.append(Member(path, path.name))  # a file named by the operator
        yield out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
