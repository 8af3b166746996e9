"""Identity rules: an invalid NIK, and NIK, name, birth date or sex differing from SIASN."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from operator_app.core.dates import format_date
from operator_app.core.identifiers import differing_positions, nik_problem, parse_nip
from operator_app.core.model import Finding, Match, Ptk, Siasn
from operator_app.core.names import name_key
from operator_app.core.rules.context import Context, Family, Need

_MATCHED = Need("siasn", ("nip_baru",))
NEEDS: dict[str, tuple[Need, ...]] = {
    "NIK_TIDAK_VALID": (Need("dapodik", ("nik",)),),
    "NIK_BEDA": (Need("dapodik", ("nik",)), Need("siasn", ("nik",))),
    "NAMA_BEDA": (_MATCHED,),
    "TGL_LAHIR_BEDA": (Need("dapodik", ("tanggal_lahir",)), Need("siasn", ("tanggal_lahir",))),
    "JK_BEDA": (Need("dapodik", ("jk",)), Need("siasn", ("jenis_kelamin",))),
}
_SEX = {"L": "laki-laki", "P": "perempuan"}
_FIX_IN_SIASN = {"actor": "admin_instansi", "where": "SIASN (Admin Instansi)"}


def _nik16(nik: str | None, numeric: bool) -> str | None:
    return nik if nik and len(nik) == 16 and nik.isdigit() and not numeric else None


def _nip_says(s: Siasn) -> tuple[date | None, str | None]:
    """Birth date and sex written in the SIASN NIP (the BKN number), when it is well-formed."""
    if not s.nip_baru or len(s.nip_baru) != 18 or s.nip_numeric:
        return None, None
    info = parse_nip(s.nip_baru)
    return (None, None) if info.problems else (info.birth_date, info.sex)


def check(ctx: Context) -> Iterator[Finding]:
    for p in ctx.inp.ptk:
        hit = ctx.matched(p)
        yield from _nik_valid(ctx, p, hit)
        if hit is None:
            continue
        yield from _nik_beda(ctx, p, hit)
        s = hit[1]
        d_name, s_name = p.nama_key or name_key(p.nama), s.nama_key or name_key(s.nama)
        if d_name and s_name and d_name != s_name:
            yield ctx.ptk_finding(
                "NAMA_BEDA", p, hit, field="Nama", dapodik_value=p.nama, siasn_value=s.nama,
                detail=(f"Nama di Dapodik '{p.nama}' tidak sama dengan nama di SIASN '{s.nama}', "
                        "juga setelah gelar, huruf besar/kecil dan tanda baca diabaikan."),
            )  # fmt: skip
        if p.tanggal_lahir and s.tanggal_lahir and p.tanggal_lahir != s.tanggal_lahir:
            yield _tgl_lahir(ctx, p, hit, p.tanggal_lahir, s.tanggal_lahir)
        if p.jk in _SEX and s.jk in _SEX and p.jk != s.jk:
            yield _jk(ctx, p, hit)


def _nik_valid(ctx: Context, p: Ptk, hit: tuple[Match, Siasn] | None) -> Iterator[Finding]:
    if not p.nik:
        return
    problem = nik_problem(p.nik, p.tanggal_lahir, p.jk, p.nik_numeric)
    if problem is None:
        return
    s = hit[1] if hit else None
    other = _nik16(s.nik, s.nik_numeric) if s else None
    good = (
        other
        if other and other != p.nik and not nik_problem(other, p.tanggal_lahir, p.jk)
        else None
    )
    typo = p.nik_numeric or len(p.nik) != 16 or not p.nik.isdigit()
    who = {"actor": "operator_sekolah", "where": "Verval PTK"} if typo else {}
    yield ctx.ptk_finding(
        "NIK_TIDAK_VALID", p, hit, field="NIK", dapodik_value=p.nik, siasn_value=other,
        suggested_value=good, detail=problem,
        params={"fix": f" menjadi {good} (NIK di SIASN)" if good else ""}, **who,
    )  # fmt: skip


def _nik_beda(ctx: Context, p: Ptk, hit: tuple[Match, Siasn]) -> Iterator[Finding]:
    m, s = hit
    a, b = _nik16(p.nik, p.nik_numeric), _nik16(s.nik, s.nik_numeric)
    if m.by == "nik" or not a or not b or a == b:
        return
    where = ", ".join(str(i + 1) for i in differing_positions(a, b))
    fits = [n for n in (a, b) if nik_problem(n, p.tanggal_lahir, p.jk) is None]
    hint = ""
    if len(fits) == 1:
        side = "Dapodik" if fits[0] == a else "SIASN"
        hint = f" Hanya NIK {side} yang sesuai dengan tanggal lahir dan jenis kelamin."
    yield ctx.ptk_finding(
        "NIK_BEDA", p, hit, field="NIK", dapodik_value=a, siasn_value=b,
        suggested_value=fits[0] if len(fits) == 1 else None,
        detail=f"NIK Dapodik {a} berbeda dengan NIK SIASN {b} (digit ke-{where}).{hint}",
    )  # fmt: skip


def _tgl_lahir(ctx: Context, p: Ptk, hit: tuple[Match, Siasn], d: date, s_d: date) -> Finding:
    nip_d, _ = _nip_says(hit[1])
    dd, sd = format_date(d), format_date(s_d)
    swapped = " (hari dan bulan tertukar)" if (d.year, d.month, d.day) == (
        s_d.year, s_d.day, s_d.month) else ""  # fmt: skip
    detail = f"Tanggal lahir Dapodik {dd} berbeda dengan SIASN {sd}{swapped}."
    if nip_d == s_d:
        advice = (f"NIP memuat {sd} seperti SIASN: ajukan perbaikan Tanggal Lahir di Verval PTK "
                  f"dari {dd} menjadi {sd} dengan KK dan Akte Kelahiran.")  # fmt: skip
        return ctx.ptk_finding(
            "TGL_LAHIR_BEDA", p, hit, field="Tanggal Lahir", dapodik_value=dd, siasn_value=sd,
            suggested_value=sd, detail=detail + " NIP sama dengan SIASN.", params={"advice": advice},
        )  # fmt: skip
    if nip_d == d:
        advice = (f"NIP memuat {dd} seperti Dapodik: minta Admin Instansi (BKD) memperbaiki "
                  f"tanggal lahir di SIASN dari {sd} menjadi {dd}; lampirkan KK dan Akte Kelahiran.")  # fmt: skip
        return ctx.ptk_finding(
            "TGL_LAHIR_BEDA", p, hit, field="Tanggal Lahir", dapodik_value=dd, siasn_value=sd,
            suggested_value=dd, detail=detail + " NIP sama dengan Dapodik.",
            params={"advice": advice}, **_FIX_IN_SIASN,
        )  # fmt: skip
    advice = ("Cocokkan dengan KK dan Akte Kelahiran: bila Dapodik salah, ajukan perbaikan di "
              "Verval PTK; bila SIASN salah, minta Admin Instansi (BKD) memperbaikinya.")  # fmt: skip
    return ctx.ptk_finding(
        "TGL_LAHIR_BEDA", p, hit, field="Tanggal Lahir", dapodik_value=dd, siasn_value=sd,
        detail=detail, params={"advice": advice},
    )  # fmt: skip


def _jk(ctx: Context, p: Ptk, hit: tuple[Match, Siasn]) -> Finding:
    s = hit[1]
    d_jk, s_jk = p.jk or "", s.jk or ""
    _, nip_sex = _nip_says(s)
    detail = f"JK Dapodik {_SEX[d_jk]}, SIASN {_SEX[s_jk]}."
    if nip_sex == s_jk:
        advice = f"NIP menunjukkan {_SEX[s_jk]} seperti SIASN: perbaiki JK di Verval PTK menjadi {s_jk} sesuai KTP."
        extra: dict[str, str] = {}
    elif nip_sex == d_jk:
        advice = f"NIP menunjukkan {_SEX[d_jk]} seperti Dapodik: minta Admin Instansi (BKD) memperbaiki jenis kelamin di SIASN sesuai KTP."
        extra = _FIX_IN_SIASN
    else:
        advice = "Cocokkan dengan KTP, lalu perbaiki sumber yang salah (Dapodik lewat Verval PTK, SIASN lewat Admin Instansi)."
        extra = {}
    suggested = nip_sex if nip_sex in (d_jk, s_jk) else None
    return ctx.ptk_finding(
        "JK_BEDA", p, hit, field="JK", dapodik_value=d_jk, siasn_value=s_jk,
        suggested_value=suggested, detail=detail, params={"advice": advice}, **extra,
    )  # fmt: skip


FAMILY = Family("identitas", NEEDS, check)
