#!/usr/bin/env bash
# Set up .venv if needed (dev extras), then lint, type-check and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$PY" -m venv .venv
fi
if ! .venv/bin/python -c "import operator_app, pytestqt, ruff, mypy, hypothesis, pypdf, psycopg, importlinter" 2>/dev/null \
   || [[ pyproject.toml -nt .venv/.installed ]]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[dev]"
  touch .venv/.installed
fi
# Qt needs a few system libraries even offscreen; install them on Debian/Ubuntu CI if missing.
if ! .venv/bin/python -c "from PySide6 import QtGui" 2>/dev/null && command -v apt-get >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core) >/dev/null 2>&1 || true
fi
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
.venv/bin/ruff check operator_app tests bench
.venv/bin/mypy
.venv/bin/lint-imports --no-cache >/dev/null || .venv/bin/lint-imports --no-cache
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
