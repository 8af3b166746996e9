"""Run by test_crash_safety.py and killed (SIGKILL) at a random moment.

    python crash_child.py DB ROUND_FOLDER...

For every round folder: import its files (one transaction), re-check, then set every open
finding that the operator has not decided on to "diajukan" with the note "putaran <folder>"
(one transaction). Each step is announced on stdout first, so the parent knows where the kill
landed. When all rounds are done it waits to be killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> None:
    from operator_app.store.workspace import Workspace

    db, folders = Path(sys.argv[1]), [Path(a) for a in sys.argv[2:]]
    ws = Workspace(db)
    print("ready", flush=True)
    for folder in folders:
        files = sorted(folder.iterdir())
        print(f"import {folder.name}", flush=True)
        ws.import_files(files)
        print(f"check {folder.name}", flush=True)
        ws.run_checks()
        print(f"status {folder.name}", flush=True)
        updates = [
            (f.key, "diajukan", f"putaran {folder.name}")
            for f in ws.findings(include_closed=False)
            if f.status != "diabaikan"
        ]
        ws.set_statuses(updates)
    print("idle", flush=True)
    time.sleep(600)


if __name__ == "__main__":
    main()
