"""Size limits that protect a 4 GB school PC from damaged or hostile input files.

A kabupaten SIASN export of 50,000 rows x 67 columns inflates to roughly 100-250 MB of sheet XML
and 3.4 million cells; a Dapodik PTK export of one school is far below. python-calamine holds a
sheet as one dense block of cells and needs about 70 bytes a cell while building it, so
MAX_CELLS bounds its peak memory to about 700 MB (150,000 SIASN rows still fit).
"""

from __future__ import annotations

MAX_FILE_BYTES = 300 * 1024 * 1024
MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024
MAX_ZIP_RATIO = 150  # real sheet XML compresses ~10-30x; bombs compress 1000x+
MAX_ZIP_ENTRIES = 5000
MAX_ROWS = 250_000
MAX_COLUMNS = 1000
MAX_CELLS = 10_000_000  # rows x columns of the dense block a sheet becomes
HEAD_ROWS = 40
