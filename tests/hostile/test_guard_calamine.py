"""The extent guard against python-calamine itself: cells hidden by every syntax trick calamine
accepts are placed a little beyond the guard's fast bound (column CA, or row 100,000: small enough
for calamine to allocate safely here), and calamine's real extent must never exceed what the
guard concludes. These are the probes the fast pass's soundness argument (guards.py) rests on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from corpus import inline, sheet_xml, xlsx_parts

from operator_app.sources import guards

_FAST_ROWS, _FAST_COLS = 99_999, 78
_TEXT = ' t="inlineStr"><is><t>x</t></is></c>'

# {ref}: the hidden reference calamine uses; every entry is one cell tag and its content.
_TRICKS = {
    "plain": '<c r="{ref}"' + _TEXT,
    "second r, space": '<c r="B1" r="{ref}"' + _TEXT,
    "second r, no space": '<c r="B1"r="{ref}"' + _TEXT,
    "second r, tab": '<c r="B1"\tr="{ref}"' + _TEXT,
    "second r, newline": '<c r="B1"\nr="{ref}"' + _TEXT,
    "second r, form feed": '<c r="B1" \x0cr="{ref}"' + _TEXT,
    "second r, spaced =": '<c r="B1" r = "{ref}"' + _TEXT,
    "second r, single quotes": "<c r=\"B1\" r='{ref}'" + _TEXT,
    "second r after a value with >": '<c r="B1" s=">" r="{ref}"' + _TEXT,
    "second r after a value with ><": '<c r="B1" s="><" r="{ref}"' + _TEXT,
    "r not first": '<c s="1" r="{ref}"' + _TEXT,
    "single quotes only": "<c r='{ref}'" + _TEXT,
    "lower case": '<c r="{lower}"' + _TEXT,
    "leading zeros": '<c r="{zeros}"' + _TEXT,
    "newline after c": '<c\nr="{ref}"' + _TEXT,
    "prefixed cell": '<x:c r="{ref}" t="inlineStr" xmlns:x="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main"><x:is><x:t>x</x:t></x:is></x:c>',
    "no r, row moved": '</row><row r="{row}"><c t="inlineStr"><is><t>x</t></is></c>',
}
_REFS = {"column CA": ("CA1", 1), "row 100000": ("A100000", 100_000)}


def _calamine_extent(path: Path) -> tuple[int, int] | None:
    from python_calamine import CalamineWorkbook

    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    except Exception:  # calamine refuses the cell: nothing is allocated
        return None
    end = sheet.end
    return (end[0] + 1, end[1] + 1) if end else (0, 0)


@pytest.mark.parametrize("where", sorted(_REFS))
@pytest.mark.parametrize("trick", sorted(_TRICKS))
@pytest.mark.parametrize("chunk", [7, 64, 1 << 20])
def test_guard_covers_what_calamine_allocates(
    tmp_path: Path, trick: str, where: str, chunk: int
) -> None:
    ref, row = _REFS[where]
    letters = ref.rstrip("0123456789")
    zeros = letters + "00" + ref[len(letters) :]
    cell = _TRICKS[trick].format(ref=ref, lower=ref.lower(), zeros=zeros, row=row)
    body = '<row r="1">' + inline("A1", "a") + cell + "</row>"
    xml = sheet_xml(body).encode()
    path = tmp_path / "t.xlsx"
    xlsx_parts(path, {"xl/worksheets/sheet1.xml": xml})
    real = _calamine_extent(path)
    assert real is not None, "every trick here is one calamine accepts"
    beyond, odd = guards._scan(io.BytesIO(xml), chunk)
    if real[0] > _FAST_ROWS or real[1] > _FAST_COLS:
        assert beyond, f"{trick}: calamine spans {real}, the fast pass saw nothing"
    if beyond:
        found = (
            guards._exact_extent(io.BytesIO(xml))
            if odd
            else guards._canonical_extent(io.BytesIO(xml))
        )
        assert found[0] >= real[0] and found[1] >= real[1], (trick, found, real)
