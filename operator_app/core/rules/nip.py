"""NIP rules: empty, different, old 9-digit, broken, and disagreeing with birth date or sex."""

from __future__ import annotations

from collections.abc import Iterator

from operator_app.core.dates import format_date
from operator_app.core.identifiers import differing_positions, is_nip_lama, nip_problem, parse_nip
from operator_app.core.model import Finding, Match, Ptk, Siasn
from operator_app.core.rules.context import Context, Family, Need
from operator_app.core.status import siasn_kind

_NIP = Need("dapodik", ("nip",))
_SIASN = Need("siasn", ("nip_baru",))
NEEDS: dict[str, tuple[Need, ...]] = {
    "NIP_KOSONG": (_NIP, _SIASN),
    "NIP_BEDA": (_NIP, _SIASN),
    "NIP_LAMA": (_NIP, Need("siasn", ("nip_lama",))),
    "NIP_RUSAK": (_NIP,),
    "NIP_TIDAK_SESUAI_TGL_LAHIR": (_NIP, Need("dapodik", ("tanggal_lahir",))),
    "NIP_TIDAK_SESUAI_JK": (_NIP, Need("dapodik", ("jk",))),
}
_SEX = {"L": "laki-laki", "P": "perempuan"}
_WHERE_BKD = "MyASN / BKD (Admin Instansi)"


def clean18(p: Ptk) -> bool:
    """A well-formed 18-digit NIP as typed (not from a numeric cell, no impossible part)."""
    return bool(p.nip) and len(p.nip or "") == 18 and nip_problem(p.nip, p.nip_numeric) is None


def sk_documents(s: Siasn | None) -> tuple[str, ...]:
    """The appointment decree that shows the NIP: SK PPPK for PPPK, else SK CPNS."""
    if s is not None and siasn_kind(s.status_cpns_pns, s.jenis_pegawai_nama,
                                    s.kedudukan_hukum_nama, s.nip_baru) == "pppk":  # fmt: skip
        return ("SK PPPK",)
    return ("SK CPNS",)


def _positions(a: str, b: str) -> str:
    where = [str(i + 1) for i in differing_positions(a, b)]
    return f"digit ke-{', '.join(where)} berbeda" if where else "sama"


def check(ctx: Context) -> Iterator[Finding]:
    for p in ctx.inp.ptk:
        hit = ctx.matched(p)
        yield from _broken(ctx, p, hit)
        if clean18(p):
            yield from _against_identity(ctx, p, hit)
        if hit is not None:
            yield from _against_siasn(ctx, p, hit)


def _broken(ctx: Context, p: Ptk, hit: tuple[Match, Siasn] | None) -> Iterator[Finding]:
    if not p.nip or is_nip_lama(p.nip):  # 9 digits survive a numeric cell: NIP_LAMA's business
        return
    problem = nip_problem(p.nip, p.nip_numeric)
    if problem is None:
        return
    s = hit[1] if hit else None
    good = s.nip_baru if s is not None else None
    fix = (
        f"dari {p.nip_raw or p.nip} menjadi {good} (NIP yang tercatat di SIASN)"
        if good
        else "sesuai SK CPNS/SK PPPK atau MyASN (data SIASN yang cocok tidak ditemukan)"
    )
    yield ctx.ptk_finding(
        "NIP_RUSAK", p, hit, field="NIP", dapodik_value=p.nip_raw or p.nip,
        siasn_value=good, suggested_value=good, documents=sk_documents(s),
        detail=problem, params={"fix": fix},
    )  # fmt: skip


