"""What goes into the one-folder build and what stays out: read by operator-app.spec and the tests.

Plain Python with no PyInstaller import, so tests/test_packaging.py checks these lists without a
build. The spec loads this file by path: a folder named `packaging` must never be imported as a
package, it would shadow the PyPI `packaging` that PyInstaller itself uses.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

APP_NAME = "operator-app"
ROOT = Path(__file__).resolve().parent.parent

# The only Qt modules the app imports (checked by tests/test_packaging.py against operator_app/).
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")

# Qt modules that must not be bundled (their Python module and their Qt library): big, and the
# app uses none of them. Not QtDBus: on Linux libQt6Gui itself links libQt6DBus.
QT_MODULES_EXCLUDED = (
    "QtWebEngineCore",
    "QtWebEngineWidgets",
    "QtWebEngineQuick",
    "QtWebChannel",
    "QtWebSockets",
    "QtQml",
    "QtQmlModels",
    "QtQmlFeatures",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtNetwork",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtSql",
    "QtTest",
    "QtDesigner",
    "QtHelp",
    "QtUiTools",
    "QtXml",
    "QtSvg",
    "QtSvgWidgets",
    "QtConcurrent",
    "QtPdf",
    "QtPdfWidgets",
    "QtCharts",
    "QtGraphs",
    "QtMultimedia",
    "QtLabsStyleKit",
)

# Python modules kept out: test and dev tools, and the standard library's GUI/dev leftovers.
PY_MODULES_EXCLUDED = (
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "pydoc_data",
    "lib2to3",
    "ensurepip",
    "venv",
    "test",
    "tests",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "ruff",
    "pypdf",
    "IPython",
    "numpy",
    "pandas",
    "PIL",
    "matplotlib",
)

EXCLUDES = PY_MODULES_EXCLUDED + tuple(f"PySide6.{m}" for m in QT_MODULES_EXCLUDED)

# Qt plugin folders kept, and within them which plugins (None = all of the folder); every other
# folder goes (generic, egldeviceintegrations, wayland-*, networkinformation, tls, qml...).
# platforms: the native one per OS plus offscreen/minimal (headless screenshots, smoke test);
# on Linux only xcb (Wayland sessions run it through XWayland; the Wayland plugins need OpenGL).
# imageformats: ico for icons, jpeg/gif for pictures in documents; pdf/svg/webp/tiff/... go.
QT_PLUGINS_KEPT: dict[str, tuple[str, ...] | None] = {
    "platforms": ("qwindows", "qxcb", "qcocoa", "qoffscreen", "qminimal"),
    "platformthemes": ("qxdgdesktopportal",),  # not gtk3: it would drag in the whole GTK stack
    "platforminputcontexts": None,
    "styles": None,  # Windows 11 look (qmodernwindowsstyle)
    "accessiblebridge": None,
    "imageformats": ("qico", "qjpeg", "qgif"),
    "printsupport": None,
    "xcbglintegrations": None,
}

# Qt libraries that only the plugins dropped above use, and Qt's OpenGL fallbacks on Windows
# (opengl32sw.dll alone is ~20 MB; the app draws with the raster engine, never OpenGL).
QT_LIBS_DROPPED = (
    "QtWaylandClient",
    "QtWaylandEglClientHwIntegration",
    "QtWlShellIntegration",
    "QtEglFSDeviceIntegration",
    "QtEglFsKmsSupport",
    "QtEglFsKmsGbmSupport",
)
FILES_DROPPED = ("opengl32sw.dll", "d3dcompiler_47.dll", "libEGL.dll", "libGLESv2.dll")

# Qt's own translations: only the languages the app offers (Indonesian, English).
QT_TRANSLATION_LANGS = ("id", "en")

# The app's data files: (source relative to the repository, destination folder in the bundle).
# Destinations mirror the package so `importlib.resources` and `Path(__file__)` lookups resolve
# under sys._MEIPASS exactly as they do in a source checkout.
DATA_GLOBS = (
    ("operator_app/resources/translations/*.qm", "operator_app/resources/translations"),
    ("operator_app/store/migrations/*.py", "operator_app/store/migrations"),
    ("operator_app/store/migrations/*.mako", "operator_app/store/migrations"),
    ("operator_app/store/migrations/versions/*.py", "operator_app/store/migrations/versions"),
    ("operator_app/resources/icons/operator-app-*.png", "operator_app/resources/icons"),
    ("resources/icons/operator-app.ico", "operator_app/resources/icons"),
)

_QT_LIB = re.compile(r"(?:lib)?Qt6(\w+?)(?:\.abi3)?\.(?:so|dll|dylib)(?:\.\d+)*$", re.IGNORECASE)
# Qt's translations of QtCore/QtGui/QtWidgets are qtbase_*.qm (qt_*.qm is a catalogue of them).
_QT_TRANSLATION = re.compile(r"^(?:qt|qtbase)_([a-z]{2,3})(?:_[A-Z]{2})?\.qm$")
_PLUGIN_NAME = re.compile(r"^(?:lib)?(\w+?)(?:\.\w+)*$")


def datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, destination folder) pairs for PyInstaller's `datas`."""
    out: list[tuple[str, str]] = []
    for pattern, dest in DATA_GLOBS:
        matches = sorted(root.glob(pattern))
        if not matches:
            raise FileNotFoundError(f"nothing matches {pattern} under {root}")
        out += [(str(path), dest) for path in matches if "__pycache__" not in path.parts]
    return out


