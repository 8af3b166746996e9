"""`check` on 50,000 SIASN rows x 2,000 PTK after import: core checker and the full store round trip.

Inputs are generated: a 50,000-row SIASN CSV and 50 schools' Dapodik exports whose 2,000 PTK are
people from that SIASN file (10% with an injected difference). As in a real kabupaten, SIASN
holds about as many ASN at each imported school as its Dapodik export (plus 3 who are not in
Dapodik); the rest of the 50,000 work at other units. Usage: python bench/bench_check.py [--core-only]; `--core-only` times the checker on in-memory
records alone (make_records: no files, no database).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path


def make_inputs(folder: Path, n_siasn: int = 50_000, n_ptk: int = 2_000) -> list[Path]:
    from datetime import datetime, timedelta

    from operator_app.samples import (
        SampleSchool,
        siasn_rows_bulk,
        write_dapodik_xlsx,
        write_siasn_csv,
    )

    siasn = list(siasn_rows_bulk(n_siasn, seed=3))
    by_unor: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in siasn:
        if row["UNOR_NAMA"].startswith(("SD NEGERI", "SMP NEGERI")):
            by_unor[row["UNOR_NAMA"]].append(row)
    chosen: list[tuple[str, list[dict[str, str]]]] = []
    taken = 0
    for unor, at_unor in sorted(by_unor.items()):
        if taken >= n_ptk:
            break
        chosen.append((unor, at_unor[: min(40, n_ptk - taken)]))
        taken += len(chosen[-1][1])
        # as in a real kabupaten, SIASN has about as many ASN at a school as Dapodik has: the
        # generator's surplus at this unor works elsewhere, but for 3 who are not in Dapodik
        for k, row in enumerate(at_unor[len(chosen[-1][1]) + 3 :]):
            row["UNOR_NAMA"] = f"UPT PUSKESMAS {k % 40 + 1}"
    files = [write_siasn_csv(folder / "export-data-asn.csv", siasn)]
    for i, (unor, people) in enumerate(chosen):
        rows = []
        for j, s in enumerate(people):
            d, m, y = s["TANGGAL_LAHIR"].split("-")
            rows.append({
                "Nama": s["NAMA"], "NIP": "" if j % 10 == 0 else s["NIP_BARU"], "NIK": s["NIK"],
                "JK": "L" if s["JENIS_KELAMIN"] in ("M", "L") else "P", "Tanggal Lahir": f"{y}-{m}-{d}",
                "Status Kepegawaian": "PNS" if j % 10 != 1 else "Guru Honor Sekolah",
                "Jenis PTK": "Kepala Sekolah" if j == 2 else "Guru",
            })  # fmt: skip
        school = SampleSchool(name=unor, downloaded_at=datetime(2026, 11, 1) + timedelta(minutes=i))
        files.append(write_dapodik_xlsx(folder / school.file_name("guru"), school, rows, "guru"))
    return files


def make_records(n_siasn: int = 50_000, n_ptk: int = 2_000, seed: int = 7) -> tuple[list, list]:  # type: ignore[type-arg]
    """Ptk and Siasn records in memory: 50 imported schools of 40 PTK drawn from the SIASN rows
    (one in ten with a planted difference), the rest of SIASN spread over ~200 other units."""
    import random
    from dataclasses import replace
    from datetime import date, timedelta

    from operator_app.core.model import Ptk, Siasn
    from operator_app.core.names import name_key

    rng = random.Random(seed)
    places = ["SUKAMAJU", "CIBEBER", "MEKARSARI", "SUKARESMI", "CIKALONG", "WARUNGKONDANG"]
    # 50 imported schools, ~1,500 other units of the agency (schools, offices, puskesmas)
    schools = [f"SD NEGERI {k} {places[k % 2]}" for k in range(1, 51)]
    others = [f"{lvl} NEGERI {k} {pl}" for lvl, top in (("SD", 200), ("SMP", 40)) for k in range(1, top + 1)
              for pl in places if f"{lvl} NEGERI {k} {pl}" not in schools]  # fmt: skip
    others += [f"PUSKESMAS {pl} {k}" for pl in places for k in range(1, 40)]
    others += ["DINAS PENDIDIKAN DAN KEBUDAYAAN", "DINAS KESEHATAN", "SEKRETARIAT DAERAH"]
    per_school = n_ptk // len(schools)
    first = ["SITI", "AHMAD", "DEDI", "RINA", "YUSUF", "ENDANG", "ASEP", "NURUL", "BAMBANG", "DEWI"]
    last = ["AMINAH", "FAUZI", "KURNIAWAN", "MARLINA", "MAULANA", "SUTRISNO", "HIDAYAT", "RAHAYU"]
    siasn: list[Siasn] = []
    for i in range(n_siasn):
        jk = rng.choice("LP")
        born = date(1965, 1, 1) + timedelta(days=rng.randrange(365 * 35))
        nip = f"{born:%Y%m%d}{rng.randint(1990, 2022)}{rng.randint(1, 12):02d}{1 if jk == 'L' else 2}{i % 999 + 1:03d}"
        nik = f"3203{rng.randint(10, 40):02d}{born.day + (40 if jk == 'P' else 0):02d}{born:%m%y}{i % 9999 + 1:04d}"
        nama = f"{rng.choice(first)} {rng.choice(last)} {rng.choice(last)}"
        if i < n_ptk:  # the imported schools' teachers, then a few who are not in Dapodik
            unor = schools[i // per_school]
        elif i < n_ptk + 150:
            unor = schools[i % len(schools)]
        else:
            unor = rng.choice(others)
        siasn.append(Siasn(
            id=i + 1, source_file="export-data-asn.csv", row=i + 2, nama=nama, nip_baru=nip,
            nip_lama=None, tanggal_lahir=born, jk=jk, nik=nik, jenis_pegawai_nama="PNS Daerah",
            kedudukan_hukum_id="1", kedudukan_hukum_nama="Aktif", status_cpns_pns="P",
            unor_nama=unor, person_key=f"siasn:{nip}", nama_key=name_key(nama),
        ))  # fmt: skip
    by_unor: dict[str, list[Siasn]] = defaultdict(list)
    for s in siasn:
        by_unor[s.unor_nama or ""].append(s)
    ptk: list[Ptk] = []
    for school_id, school in enumerate(schools, start=1):
        for j, s in enumerate(by_unor[school][:per_school]):
            p = Ptk(
                id=len(ptk) + 1, school_id=school_id, school_name=school, kind="dapodik_guru",
                source_file=f"daftar-guru-{school}.xlsx", row=j + 6, nama=f"Drs. {s.nama}, M.Pd.",
                nip=s.nip_baru, nip_raw=s.nip_baru, nip_numeric=False, nik=s.nik, nik_numeric=False,
                nuptk=None, jk=s.jk, tanggal_lahir=s.tanggal_lahir, status_kepegawaian="PNS",
                jenis_ptk="Kepala Sekolah" if j == 0 else "Guru", tugas_tambahan=None,
                person_key=f"nik:{s.nik}", nama_key=s.nama_key,
            )  # fmt: skip
            planted = j % 10
            if planted == 1:
                p = replace(p, nip=None, nip_raw=None)
            elif planted == 2:
                p = replace(p, status_kepegawaian="Guru Honor Sekolah")
            elif planted == 3:
                p = replace(p, nip=None, nik=None)  # name + birth date only
            ptk.append(p)
    return ptk, siasn


def core_in_memory(runs: int = 5) -> float:
    """Median seconds of match_all + run_checks on in-memory records (no files, no database)."""
    from operator_app.core.checker import run_checks
    from operator_app.core.matching import match_all
    from operator_app.core.model import CheckInput, Decisions, School
    from operator_app.sources.layouts import DAPODIK_FIELDS, SIASN_FIELDS

    ptk, siasn = make_records()
    schools = tuple(School(i, n) for i, n in sorted({(p.school_id, p.school_name) for p in ptk}))
    inp = CheckInput(
        schools, tuple(ptk), tuple(siasn), frozenset(SIASN_FIELDS), frozenset(DAPODIK_FIELDS)
    )
    times, match_times = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        match_all(inp.ptk, inp.siasn, Decisions())
        match_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        result = run_checks(inp)
        times.append(time.perf_counter() - t0)
    print(f"in memory, {len(siasn)} SIASN x {len(ptk)} PTK: match_all median "
          f"{statistics.median(match_times):.3f} s; run_checks (match + rules) median "
          f"{statistics.median(times):.3f} s ({len(result.findings)} findings)")  # fmt: skip
    return statistics.median(times)


def main() -> None:
    import sys

    from operator_app.core.checker import run_checks

    core_in_memory()
    if "--core-only" in sys.argv:
        return
    from operator_app.store.loading import load_check_input
    from operator_app.store.workspace import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = make_inputs(folder)
        ws = Workspace(folder / "bench.sqlite3")
        t0 = time.perf_counter()
        ws.import_files(files)
        print(f"import of {len(files)} files: {time.perf_counter() - t0:.2f} s")
        with ws.engine.connect() as conn:
            t0 = time.perf_counter()
            inp = load_check_input(conn)
            load = time.perf_counter() - t0
        print(f"loaded {len(inp.ptk)} PTK and {len(inp.siasn)} SIASN rows in {load:.2f} s")
        core = []
        for _ in range(5):
            t0 = time.perf_counter()
            result = run_checks(inp)
            core.append(time.perf_counter() - t0)
        print(
            f"core match + rules: median {statistics.median(core):.3f} s ({len(result.findings)} findings)"
        )
        full = []
        for _ in range(3):
            t0 = time.perf_counter()
            ws.run_checks()
            full.append(time.perf_counter() - t0)
        print(
            f"operator-app check (load + match + rules + store): median {statistics.median(full):.3f} s (goal <= 1 s)"
        )


if __name__ == "__main__":
    main()
