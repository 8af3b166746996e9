"""`operator-app explain`: the JSON (schema operator-app/explain/1) and the plain Indonesian text."""

from __future__ import annotations

from typing import Any

from operator_app.core.ekinerja.knowledge import (
    ACTOR_LABELS,
    CATEGORY_LABELS,
    Entry,
    entries,
)
from operator_app.core.ekinerja.matching import Match, explain

SCHEMA = "operator-app/explain/1"
NOT_DATA = "Bukan masalah data Dapodik/SIASN: jangan ubah data sekolah untuk pesan ini."


def entry_json(e: Entry) -> dict[str, Any]:
    return {
        "ekinerja_no": e.no,
        "message": e.message,
        "cause": e.cause,
        "actors": list(e.actors),
        "steps": [{"actor": s.actor, "where": s.where, "text": s.text} for s in e.steps],
        "wait": e.wait,
        "data_codes": list(e.data_codes),
        # extra keys
        "messages": list(e.messages),
        "seen_by": e.seen_by,
        "category": e.category,
        "warning": e.warning,
        "next_step": e.next_step,
        "hint_codes": list(e.hint_codes),
    }


def match_json(m: Match) -> dict[str, Any]:
    out = entry_json(m.entry)
    out = {"ekinerja_no": out.pop("ekinerja_no"), "message": out.pop("message"),
           "score": m.score, **out, "matched_wording": m.wording}  # fmt: skip
    return out


def categories() -> list[dict[str, Any]]:
    """The categories with their message numbers and main wordings (shown when nothing matched)."""
    return [
        {
            "category": cid,
            "label": label,
            "messages": [
                {"ekinerja_no": e.no, "message": e.message} for e in entries() if e.category == cid
            ],
        }
        for cid, label in CATEGORY_LABELS.items()
    ]


def explain_json(query: str) -> dict[str, Any]:
    matches = explain(query)
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "query": query,
        "matches": [match_json(m) for m in matches],
    }
    if not matches:
        out["categories"] = categories()
    return out


def entry_text(e: Entry, score: float | None = None) -> list[str]:
    head = f"#{e.no} · {e.message}"
    if score is not None:
        head += f"   (kecocokan {round(score * 100)}%)"
    lines = [head, f"  Muncul di   : {e.seen_by} · {CATEGORY_LABELS.get(e.category, '')}"]
    if len(e.messages) > 1:
        lines.append("  Bunyi lain  : " + " | ".join(e.messages[1:]))
    lines.append(f"  Penyebab    : {e.cause}")
    lines.append("  Langkah:")
    for i, s in enumerate(e.steps, start=1):
        lines.append(f"    {i}. {ACTOR_LABELS.get(s.actor, s.actor)} — {s.where}: {s.text}")
    if e.wait:
        lines.append(f"  Waktu tunggu: {e.wait}")
    if e.warning:
        lines.append(f"  PERHATIAN   : {e.warning}")
    if e.data_codes:
        lines.append("  Temuan aplikasi ini yang menyebabkannya: " + ", ".join(e.data_codes))
    else:
        lines.append("  " + NOT_DATA)
    if e.hint_codes or e.plt_hint:
        hint = "Petunjuk dari data: " + ", ".join(e.hint_codes)
        if e.plt_hint:
            hint += " dan Plt. Kepala Sekolah yang tercatat di Dapodik"
        lines.append("  " + hint)
    lines.append(f"  Langkah berikut: {e.next_step}")
    return lines


def explain_text(query: str) -> tuple[list[str], bool]:
    """(lines to print, matched?)."""
    matches = explain(query)
    if not matches:
        lines = [
            f'Pesan "{query}" tidak dikenali sebagai pesan Sinkron PMM e-Kinerja.',
            "Periksa ejaannya, atau pilih dari kelompok pesan berikut:",
        ]
        for c in categories():
            lines.append(f"  {c['label']}:")
            for m in c["messages"]:
                lines.append(f"    #{m['ekinerja_no']} {m['message']}")
        return lines, False
    lines = entry_text(matches[0].entry, matches[0].score)
    if len(matches) > 1:
        lines.append("Kemungkinan lain:")
        for m in matches[1:]:
            lines.append(f"  #{m.entry.no} {m.entry.message}   (kecocokan {round(m.score * 100)}%)")
    return lines, True
