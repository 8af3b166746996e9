"""Entry point of the frozen app: the same `main()` as the `operator-app` console script."""

import multiprocessing
import sys

from operator_app.cli import main

if __name__ == "__main__":
    # the PDF writer of the window runs in a spawned child (reports/pdf_process.py): in the
    # frozen app that child is this exe again, and freeze_support hands it over to multiprocessing
    multiprocessing.freeze_support()
    sys.exit(main())
