"""Status rules: not ASN in Dapodik, CPNS already PNS, PNS vs PPPK, ASN not found, inactive in SIASN."""

from __future__ import annotations

from collections.abc import Iterator

from operator_app.core.identifiers import nip_problem
from operator_app.core.model import Finding
from operator_app.core.rules.context import RuleContext
from operator_app.core.status import kedudukan_label, kedudukan_state, normalise_status, siasn_kind

CODES = (
    "STATUS_BUKAN_ASN",
    "STATUS_CPNS_SUDAH_PNS",
    "STATUS_JENIS_BEDA",
    "ASN_TIDAK_DITEMUKAN",
    "KEDUDUKAN_TIDAK_AKTIF",
)
REQUIRES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "STATUS_BUKAN_ASN": (("dapodik", ("status_kepegawaian",)),),
    "STATUS_CPNS_SUDAH_PNS": (
        ("dapodik", ("status_kepegawaian",)),
        ("siasn", ("status_cpns_pns",)),
    ),
    "STATUS_JENIS_BEDA": (("dapodik", ("status_kepegawaian",)),),
    "KEDUDUKAN_TIDAK_AKTIF": (("siasn", ("kedudukan_hukum_id", "kedudukan_hukum_nama")),),
}
_LABEL = {"pns": "PNS", "cpns": "CPNS", "pppk": "PPPK"}


def _looks_like_nip(nip: str | None, numeric: bool) -> bool:
    if not nip or not nip.isdigit() or numeric:
        return False
    return len(nip) == 9 or (len(nip) == 18 and nip_problem(nip, False) is None)


def check(ctx: RuleContext) -> Iterator[Finding]:
    for p in ctx.inp.ptk:
        st = normalise_status(p.status_kepegawaian)
        hit = ctx.matched(p)
        m_any = ctx.matches.get(p.id)
        if hit is None:
            if (m_any is None or not m_any.candidates) and (
                (st and st.is_asn) or _looks_like_nip(p.nip, p.nip_numeric)
            ):
                yield ctx.ptk_finding(
                    "ASN_TIDAK_DITEMUKAN", p, field="NIP", dapodik_value=p.nip or "",
                    detail="Dapodik mencatat ASN, tetapi tidak ada data SIASN dengan NIP, NIK, atau nama dan tanggal lahir yang sama.",
                    action="Guru memeriksa data di MyASN (NIP, NIK, unor). Bila NIP di Dapodik salah, perbaiki di Verval PTK; "
                    "bila guru terdaftar di instansi lain, file SIASN dari BKD mungkin tidak mencakupnya.",
                )  # fmt: skip
            continue
        m, s = hit
        state = kedudukan_state(s.kedudukan_hukum_id, s.kedudukan_hukum_nama)
        kind = siasn_kind(
            s.status_cpns_pns, s.jenis_pegawai_nama, s.kedudukan_hukum_nama, s.nip_baru
        )
        if state == "tidak_aktif":
            label = kedudukan_label(s.kedudukan_hukum_id, s.kedudukan_hukum_nama)
            yield ctx.ptk_finding(
                "KEDUDUKAN_TIDAK_AKTIF", p, s, m, field="Kedudukan Hukum", dapodik_value="PTK aktif",
                siasn_value=label, detail=f"SIASN mencatat kedudukan hukum '{label}', tetapi Dapodik mencatatnya sebagai PTK aktif.",
                action="Bila guru memang sudah tidak aktif, keluarkan dari Dapodik (PTK keluar); bila masih aktif, "
                "minta Admin Instansi (BKD) memperbarui kedudukan hukum di SIASN.",
            )  # fmt: skip
        elif st is None or not st.is_asn:
            sug = _LABEL.get(kind or "", "PNS/CPNS/PPPK")
            yield ctx.ptk_finding(
                "STATUS_BUKAN_ASN", p, s, m, field="Status Kepegawaian",
                dapodik_value=p.status_kepegawaian or "", siasn_value=sug, suggested_value=sug,
                detail=f"Dapodik mencatat '{p.status_kepegawaian or '(kosong)'}', SIASN mencatat {sug} aktif.",
                action=f"Ubah Status Kepegawaian di Dapodik menjadi {sug}. Perubahan honorer ke PPPK dilakukan oleh Admin Dapodik Dinas "
                "dengan SK PPPK dan KTP.",
            )  # fmt: skip
        if st is not None and st.kind == "cpns" and (s.status_cpns_pns or "").upper() == "P":
            yield ctx.ptk_finding(
                "STATUS_CPNS_SUDAH_PNS", p, s, m, field="Status Kepegawaian", dapodik_value="CPNS",
                siasn_value="PNS", suggested_value="PNS",
                detail="Dapodik masih CPNS, SIASN sudah PNS" + (f" (TMT PNS {s.tmt_pns:%d-%m-%Y})." if s.tmt_pns else "."),
                action="Ubah Status Kepegawaian di Dapodik menjadi PNS dan isi TMT PNS sesuai SK PNS.",
            )  # fmt: skip
        if (
            st is not None
            and st.is_asn
            and kind
            and (
                (st.kind in ("pns", "cpns") and kind == "pppk")
                or (st.kind == "pppk" and kind in ("pns", "cpns"))
            )
        ):
            yield ctx.ptk_finding(
                "STATUS_JENIS_BEDA", p, s, m, field="Status Kepegawaian", dapodik_value=st.label,
                siasn_value=_LABEL[kind], suggested_value=_LABEL[kind],
                detail=f"Dapodik mencatat {st.label}, SIASN/NIP menunjukkan {_LABEL[kind]}.",
                action=f"Sesuaikan Status Kepegawaian di Dapodik menjadi {_LABEL[kind]} (dengan SK-nya); bila perlu melalui Admin Dapodik Dinas.",
            )  # fmt: skip
