"""On a generated kabupaten (8 schools, 1,500 SIASN rows, every code injected) recall and precision per code >= 0.98."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from operator_app.core.checker import run_checks
from operator_app.core.model import Finding
from operator_app.samples import build_kabupaten
from operator_app.store.loading import load_check_input
from operator_app.store.workspace import Workspace


def _truth_key(f: Finding) -> tuple[object, ...]:
    if f.code == "KEPSEK_TIDAK_ADA":
        return (f.code, f.school_name)
    if f.dapodik_file is not None:
        return (f.code, f.dapodik_file, f.dapodik_row)
    return (f.code, f.siasn_file, f.siasn_row)


@pytest.mark.parametrize("seed", [11, 2026])
def test_every_code_found_with_precision_and_recall(seed: int, tmp_path: Path) -> None:
    kab = build_kabupaten(seed, n_schools=8, siasn_rows=1500, inject=True)
    files = kab.write(tmp_path / "in")
    ws = Workspace(tmp_path / "k.sqlite3")
    ws.import_files(files.all)
    with ws.engine.connect() as conn:
        inp = load_check_input(conn)
    # Row-level findings straight from the checker: the store keeps one finding per person and
    # code, so a teacher listed in both the guru and the tendik file is one stored finding.
    got = {_truth_key(f) for f in run_checks(inp).findings}
    expected = set(kab.expected)
    codes = {k[0] for k in expected}
    assert len(codes) == 23, sorted(codes)
    tp = Counter(k[0] for k in got & expected)
    n_got = Counter(k[0] for k in got)
    n_exp = Counter(k[0] for k in expected)
    report = []
    for code in sorted(codes | set(n_got)):
        recall = tp[code] / n_exp[code] if n_exp[code] else 1.0
        precision = tp[code] / n_got[code] if n_got[code] else 1.0
        if recall < 0.98 or precision < 0.98:
            missing = sorted(str(k) for k in expected - got if k[0] == code)[:5]
            extra = sorted(str(k) for k in got - expected if k[0] == code)[:5]
            report.append(
                f"{code}: recall {recall:.2f} precision {precision:.2f} missing {missing} extra {extra}"
            )
    assert not report, "\n".join(report)
