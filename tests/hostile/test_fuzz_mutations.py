"""A Hypothesis harness that damages real workbooks and imports each mutant.

The bases are written by the realistic sample builders (Dapodik xlsx, SpreadsheetML `.xls`,
BIFF `.xls`, SIASN CSV). Mutations: byte flips, inserted and deleted bytes, truncation, zip
members deleted, replaced, duplicated or renamed, XML tags damaged, attribute values swapped for
far or absurd ones. Each mutant goes through Workspace.import_files: it imports, or it raises the
app's UserError naming the file with the database unchanged. Nothing else is allowed.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from corpus import SCHOOL, dapodik_rows, dapodik_table, siasn_rows
from fuzzing import fuzz
from hostile_db import assert_user_refusal, copy_db, fingerprint
from hypothesis import event, given
from hypothesis import strategies as st
from ole import biff8_table

from operator_app.core.errors import UserError
from operator_app.samples import write_dapodik_xlsx, write_siasn_csv
from operator_app.samples.writers import write_dapodik_spreadsheetml
from operator_app.store.workspace import Workspace

_TAG = re.compile(r"<[^<>]*>")
_ATTR_VALUE = re.compile(r'="[^"]*"')
_REF_VALUE = re.compile(r'(?:\sr|ss:Index|ss:MergeAcross)="([^"]*)"')
REFS = st.one_of(
    st.from_regex(r"[A-Z]{1,4}[0-9]{1,8}", fullmatch=True),
    st.from_regex(r"[0-9]{1,12}", fullmatch=True),
    st.sampled_from(["XFD1048576", "A1048576", "ALL250000", "BZ59999", "CA1", "A60000"]),
)
ABSURD = [
    "XFD1048576", "A1048577", "ZZZZ1", "A0", "a1", "", "-1", "1e9", "²", "99999999999999999999",
    "2000000000", "BZ59999", "CA60000", "A" * 50, "&lol;", "<", "1.5", "s", "inlineStr",
]  # fmt: skip
JUNK = [
    "&", "<", "&lol;", "&#0;", "]]>", "<!DOCTYPE x>", '<!ENTITY a "b">', "<c>", "</row>",
    "<row/>", '<c r="XFD1"><v>1</v></c>', "\x00", "\ufffd", "é", "<!--", "<?x?>", '"', "'",
]  # fmt: skip


def _positions(draw: st.DrawFn, n: int) -> int:
    return draw(st.integers(0, max(0, n - 1)))


def mutate_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate", "repeat"]))
        i = _positions(draw, len(buf))
        if op == "flip" and buf:
            buf[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and buf:
            buf[i] = draw(st.integers(0, 255))
        elif op == "insert":
            buf[i:i] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del buf[i : i + draw(st.integers(1, 64))]
        elif op == "truncate":
            del buf[i:]
        elif op == "repeat":
            buf[i:i] = buf[i : i + draw(st.integers(1, 200))] * draw(st.integers(2, 50))
    return bytes(buf)


def mutate_xml(draw: st.DrawFn, text: str) -> str:
    for _ in range(draw(st.integers(1, 4))):
        tags = list(_TAG.finditer(text))
        op = draw(
            st.sampled_from(["attr", "ref", "drop_tag", "insert", "break_tag", "dup_tag", "text"])
        )
        if not tags:
            op = "insert"
        m = tags[_positions(draw, len(tags))] if tags else None
        if op == "attr" and m is not None:
            values = list(_ATTR_VALUE.finditer(m.group()))
            if values:
                v = values[_positions(draw, len(values))]
                new = f'="{draw(st.sampled_from(ABSURD))}"'
                a, b = m.start() + v.start(), m.start() + v.end()
                text = text[:a] + new + text[b:]
        elif op == "ref":  # a cell or row placed anywhere: the sparse-sheet bombs
            refs = list(_REF_VALUE.finditer(text))
            if refs:
                v = refs[_positions(draw, len(refs))]
                text = text[: v.start(1)] + draw(REFS) + text[v.end(1) :]
        elif op == "drop_tag" and m is not None:
            text = text[: m.start()] + text[m.end() :]
        elif op == "break_tag" and m is not None:
            cut = draw(st.integers(m.start(), m.end() - 1))
            text = text[:cut] + text[cut + 1 :]
        elif op == "dup_tag" and m is not None:
            text = text[: m.end()] + m.group() * draw(st.integers(1, 30)) + text[m.end() :]
        elif op == "text":
            i = _positions(draw, len(text))
            text = text[:i] + draw(st.text(max_size=8)) + text[i:]
        else:
            i = _positions(draw, len(text))
            text = text[:i] + draw(st.sampled_from(JUNK)) + text[i:]
    return text


def mutate_zip(draw: st.DrawFn, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = [(i.filename, zf.read(i)) for i in zf.infolist()]
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["xml", "xml", "xml", "delete", "replace", "dup", "rename"]))
        sheets = [i for i, (n, _) in enumerate(parts) if "worksheets/" in n]
        k = (
            draw(st.sampled_from(sheets))
            if sheets and draw(st.booleans())
            else _positions(draw, len(parts))
        )
        if not parts:
            break
        name, body = parts[k]
        if op == "xml":
            text = body.decode("utf-8", errors="replace")
            parts[k] = (name, mutate_xml(draw, text).encode("utf-8", errors="replace"))
        elif op == "delete":
            del parts[k]
        elif op == "replace":
            parts[k] = (name, draw(st.binary(max_size=300)))
        elif op == "dup":
            parts.append((name, mutate_xml(draw, body.decode("utf-8", errors="replace")).encode()))
        else:
            parts[k] = (
                draw(st.sampled_from([name.upper(), name + ".bak", "xl/" + name, name[::-1]])),
                body,
            )
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        warnings.simplefilter("ignore")  # "Duplicate name": a duplicated part is the point
        for name, body in parts:
            with_name = zipfile.ZipInfo(name)
            with_name.compress_type = draw(
                st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
            )
            zf.writestr(with_name, body)
    return out.getvalue()


# -- the bases ---------------------------------------------------------------------------------


def _base(folder: Path, name: str, write: Callable[[Path], object]) -> bytes:
    path = folder / name
    write(path)
    return path.read_bytes()


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("bases")
    rows = dapodik_rows(3)
    return {
        "xlsx": _base(folder, "a.xlsx", lambda p: write_dapodik_xlsx(p, SCHOOL, rows, "guru")),
        "xml": _base(
            folder,
            "a.xls",
            lambda p: write_dapodik_spreadsheetml(p, SCHOOL, rows, "guru", raw_ampersand=True),
        ),
        "csv": _base(folder, "a.csv", lambda p: write_siasn_csv(p, siasn_rows(4))),
        "xls": biff8_table(dapodik_table(3)),
    }


class Harness:
    """Imports mutants into a copy of the seeded database, restoring it after each success."""

    def __init__(self, seed: Path, folder: Path) -> None:
        self.seed, self.folder = seed, folder
        self.db = copy_db(seed, folder / "operator-app.sqlite3")
        self.n = 0

    def check(self, data: bytes, suffix: str) -> str:
        self.n += 1
        path = self.folder / f"mutan {self.n} ☺{suffix}"
        path.write_bytes(data)
        before = fingerprint(self.db)
        ws = Workspace(self.db)
        try:
            ws.import_files([path])
        except UserError as exc:
            assert_user_refusal(exc, path)
            assert fingerprint(self.db) == before
            return "refused"
        finally:
            ws.close()
            path.unlink()
        copy_db(self.seed, self.db)  # keep every example independent of the previous ones
        return "imported"


@pytest.fixture(scope="module")
def harness(hostile_seed: Path, tmp_path_factory: pytest.TempPathFactory) -> Harness:
    return Harness(hostile_seed, tmp_path_factory.mktemp("mutants"))


def test_bases_import(bases: dict[str, bytes], harness: Harness) -> None:
    suffix = {"xlsx": ".xlsx", "xml": ".xls", "csv": ".csv", "xls": ".xls"}
    for kind, data in bases.items():
        assert harness.check(data, suffix[kind]) == "imported", kind


@fuzz(60)
@given(data=st.data())
def test_mutated_xlsx(data: st.DataObject, bases: dict[str, bytes], harness: Harness) -> None:
    base = bases["xlsx"]
    mutant = data.draw(
        st.one_of(
            st.composite(lambda d: mutate_zip(d, base))(),
            st.composite(lambda d: mutate_bytes(d, base))(),
        )
    )
    event(harness.check(mutant, data.draw(st.sampled_from([".xlsx", ".xls", ".csv"]))))


@fuzz(60)
@given(data=st.data())
def test_mutated_spreadsheetml(
    data: st.DataObject, bases: dict[str, bytes], harness: Harness
) -> None:
    text = bases["xml"].decode("utf-8")
    if data.draw(st.booleans()):
        mutant = data.draw(st.composite(lambda d: mutate_xml(d, text))()).encode("utf-8", "replace")
    else:
        mutant = data.draw(st.composite(lambda d: mutate_bytes(d, bases["xml"]))())
    event(harness.check(mutant, ".xls"))


@fuzz(60)
@given(data=st.data())
def test_mutated_csv(data: st.DataObject, bases: dict[str, bytes], harness: Harness) -> None:
    mutant = data.draw(st.composite(lambda d: mutate_bytes(d, bases["csv"]))())
    if data.draw(st.booleans()):
        mutant = mutant.decode("utf-8", "replace").encode(
            data.draw(st.sampled_from(["utf-16", "cp1252", "utf-8-sig"])), "replace"
        )
    event(harness.check(mutant, ".csv"))


@fuzz(40)
@given(data=st.data())
def test_mutated_biff(data: st.DataObject, bases: dict[str, bytes], harness: Harness) -> None:
    mutant = data.draw(st.composite(lambda d: mutate_bytes(d, bases["xls"]))())
    event(harness.check(mutant, ".xls"))
