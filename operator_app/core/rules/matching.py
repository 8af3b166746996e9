"""PADANAN_RAGU: a match the operator should confirm (name + birth date only, or several fits)."""

from __future__ import annotations

from collections.abc import Iterator

from operator_app.core.dates import format_date
from operator_app.core.model import Finding, Siasn
from operator_app.core.rules.context import Context, Family, Need

NEEDS: dict[str, tuple[Need, ...]] = {"PADANAN_RAGU": (Need("siasn", ("nip_baru",)),)}


def _describe(s: Siasn) -> str:
    born = format_date(s.tanggal_lahir) or "-"
    return f"{s.nama} (NIP {s.nip_baru or '-'}, lahir {born}, unor {s.unor_nama or '-'})"


def check(ctx: Context) -> Iterator[Finding]:
    for p in ctx.inp.ptk:
        m = ctx.matches.get(p.id)
        if m is None or not m.doubtful:
            continue
        hit = ctx.matched(p)
        rows = [ctx.siasn_by_id[i] for i in m.candidates if i in ctx.siasn_by_id]
        if len(rows) > 1:
            chosen = (f" Yang diambil: baris {hit[1].row}, karena unornya sekolah ini."
                      if hit else " Belum ada yang diambil.")  # fmt: skip
            detail = (f"{len(rows)} baris SIASN cocok dengan {p.nama} (baris "
                      f"{', '.join(str(s.row) for s in rows)}).{chosen}")  # fmt: skip
        else:
            detail = (f"{p.nama} dipadankan dengan SIASN hanya lewat nama dan tanggal lahir; NIP "
                      "dan NIK tidak dapat dipakai untuk memastikannya.")  # fmt: skip
        shown = "; ".join(_describe(s) for s in rows) or "-"
        yield ctx.ptk_finding(
            "PADANAN_RAGU", p, hit, field="Padanan",
            siasn_value=hit[1].nip_baru if hit else None, detail=detail,
            params={"siasn": shown},
        )  # fmt: skip


FAMILY = Family("padanan", NEEDS, check)
