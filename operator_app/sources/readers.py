"""Open any supported spreadsheet or CSV as rows of Python values, refusing dangerous files early."""

from __future__ import annotations

import io
import stat
from collections.abc import Iterator
from pathlib import Path

from operator_app.core.errors import BadFileError
from operator_app.sources.csv_rows import read_csv
from operator_app.sources.failures import damaged_sheet, reader_failure, refusing_rows, short
from operator_app.sources.limits import (
    HEAD_ROWS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
)
from operator_app.sources.table import Cell, Table

__all__ = ["MAX_XML_BYTES", "Cell", "Table", "read_table"]

MAX_XML_BYTES = 64 * 1024 * 1024  # a school's SpreadsheetML export is well under 1 MB


def _name(path: Path) -> str:
    return path.name


def read_table(path: Path) -> Table:
    """Open `path` by content (not by extension) and return its data sheet."""
    size = _check_file(path)
    try:
        with path.open("rb") as fh:
            magic = fh.read(8)
            fh.seek(0)
            data = b"" if magic.startswith(b"PK\x03\x04") else fh.read()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if magic.startswith(b"PK\x03\x04"):
        from operator_app.sources.guards import check_zip
        from operator_app.sources.xlsx_pieces import read_in_pieces

        table = read_in_pieces(path, size)  # a big single-sheet xlsx; None: read it whole
        if table is not None:
            return table
        check_zip(path)
        return _read_calamine(path, None)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: genuine BIFF .xls, or encrypted .xlsx
        from operator_app.sources.ole import check_ole

        check_ole(path, data)
        return _read_calamine(path, data)
    encoding = _utf16(data)
    if b"\x00" in data[:65536] and encoding is None:
        raise BadFileError(
            f"File {_name(path)} bukan spreadsheet atau CSV yang dikenal (isinya biner). "
            "Gunakan file .xlsx dari Dapodik atau ekspor CSV/XLSX dari SIASN.",
            file=str(path),
        )
    text = _decode(data, encoding)
    del data
    head = text[:4096].lstrip("\ufeff \r\n\t")
    if head.startswith("<"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in text[:20000]:
            from operator_app.sources.spreadsheetml import read_spreadsheetml

            if size > MAX_XML_BYTES:
                raise BadFileError(
                    f"File {_name(path)} ditolak: XML Spreadsheet sebesar {size // (1024 * 1024)} "
                    f"MB (batas {MAX_XML_BYTES // (1024 * 1024)} MB). Buka di Excel lalu simpan "
                    "sebagai .xlsx, kemudian impor file .xlsx itu.",
                    file=str(path),
                )
            rows = read_spreadsheetml(text, path)
            return Table(path, "Sheet1", rows[:HEAD_ROWS], _all=rows, total_rows=len(rows))
        raise BadFileError(
            f"File {_name(path)} berisi HTML/XML, bukan spreadsheet yang dikenal. "
            "Unduh ulang dari Dapodik (tombol Unduh) atau minta ekspor SIASN dalam CSV/XLSX.",
            file=str(path),
        )
    return read_csv(text, path)


def _check_file(path: Path) -> int:
    """The size of a regular, readable, non-empty file of sane size; else a BadFileError."""
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise BadFileError(
            f"File {path} tidak ditemukan. Periksa nama dan foldernya.", file=str(path)
        ) from exc
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if stat.S_ISDIR(st.st_mode):
        raise BadFileError(
            f"{_name(path)} adalah folder, bukan file. Pilih file ekspor di dalam folder itu.",
            file=str(path),
        )
    if not stat.S_ISREG(st.st_mode):
        raise BadFileError(
            f"{_name(path)} bukan file biasa (perangkat atau pipa). Pilih file ekspor .xlsx/.csv.",
            file=str(path),
        )
    if st.st_size == 0:
        raise BadFileError(
            f"File {_name(path)} kosong (0 byte). Unduh ulang file dari Dapodik atau minta ulang "
            "ekspor SIASN dari BKD.",
            file=str(path),
        )
    if st.st_size > MAX_FILE_BYTES:
        raise BadFileError(
            f"File {_name(path)} terlalu besar ({st.st_size // (1024 * 1024)} MB, batas "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB). Pastikan ini ekspor Dapodik atau SIASN.",
            file=str(path),
        )
    return st.st_size


def _unreadable(path: Path, exc: OSError) -> BadFileError:
    if isinstance(exc, PermissionError):
        return BadFileError(
            f"File {_name(path)} tidak bisa dibaca: mungkin sedang dibuka di aplikasi lain atau "
            "tidak ada izin. Tutup file itu (misalnya di Excel) lalu ulangi.",
            file=str(path),
        )
    if isinstance(exc, IsADirectoryError):
        return BadFileError(f"{_name(path)} adalah folder, bukan file.", file=str(path))
    return BadFileError(
        f"File {_name(path)} tidak bisa dibaca ({exc.strerror or type(exc).__name__}). Salin "
        "file ke folder di komputer ini (bukan flashdisk/jaringan yang terputus) lalu ulangi.",
        file=str(path),
    )


def _read_calamine(path: Path, data: bytes | None) -> Table:
    """Read with python-calamine, by content: `from_path` would go by the extension, so an xlsx
    saved as `.xls` (or an ods named `.xlsx`) would be refused."""
    from python_calamine import CalamineWorkbook

    try:
        if data is None:
            with path.open("rb") as fh:
                wb = CalamineWorkbook.from_filelike(fh)
        else:
            wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    except BaseException as exc:
        if not reader_failure(exc):
            raise
        raise BadFileError(
            f"File {_name(path)} tidak bisa dibaca sebagai spreadsheet ({short(exc)}). "
            "File mungkin rusak, terpotong, atau bukan file Excel. Unduh ulang file tersebut.",
            file=str(path),
        ) from exc
    best = None
    for name in wb.sheet_names:
        try:
            sheet = wb.get_sheet_by_name(name)
        except BaseException as exc:
            if not reader_failure(exc):
                raise
            raise damaged_sheet(path, name, exc) from exc
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
    it = _sheet_rows(path, name, sheet)
    head: list[list[Cell]] = []
    for row in it:
        head.append(row)
        if len(head) >= HEAD_ROWS:
            break
    return Table(path, name, head, _rows=it, total_rows=sheet.height)


def _sheet_rows(path: Path, name: str, sheet: object) -> Iterator[list[Cell]]:
    return refusing_rows(path, name, _lists(sheet))


def _lists(sheet: object) -> Iterator[list[Cell]]:
    for row in sheet.iter_rows():  # type: ignore[attr-defined]
        yield row if type(row) is list else list(row)  # calamine gives a fresh list per row


def _utf16(data: bytes) -> str | None:
    """'utf-16' for a BOM, 'utf-16-le'/'utf-16-be' for BOM-less UTF-16 text, else None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.4 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.4 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _decode(data: bytes, utf16: str | None) -> str:
    """UTF-16 when marked or evident, else UTF-8; lines that are not UTF-8 are read as cp1252,
    so a CSV pasted together from a UTF-8 and a cp1252 file keeps both halves readable."""
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    parts: list[str] = []
    for line in data.splitlines(keepends=True):
        try:
            parts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            parts.append(line.decode("cp1252", errors="replace"))
    return "".join(parts)
