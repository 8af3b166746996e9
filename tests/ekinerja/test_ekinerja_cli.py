"""`operator-app explain`: text, JSON (operator-app/explain/1) and exit codes."""

from __future__ import annotations

import io
import json

import pytest

from operator_app.cli import main

MATCH_KEYS = {"ekinerja_no", "message", "score", "cause", "actors", "steps", "wait", "data_codes"}


def test_json_schema_best_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            ["explain", "--json", "Gagal melakukan sinkro PMM dikarenakan Data Pribadi tidak padan"]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "operator-app/explain/1"
    assert data["query"] == "Gagal melakukan sinkro PMM dikarenakan Data Pribadi tidak padan"
    first = data["matches"][0]
    assert set(first) >= MATCH_KEYS
    assert list(first)[:3] == ["ekinerja_no", "message", "score"]
    assert first["ekinerja_no"] == 10 and 0.0 <= first["score"] <= 1.0
    assert first["message"] == "Data PNS ID belum padan antara SIASN dengan PMM"
    assert all(set(s) == {"actor", "where", "text"} for s in first["steps"])
    assert first["wait"] == "3 hari" and "NIK_BEDA" in first["data_codes"]
    scores = [m["score"] for m in data["matches"]]
    assert scores == sorted(scores, reverse=True)


def test_non_data_message_has_no_data_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--json", "xApiKey does not exists in whitelist"]) == 0
    first = json.loads(capsys.readouterr().out)["matches"][0]
    assert first["ekinerja_no"] == 6 and first["data_codes"] == []
    assert "helpdesk_bkn" in first["actors"]


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "SKP", "yang", "ada", "memiliki", "Unor", "yang", "berbeda"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("#12 · SKP yang ada memiliki Unor")
    assert "PERHATIAN" in out and "Tetap Lakukan Sinkro" in out and "Langkah:" in out


def test_nothing_matched_lists_categories_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "printer tidak menyala"]) == 3
    out = capsys.readouterr().out
    assert "tidak dikenali" in out and "Gangguan teknis e-Kinerja / PMM (bukan data)" in out
    assert main(["explain", "--json", "printer tidak menyala"]) == 3
    data = json.loads(capsys.readouterr().out)
    assert data["matches"] == []
    assert [c["category"] for c in data["categories"]] == [
        "data_dapodik",
        "unor",
        "pmm",
        "atasan",
        "plt",
        "teknis",
    ]
    assert sum(len(c["messages"]) for c in data["categories"]) == 20


def test_message_from_stdin_and_empty(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Request failed with status code 500\n"))
    assert main(["explain"]) == 0
    assert capsys.readouterr().out.startswith("#9 ·")
    monkeypatch.setattr("sys.stdin", io.StringIO("   \n"))
    assert main(["explain"]) == 2
    assert "Tuliskan pesannya" in capsys.readouterr().err
