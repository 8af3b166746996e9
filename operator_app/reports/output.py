"""Writing output files safely: a temp file beside the target, replaced only when complete.

An operator's older workbook must survive a failed export, and the usual failures (file open in
Excel, read-only folder, full disk) become `OutputError` with an Indonesian message that names the
file and says what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from operator_app.core.errors import OutputError

# Windows: ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WIN_ACCESS_DENIED = 5
_WIN_SHARING = (32, 33)


def temp_path_for(path: Path) -> Path:
    return path.with_name(f".~{path.name}.tmp")


def excel_lock_file(path: Path) -> Path:
    """The owner file Excel (and LibreOffice: `.~lock.<name>#`) keeps beside an open workbook."""
    return path.with_name(f"~${path.name}")


def _lock_files(path: Path) -> list[Path]:
    return [excel_lock_file(path), path.with_name(f".~lock.{path.name}#")]


def _open_message(path: Path) -> str:
    return (
        f"File {path.name} sedang dibuka (mungkin di Excel). Tutup file itu lalu ulangi. "
        f"(Lokasi: {path.parent})"
    )


def _raise_if_locked(path: Path) -> None:
    if not path.exists():
        return
    for lock in _lock_files(path):
        if lock.exists():
            raise OutputError(
                _open_message(path)
                + f" Kalau file itu sudah ditutup, hapus file kunci {lock.name} yang tertinggal.",
                file=str(path),
            )


def _folder_missing(folder: Path) -> OutputError:
    return OutputError(
        f"Folder {folder} tidak ada. Pilih folder lain atau buat folder itu dulu, lalu ulangi.",
        file=str(folder),
    )


def _translate(exc: OSError, path: Path, *, replacing: bool) -> OutputError:
    """Map an OSError to the message the operator can act on."""
    folder = path.parent
    winerror = getattr(exc, "winerror", None)
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        return OutputError(
            f"Disk penuh: {path.name} tidak bisa disimpan di {folder}. "
            "Kosongkan ruang disk atau simpan ke folder/flashdisk lain, lalu ulangi.",
            file=str(path),
        )
    if winerror in _WIN_SHARING:
        return OutputError(_open_message(path), file=str(path))
    if exc.errno == errno.EROFS:
        return OutputError(
            f"Folder {folder} tidak bisa ditulisi (disk hanya-baca). "
            f"Simpan {path.name} ke folder lain.",
            file=str(path),
        )
    if isinstance(exc, PermissionError) or winerror == _WIN_ACCESS_DENIED:
        if replacing or (path.exists() and not os.access(path, os.W_OK)):
            # The temp file was written, so the folder is writable: the target itself is held
            # open (Windows refuses to replace a file Excel has open) or is read-only.
            return OutputError(
                _open_message(path)
                + " Kalau tidak sedang dibuka, periksa apakah file itu bersifat hanya-baca.",
                file=str(path),
            )
        return OutputError(
            f"Folder {folder} tidak bisa ditulisi (tidak ada izin). "
            f"Simpan {path.name} ke folder lain, misalnya Dokumen.",
            file=str(path),
        )
    if isinstance(exc, FileNotFoundError) and not folder.exists():
        return _folder_missing(folder)
    if isinstance(exc, IsADirectoryError):
        return OutputError(
            f"{path} adalah folder, bukan file. Pilih nama file lain.", file=str(path)
        )
    reason = exc.strerror or str(exc)
    return OutputError(
        f"File {path.name} tidak bisa disimpan di {folder}: {reason}. "
        "Coba simpan ke folder lain lalu ulangi.",
        file=str(path),
    )


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temp path in the target's folder; on success it replaces the target.

    On any failure the temp file is removed and an older target stays as it was. OSErrors (from
    the body or the replace) become `OutputError`; other exceptions pass through unchanged.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise _folder_missing(path.parent)
    if path.is_dir():
        raise OutputError(
            f"{path} adalah folder, bukan file. Pilih nama file lain.", file=str(path)
        )
    _raise_if_locked(path)
    tmp = temp_path_for(path)
    replacing = False
    try:
        yield tmp
        replacing = True
        os.replace(tmp, path)
    except OSError as exc:
        raise _translate(exc, path, replacing=replacing) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def check_writable(path: Path) -> None:
    """Fail early, before long work, when `path` cannot be written; raises OutputError."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise _folder_missing(folder)
    if path.is_dir():
        raise OutputError(
            f"{path} adalah folder, bukan file. Pilih nama file lain.", file=str(path)
        )
    _raise_if_locked(path)
    probe = folder / f".~{path.name}.probe"
    try:
        with open(probe, "wb") as fh:
            fh.write(b"ok")
    except OSError as exc:
        raise _translate(exc, path, replacing=False) from exc
    finally:
        with contextlib.suppress(OSError):
            probe.unlink(missing_ok=True)
    if path.exists():
        try:
            # Opening for update without writing: Windows refuses while Excel holds the file.
            with open(path, "r+b"):
                pass
        except OSError as exc:
            raise _translate(exc, path, replacing=True) from exc
