"""The knowledge base of the 20 messages: complete, consistent with the finding catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from operator_app.core.catalogue import CATALOGUE
from operator_app.core.ekinerja.knowledge import (
    ACTOR_LABELS,
    CATEGORY_LABELS,
    NON_DATA,
    entries,
    entry,
    entry_for_wording,
)

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _catalogue_messages() -> dict[str, tuple[str, ...]]:
    """Every code's e-Kinerja messages, plus the Plt. head's own wording (core/rules/kepsek)."""
    from operator_app.core.rules import kepsek

    out = {code: e.messages for code, e in CATALOGUE.items()}
    out["KEPSEK_BUKAN_ASN"] = out["KEPSEK_BUKAN_ASN"] + tuple(kepsek._PLT_MESSAGES.split("; "))
    return out


def test_twenty_entries_numbered_as_the_seed() -> None:
    assert [e.no for e in entries()] == list(range(1, 21))


def test_every_entry_is_complete() -> None:
    for e in entries():
        assert e.messages and all(m.strip() for m in e.messages), e.no
        assert e.category in CATEGORY_LABELS, e.no
        assert e.seen_by in ("Kepala Sekolah dan Guru", "Guru", "Guru sebagai Plt. Kepala Sekolah")
        assert e.cause and e.next_step, e.no
        assert e.steps, e.no
        for s in e.steps:
            assert s.actor in ACTOR_LABELS, (e.no, s.actor)
            assert s.where and s.text, e.no


def test_several_wordings_where_the_systems_have_them() -> None:
    assert "data tidak sesuai dengan Dukcapil" in entry(1).messages
    for part in ("Pribadi", "Sekolah", "Atasan"):
        assert f"Data {part} tidak padan" in entry(10).messages


def test_waits_and_the_warning_from_the_seed() -> None:
    assert entry(1).wait == "beberapa hari"
    assert entry(2).wait == "1×24 jam"
    assert entry(14).wait == "1×24 jam"
    assert entry(10).wait == "3 hari"
    assert "1 minggu" in entry(7).wait
    assert "Tetap Lakukan Sinkro" in entry(12).warning and "terhapus" in entry(12).warning


def test_every_finding_code_message_refers_to_an_entry_that_lists_it() -> None:
    for code, messages in _catalogue_messages().items():
        for message in messages:
            e = entry_for_wording(message)
            assert e is not None, (code, message)
            assert code in e.data_codes + e.hint_codes, (code, e.no)


def test_data_codes_are_codes_of_the_findings_contract() -> None:
    """A code the catalogue does not have yet must at least be in the contract docs."""
    contract = (DOCS / "findings-conventions.md").read_text(encoding="utf-8")
    contract += (DOCS / "findings-json.md").read_text(encoding="utf-8")
    for e in entries():
        for code in e.data_codes + e.hint_codes:
            assert code in CATALOGUE or re.search(rf"\b{code}\b", contract), (e.no, code)


@pytest.mark.parametrize("no", sorted(NON_DATA))
def test_non_data_errors_claim_no_data_fix(no: int) -> None:
    e = entry(no)
    assert e.data_codes == ()
    assert "operator_sekolah" not in e.actors
    assert not any(s.where.startswith(("Dapodik", "Verval")) for s in e.steps)


def test_non_data_technical_errors_go_to_helpdesk_with_screenshot_and_time() -> None:
    for no in (6, 8, 9):
        text = entry(no).next_step
        assert "tangkapan layar" in text and "waktu" in text and "Helpdesk BKN" in text


def test_planning_errors_wait_a_day_for_the_heads_approval() -> None:
    for no in (2, 14):
        e = entry(no)
        assert "kepala_sekolah" in e.actors and "1×24 jam" in e.next_step


def test_where_the_data_hints() -> None:
    assert "KEPSEK_TIDAK_ADA" in entry(15).data_codes
    assert {"KEPSEK_TIDAK_ADA", "KEPSEK_BUKAN_ASN"} <= set(entry(16).data_codes)
    for no in (18, 19, 20):
        assert entry(no).plt_hint and "KEPSEK_BUKAN_ASN" in entry(no).hint_codes
