"""Child process of the memory test: import each file into a database, report peak RSS growth.

    python peak_child.py DB FILE [FILE ...]      -> one JSON line per file

On Linux the peak (VmHWM) is reset before each file through /proc/self/clear_refs, so one child
measures many files; elsewhere the parent starts one child per file and ru_maxrss is used. Growth
is measured from the resident size just before the import, after the app's modules are loaded.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

_PROC = Path("/proc/self")


def can_reset_peak() -> bool:
    try:
        (_PROC / "clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _status_mb(field: str) -> float:
    for line in (_PROC / "status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(field)


def _maxrss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(db: Path, files: list[Path]) -> None:
    import python_calamine  # noqa: F401

    from operator_app.core.errors import UserError
    from operator_app.sources import guards, ole, readers, spreadsheetml  # noqa: F401  (loaded now)
    from operator_app.store.workspace import Workspace

    reset = can_reset_peak()
    ws = Workspace(db)
    for path in files:
        if reset:
            can_reset_peak()
            before = _status_mb("VmRSS")
        else:
            before = _maxrss_mb()
        t0 = time.perf_counter()
        try:
            ws.import_files([path])
            outcome = "imported"
        except UserError as exc:
            outcome = "refused: " + exc.message[:200]
        seconds = time.perf_counter() - t0
        peak = _status_mb("VmHWM") if reset else _maxrss_mb()
        print(
            json.dumps(
                {
                    "file": path.name,
                    "outcome": outcome,
                    "seconds": seconds,
                    "growth_mb": max(0.0, peak - before),
                }
            ),
            flush=True,
        )
    ws.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), [Path(a) for a in sys.argv[2:]])
