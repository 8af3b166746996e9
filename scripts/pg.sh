#!/usr/bin/env bash
# A throwaway PostgreSQL cluster to try district mode by hand (the tests start their own through
# tests/pg_fixtures.py; nothing needs to run this first). Prints PGHOST/PGPORT and the admin URL;
# Ctrl-C stops the server and deletes its folder. Installs the Debian package when missing (root).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[[ -x $PY ]] || PY=${PYTHON:-python3}
exec "$PY" tests/pgserver.py
