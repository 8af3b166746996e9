"""Entry point of the frozen app: the same `main()` as the `operator-app` console script."""

import sys

from operator_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
