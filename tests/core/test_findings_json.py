"""findings_to_json: exactly the JSON contract of shared/domain/findings.md."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from checker_records import ALL_SIASN, GURU, SCHOOL, SIASN_FILE, check, pair, siasn

from operator_app.core.findings_json import findings_to_json

WIB = timezone(timedelta(hours=7))
KEYS = {"code", "severity", "school", "person", "field", "dapodik_value", "siasn_value",
        "suggested_value", "actor", "where", "ekinerja_message", "action", "status"}  # fmt: skip
INPUTS = [
    {"file": GURU, "kind": "dapodik_guru", "rows": 3, "school": SCHOOL.name},
    {"file": SIASN_FILE, "kind": "siasn", "rows": 4},
]


def _data() -> dict:  # type: ignore[type-arg]
    p, s = pair()
    empty = replace(p, nip=None, nip_raw=None)
    newcomer = siasn("DEDI KURNIAWAN", date(1990, 6, 12), "L", unor="UPT SDN 3 SUKAMAJU", row=77)
    lost = pair("YUSUF MAULANA", date(1988, 10, 2), "L")[0]
    result = check([empty, lost], [replace(s, nik=None), newcomer], with_head=False,
                   siasn_columns=ALL_SIASN - {"nik"})  # fmt: skip
    data = findings_to_json(result, INPUTS, datetime(2026, 11, 20, 9, 30, 0, 123, tzinfo=WIB))
    return json.loads(json.dumps(data))  # plain JSON types only


def _by_code(data: dict, code: str) -> dict:  # type: ignore[type-arg]
    return next(f for f in data["findings"] if f["code"] == code)


def test_header() -> None:
    data = _data()
    assert data["schema"] == "operator-app/findings/1"
    assert data["generated_at"] == "2026-11-20T09:30:00+07:00"
    assert data["inputs"] == INPUTS
    assert {"code": "NIK_BEDA", "reason": "kolom NIK tidak ada di file SIASN"} in data[
        "skipped_checks"
    ]


def test_naive_time_gets_an_offset() -> None:
    p, s = pair()
    data = findings_to_json(check([p], [s]), [], datetime(2026, 11, 20, 9, 30))
    assert data["generated_at"][:19] == "2026-11-20T09:30:00" and data["generated_at"][19] in "+-"


def test_person_finding_with_match() -> None:
    f = _by_code(_data(), "NIP_KOSONG")
    assert set(f) >= KEYS
    assert f["school"] == {"name": SCHOOL.name}
    assert (
        set(f["person"]) == {"nama", "nik", "nip"}
        and f["person"]["nama"] == "Dra. Hj. SITI AMINAH, S.Pd."
    )
    assert set(f["source"]) == {"dapodik_file", "dapodik_row", "siasn_file", "siasn_row"}
    assert f["source"]["dapodik_file"] == GURU and f["source"]["siasn_file"] == SIASN_FILE
    assert f["match"] == {"by": "nama_tgl_lahir", "score": 0.8}  # SIASN file without NIK
    assert f["status"] == "baru" and f["documents"] == ["SK CPNS"] and "note" in f
    assert f["suggested_value"] == f["siasn_value"] and len(f["suggested_value"]) == 18


def test_unmatched_person_has_no_match_key() -> None:
    f = _by_code(_data(), "ASN_TIDAK_DITEMUKAN")
    assert "match" not in f and f["source"]["siasn_file"] is None


def test_siasn_only_and_school_level_sources() -> None:
    data = _data()
    t = _by_code(data, "TIDAK_ADA_DI_DAPODIK")
    assert t["source"] == {"siasn_file": SIASN_FILE, "siasn_row": 77} and "match" not in t
    assert t["person"]["nama"] == "DEDI KURNIAWAN" and t["school"] == {"name": SCHOOL.name}
    k = _by_code(data, "KEPSEK_TIDAK_ADA")
    assert "source" not in k and "match" not in k and k["school"] == {"name": SCHOOL.name}
    assert all(set(f) >= KEYS for f in data["findings"])
