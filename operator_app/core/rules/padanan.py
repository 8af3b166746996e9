"""PADANAN_RAGU: a match that rests on name + birth date alone, or several candidates."""

from __future__ import annotations

from collections.abc import Iterator

from operator_app.core.model import Finding
from operator_app.core.rules.context import RuleContext

CODES = ("PADANAN_RAGU",)
REQUIRES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for p in ctx.inp.ptk:
        m = ctx.matches.get(p.id)
        if m is None or not m.doubtful:
            continue
        s = ctx.siasn_by_id.get(m.siasn_id) if m.siasn_id is not None else None
        n = len(m.candidates) or 1
        why = f"{n} data SIASN cocok" if n > 1 else "hanya cocok pada nama dan tanggal lahir"
        yield ctx.ptk_finding(
            "PADANAN_RAGU", p, s, m, field="Padanan", siasn_value=s.nama if s else None,
            detail=f"Padanan belum pasti: {why}.",
            action="Buka guru ini di aplikasi, periksa data SIASN calon padanannya, lalu pilih Konfirmasi atau Tolak.",
        )  # fmt: skip
