"""PTK_DI_DUA_SEKOLAH: one person active in several schools' Dapodik data (mutasi not finished).

One case per person, shown once in every school involved (docs/findings-conventions.md): each
school's finding points at its own row and says what that school must do; all share one
workflow key (who, PTK_DI_DUA_SEKOLAH, "Sekolah"), so the case has one state.
"""

from __future__ import annotations

from collections.abc import Iterator

from operator_app.core.catalogue import WHERE_DAPODIK, WHERE_SIASN
from operator_app.core.model import Finding, Ptk
from operator_app.core.rules.context import Context, Family, Need
from operator_app.core.rules.groups import CODE, FIELD, MovedCase

NEEDS: dict[str, tuple[Need, ...]] = {CODE: ()}
_KIND = {"dapodik_guru": "file guru", "dapodik_tendik": "file tendik"}


def _where(rows: list[Ptk]) -> str:
    return ", ".join(f"{_KIND.get(p.kind, p.kind)} baris {p.row}" for p in rows)


def schools_text(case: MovedCase) -> str:
    """'SD NEGERI 1 A (file guru baris 7), SD NEGERI 2 B (file guru baris 9)'."""
    return "; ".join(f"{name} ({_where(rows)})" for _, name, rows in case.schools())


def _advice(case: MovedCase, school_id: int, school: str, nama: str) -> tuple[str, dict[str, str]]:
    """The action for one school of the case, and actor/where when not the catalogue's."""
    others = [name for sid, name, _ in case.schools() if sid != school_id]
    others_text = ", ".join(others)
    legit = (" Bila ia memang mengajar di beberapa sekolah, pastikan hanya satu yang menjadi "
             "sekolah induk.")  # fmt: skip
    if case.siasn is None:
        return (f"{nama} tercatat aktif di Dapodik {school} dan {others_text}, dan tidak ada data "
                "SIASN yang dapat menunjukkan sekolahnya. Pastikan dengan SK Mutasi atau SK "
                "pembagian tugas di sekolah mana ia kini bertugas: sekolah yang ditinggalkan "
                "memproses PTK keluar (mutasi) di Dapodik menu PTK, lalu sekolah tujuan menarik "
                "datanya (tarik data / PTK terdaftar)." + legit), {}  # fmt: skip
    unor = case.siasn.unor_nama or "-"
    if case.named is None:
        return (f"SIASN mencatat {nama} di unor '{unor}', bukan di {school} maupun {others_text}. "
                "Tentukan dengan SK Mutasi di mana ia bertugas: Admin Instansi (BKD) memperbarui "
                "unornya di SIASN/e-Kinerja menu Manajemen Pegawai, operator sekolah yang "
                "ditinggalkan memproses PTK keluar (mutasi) di Dapodik, dan sekolah tujuan "
                "menarik datanya (tarik data)." + legit), {"actor": "admin_instansi",
                                                          "where": WHERE_SIASN}  # fmt: skip
    named = next(name for sid, name, _ in case.schools() if sid == case.named)
    if school_id == case.named:
        return (f"SIASN mencatat {nama} di sekolah ini ({unor}); sekolah ini sekolah tujuan. "
                f"Sekolah yang ditinggalkan ({others_text}) harus memproses PTK keluar (mutasi) "
                f"di Dapodik; setelah itu pastikan {nama} tercatat di {school} lewat tarik data "
                "(PTK terdaftar) dengan SK Mutasi, bukan sebagai PTK baru." + legit), {}  # fmt: skip
    return (f"SIASN mencatat {nama} di {named} ({unor}), bukan di {school}. Operator {school} "
            f"memproses PTK keluar (mutasi) untuk {nama} di Dapodik menu PTK dengan SK Mutasi, "
            f"agar {named} dapat menarik datanya (tarik data)." + legit), {}  # fmt: skip


def case_note(case: MovedCase) -> str:
    """One sentence for the person's other findings (UNOR) that points at the case."""
    return (f" Temuan ini bagian dari kasus {CODE}: {case.rows[0].nama} aktif di "
            f"{len(case.schools())} sekolah ({', '.join(n for _, n, _ in case.schools())}); "
            "langkah tiap sekolah ada pada temuan itu.")  # fmt: skip


def check(ctx: Context) -> Iterator[Finding]:
    seen: set[tuple[str, str, str]] = set()
    for case in ctx.moved().values():
        if case.key in seen:
            continue
        seen.add(case.key)
        listing = schools_text(case)
        n = len(case.schools())
        unor = case.siasn.unor_nama if case.siasn is not None else None
        named = next((name for sid, name, _ in case.schools() if sid == case.named), None)
        says = (f" SIASN mencatat unor '{unor}' = {named}." if named else
                f" SIASN mencatat unor '{unor}', bukan salah satu sekolah itu." if unor else
                " Tidak ada data SIASN yang cocok.")  # fmt: skip
        for school_id, school, rows in case.schools():
            p = rows[0]
            advice, who = _advice(case, school_id, school, p.nama)
            what = "NIK" if p.nik and all(r.nik == p.nik for r in case.rows) else "NIP/NIK"
            yield ctx.ptk_finding(
                CODE, p, ctx.matched(p), person_key=case.who, field=FIELD,
                dapodik_value="; ".join(name for _, name, _ in case.schools()),
                siasn_value=unor, suggested_value=named, params={"advice": advice},
                where=who.get("where", WHERE_DAPODIK), case_key=case.case_key,
                detail=f"{p.nama} ({what} yang sama) tercatat aktif di Dapodik {n} sekolah: "
                       f"{listing}.{says}",
                **({"actor": who["actor"]} if "actor" in who else {}),
            )  # fmt: skip


FAMILY = Family("PTK di beberapa sekolah", NEEDS, check)