def _against_identity(ctx: Context, p: Ptk, hit: tuple[Match, Siasn] | None) -> Iterator[Finding]:
    info = parse_nip(p.nip or "")
    if info.problems:
        return
    s = hit[1] if hit else None
    born = info.birth_date
    if born and p.tanggal_lahir and born != p.tanggal_lahir:
        nip_d, dap_d = format_date(born), format_date(p.tanggal_lahir)
        siasn_d = format_date(s.tanggal_lahir) if s and s.tanggal_lahir else None
        if siasn_d == nip_d:
            who, actor, suggested = "NIP dan SIASN sama-sama", "operator_sekolah", nip_d
            advice = (
                f"Tanggal Lahir Dapodik ({dap_d}) yang perlu diperbaiki menjadi {nip_d}: ajukan "
                "perbaikan identitas di Verval PTK dengan KK dan Akte Kelahiran."
            )
        elif siasn_d == dap_d:
            who, actor, suggested = "Dapodik dan SIASN sama-sama", "pegawai", None
            advice = (
                f"Dapodik dan SIASN sepakat {dap_d}, tetapi NIP memuat {nip_d}. Pegawai "
                "mencocokkan dengan Akte Kelahiran dan SK CPNS, lalu menanyakan ke BKD bila NIP-nya "
                "yang keliru; jangan mengubah NIP di Verval PTK sebelum ada kepastian dari BKD."
            )
        else:
            who, actor, suggested = "", "operator_sekolah", None
            advice = (
                f"Cocokkan dengan KK dan Akte Kelahiran. Bila Tanggal Lahir Dapodik ({dap_d}) "
                "salah, ajukan perbaikan identitas di Verval PTK; bila NIP yang keliru, pegawai "
                "menanyakannya ke BKD."
            )
        agree = f" {who} menyebut {suggested or dap_d}." if who else ""
        yield ctx.ptk_finding(
            "NIP_TIDAK_SESUAI_TGL_LAHIR", p, hit, field="Tanggal Lahir", actor=actor,
            where=_WHERE_BKD if actor == "pegawai" else "Verval PTK",
            dapodik_value=dap_d, siasn_value=siasn_d, suggested_value=suggested,
            detail=f"NIP {p.nip} memuat tanggal lahir {nip_d}, Tanggal Lahir Dapodik {dap_d}.{agree}",
            params={"advice": advice},
        )  # fmt: skip
    jk = p.jk
    if info.sex and jk in _SEX and info.sex != jk:
        siasn_jk = s.jk if s is not None else None
        nip_says = _SEX[info.sex]
        if siasn_jk == jk:  # Dapodik and SIASN agree: the NIP is the odd one out
            actor, where, suggested = "pegawai", _WHERE_BKD, None
            advice = (f"Dapodik dan SIASN sepakat {_SEX[jk]}, tetapi digit ke-15 NIP menunjukkan "
                      f"{nip_says}. Pegawai mencocokkan dengan KTP dan SK CPNS, lalu menanyakan "
                      "ke BKD bila NIP-nya yang keliru.")  # fmt: skip
        else:
            actor, where = "operator_sekolah", "Verval PTK"
            suggested = info.sex if siasn_jk == info.sex else None
            advice = (f"Periksa jenis kelamin di KTP. Bila JK Dapodik ({jk}) salah, ajukan "
                      f"perbaikan di Verval PTK menjadi {info.sex}; bila NIP yang keliru, pegawai "
                      "menanyakannya ke BKD.")  # fmt: skip
        yield ctx.ptk_finding(
            "NIP_TIDAK_SESUAI_JK", p, hit, field="JK", dapodik_value=jk, siasn_value=siasn_jk,
            suggested_value=suggested, actor=actor, where=where, params={"advice": advice},
            detail=f"Digit ke-15 NIP {p.nip} menunjukkan {nip_says}, sedangkan JK di Dapodik {_SEX[jk]}.",
        )  # fmt: skip


def _against_siasn(ctx: Context, p: Ptk, hit: tuple[Match, Siasn]) -> Iterator[Finding]:
    m, s = hit
    docs = sk_documents(s)
    if not p.nip:
        yield ctx.ptk_finding(
            "NIP_KOSONG", p, hit, field="NIP", dapodik_value="", siasn_value=s.nip_baru,
            suggested_value=s.nip_baru, documents=docs,
            detail=f"Kolom NIP di Dapodik kosong, padahal SIASN mencatat NIP {s.nip_baru}.",
        )  # fmt: skip
    elif m.by == "nip_lama":
        yield ctx.ptk_finding(
            "NIP_LAMA", p, hit, field="NIP", dapodik_value=p.nip, siasn_value=s.nip_baru,
            suggested_value=s.nip_baru, documents=docs,
            detail=f"Dapodik memakai NIP lama {p.nip}; NIP baru di SIASN {s.nip_baru}.",
        )  # fmt: skip
    elif (
        m.by in ("nik", "nama_tgl_lahir", "manual")
        and s.nip_baru
        and clean18(p)
        and p.nip not in (s.nip_baru, s.nip_lama)
    ):
        nip = p.nip or ""
        positions = _positions(nip, s.nip_baru)
        yield ctx.ptk_finding(
            "NIP_BEDA", p, hit, field="NIP", dapodik_value=nip, siasn_value=s.nip_baru,
            suggested_value=s.nip_baru, documents=docs, params={"positions": positions},
            detail=f"NIP Dapodik {nip} berbeda dengan NIP SIASN {s.nip_baru} ({positions}).",
        )  # fmt: skip


FAMILY = Family("NIP", NEEDS, check)
