"""Open any supported spreadsheet or CSV as rows of Python values, refusing dangerous files early."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from operator_app.core.errors import BadFileError

# Limits that protect a 4 GB school PC. A kabupaten SIASN export of 50,000 rows x 67 columns
# inflates to roughly 150-250 MB of sheet XML; a real PTK export is far below.
MAX_FILE_BYTES = 300 * 1024 * 1024
MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024
MAX_ZIP_RATIO = 150  # real sheet XML compresses ~10-30x; bombs compress 1000x+
MAX_ZIP_ENTRIES = 5000
MAX_ROWS = 250_000
MAX_COLUMNS = 1000
HEAD_ROWS = 40

Cell = object


@dataclass
class Table:
    """A sheet as rows; `head` holds the first rows for detection, `rows()` streams all of them."""

    file: Path
    sheet: str
    head: list[list[Cell]]
    _rows: Iterator[list[Cell]] | None = field(default=None, repr=False)
    _all: list[list[Cell]] | None = field(default=None, repr=False)
    total_rows: int | None = None

    def rows(self) -> Iterator[list[Cell]]:
        """Every row from the first one (1-based row n is the n-th item)."""
        if self._all is not None:
            yield from self._all
            return
        yield from self.head
        if self._rows is not None:
            yield from self._rows


def _name(path: Path) -> str:
    return path.name


def read_table(path: Path) -> Table:
    """Open `path` by content (not by extension) and return its data sheet."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            magic = fh.read(8)
    except FileNotFoundError as exc:
        raise BadFileError(f"File {path} tidak ditemukan. Periksa nama dan foldernya.") from exc
    except PermissionError as exc:
        raise BadFileError(
            f"File {_name(path)} tidak bisa dibaca: mungkin sedang dibuka di aplikasi lain atau "
            "tidak ada izin. Tutup file itu (misalnya di Excel) lalu ulangi.",
            file=str(path),
        ) from exc
    except IsADirectoryError as exc:
        raise BadFileError(f"{path} adalah folder, bukan file.") from exc
    if size == 0:
        raise BadFileError(
            f"File {_name(path)} kosong (0 byte). Unduh ulang file dari Dapodik atau minta ulang "
            "ekspor SIASN dari BKD.",
            file=str(path),
        )
    if size > MAX_FILE_BYTES:
        raise BadFileError(
            f"File {_name(path)} terlalu besar ({size // (1024 * 1024)} MB, batas "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB). Pastikan ini ekspor Dapodik atau SIASN.",
            file=str(path),
        )
    if magic.startswith(b"PK\x03\x04"):
        _check_zip(path)
        return _read_calamine(path)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: genuine BIFF .xls
        return _read_calamine(path)
    data = path.read_bytes()
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadFileError(
            f"File {_name(path)} bukan spreadsheet atau CSV yang dikenal (isinya biner). "
            "Gunakan file .xlsx dari Dapodik atau ekspor CSV/XLSX dari SIASN.",
            file=str(path),
        )
    text = _decode(data)
    head = text[:4096].lstrip("\ufeff \r\n\t")
    if head.startswith("<"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in text[:20000]:
            from operator_app.sources.spreadsheetml import read_spreadsheetml

            rows = read_spreadsheetml(text, path)
            return Table(path, "Sheet1", rows[:HEAD_ROWS], _all=rows, total_rows=len(rows))
        raise BadFileError(
            f"File {_name(path)} berisi HTML/XML, bukan spreadsheet yang dikenal. "
            "Unduh ulang dari Dapodik (tombol Unduh) atau minta ekspor SIASN dalam CSV/XLSX.",
            file=str(path),
        )
    return _read_csv(text, path)


def _check_zip(path: Path) -> None:
    """Refuse zip bombs and damaged zips from the central directory, before inflating anything."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise BadFileError(
            f"File {_name(path)} rusak atau tidak lengkap (arsip xlsx tidak bisa dibuka). "
            "Unduh ulang atau salin ulang file tersebut.",
            file=str(path),
        ) from exc
    if len(infos) > MAX_ZIP_ENTRIES:
        raise BadFileError(f"File {_name(path)} berisi terlalu banyak bagian ({len(infos)}).")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 10 * 1024 * 1024 and ratio > MAX_ZIP_RATIO:
            raise BadFileError(
                f"File {_name(path)} ditolak: bagian {info.filename} mengembang {ratio:.0f} kali "
                "(ciri 'zip bomb'). File ini tidak aman dibuka.",
                file=str(path),
            )
    if total > MAX_UNZIPPED_BYTES:
        raise BadFileError(
            f"File {_name(path)} ditolak: isinya mengembang menjadi {total // (1024 * 1024)} MB, "
            "terlalu besar untuk ekspor Dapodik/SIASN.",
            file=str(path),
        )


def _read_calamine(path: Path) -> Table:
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error classes for damaged files
        raise BadFileError(
            f"File {_name(path)} tidak bisa dibaca sebagai spreadsheet ({_short(exc)}). "
            "File mungkin rusak, terpotong, atau bukan file Excel. Unduh ulang file tersebut.",
            file=str(path),
        ) from exc
    best = None
    for name in wb.sheet_names:
        try:
            sheet = wb.get_sheet_by_name(name)
        except Exception as exc:
            raise BadFileError(
                f"Lembar '{name}' di file {_name(path)} rusak ({_short(exc)}).", file=str(path)
            ) from exc
        if sheet.height == 0:
            continue
        if sheet.height > MAX_ROWS:
            raise BadFileError(
                f"File {_name(path)} ditolak: lembar '{name}' berisi {sheet.height} baris "
                f"(batas {MAX_ROWS}).",
                file=str(path),
            )
        if sheet.width > MAX_COLUMNS:
            raise BadFileError(
                f"File {_name(path)} ditolak: lembar '{name}' berisi {sheet.width} kolom "
                f"(batas {MAX_COLUMNS}).",
                file=str(path),
            )
        best = (name, sheet)
        break
    if best is None:
        raise BadFileError(
            f"File {_name(path)} tidak berisi data (semua lembar kosong).", file=str(path)
        )
    name, sheet = best
    it = iter(sheet.iter_rows())
    head: list[list[Cell]] = []
    for row in it:
        head.append(list(row))
        if len(head) >= HEAD_ROWS:
            break
    return Table(path, name, head, _rows=(list(r) for r in it), total_rows=sheet.height)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


_DELIMS = ("|", ",", ";", "\t")


def sniff_delimiter(first_line: str) -> str:
    """The delimiter that splits the header line into the most named fields."""
    best, best_n = ",", 0
    for d in _DELIMS:
        n = len([p for p in first_line.split(d) if p.strip()])
        if n > best_n:
            best, best_n = d, n
    return best


def _read_csv(text: str, path: Path) -> Table:
    text = text.lstrip("\ufeff")
    first = next((ln for ln in text.splitlines()[:5] if ln.strip()), "")
    delim = sniff_delimiter(first)
    csv.field_size_limit(1024 * 1024)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)

    def stream() -> Iterator[list[Cell]]:
        n = 0
        try:
            for row in reader:
                n += 1
                if len(row) > MAX_COLUMNS:
                    raise BadFileError(
                        f"File {_name(path)} ditolak: baris {n} berisi {len(row)} "
                        f"kolom (batas {MAX_COLUMNS}).",
                        file=str(path),
                    )
                if n > MAX_ROWS:
                    raise BadFileError(
                        f"File {_name(path)} ditolak: lebih dari {MAX_ROWS} baris.",
                        file=str(path),
                    )
                yield list(row)
        except csv.Error as exc:
            raise BadFileError(
                f"File {_name(path)} bukan CSV yang benar (baris {n + 1}: {exc}).",
                file=str(path),
            ) from exc

    it = stream()
    head: list[list[Cell]] = []
    for row in it:
        head.append(row)
        if len(head) >= HEAD_ROWS:
            break
    return Table(path, "CSV", head, _rows=it, total_rows=None)
