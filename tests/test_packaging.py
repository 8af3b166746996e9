"""Packaging without a build: the PyInstaller spec, what it bundles, the Windows installer script.

The build itself (minutes) is scripts/build.sh / build.ps1, which smoke-test the product; these
tests keep the files it reads complete and consistent with the app.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from operator_app import __version__

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "operator-app.spec"
ISS = PACKAGING / "operator-app.iss"
ISL = PACKAGING / "inno-id.isl"
ICONS = ROOT / "resources" / "icons"
APP_ICONS = ROOT / "operator_app" / "resources" / "icons"  # the PNGs the window uses


def _load(name: str) -> ModuleType:
    # By path, as the spec does: `packaging` must never be imported as a package.
    spec = importlib.util.spec_from_file_location(f"_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bundle = _load("bundle")
winversion = _load("winversion")


# --- the PyInstaller spec ----------------------------------------------------------------------


def _spec_calls(name: str) -> list[ast.Call]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
    ]


def _keywords(call: ast.Call) -> dict[str, str]:
    return {kw.arg: ast.unparse(kw.value) for kw in call.keywords if kw.arg}


def test_spec_is_one_folder() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert "onefile" not in text.lower().replace("one-file", "")
    (exe,) = _spec_calls("EXE")
    assert _keywords(exe)["exclude_binaries"] == "True"
    # A one-file EXE takes a.binaries/a.datas itself; here only COLLECT does.
    assert not any("binaries" in ast.unparse(arg) for arg in exe.args)
    (collect,) = _spec_calls("COLLECT")
    collected = [ast.unparse(arg) for arg in collect.args]
    assert "a.binaries" in collected and "a.datas" in collected
    assert _keywords(collect)["name"] == "bundle.APP_NAME"
    assert bundle.APP_NAME == "operator-app"


def test_spec_uses_the_bundle_lists_and_the_version_resource() -> None:
    (analysis,) = _spec_calls("Analysis")
    kw = _keywords(analysis)
    assert kw["excludes"] == "list(bundle.EXCLUDES)"
    assert kw["datas"] == "bundle.datas(ROOT)"
    assert kw["hiddenimports"] == "bundle.migration_hiddenimports(ROOT)"
    (exe,) = _spec_calls("EXE")
    exe_kw = _keywords(exe)
    assert exe_kw["icon"] == "ICON" and exe_kw["version"] == "version_file"
    assert exe_kw["upx"] == "False"
    text = SPEC.read_text(encoding="utf-8")
    assert "bundle.trim_binaries(a.binaries, _imports)" in text  # Qt trimming of binaries
    assert "bundle.keep(entry[0])" in text  # ... and of datas
    assert '"resources" / "icons" / "operator-app.ico"' in text


@pytest.mark.parametrize(
    "module",
    [
        "PySide6.QtWebEngineCore",
        "PySide6.QtWebEngineWidgets",
        "PySide6.QtWebEngineQuick",
        "PySide6.QtQml",
        "PySide6.QtQuick",
        "PySide6.QtQuickWidgets",
        "pytest",
        "_pytest",
        "pytestqt",
        "hypothesis",
        "tkinter",
        "_tkinter",
    ],
)
def test_spec_excludes(module: str) -> None:
    assert module in bundle.EXCLUDES


def test_qt_modules_used_are_exactly_what_the_app_imports() -> None:
    """A new PySide6 import must be added to bundle.QT_MODULES_USED (and not be excluded)."""
    imported: set[str] = set()
    for path in (ROOT / "operator_app").rglob("*.py"):
        imported.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert imported == set(bundle.QT_MODULES_USED)
    assert not imported & set(bundle.QT_MODULES_EXCLUDED)


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", False),
        ("PySide6/Qt6WebEngineCore.dll", False),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/Qt6Quick.dll", False),
        ("PySide6/QtQml.abi3.so", False),
        ("PySide6/QtQuick.pyd", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/plugins/imageformats/qwebp.dll", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/qml/QtQuick/Controls/qmldir", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/translations/qt_help_en.qm", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libQt6DBus.so.6", True),  # libQt6Gui links it on Linux
        ("PySide6/Qt6Widgets.dll", True),
        ("PySide6/Qt6PrintSupport.dll", True),
        ("PySide6/QtWidgets.pyd", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/platforms/qoffscreen.dll", True),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/imageformats/libqico.so", True),
        ("PySide6/plugins/printsupport/windowsprintersupport.dll", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/translations/qt_en.qm", True),
        ("operator_app/resources/translations/operator_app_en.qm", True),
        ("libpython3.11.so.1.0", True),
        ("rapidfuzz/fuzz_cpp.cpython-311-x86_64-linux-gnu.so", True),
    ],
)
def test_keep(dest: str, kept: bool) -> None:
    assert bundle.keep(dest) is kept
    assert bundle.keep(dest.replace("/", "\\")) is kept


def test_trim_binaries_puts_back_what_a_kept_binary_links() -> None:
    entries = [
        ("PySide6/plugins/platforms/qwindows.dll", "/q/qwindows.dll", "BINARY"),
        ("PySide6/Qt6Gui.dll", "/q/Qt6Gui.dll", "BINARY"),
        ("PySide6/Qt6OpenGL.dll", "/q/Qt6OpenGL.dll", "BINARY"),
        ("PySide6/Qt6Network.dll", "/q/Qt6Network.dll", "BINARY"),
        ("PySide6/Qt6Svg.dll", "/q/Qt6Svg.dll", "BINARY"),
        ("PySide6/opengl32sw.dll", "/q/opengl32sw.dll", "BINARY"),
    ]
    links = {
        "/q/qwindows.dll": ["Qt6Gui.dll", "qt6opengl.dll", "KERNEL32.dll"],
        "/q/Qt6OpenGL.dll": ["Qt6Network.dll"],  # put back in turn
    }
    kept, put_back = bundle.trim_binaries(entries, lambda src: links.get(src, []))
    names = {Path(dest).name for dest, _, _ in kept}
    assert names == {"qwindows.dll", "Qt6Gui.dll", "Qt6OpenGL.dll", "Qt6Network.dll"}
    assert {Path(dest).name for dest, _, _ in put_back} == {"Qt6OpenGL.dll", "Qt6Network.dll"}


def test_datas_hold_translations_migrations_and_icons() -> None:
    pairs = {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in bundle.datas(ROOT)}
    for qm in (ROOT / "operator_app" / "resources" / "translations").glob("*.qm"):
        assert (qm.relative_to(ROOT).as_posix(), "operator_app/resources/translations") in pairs
    assert any(src.endswith(".qm") for src, _ in pairs)
    migrations = ROOT / "operator_app" / "store" / "migrations"
    for script in [migrations / "env.py", migrations / "script.py.mako"]:
        assert (script.relative_to(ROOT).as_posix(), "operator_app/store/migrations") in pairs
    versions = sorted((migrations / "versions").glob("*.py"))
    assert versions
    for version in versions:
        assert (
            version.relative_to(ROOT).as_posix(),
            "operator_app/store/migrations/versions",
        ) in pairs
    assert (
        "operator_app/resources/icons/operator-app-256.png",
        "operator_app/resources/icons",
    ) in pairs
    assert ("resources/icons/operator-app.ico", "operator_app/resources/icons") in pairs
    assert not any("__pycache__" in src or src.startswith("tests/") for src, _ in pairs)


def test_migration_hiddenimports() -> None:
    hidden = bundle.migration_hiddenimports(ROOT)
    for module in ["alembic.op", "alembic.context", "sqlalchemy", "operator_app.store.models"]:
        assert module in hidden
    assert "sqlalchemy.Column" not in hidden  # names imported from a module are not modules


def test_build_requirements_are_runtime_and_pyinstaller_only() -> None:
    reqs = bundle.build_requirements(ROOT)
    names = {re.split(r"[<>=!~ \[]", r, maxsplit=1)[0].lower() for r in reqs}
    assert "pyinstaller" in names and "pyside6-essentials" in names
    assert not names & {"pytest", "pytest-qt", "hypothesis", "mypy", "ruff", "pypdf"}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert set(project["dependencies"]) <= set(reqs)


def test_launcher_runs_the_cli_main() -> None:
    text = (PACKAGING / "launcher.py").read_text(encoding="utf-8")
    assert "from operator_app.cli import main" in text and "sys.exit(main())" in text


def test_entry_points_are_safe_for_the_pdf_child() -> None:
    """The window writes PDFs in a spawned child (reports/pdf_process.py): the frozen exe must
    hand that child to multiprocessing before main() runs, and spawn imports the entry module
    again, so its work must stay under the __main__ guard."""
    launcher = (PACKAGING / "launcher.py").read_text(encoding="utf-8")
    guard = 'if __name__ == "__main__":'
    assert guard in launcher
    body = launcher.split(guard, 1)[1]
    assert body.index("multiprocessing.freeze_support()") < body.index("sys.exit(main())")
    dunder_main = (ROOT / "operator_app" / "__main__.py").read_text(encoding="utf-8")
    assert "sys.exit(main())" in dunder_main.split(guard, 1)[1]


# --- the version resource ----------------------------------------------------------------------


def test_read_version_is_the_package_version() -> None:
    assert bundle.read_version(ROOT) == __version__


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("2.0.1rc1", (2, 0, 1, 0)),
        ("1.2.3.4", (1, 2, 3, 4)),
    ],
)
def test_version_tuple(version: str, expected: tuple[int, int, int, int]) -> None:
    assert winversion.version_tuple(version) == expected


@pytest.mark.parametrize("version", ["", "v1.0", "1.70000"])
def test_version_tuple_refuses(version: str) -> None:
    with pytest.raises(ValueError):
        winversion.version_tuple(version)


def test_version_resource_is_a_vsversioninfo_of_the_app_version() -> None:
    text = winversion.render(__version__, "operator-app.exe")

    def record(kind: str):  # stand-ins for PyInstaller's versioninfo classes
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"]
    names += ["VarFileInfo", "VarStruct"]
    info = eval(text, {"__builtins__": {}, **{n: record(n) for n in names}})
    assert info[0] == "VSVersionInfo"
    fixed = info[2]["ffi"]
    assert fixed[2]["filevers"] == winversion.version_tuple(__version__)
    assert fixed[2]["prodvers"] == winversion.version_tuple(__version__)
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert "StringStruct('OriginalFilename', 'operator-app.exe')" in text


# --- the Windows installer script --------------------------------------------------------------


def _iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1].lower()
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def _directives(lines: list[str]) -> dict[str, str]:
    return {k.strip().lower(): v.strip() for k, _, v in (line.partition("=") for line in lines)}


ISS_TEXT = ISS.read_text(encoding="utf-8") if ISS.exists() else ""
SECTIONS = _iss_sections(ISS_TEXT)
SETUP = _directives(SECTIONS.get("setup", []))


@pytest.mark.parametrize(
    ("directive", "value"),
    [
        ("PrivilegesRequired", "lowest"),
        ("ArchitecturesAllowed", "x64compatible"),
        ("ArchitecturesInstallIn64BitMode", "x64compatible"),
        ("MinVersion", "10.0"),
        ("AppVersion", "{#AppVersion}"),
        ("DefaultDirName", "{autopf}\\operator-app"),
        ("ShowLanguageDialog", "yes"),
        ("SetupIconFile", "..\\resources\\icons\\operator-app.ico"),
    ],
)
def test_iss_setup_directive(directive: str, value: str) -> None:
    assert SETUP.get(directive.lower()) == value


def test_iss_app_id_is_a_fixed_guid() -> None:
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", SETUP["appid"])


def test_iss_version_default_matches_the_package_and_build_script_injects_it() -> None:
    found = re.search(r'#define AppVersion "([^"]+)"', ISS_TEXT)
    assert found and found.group(1) == __version__
    ps1 = (ROOT / "scripts" / "build.ps1").read_text(encoding="utf-8")
    assert '"/DAppVersion=$Version"' in ps1
    assert SETUP["outputbasefilename"] == "operator-app-{#AppVersion}-setup"


def test_iss_languages_indonesian_first_english_offered() -> None:
    langs = SECTIONS["languages"]
    assert len(langs) == 2
    assert langs[0].startswith('Name: "id"') and "inno-id.isl" in langs[0]
    assert langs[0].index("compiler:Default.isl") < langs[0].index("inno-id.isl")
    assert langs[1].startswith('Name: "en"') and "compiler:Default.isl" in langs[1]
    assert SETUP["languagedetectionmethod"] == "none"  # Indonesian preselected


def test_iss_desktop_and_start_menu_shortcuts() -> None:
    icons = SECTIONS["icons"]
    desktop = [line for line in icons if "{autodesktop}" in line]
    start = [line for line in icons if "{autoprograms}" in line or "{group}" in line]
    assert len(desktop) == 1 and len(start) == 1
    assert "Tasks: desktopicon" in desktop[0] and "Tasks:" not in start[0]
    assert all('Filename: "{app}\\{#AppExe}"' in line for line in icons)
    assert '#define AppExe "operator-app.exe"' in ISS_TEXT
    (task,) = SECTIONS["tasks"]
    assert 'Name: "desktopicon"' in task and "unchecked" not in task.lower()


def test_iss_installs_the_one_folder_build() -> None:
    (files,) = SECTIONS["files"]
    assert files.startswith('Source: "{#BuildDir}\\*"')
    assert "recursesubdirs" in files and "createallsubdirs" in files
    assert '#define BuildDir "..\\dist\\operator-app"' in ISS_TEXT
    assert 'Name: "{app}\\_internal"' in " ".join(SECTIONS["installdelete"])


def test_iss_uninstall_asks_before_deleting_the_data_folder() -> None:
    code = "\n".join(SECTIONS["code"])
    assert "procedure CurUninstallStepChanged" in code and "usPostUninstall" in code
    assert "MsgBox(" in code and "MB_DEFBUTTON2" in code and "IDYES" in code
    assert "UninstallSilent()" in code  # a silent uninstall keeps the data
    assert "DelTree(" in code
    assert "ExpandConstant('{localappdata}\\')" in code
    data_dir_name = re.search(r"DataDirName = '([^']+)'", code)
    db_source = (ROOT / "operator_app" / "store" / "location.py").read_text(encoding="utf-8")
    app_data = re.search(r'user_data_dir\("([^"]+)", appauthor=False, roaming=False\)', db_source)
    assert data_dir_name and app_data and data_dir_name.group(1) == app_data.group(1)


def test_iss_custom_messages_exist_in_both_languages() -> None:
    messages = SECTIONS["custommessages"]
    ids = {m.split("=")[0].removeprefix("id.") for m in messages if m.startswith("id.")}
    ens = {m.split("=")[0].removeprefix("en.") for m in messages if m.startswith("en.")}
    assert ids == ens and {"AskDeleteData", "DeleteDataFailed"} <= ids
    for name in re.findall(r"CustomMessage\('(\w+)'\)|\{cm:(\w+)", ISS_TEXT):
        used = name[0] or name[1]
        builtin = {"CreateDesktopIcon", "AdditionalIcons", "LaunchProgram"}
        assert used in ids or used in builtin


def test_refusal_messages_are_indonesian_and_english() -> None:
    isl = _directives(_iss_sections(ISL.read_text(encoding="utf-8"))["messages"])
    english = _directives(SECTIONS["messages"])
    for name in ["WinVersionTooLowError", "OnlyOnTheseArchitectures", "WindowsVersionNotSupported"]:
        assert "Windows 10" in isl[name.lower()] and "64-bit" in isl[name.lower()]
        assert "dibatalkan" in isl[name.lower()]
        assert "Windows 10" in english[f"en.{name.lower()}"]
    assert "%1" in isl["onlyonthesearchitectures"]


def test_indonesian_messages_file() -> None:
    sections = _iss_sections(ISL.read_text(encoding="utf-8"))
    options = _directives(sections["langoptions"])
    assert options["languageid"] == "$0421" and options["languagename"] == "Bahasa Indonesia"
    messages = _directives(sections["messages"])
    for name in [
        "ButtonNext",
        "ButtonInstall",
        "WelcomeLabel1",
        "FinishedLabel",
        "ConfirmUninstall",
    ]:
        assert messages[name.lower()]
    custom = _directives(sections["custommessages"])
    assert custom["createdesktopicon"] and custom["launchprogram"]


@pytest.mark.parametrize("path", [ISS, ISL], ids=["iss", "isl"])
def test_installer_files_are_ascii(path: Path) -> None:
    path.read_bytes().decode("ascii")


# --- icons and scripts -------------------------------------------------------------------------


def test_ico_holds_small_and_large_images() -> None:
    data = (ICONS / "operator-app.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count >= 2
    sizes = set()
    for i in range(count):
        w, _h, _c, _r, _planes, _bpp, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        assert offset + size <= len(data)
        sizes.add(w or 256)
    assert {16, 32, 48, 256} <= sizes


def test_png_icons() -> None:
    for size in (16, 32, 48, 256):
        data = (APP_ICONS / f"operator-app-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)


def test_build_sh_smoke_tests_without_python() -> None:
    script = ROOT / "scripts" / "build.sh"
    text = script.read_text(encoding="utf-8")
    assert script.stat().st_mode & 0o111
    for needle in [
        "env -i PATH=/usr/bin:/bin",
        "QT_QPA_PLATFORM=offscreen",
        "--version",
        "gui --db",
        "--screenshot",
        "demo --db",
        "SIZE_BUDGET_MB:-200",
        "START_BUDGET_S:-2.0",
        "packaging/operator-app.spec",
    ]:
        assert needle in text
    subprocess.run(["bash", "-n", str(script)], check=True)


def test_build_ps1_covers_the_same_steps() -> None:
    text = (ROOT / "scripts" / "build.ps1").read_text(encoding="utf-8")
    for needle in [
        "packaging\\operator-app.spec",
        "packaging\\operator-app.iss",
        "EnvironmentVariables.Clear()",
        '"QT_QPA_PLATFORM"] = "offscreen"',
        '@("--version")',
        '"--screenshot"',
        "[int]$SizeBudgetMB = 200",
        "[double]$StartBudgetS = 2.0",
    ]:
        assert needle in text
