"""Importing a kabupaten's many files: header texts remembered per text, earlier imports looked
up once per call, the per-file statements built once. What lands must not change."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from operator_app.samples.district import build_district
from operator_app.sources import layouts, synclog
from operator_app.store.workspace import Workspace

_NON_ALNUM = re.compile(r"[^A-Z0-9]+")


def _plain_normalise(text: object) -> str:
    s = str(text or "").replace("\ufeff", "").strip().upper()
    return _NON_ALNUM.sub("_", s).strip("_").lower()


HEADERS = st.one_of(
    st.sampled_from([*layouts.DAPODIK_HEADERS, *layouts.SIASN_HEADERS, "\ufeffPNS_ID ", "L/P"]),
    st.text(max_size=30),
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
)


@given(HEADERS)
def test_remembered_header_texts_equal_the_plain_normalisation(header: object) -> None:
    for _ in range(2):  # the second call answers from the cache
        key = _plain_normalise(header)
        assert layouts.normalise_header(header) == key
        assert layouts.canonical_field(header, "siasn") == layouts.SIASN_ALIASES.get(key, key)
        assert layouts.canonical_field(header, "dapodik") == layouts.DAPODIK_ALIASES.get(key, key)
        names = (
            ("nip", synclog.NIP_HEADERS),
            ("message", synclog.MESSAGE_HEADERS),
            ("nama", synclog.NAME_HEADERS),
            ("unor", synclog.UNOR_HEADERS),
            ("waktu", synclog.TIME_HEADERS),
        )
        want = next((f for f, n in names if key in n), "")
        assert synclog.log_field(header) == want


def _batches(db: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT b.file_name, b.kind, s.name, s.kecamatan, b.row_count, b.is_current "
            "FROM import_batch b LEFT JOIN school s ON s.id = b.school_id ORDER BY b.id"
        ).fetchall()
    finally:
        con.close()


def test_a_later_call_skips_the_files_it_already_holds_and_keeps_the_newest(
    tmp_path: Path,
) -> None:
    d = build_district(10, seed=1)
    files = d.write(tmp_path / "exports").all
    ws = Workspace(tmp_path / "d.sqlite3")
    try:
        first = ws.import_files(files[:4])
        assert [f.skipped_duplicate for f in first.files] == [False] * 4
        before = _batches(tmp_path / "d.sqlite3")
        second = ws.import_files(files)  # the first four again, then the rest
        by_name = {f.file: f for f in second.files}
        for p in files[:4]:
            report = by_name[p.name]
            assert report.skipped_duplicate and report.rows == 0
            assert list(report.warnings) == [f"sudah pernah diimpor (sebagai {p.name}); dilewati"]
        assert all(not by_name[p.name].skipped_duplicate for p in files[4:])
        after = _batches(tmp_path / "d.sqlite3")
    finally:
        ws.close()
    assert after[: len(before)] == before  # the earlier batches untouched
    assert len(after) == len(files)
    schools = {row[2] for row in after if row[1] != "siasn"}
    assert len(schools) == 10 and all(row[3] for row in after if row[1] != "siasn")
    # one current batch per school and kind, and one current SIASN export
    current = [(row[1], row[2]) for row in after if row[5]]
    assert len(current) == len(set(current)) == 10 * 2 + 1
