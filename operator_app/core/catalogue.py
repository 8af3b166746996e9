"""The finding catalogue (shared/domain/findings.md) as data: one entry per code, and make_finding."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from operator_app.core.model import Actor, Finding, Severity

# e-Kinerja / Verval PTK messages, quoted exactly as the systems show them (seed 004).
MSG_TOMBOL_SINKRON = "Tombol sinkron PMM tidak muncul di e-Kinerja"
MSG_UNOR_TIDAK_TERDAFTAR = "Data Unit Kerja Pegawai tidak terdaftar di Referensi Unit Kerja"
MSG_NAMA_UNOR = "Nama Sekolah atau Nama Unor tidak sama dengan data PMM"
MSG_BUKAN_ASN = "Data status kepegawaian di PMM tidak terdaftar sebagai ASN"
MSG_PNS_ID = "Data PNS ID belum padan antara SIASN dengan PMM"
MSG_SKP_UNOR = "SKP yang ada memiliki Unor yang berbeda dengan Pegawai saat ini"
MSG_SKP_ORGANISASI = "Data SKP Organisasi belum dibuat oleh atasan"
MSG_ATASAN = "Atasan Pegawai tidak sama dengan data PMM"
MSG_PLT_PMM = "Pegawai tidak memiliki SKP sebagai Plt. Kepala Sekolah di PMM."
MSG_PLT_EKINERJA = "Pegawai tidak terdaftar sebagai Plt. kepala Sekolah di e-Kinerja"
MSG_PLT_JUMLAH = (
    "Jumlah SKP sebagai Plt. Kepala Sekolah di PMM tidak sesuai dengan data "
    "Plt.Kepala Sekolah di E-kinerja."
)
MSG_DATA_PRIBADI = "Data Pribadi tidak padan"
MSG_DUKCAPIL = "data tidak sesuai dengan Dukcapil"

WHERE_VERVAL = "Verval PTK"
WHERE_DAPODIK = "Dapodik - menu PTK"
WHERE_SIASN = "SIASN / e-Kinerja (Manajemen Pegawai)"
WHERE_UNOR = "e-Kinerja (Manajemen Unor)"
WHERE_APP = "Aplikasi ini (menu Padanan)"

ACTOR_LABELS: dict[str, str] = {
    "operator_sekolah": "Operator Sekolah",
    "admin_dinas": "Admin Dapodik Dinas Pendidikan",
    "admin_instansi": "Admin Instansi (BKD/BKPSDM)",
    "pegawai": "Pegawai (guru/tendik)",
    "kepala_sekolah": "Kepala Sekolah",
}
SEVERITY_LABELS: dict[str, str] = {"invalid": "Invalid", "warning": "Peringatan", "info": "Info"}


@dataclass(frozen=True, slots=True)
class Entry:
    """The fixed parts of one code; `action` is a str.format template over the rule's params."""

    code: str
    severity: Severity
    actor: Actor
    where: str
    messages: tuple[str, ...]
    documents: tuple[str, ...]
    title: str
    action: str

    @property
    def ekinerja_message(self) -> str:
        return "; ".join(self.messages)


