"""Status rules: not ASN in Dapodik, CPNS already PNS, PNS vs PPPK, ASN not found, inactive."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from operator_app.core.dates import format_date
from operator_app.core.identifiers import is_nip_lama
from operator_app.core.model import Finding, Match, Ptk, Siasn
from operator_app.core.rules.context import Context, Family, Need
from operator_app.core.rules.nip import clean18
from operator_app.core.status import (
    AsnKind,
    kedudukan_label,
    siasn_kind,
)
from operator_app.core.status import kedudukan_state as _kedudukan_state
from operator_app.core.status import normalise_status as _normalise_status

# A district writes a few dozen distinct statuses and kedudukan over 20,000 PTK: the pure
# readers of core.status are remembered per text (bounded; StatusInfo is frozen).
normalise_status = lru_cache(maxsize=4096)(_normalise_status)
kedudukan_state = lru_cache(maxsize=4096)(_kedudukan_state)

_STATUS = Need("dapodik", ("status_kepegawaian",))
_SIASN = Need("siasn", ("nip_baru",))
NEEDS: dict[str, tuple[Need, ...]] = {
    "STATUS_BUKAN_ASN": (_STATUS, _SIASN),
    "STATUS_CPNS_SUDAH_PNS": (_STATUS, Need("siasn", ("status_cpns_pns",))),
    "STATUS_JENIS_BEDA": (_STATUS, _SIASN),
    "ASN_TIDAK_DITEMUKAN": (Need("dapodik", ("status_kepegawaian", "nip")), _SIASN),
    "KEDUDUKAN_TIDAK_AKTIF": (Need("siasn", ("kedudukan_hukum_id", "kedudukan_hukum_nama")),),
}
LABELS: dict[str, str] = {"pns": "PNS", "cpns": "CPNS", "pppk": "PPPK"}
_DOCS: dict[str, tuple[str, ...]] = {
    "pns": ("SK PNS",), "cpns": ("SK CPNS",), "pppk": ("SK PPPK", "KTP"),
}  # fmt: skip


def kind_of(s: Siasn) -> AsnKind | None:
    return siasn_kind(s.status_cpns_pns, s.jenis_pegawai_nama, s.kedudukan_hukum_nama, s.nip_baru)


def check(ctx: Context) -> Iterator[Finding]:
    for p in ctx.inp.ptk:
        hit = ctx.matched(p)
        if hit is not None:
            yield from _matched(ctx, p, hit)
            continue
        m = ctx.matches.get(p.id)
        if m is not None and m.candidates:
            continue  # several candidates: PADANAN_RAGU asks the operator first
        status = normalise_status(p.status_kepegawaian)
        why = []
        if status is not None and status.is_asn:
            why.append(f"status {status.label}")
        if clean18(p) or is_nip_lama(p.nip):
            why.append(f"NIP {p.nip}")
        if why:
            yield ctx.ptk_finding(
                "ASN_TIDAK_DITEMUKAN", p, None, field="NIP", dapodik_value=p.nip,
                detail=(f"Dapodik mencatat {p.nama} sebagai ASN ({', '.join(why)}), tetapi tidak "
                        "ada baris di file SIASN yang cocok menurut NIP, NIK, maupun nama dan "
                        "tanggal lahir."),
            )  # fmt: skip


def _matched(ctx: Context, p: Ptk, hit: tuple[Match, Siasn]) -> Iterator[Finding]:
    s = hit[1]
    state = kedudukan_state(s.kedudukan_hukum_id, s.kedudukan_hukum_nama)
    status = normalise_status(p.status_kepegawaian)
    kind = kind_of(s)
    label = LABELS.get(kind or "", "PNS/CPNS/PPPK (sesuai SK)")
    written = status.label if status else "(kosong)"
    if state == "tidak_aktif":
        shown = kedudukan_label(s.kedudukan_hukum_id, s.kedudukan_hukum_nama)
        yield ctx.ptk_finding(
            "KEDUDUKAN_TIDAK_AKTIF", p, hit, field="Kedudukan Hukum", dapodik_value="PTK aktif",
            siasn_value=shown,
            detail=f"SIASN mencatat kedudukan hukum {shown}, padahal {p.nama} masih aktif di Dapodik.",
        )  # fmt: skip
    elif status is None or not status.is_asn:
        pppk = kind == "pppk"
        extra = (
            " Perubahan honorer menjadi PPPK dilakukan oleh Admin Dapodik Dinas Pendidikan "
            "atas usulan operator sekolah."
            if pppk
            else ""
        )
        who = {"actor": "admin_dinas", "where": "Dapodik (Admin Dinas Pendidikan)"} if pppk else {}
        yield ctx.ptk_finding(
            "STATUS_BUKAN_ASN", p, hit, field="Status Kepegawaian", dapodik_value=written,
            siasn_value=label if kind else None, suggested_value=label,
            documents=_DOCS.get(kind or "", ("SK CPNS",)), params={"extra": extra},
            detail=f"Status Kepegawaian Dapodik {written} bukan ASN, padahal SIASN mencatat {label}.",
            **who,
        )  # fmt: skip
    if status is None or not status.is_asn:
        return
    if status.kind == "cpns" and (s.status_cpns_pns or "").strip().upper() == "P":
        tmt = f" dan isi TMT PNS {format_date(s.tmt_pns)}" if s.tmt_pns else ""
        yield ctx.ptk_finding(
            "STATUS_CPNS_SUDAH_PNS", p, hit, field="Status Kepegawaian", dapodik_value="CPNS",
            siasn_value="PNS", suggested_value="PNS", params={"tmt": tmt},
            detail=("Dapodik masih mencatat CPNS, SIASN sudah PNS"
                    + (f" (TMT PNS {format_date(s.tmt_pns)})." if s.tmt_pns else ".")),
        )  # fmt: skip
    if (status.kind in ("pns", "cpns") and kind == "pppk") or (
        status.kind == "pppk" and kind in ("pns", "cpns")
    ):
        yield ctx.ptk_finding(
            "STATUS_JENIS_BEDA", p, hit, field="Status Kepegawaian", dapodik_value=status.label,
            siasn_value=label, suggested_value=label, documents=_DOCS[kind or "pns"][:1],
            detail=f"Dapodik mencatat {status.label}, sedangkan SIASN dan NIP menunjukkan {label}.",
        )  # fmt: skip


FAMILY = Family("status kepegawaian", NEEDS, check)
