#!/usr/bin/env bash
# Build the one-folder app (dist/operator-app/) with PyInstaller, then smoke-test the product the
# way an operator's PC runs it: no Python on PATH, no network, a fresh home folder. Prints (and
# writes to build/build-report.txt) the folder size, the start-up time and the build time, and
# fails when a check or a budget (200 MB, 2 s) fails. Windows: scripts/build.ps1 (+ the installer).
#
#   ./scripts/build.sh              build + smoke test + measure
#   START_RUNS=9 ./scripts/build.sh more start-up samples (median is reported)
#
# PyInstaller and the app's dependencies go into build/venv (from PyPI, at build time only); the
# dev tools (pytest, hypothesis, ruff, mypy) are not installed there, so they cannot leak in.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-python3}
VENV=build/venv
WORK=build/pyinstaller
APP=dist/operator-app
EXE=$APP/operator-app
SMOKE=build/smoke
START_RUNS=${START_RUNS:-5}
SIZE_BUDGET_MB=${SIZE_BUDGET_MB:-200}
START_BUDGET_S=${START_BUDGET_S:-2.0}

say() { printf '\n==> %s\n' "$*"; }
fail() { printf 'BUILD FAILED: %s\n' "$*" >&2; exit 1; }
now_ns() { date +%s%N; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }

# --- 1. build environment ---------------------------------------------------------------------
say "build environment ($VENV)"
if [[ ! -x $VENV/bin/python ]]; then
  "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
fi
"$VENV/bin/python" packaging/bundle.py requirements > build/requirements.txt.new
if ! cmp -s build/requirements.txt.new build/requirements.txt \
   || ! "$VENV/bin/python" -c "import PyInstaller, PySide6, sqlalchemy, alembic" 2>/dev/null; then
  "$VENV/bin/python" -m pip install --quiet -r build/requirements.txt.new
fi
mv build/requirements.txt.new build/requirements.txt
VERSION=$("$VENV/bin/python" packaging/bundle.py version)
"$VENV/bin/python" -c "import PyInstaller, PySide6; print('PyInstaller', PyInstaller.__version__, '/ PySide6', PySide6.__version__)"

# --- 2. build ---------------------------------------------------------------------------------
say "PyInstaller one-folder build of operator-app $VERSION"
rm -rf "$APP"
t0=$(now_ns)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath "$WORK" packaging/operator-app.spec > build/pyinstaller.log 2>&1 \
  || { tail -40 build/pyinstaller.log; fail "PyInstaller (full log: build/pyinstaller.log)"; }
BUILD_S=$(secs $(( $(now_ns) - t0 )))
[[ -x $EXE ]] || fail "no executable at $EXE"

# --- 3. what is in the folder -----------------------------------------------------------------
say "contents"
unwanted=$(find "$APP" \( -iname '*WebEngine*' -o -iname '*Qt6Qml*' -o -iname '*Qt6Quick*' \
  -o -iname 'QtQml*' -o -iname 'QtQuick*' -o -iname '*pytest*' -o -iname '*hypothesis*' \
  -o -iname '*tkinter*' -o -iname 'libtcl*' -o -iname 'libtk*' -o -path '*/qml/*' \) -print)
[[ -z $unwanted ]] || fail "unwanted files in the build:"$'\n'"$unwanted"
for needed in _internal/operator_app/resources/translations/operator_app_en.qm \
              _internal/operator_app/store/migrations/env.py \
              _internal/operator_app/resources/icons/operator-app-256.png; do
  [[ -f $APP/$needed ]] || fail "missing $needed"
