"""Synthetic but realistic Dapodik PTK and SIASN exports for tests, benchmarks and demo mode.

- `build_kabupaten(seed)`: schools, their Dapodik rows, the BKD's SIASN rows and the ground
  truth of findings (docs/findings-conventions.md); `.write(folder)` writes the files.
- Writers: `write_dapodik_xlsx` (and `write_dapodik_xlsx_fast`, the same cells ~8x faster), `write_dapodik_spreadsheetml`, `write_siasn_csv`,
  `write_siasn_xlsx`, `write_student_list_xlsx`, `write_unrelated_xlsx`.
- `build_district(n_schools, seed)`: a whole kabupaten (50-500 schools, moved teachers, digit-apart
  schools, ~120 SIASN rows per school) with its ground truth; `.write(folder)` is fast.
- Bulk rows for benchmarks: `siasn_rows_bulk`, `dapodik_rows_bulk`.
- One clean person's matching Dapodik and SIASN rows: `person_rows`.
- Identifier builders: `make_nip`, `make_nip_pppk`, `make_nik`, `excel_number`.

No Qt; openpyxl is imported only inside the xlsx writers.
"""

from operator_app.samples.bulk import dapodik_rows_bulk, siasn_rows_bulk
from operator_app.samples.district import District, MovedTeacher, build_district
from operator_app.samples.fastxlsx import write_dapodik_xlsx_fast
from operator_app.samples.kabupaten import (
    DAPODIK_FIRST_ROW,
    SIASN_FIRST_ROW,
    Expected,
    Kabupaten,
    KabupatenFiles,
    build_kabupaten,
)
from operator_app.samples.model import REGIONS, Region, SampleSchool, Unit
from operator_app.samples.people import (
    TODAY,
    PeopleFactory,
    Person,
    excel_number,
    make_nik,
    make_nip,
    make_nip_pppk,
)
from operator_app.samples.rows import person_rows
from operator_app.samples.writers import (
    SAPK_ALIASES,
    SIASN_ID_COLUMNS,
    write_dapodik_spreadsheetml,
    write_dapodik_xlsx,
    write_siasn_csv,
    write_siasn_xlsx,
    write_student_list_xlsx,
    write_unrelated_xlsx,
)

__all__ = [
    "DAPODIK_FIRST_ROW",
    "REGIONS",
    "SAPK_ALIASES",
    "SIASN_FIRST_ROW",
    "SIASN_ID_COLUMNS",
    "TODAY",
    "District",
    "Expected",
    "Kabupaten",
    "KabupatenFiles",
    "MovedTeacher",
    "PeopleFactory",
    "Person",
    "Region",
    "SampleSchool",
    "Unit",
    "build_district",
    "build_kabupaten",
    "dapodik_rows_bulk",
    "excel_number",
    "make_nik",
    "make_nip",
    "make_nip_pppk",
    "person_rows",
    "siasn_rows_bulk",
    "write_dapodik_spreadsheetml",
    "write_dapodik_xlsx",
    "write_dapodik_xlsx_fast",
    "write_siasn_csv",
    "write_siasn_xlsx",
    "write_student_list_xlsx",
    "write_unrelated_xlsx",
]
