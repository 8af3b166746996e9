"""`python -m operator_app` runs the same entry point as the `operator-app` script."""

import sys

from operator_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