_E = Entry
CATALOGUE: dict[str, Entry] = {
    e.code: e
    for e in (
        _E("NIP_KOSONG", "invalid", "operator_sekolah", WHERE_VERVAL,
           (MSG_TOMBOL_SINKRON, MSG_PNS_ID), ("SK CPNS",), "NIP kosong di Dapodik",
           "Isi NIP {nama} di Verval PTK dengan NIP yang tercatat di SIASN: {suggested}. Pegawai "
           "memastikan NIP itu (MyASN atau {docs}), lalu operator mengajukan perbaikan dan "
           "menunggu persetujuan Dinas."),
        _E("NIP_BEDA", "invalid", "operator_sekolah", WHERE_VERVAL,
           (MSG_TOMBOL_SINKRON, MSG_PNS_ID), ("SK CPNS",), "NIP Dapodik berbeda dengan SIASN",
           "Ajukan perbaikan NIP di Verval PTK dari {dapodik} menjadi {suggested} ({positions}); "
           "lampirkan {docs}."),
        _E("NIP_LAMA", "invalid", "operator_sekolah", WHERE_VERVAL,
           (MSG_TOMBOL_SINKRON, MSG_PNS_ID), ("SK CPNS",), "NIP lama (9 digit) di Dapodik",
           "Ganti NIP lama {dapodik} di Verval PTK dengan NIP baru 18 digit {suggested}; "
           "lampirkan {docs}."),
        _E("NIP_RUSAK", "invalid", "operator_sekolah", WHERE_VERVAL,
           (MSG_TOMBOL_SINKRON,), ("SK CPNS",), "NIP Dapodik rusak atau tidak lengkap",
           "Perbaiki NIP di Verval PTK {fix}; lampirkan {docs}. Jika file Dapodik diolah di "
           "Excel, ubah format sel NIP menjadi Teks sebelum mengetik atau mengunduh ulang."),
        _E("NIP_TIDAK_SESUAI_TGL_LAHIR", "warning", "operator_sekolah", WHERE_VERVAL,
           (MSG_DATA_PRIBADI,), ("Akte Kelahiran", "KK", "SK CPNS"),
           "Tanggal lahir di NIP tidak sama dengan Tanggal Lahir Dapodik", "{advice}"),
        _E("NIP_TIDAK_SESUAI_JK", "warning", "operator_sekolah", WHERE_VERVAL,
           (MSG_DATA_PRIBADI,), ("KTP", "SK CPNS"),
           "Digit jenis kelamin NIP tidak sesuai JK", "{advice}"),
        _E("NIK_TIDAK_VALID", "warning", "pegawai", "Disdukcapil / Verval PTK",
           (MSG_TOMBOL_SINKRON, MSG_DUKCAPIL), ("KTP", "KK"), "NIK tidak valid",
           "Cocokkan NIK {nama} dengan KTP dan KK. Jika Dapodik salah ketik, operator sekolah "
           "mengajukan perbaikan NIK di Verval PTK{fix}; jika data kependudukan yang keliru, "
           "pegawai memperbaikinya di Disdukcapil lebih dulu."),
        _E("NIK_BEDA", "invalid", "pegawai", "Verval PTK / SIASN",
           (MSG_PNS_ID, MSG_DATA_PRIBADI), ("KTP", "KK"), "NIK Dapodik berbeda dengan SIASN",
           "Pegawai menunjukkan KTP dan KK untuk menentukan NIK yang benar. Jika NIK Dapodik "
           "({dapodik}) yang salah, operator sekolah mengajukan perbaikan di Verval PTK; jika NIK "
           "SIASN ({siasn}) yang salah, Admin Instansi (BKD) memperbaikinya di SIASN."),
        _E("NAMA_BEDA", "warning", "pegawai", "Verval PTK / SIASN",
           (MSG_DATA_PRIBADI,), ("KTP", "Akte Kelahiran", "Ijazah"),
           "Nama Dapodik berbeda dengan SIASN",
           "Pegawai menunjukkan KTP untuk menentukan ejaan nama yang benar. Jika nama Dapodik "
           "({dapodik}) yang salah, ajukan perbaikan di Verval PTK; jika nama SIASN ({siasn}) "
           "yang salah, minta Admin Instansi (BKD) memperbaikinya di SIASN."),
        _E("TGL_LAHIR_BEDA", "invalid", "operator_sekolah", WHERE_VERVAL,
           (MSG_PNS_ID, MSG_DATA_PRIBADI), ("KK", "Akte Kelahiran", "KTP"),
           "Tanggal lahir Dapodik berbeda dengan SIASN", "{advice}"),
        _E("JK_BEDA", "warning", "operator_sekolah", WHERE_VERVAL,
           (MSG_DATA_PRIBADI,), ("KTP", "KK"), "Jenis kelamin Dapodik berbeda dengan SIASN",
           "{advice}"),
        _E("STATUS_BUKAN_ASN", "invalid", "operator_sekolah", WHERE_DAPODIK,
           (MSG_BUKAN_ASN,), ("SK CPNS",), "Status Kepegawaian Dapodik bukan ASN",
           "Ubah Status Kepegawaian {nama} di Dapodik dari {dapodik} menjadi {suggested}; "
           "lampirkan {docs}.{extra}"),
        _E("STATUS_CPNS_SUDAH_PNS", "warning", "operator_sekolah", WHERE_DAPODIK,
           (MSG_BUKAN_ASN,), ("SK PNS",), "Dapodik masih CPNS, SIASN sudah PNS",
           "Ubah Status Kepegawaian {nama} di Dapodik dari CPNS menjadi PNS{tmt}; "
           "lampirkan {docs}."),
        _E("STATUS_JENIS_BEDA", "invalid", "operator_sekolah", WHERE_DAPODIK,
           (MSG_BUKAN_ASN,), ("SK PNS",), "Jenis ASN Dapodik berbeda dengan SIASN",
           "Ubah Status Kepegawaian {nama} di Dapodik dari {dapodik} menjadi {suggested} sesuai "
           "SIASN; lampirkan {docs}. Bila perubahan status perlu persetujuan, ajukan ke Admin "
           "Dapodik Dinas Pendidikan."),
        _E("ASN_TIDAK_DITEMUKAN", "warning", "pegawai", "MyASN / Verval PTK",
           (MSG_TOMBOL_SINKRON,), ("SK CPNS", "SK PNS"), "ASN tidak ditemukan di SIASN",
           "Pegawai memeriksa datanya di MyASN. Jika NIP di MyASN berbeda dengan Dapodik "
           "({dapodik}), operator sekolah memperbaiki NIP di Verval PTK; jika pegawai tercatat di "
           "instansi lain, file SIASN dari BKD ini memang tidak memuatnya."),
        _E("KEDUDUKAN_TIDAK_AKTIF", "warning", "operator_sekolah", WHERE_DAPODIK,
           (MSG_UNOR_TIDAK_TERDAFTAR,), ("SK Pensiun/Pemberhentian",),
           "Kedudukan hukum SIASN tidak aktif",
           "SIASN mencatat kedudukan hukum {siasn}. Jika {nama} memang sudah tidak bertugas, "
           "keluarkan dari Dapodik (PTK keluar) dengan {docs}; jika masih bertugas, minta Admin "
           "Instansi (BKD) memperbarui kedudukan hukumnya di SIASN."),
        _E("UNOR_NOMENKLATUR", "warning", "admin_instansi", WHERE_UNOR,
           (MSG_NAMA_UNOR,), (), "Nama unor SIASN ditulis berbeda (kondisi A)",
           "Kondisi A: sekolahnya sama, hanya penulisannya berbeda ({siasn} / {dapodik}). Sinkron "
           "PMM tetap dapat dilanjutkan; Admin Instansi dapat menyamakan nama unor di e-Kinerja "
           "menu Manajemen Unor."),
        _E("UNOR_BEDA", "invalid", "admin_instansi", WHERE_SIASN,
           (MSG_NAMA_UNOR, MSG_SKP_UNOR), ("SK Mutasi",), "Unor SIASN berbeda dengan sekolah Dapodik",
           "{advice}"),
        _E("TIDAK_ADA_DI_DAPODIK", "warning", "operator_sekolah", WHERE_DAPODIK,
           (MSG_NAMA_UNOR,), ("SK Mutasi",), "Ada di SIASN, tidak ada di Dapodik",
           "Jika {nama} memang bertugas di {school}, daftarkan di Dapodik menu PTK (PTK "
           "terdaftar/tarik data) dengan {docs} (kondisi C); jika sudah pindah, minta Admin "
           "Instansi (BKD) memperbarui unornya di SIASN/e-Kinerja menu Manajemen Pegawai "
           "(kondisi B)."),
        _E("DUPLIKAT", "invalid", "operator_sekolah", WHERE_DAPODIK,
           (), (), "Data ganda", "{advice}"),
        _E("PTK_DI_DUA_SEKOLAH", "invalid", "operator_sekolah", WHERE_DAPODIK,
           (MSG_NAMA_UNOR, MSG_SKP_UNOR), ("SK Mutasi",),
           "PTK aktif di lebih dari satu sekolah (mutasi belum selesai)", "{advice}"),
        _E("KEPSEK_TIDAK_ADA", "warning", "admin_dinas", "Dapodik - Tugas Tambahan (Admin Dinas)",
           (MSG_SKP_ORGANISASI, MSG_ATASAN), ("SK Kepala Sekolah",), "Kepala Sekolah belum tercatat",
           "Minta Admin Dapodik Dinas Pendidikan mencatat Kepala Sekolah (atau Plt.) {school} "
           "sebagai tugas tambahan di Dapodik dengan {docs}; tanpa itu guru tidak punya atasan "
           "untuk SKP di PMM."),
        _E("KEPSEK_BUKAN_ASN", "warning", "admin_instansi", WHERE_SIASN,
           (MSG_ATASAN,), ("SK Kepala Sekolah",), "Kepala Sekolah tidak padan di SIASN",
           "{advice}"),
        _E("PADANAN_RAGU", "info", "operator_sekolah", WHERE_APP,
           (), (), "Padanan Dapodik-SIASN perlu dipastikan",
           "Buka {nama} di aplikasi ini dan bandingkan dengan data SIASN {siasn}; pilih "
           "Konfirmasi bila orangnya sama atau Tolak bila bukan."),
    )
}  # fmt: skip


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "-"