def migration_hiddenimports(root: Path = ROOT) -> list[str]:
    """Modules the Alembic scripts import: they ship as data, so PyInstaller cannot see them."""
    found: set[str] = {"alembic.context", "alembic.op", "alembic.ddl.sqlite"}
    for path in (root / "operator_app" / "store" / "migrations").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
    # `from alembic import op` names a module, `from sqlalchemy import Column` does not.
    return sorted(m for m in found if _is_module(m, root))


def _is_module(name: str, root: Path) -> bool:
    if name.partition(".")[0] == "operator_app":  # not importable from the spec's own sys.path
        path = root.joinpath(*name.split("."))
        return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _qt_parts(dest: str) -> tuple[str, ...]:
    """Path parts after the Qt folder (`PySide6/Qt/plugins/...` or `PySide6/plugins/...`)."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "PySide6" not in parts:
        return ()
    rest = parts[parts.index("PySide6") + 1 :]
    return rest[1:] if rest[:1] == ("Qt",) else rest


def keep(dest: str) -> bool:
    """Whether a collected file (its destination path in the bundle) stays in the build."""
    name = PurePosixPath(dest.replace("\\", "/")).name
    lib = _QT_LIB.match(name)
    if lib and f"Qt{lib.group(1)}" in QT_MODULES_EXCLUDED + QT_LIBS_DROPPED:
        return False
    if name.lower() in (f.lower() for f in FILES_DROPPED):
        return False
    pyside_module = name.split(".")[0]
    if pyside_module in QT_MODULES_EXCLUDED and "PySide6" in dest.replace("\\", "/"):
        return False
    parts = _qt_parts(dest)
    if len(parts) >= 3 and parts[0] == "plugins":
        folder = parts[1]
        if folder not in QT_PLUGINS_KEPT:
            return False
        wanted = QT_PLUGINS_KEPT[folder]
        plugin = _PLUGIN_NAME.match(name)
        return wanted is None or (plugin is not None and plugin.group(1) in wanted)
    if len(parts) >= 2 and parts[0] == "translations":
        tr = _QT_TRANSLATION.match(name)
        return tr is not None and tr.group(1) in QT_TRANSLATION_LANGS
    return parts[:1] not in (("qml",), ("resources",)) and "QtWebEngineProcess" not in name


Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, typecode)


def trim_binaries(
    entries: list[Entry], imports_of: Callable[[str], Iterable[str]]
) -> tuple[list[Entry], list[Entry]]:
    """`keep` applied to binaries, then any dropped library a kept binary links is put back.

    The lists above are written from Linux and Windows builds; a Qt update may make a kept
    plugin link a library they drop (say qwindows.dll linking Qt6OpenGL.dll), and a missing DLL
    means a Qt plugin that silently fails to load. Returns (kept, put back).
    """
    kept = [e for e in entries if keep(e[0])]
    dropped: dict[str, list[Entry]] = {}
    for e in entries:
        if not keep(e[0]):
            dropped.setdefault(PurePosixPath(e[0].replace("\\", "/")).name.lower(), []).append(e)
    restored: list[Entry] = []
    todo = [e for e in kept if e[2] in ("BINARY", "EXTENSION")]
    while todo:
        for name in imports_of(todo.pop()[1]):
            back = dropped.pop(PurePosixPath(name.replace("\\", "/")).name.lower(), [])
            restored += back
            todo += [e for e in back if e[2] in ("BINARY", "EXTENSION")]
    return kept + restored, restored


def read_version(root: Path = ROOT) -> str:
    """operator_app.__version__ read from the source, without importing the package."""
    text = (root / "operator_app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not found:
        raise ValueError("operator_app/__init__.py has no __version__")
    return found.group(1)


def build_requirements(root: Path = ROOT) -> list[str]:
    """What the build venv needs: the app's dependencies and the `build` extra (PyInstaller).

    Not the project itself: the spec analyses operator_app/ from the source tree (pathex), so
    the bundle holds exactly the checked-out code, and not the `dev` extra, so pytest and
    hypothesis are not even installed where PyInstaller looks.
    """
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["build"]]


if __name__ == "__main__":
    # `python packaging/bundle.py requirements|version|version-numeric`: used by scripts/build.sh and build.ps1.
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "requirements":
        print("\n".join(build_requirements()))
    elif command == "version":
        print(read_version())
    elif command == "version-numeric":  # for Inno Setup's VersionInfoVersion (a.b.c.d)
        from winversion import version_tuple  # packaging/ is sys.path[0] when run as a script

        print(".".join(str(n) for n in version_tuple(read_version())))
    else:
        sys.exit("usage: bundle.py requirements|version|version-numeric")
