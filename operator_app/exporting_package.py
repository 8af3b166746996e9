"""The per-school package's folder: where each school's files go, and never mixing two packages.

Layout: `OUTDIR/rekap-dinas.xlsx`, `OUTDIR/isi-paket.json` (what the package holds), and
`OUTDIR/<kecamatan>/<sekolah>/{perbaikan-,daftar-periksa-,surat-bkd-}<sekolah>.{xlsx,pdf}`.

An older package is never silently mixed with a new one: OUTDIR must be empty (or not exist
yet), unless `replace` (`--timpa`) is asked for and OUTDIR holds an operator-app package, whose
files, as listed in its `isi-paket.json`, are deleted first. Nothing else is ever deleted: a
folder with other files is refused even with `--timpa`. The window writes into a new dated
subfolder of the folder chosen instead (`new_package_folder`).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from operator_app.core.errors import UserError
from operator_app.core.model import School
from operator_app.exporting_names import (
    KECAMATAN_MAX,
    SCHOOL_MAX,
    NameBook,
    safe_name,
    slug,
)

PACKAGE_FORMAT = "operator-app/paket-per-sekolah/1"
REKAP_NAME = "rekap-dinas.xlsx"
MANIFEST_NAME = "isi-paket.json"
NO_KECAMATAN = "Tanpa kecamatan"
# file kind -> (name prefix, extension); the same words as the window's single export
FILE_KINDS = {
    "xlsx": ("perbaikan", ".xlsx"),
    "pdf": ("daftar-periksa", ".pdf"),
    "letter": ("surat-bkd", ".pdf"),
}


@dataclass(frozen=True)
class SchoolPlan:
    school: School
    folder: str  # relative to OUTDIR, with '/': "Kecamatan/SD NEGERI 1 X"
    files: dict[str, str]  # kind -> file name inside the folder

    def path(self, outdir: Path, kind: str) -> Path:
        return outdir.joinpath(*self.folder.split("/"), self.files[kind])

    def relative(self, kind: str) -> str:
        return f"{self.folder}/{self.files[kind]}"


def plan_folders(schools: Sequence[School]) -> list[SchoolPlan]:
    """One folder per school under its kecamatan, names Windows accepts and unique per folder
    (a second school whose cleaned name is taken gets its database id: `NAME - id 17`)."""
    from operator_app.reports.sheets import natural_key

    top = NameBook([REKAP_NAME, MANIFEST_NAME])
    kec_names: dict[str, str] = {}
    books: dict[str, NameBook] = {}
    ordered = sorted(
        schools,
        key=lambda s: (not s.kecamatan, natural_key(s.kecamatan), natural_key(s.name), s.id),
    )
    plans = []
    for s in ordered:
        raw_kec = " ".join((s.kecamatan or "").split()) or NO_KECAMATAN
        kec = kec_names.get(raw_kec.casefold())
        if kec is None:
            kec = top.claim(safe_name(raw_kec, KECAMATAN_MAX, NO_KECAMATAN), "kec", KECAMATAN_MAX)
            kec_names[raw_kec.casefold()] = kec
        folder = books.setdefault(kec, NameBook()).claim(
            safe_name(s.name, SCHOOL_MAX), f"id {s.id}", SCHOOL_MAX
        )
        stem = slug(s.name)
        files = {kind: f"{prefix}-{stem}{ext}" for kind, (prefix, ext) in FILE_KINDS.items()}
        plans.append(SchoolPlan(s, f"{kec}/{folder}", files))
    return plans


def new_package_folder(parent: Path, today: date | None = None) -> Path:
    """`parent/Paket per sekolah YYYY-MM-DD` (then ` (2)`, ` (3)`...): a folder not there yet."""
    base = f"Paket per sekolah {(today or date.today()):%Y-%m-%d}"
    candidate, n = parent / base, 2
    while candidate.exists():
        candidate = parent / f"{base} ({n})"
        n += 1
    return candidate


def check_outdir(outdir: Path, replace: bool) -> None:
    """Refuse, before any long work and without touching anything, an OUTDIR that
    `prepare_outdir` would refuse."""
    if outdir.exists() and not outdir.is_dir():
        raise UserError(f"{outdir} adalah file, bukan folder. Sebutkan folder untuk paket.")
    if not outdir.exists() or not any(outdir.iterdir()):
        return
    manifest = outdir / MANIFEST_NAME
    if not replace:
        hint = (
            " Folder itu berisi paket lama: tambahkan --timpa untuk menggantinya."
            if manifest.is_file()
            else ""
        )
        raise UserError(
            f"Folder {outdir} tidak kosong. Paket per sekolah tidak dicampur dengan isi lain: "
            f"pilih folder baru atau kosong.{hint}"
        )
    if not manifest.is_file():
        raise UserError(
            f"Folder {outdir} tidak kosong dan bukan berisi paket per sekolah operator-app "
            f"(tidak ada {MANIFEST_NAME}), jadi --timpa tidak menghapus apa pun di sana. "
            "Pilih folder baru atau kosong."
        )


def prepare_outdir(outdir: Path, replace: bool) -> None:
    """Make OUTDIR ready for a new package (see the module's docstring); raises UserError."""
    check_outdir(outdir, replace)
    if not outdir.exists():
        try:
            outdir.mkdir(parents=True)
        except OSError as exc:
            raise UserError(
                f"Folder {outdir} tidak bisa dibuat ({exc.strerror or exc}). "
                "Pilih folder lain, misalnya di Dokumen."
            ) from exc
    elif any(outdir.iterdir()):
        remove_old_package(outdir, outdir / MANIFEST_NAME)


def _listed(outdir: Path, manifest: Path) -> list[Path]:
    """Files the old manifest lists, only those really inside OUTDIR."""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(
            f"{manifest} tidak bisa dibaca ({exc}); paket lama tidak dihapus. "
            "Pilih folder baru atau kosong."
        ) from exc
    names = [data.get("rekap") or ""] + [
        f for s in data.get("sekolah", []) for f in s.get("file", []) + s.get("rencana", [])
    ]
    root = outdir.resolve()
    out = []
    for name in names:
        if not isinstance(name, str) or not name:
            continue
        path = (outdir / name).resolve()
        if path.is_relative_to(root) and path != root and path.is_file():
            out.append(path)
    return out


def remove_old_package(outdir: Path, manifest: Path) -> None:
    """Delete the old package's own files and then its emptied folders; refuse (deleting
    nothing) when one of them is open in Excel or cannot be removed."""
    files = _listed(outdir, manifest)
    busy = [p for p in files if not _replaceable(p)]
    if busy:
        names = ", ".join(str(p.relative_to(outdir.resolve())) for p in busy[:5])
        raise UserError(
            f"Paket lama di {outdir} tidak bisa diganti: {len(busy)} file sedang dibuka atau "
            f"dikunci ({names}). Tutup file itu (mungkin di Excel) lalu ulangi."
        )
    folders: set[Path] = set()
    for path in files:
        path.unlink(missing_ok=True)
        folders.update(path.parents)
    manifest.unlink(missing_ok=True)
    root = outdir.resolve()
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if folder.is_relative_to(root) and folder != root:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty


def _replaceable(path: Path) -> bool:
    if path.with_name(f"~${path.name}").exists() or path.with_name(f".~lock.{path.name}#").exists():
        return False
    try:
        with open(path, "r+b"):  # Windows refuses while Excel holds the file
            return os.access(path.parent, os.W_OK)
    except OSError:
        return False