def documents_text(documents: tuple[str, ...]) -> str:
    """'SK CPNS', 'KTP dan KK', 'KK, Akte Kelahiran dan KTP'."""
    if not documents:
        return "dokumen pendukung"
    if len(documents) == 1:
        return documents[0]
    return ", ".join(documents[:-1]) + " dan " + documents[-1]


def make_finding(code: str, params: Mapping[str, object] | None = None, **fields: Any) -> Finding:
    """A Finding with the catalogue parts filled in; `fields` may override any of them.

    The action text is the entry's template formatted with `params`, the finding's own fields
    (`nama`, `dapodik_value` as {dapodik}, `siasn_value` as {siasn}, `suggested_value` as
    {suggested}) and {docs}; a missing placeholder shows as '-'.
    """
    entry = CATALOGUE[code]
    fields.setdefault("severity", entry.severity)
    fields.setdefault("actor", entry.actor)
    fields.setdefault("where", entry.where)
    fields.setdefault("ekinerja_message", entry.ekinerja_message)
    fields.setdefault("documents", entry.documents)
    if "action" not in fields:
        values = _Params(
            nama=fields.get("nama") or "-",
            school=fields.get("school_name") or "-",
            dapodik=fields.get("dapodik_value") or "-",
            siasn=fields.get("siasn_value") or "-",
            suggested=fields.get("suggested_value") or "-",
            docs=documents_text(tuple(fields["documents"])),
        )
        values.update(params or {})
        fields["action"] = entry.action.format_map(values)
    return Finding(code=code, **fields)
