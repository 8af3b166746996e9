#!/usr/bin/env bash
# Set up .venv on first use, then start operator-app (default database in the user data folder).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$PY" -m venv .venv
fi
if ! .venv/bin/python -c "import operator_app, PySide6" 2>/dev/null || [[ pyproject.toml -nt .venv/.installed-app ]]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e .
  touch .venv/.installed-app
fi
exec .venv/bin/operator-app "$@"
