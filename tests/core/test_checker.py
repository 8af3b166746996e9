"""run_checks: the catalogue, every family, skips, sorting, progress/cancel, cached unor verdicts."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from checker_records import NEIGHBOUR, SCHOOL, check, check_input, head, pair, ptk, siasn
from shared_docs import shared_path

from operator_app.core import rules
from operator_app.core.catalogue import ACTOR_LABELS, CATALOGUE, SEVERITY_LABELS, make_finding
from operator_app.core.checker import run_checks
from operator_app.core.errors import Cancelled
from operator_app.core.rules import FAMILIES

# The shared docs the catalogue must agree with: absent, the test is skipped, but under CI=true it
# fails (shared_docs.shared_path), so a CI run cannot pass by not finding them.
FINDINGS_MD = ("domain", "findings.md")
SEED_004 = ("seeds", "004_d3607a4af91ad2e8.txt")


def _messy_input():  # type: ignore[no-untyped-def]
    """Two schools, a dozen people, most with one problem each."""
    ps, ss = [], []
    for i, change in enumerate(
        ["", "nip_kosong", "nama", "unor", "pensiun", "cpns", "nik", "", "unor", "nama"]
    ):
        school = SCHOOL if i % 2 else NEIGHBOUR
        p, s = pair(
            f"GURU NOMOR {chr(65 + i)}", date(1980 + i, 1 + i, 10), "LP"[i % 2], school=school
        )
        if change == "nip_kosong":
            p = replace(p, nip=None)
        elif change == "nama":
            s = replace(s, nama=s.nama + " X", nama_key=s.nama_key + " X")
        elif change == "unor":
            s = replace(s, unor_nama="SD NEGERI 11 SUKAMAJU")
        elif change == "pensiun":
            s = replace(s, kedudukan_hukum_id="99", kedudukan_hukum_nama="Pensiun")
        elif change == "cpns":
            p = replace(p, status_kepegawaian="CPNS")
        elif change == "nik":
            p = replace(p, nik=(p.nik or "")[:15])
        ps.append(p)
        ss.append(s)
    ss.append(siasn("DEDI KURNIAWAN", date(1990, 6, 12), "L", unor="UPT SDN 3 SUKAMAJU"))
    return check_input(ps, ss, with_head=False)


def test_catalogue_matches_findings_md() -> None:
    assert len(CATALOGUE) == 24
    findings_md = shared_path(*FINDINGS_MD)
    rows = re.findall(r"^\| `([A-Z_]+)` \| (\w+) \|", findings_md.read_text(encoding="utf-8"), re.M)
    assert {code: sev for code, sev in rows} == {c: e.severity for c, e in CATALOGUE.items()}


def test_ekinerja_messages_are_quoted_exactly() -> None:
    seed = shared_path(*SEED_004).read_text(encoding="utf-8")
    for entry in CATALOGUE.values():
        for message in entry.messages:
            assert message in seed, (entry.code, message)


def test_catalogue_entries_are_complete() -> None:
    assert SEVERITY_LABELS == {"invalid": "Invalid", "warning": "Peringatan", "info": "Info"}
    for code, e in CATALOGUE.items():
        assert e.actor in ACTOR_LABELS and e.where and e.title and e.action, code
    f = make_finding("NIP_BEDA", nama="SITI", dapodik_value="1", suggested_value="2")
    assert (f.severity, f.actor, f.where) == ("invalid", "operator_sekolah", "Verval PTK")
    assert "dari 1 menjadi 2" in f.action and "SK CPNS" in f.action


def test_families_declare_every_code_once() -> None:
    declared = [code for family in FAMILIES for code in family.needs]
    assert sorted(declared) == sorted(CATALOGUE)
    assert rules.__all__  # the registry is the only list to extend


def test_each_family_produces_only_its_codes() -> None:
    from operator_app.core.matching import match_all
    from operator_app.core.rules.context import Context

    inp = _messy_input()
    ctx = Context.build(inp)
    ctx.matches = match_all(inp.ptk, inp.siasn, inp.decisions, ctx.at_school)
    for family in FAMILIES:
        assert {f.code for f in family.check(ctx)} <= set(family.needs), family.name


def test_every_finding_carries_its_evidence_and_is_sorted() -> None:
    result = run_checks(_messy_input())
    codes = {f.code for f in result.findings}
    assert {"NIP_KOSONG", "NAMA_BEDA", "UNOR_BEDA", "KEDUDUKAN_TIDAK_AKTIF", "STATUS_CPNS_SUDAH_PNS",
            "NIK_TIDAK_VALID", "KEPSEK_TIDAK_ADA", "TIDAK_ADA_DI_DAPODIK"} <= codes  # fmt: skip
    for f in result.findings:
        assert f.code in CATALOGUE and f.severity == CATALOGUE[f.code].severity
        assert f.actor in ACTOR_LABELS and f.where and f.action and f.detail and f.field
        assert "{" not in f.action and " - " not in f.action.replace("Dapodik - menu", "")
        assert f.school_name in (SCHOOL.name, NEIGHBOUR.name)
        if f.code == "KEPSEK_TIDAK_ADA":
            assert f.person_key == "" and f.dapodik_file is None
        elif f.code == "TIDAK_ADA_DI_DAPODIK":
            assert f.person_key.startswith("siasn:") and f.siasn_row and f.dapodik_file is None
        else:
            assert f.person_key and f.dapodik_file and f.dapodik_row and f.ptk_id and f.nama
        for value in (f.dapodik_value, f.siasn_value, f.suggested_value, f.detail):
            assert not re.search(r"\d{4}-\d\d-\d\d", value or ""), value  # dates as DD-MM-YYYY
    order = [(f.school_name, ["invalid", "warning", "info"].index(f.severity), f.nama.casefold()
              if f.nama else "", f.code) for f in result.findings]  # fmt: skip
    assert order == sorted(order)


def test_progress_and_cancel() -> None:
    seen: list[tuple[int, int, str]] = []
    run_checks(_messy_input(), lambda d, t, s: seen.append((d, t, s)))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] == len(FAMILIES) + 1
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)
    calls = iter([False, True])
    with pytest.raises(Cancelled):
        run_checks(_messy_input(), cancel=lambda: next(calls, True))


def test_unor_comparisons_are_cached_per_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    from operator_app.core.rules import context

    calls: list[tuple[str, str]] = []
    real = context.compare_schools

    def counting(a: str, b: str):  # type: ignore[no-untyped-def]
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(context, "compare_schools", counting)
    people = [pair(f"GURU {i}", date(1980, 1, 1 + i), "L") for i in range(20)]
    ps = [p for p, _ in people]
    ss = [replace(s, unor_nama="UPT SDN 3 SUKAMAJU") for _, s in people]
    run_checks(check_input(ps, ss, with_head=False))
    assert len(calls) == len(set(calls))


def test_no_finding_for_clean_people_and_decoys() -> None:
    people = [pair(f"Drs. GURU {i}, M.Pd.", date(1975, 3, 1 + i), "LP"[i % 2]) for i in range(8)]
    h, hs = head()
    honorer = ptk("AHMAD FAUZI", date(1995, 3, 4), "L", nip=None, status="Guru Honor Sekolah")
    elsewhere = [siasn(f"ORANG {i}", date(1970, 1, 1 + i), "P", unor="SD NEGERI 4 SUKAMAJU")
                 for i in range(5)]  # fmt: skip
    result = check([*(p for p, _ in people), h, honorer], [*(s for _, s in people), hs, *elsewhere],
                   with_head=False)  # fmt: skip
    assert result.findings == [] and result.skipped == []


def test_the_gc_is_back_on_after_a_check_and_after_a_cancel() -> None:
    import gc

    assert gc.isenabled()
    run_checks(_messy_input())
    assert gc.isenabled()
    with pytest.raises(Cancelled):
        run_checks(_messy_input(), cancel=lambda: True)
    assert gc.isenabled()
