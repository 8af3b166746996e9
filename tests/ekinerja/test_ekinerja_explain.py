"""From a message as the operator has it to its entry: exact wordings, realistic variants, noise."""

from __future__ import annotations

import pytest

from operator_app.core.ekinerja.knowledge import entries
from operator_app.core.ekinerja.matching import MATCH_SCORE, explain, normalise, rank

ALL_WORDINGS = [(e.no, m) for e in entries() for m in e.messages]

# (expected number, text as an operator types, pastes or reads it from a screenshot)
VARIANTS: list[tuple[int, str]] = [
    # case, spacing, punctuation, quotes, "#N –" prefixes
    (1, "TOMBOL SINKRON PMM TIDAK MUNCUL DI E-KINERJA"),
    (1, "#1 – Tombol sinkron PMM tidak muncul di e-Kinerja"),
    (1, "  tombol   sinkron pmm tidak muncul di ekinerja  "),
    (4, "#4 - Nama Sekolah atau Nama Unor tidak sama dengan data PMM"),
    (4, '"Nama Sekolah atau Nama Unor tidak sama dengan data PMM."'),
    (15, "#15- Data SKP Organisasi belum dibuat oleh atasan"),
    (16, "16. Atasan Pegawai tidak sama dengan data PMM"),
    (12, "“SKP yang ada memiliki Unor yang berbeda dengan Pegawai saat ini”"),
    (11, "JavaScript Error: Type Error : cannot read properties of undefined(reading 'unor_id')"),
    (11, 'javascript error: TypeError: Cannot read properties of undefined (reading "unor_id")'),
    # the last words cut off
    (1, "Tombol sinkron PMM tidak muncul"),
    (3, "Data Unit Kerja Pegawai tidak terdaftar di Referensi"),
    (4, "Nama Sekolah atau Nama Unor tidak sama"),
    (7, "Data status kepegawaian di PMM tidak terdaf"),
    (10, "Data PNS ID belum padan antara SIASN"),
    (12, "SKP yang ada memiliki Unor yang berbeda"),
    (13, "Pengguna PMM tidak dapat menambah SKP setelah tahun 2023"),
    (18, "Pegawai tidak memiliki SKP sebagai Plt. Kepala Sekolah"),
    (20, "Jumlah SKP sebagai Plt. Kepala Sekolah di PMM tidak sesuai"),
    (19, "Pegawai tidak terdaftar sebagai Plt. kepala Sekolah"),
    # common typos
    (1, "tombol sinkorn pmm tidak mncul di e-kinerj"),
    (2, "Pegawai blm membuat SKP di PMM"),
    (2, "pegawai belum membuat skp di pm"),
    (5, "Unit kerja atsan tdk ditemukan"),
    (7, "data status kepegawain di pmm tidak terdaftar sbg ASN"),
    (10, "Data PNS ID belum padan antar SIASN dgn PMM"),
    (14, "Tidak ada RHK yg terdeteksi di PMM"),
    (15, "data skp organisasi blm dibuat oleh atasan"),
    (17, "tidak ada RHK yang bisa di kaitkan"),
    (16, "atasan pegawai tdk sama dgn data pmm"),
    (8, "unexpected periode value"),
    # English fragments
    (6, "xApiKey does not exists in whitelist"),
    (6, "xapikey does not exist in white list"),
    (9, "Request failed with status code 500"),
    (9, "Requst faild with status code 500"),
    (9, "status code 500"),
    (11, "cannot read properties of undefined (reading 'unor_id')"),
    (8, "Unexpected period value"),
    # pasted inside a longer sentence
    (10, "Gagal melakukan sinkro PMM dikarenakan Data PNS ID belum padan antara SIASN dengan PMM"),
    (10, "gagal sinkron: Data Pribadi tidak padan. Mohon dibantu"),
    (10, "Setelah perbaikan masih muncul Data Atasan tidak padan di e-Kinerja"),
    (10, "Gagal melakukan sinkro PMM dikarenakan data sekolah tidak padan"),
    (9, "Pak, waktu klik Sinkron PMM muncul Request failed with status code 500 terus"),
    (6, "muncul pesan xApiKey does not exists in whitelist pas sinkron tadi pagi"),
    (4, "Gagal sinkron PMM: Nama Sekolah atau Nama Unor tidak sama dengan data PMM (kondisi?)"),
    (1, "Verval PTK menolak perbaikan dengan respon data tidak sesuai dengan Dukcapil"),
    (
        12,
        "keluar peringatan SKP yang ada memiliki unor yang berbeda dengan pegawai saat ini, lanjut?",
    ),
    (19, "Error: Pegawai tidak terdaftar sebagai Plt. kepala Sekolah di e-Kinerja"),
    (15, "Guru kami dapat notifikasi Data SKP Organisasi belum dibuat oleh atasan"),
    (2, "Gagal melakukan sinkro PMM dikarenakan Pegawai belum membuat SKP di PMM"),
    (
        13,
        "pesan: Pengguna PMM tidak dapat menambah SKP setelah tahun 2023, silakan buat SKP di PMM",
    ),
    (3, "Sinkron gagal - Data Unit Kerja Pegawai tidak terdaftar di Referensi Unit Kerja"),
]

UNRELATED = [
    "printer tidak menyala",
    "lupa password ruang gtk",
    "internet lambat sekali",
    "komputer tidak bisa dinyalakan",
    "data tidak ditemukan",
    "",
]


@pytest.mark.parametrize(("no", "text"), ALL_WORDINGS)
def test_every_wording_explains_to_its_number(no: int, text: str) -> None:
    hits = explain(text)
    assert hits and hits[0].entry.no == no
    assert hits[0].score == 1.0 and hits[0].wording == text


def test_there_are_enough_variants_and_every_entry_has_some() -> None:
    assert len(VARIANTS) >= 40
    assert {no for no, _ in VARIANTS} == set(range(1, 21))


@pytest.mark.parametrize(("no", "text"), VARIANTS)
def test_variant_ranks_the_right_entry_first(no: int, text: str) -> None:
    hits = explain(text)
    assert hits, f"nothing matched {text!r}: {[(m.entry.no, m.score) for m in rank(text)[:3]]}"
    assert hits[0].entry.no == no, [(m.entry.no, m.score) for m in hits]
    assert MATCH_SCORE <= hits[0].score <= 1.0


@pytest.mark.parametrize("text", UNRELATED)
def test_unrelated_text_matches_nothing(text: str) -> None:
    assert explain(text) == []


def test_candidates_are_ranked_with_scores() -> None:
    hits = explain("tidak ada RHK yang")  # #14 and #17 both begin so
    assert {m.entry.no for m in hits[:2]} == {14, 17}
    assert [m.score for m in hits] == sorted((m.score for m in hits), reverse=True)


def test_normalise_drops_prefix_quotes_and_punctuation() -> None:
    assert normalise("#4 – “Nama Unor”!") == "nama unor"
    assert normalise("Request failed with status code 500") == (
        "request failed with status code 500"
    )


@pytest.mark.parametrize(("no", "text"), VARIANTS + ALL_WORDINGS)
def test_best_agrees_with_the_ranking(no: int, text: str) -> None:
    from operator_app.core.ekinerja.matching import best

    hit = best(text)
    assert hit is not None and hit.entry.no == no == explain(text)[0].entry.no