done
ls "$APP"/_internal/operator_app/store/migrations/versions/*.py > /dev/null \
  || fail "no migration scripts in the build"
missing_qt=""
if command -v ldd > /dev/null; then
  # Every Qt library a kept library or plugin links must be in the folder (over-trimming shows
  # here before it shows on a user's screen). System X11 libraries are the desktop's business.
  while IFS= read -r -d '' lib; do
    miss=$(LD_LIBRARY_PATH="$APP/_internal" ldd "$lib" 2>/dev/null | awk '/not found/ {print $1}' | grep -E '^libQt6|^libpyside|^libshiboken|^libpython' || true)
    [[ -z $miss ]] || missing_qt+="$lib: $miss"$'\n'
  done < <(find "$APP/_internal" -name '*.so*' -type f -print0)
  [[ -z $missing_qt ]] || fail "libraries missing from the build:"$'\n'"$missing_qt"
fi
SIZE_MB=$(du -sm "$APP" | cut -f1)
FILES=$(find "$APP" -type f | wc -l)
echo "dist/operator-app: ${SIZE_MB} MB in ${FILES} files"

# --- 4. smoke test without Python -------------------------------------------------------------
say "smoke test (env -i, PATH=/usr/bin:/bin, offscreen, fresh HOME)"
rm -rf "$SMOKE"
mkdir -p "$SMOKE/home"
SMOKE_ABS=$ROOT/$SMOKE
run_bare() {
  env -i PATH=/usr/bin:/bin HOME="$SMOKE_ABS/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
bare_python=$(run_bare sh -c 'command -v python3 || true')
case $bare_python in
  "$ROOT"/*|*/.venv/*|*/venv/*|*pyenv*) fail "python3 on the bare PATH is a development Python: $bare_python" ;;
esac
echo "python3 on the bare PATH: ${bare_python:-none} (not used by the app)"

out=$(run_bare "$ROOT/$EXE" --version 2>&1) || fail "--version exited $?: $out"
[[ $out == "operator-app $VERSION" ]] || fail "--version printed '$out', expected 'operator-app $VERSION'"
echo "--version: $out"

SAMPLE=$SMOKE_ABS/sample-DATA-CONTOH.sqlite3
out=$(run_bare "$ROOT/$EXE" demo --db "$SAMPLE" --no-gui 2>&1) || fail "demo exited $?: $out"
[[ -s $SAMPLE ]] || fail "demo wrote no database: $out"
if grep -q Traceback <<< "$out"; then fail "demo printed a traceback: $out"; fi
echo "demo database (built by the frozen app, so the frozen migrations ran): $SAMPLE"

shoot() {  # shoot OUT.png [args...]: screenshot run, fails on a traceback or a missing PNG
  local png=$1; shift
  local log
  log=$(run_bare "$ROOT/$EXE" gui --db "$SAMPLE" --screenshot "$png" "$@" 2>&1) \
    || fail "gui --screenshot exited $?: $log"
  if grep -q Traceback <<< "$log"; then fail "gui printed a traceback: $log"; fi
  [[ -s $png ]] || fail "no screenshot at $png"
}
shoot "$SMOKE_ABS/window-id.png"
shoot "$SMOKE_ABS/window-en.png" --lang en
# The app's English .qm must load from the bundle (importlib.resources under sys._MEIPASS).
if cmp -s "$SMOKE/window-id.png" "$SMOKE/window-en.png"; then
  fail "the --lang en screenshot equals the Indonesian one: translations not found in the build"
fi
echo "screenshots: $SMOKE/window-id.png, $SMOKE/window-en.png (look at them)"

# --- 5. start-up time: launch until the filled window's screenshot exists ----------------------
say "start-up time ($START_RUNS runs)"
times=()
for i in $(seq 1 "$START_RUNS"); do
  png=$SMOKE_ABS/start-$i.png
  t0=$(now_ns)
  run_bare "$ROOT/$EXE" gui --db "$SAMPLE" --screenshot "$png" > "$SMOKE/start-$i.log" 2>&1 &
  pid=$!
  while [[ ! -s $png ]] && kill -0 "$pid" 2>/dev/null; do sleep 0.01; done
  t=$(secs $(( $(now_ns) - t0 )))
  wait "$pid" || fail "start-up run $i exited non-zero (see $SMOKE/start-$i.log)"
  [[ -s $png ]] || fail "start-up run $i wrote no screenshot"
  times+=("$t")
  echo "run $i: ${t} s"
done
START_MEDIAN=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : sprintf("%.2f", (a[NR / 2] + a[NR / 2 + 1]) / 2) }')
START_MAX=$(printf '%s\n' "${times[@]}" | sort -n | tail -1)

# --- 6. report --------------------------------------------------------------------------------
say "report"
REPORT=build/build-report.txt
{
  echo "operator-app $VERSION one-folder build, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(uname -sm), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo 2>/dev/null || echo '?')"
  echo "build_seconds=$BUILD_S"
  echo "folder_mb=$SIZE_MB (budget $SIZE_BUDGET_MB)"
  echo "folder_files=$FILES"
  echo "start_seconds_median=$START_MEDIAN (budget $START_BUDGET_S; runs: ${times[*]}; max $START_MAX)"
} | tee "$REPORT"
over=""
(( SIZE_MB <= SIZE_BUDGET_MB )) || over+=" size ${SIZE_MB} MB > ${SIZE_BUDGET_MB} MB;"
awk -v t="$START_MEDIAN" -v b="$START_BUDGET_S" 'BEGIN { exit !(t <= b) }' \
  || over+=" start-up ${START_MEDIAN} s > ${START_BUDGET_S} s;"
[[ -z $over ]] || fail "over budget:$over"
echo "OK: $APP is ready (copy the whole folder; the Windows installer is built by scripts/build.ps1)."
