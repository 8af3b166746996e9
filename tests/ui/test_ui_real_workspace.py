"""The window on the real Workspace: sample exports imported through the UI, marked, undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from operator_app.ui.interaction import Recording

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def sample_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from operator_app.samples import build_kabupaten

    folder = tmp_path_factory.mktemp("samples")
    build_kabupaten(11, n_schools=2, siasn_rows=200).write(folder)
    return sorted(p for p in folder.iterdir() if p.is_file())


def test_import_mark_undo_on_real_workspace(
    qtbot, tmp_path: Path, sample_files: list[Path], prompts: Recording, settings
) -> None:
    from operator_app.store.workspace import Workspace
    from operator_app.ui.main_window import MainWindow

    window = MainWindow(tmp_path / "real.sqlite3", settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ws is not None and not window.runner.is_busy(), timeout=20000)
    assert isinstance(window.ws, Workspace)
    assert window.model.rowCount() == 0

    failures: list[BaseException] = []
    window.import_flow.failed.connect(failures.append)
    imported: list[object] = []
    window.import_flow.imported.connect(lambda *a: imported.append(a))
    window.import_files(sample_files)
    qtbot.waitUntil(lambda: bool(imported or failures), timeout=120000)
    assert not failures, f"import through the window failed: {failures[0]!r}"
    errors = [s for s in prompts.shown if s[0] == "error"]
    assert not errors, errors
    assert prompts.shown[-1][1] == "Impor selesai"
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=60000)
    assert window.model.rowCount() > 0
    rows = [window.model.row_at(i) for i in range(window.model.rowCount())]
    row = next(r for r in rows if r.n_findings)
    with qtbot.waitSignal(window.detail_loaded, timeout=20000):
        window.select_person(row.person_key)
    finding = window.detail.current_finding()
    assert finding is not None

    prompts.answers.append("sudah diajukan")
    with qtbot.waitSignal(window.detail_loaded, timeout=20000):
        window.detail.btn_diajukan.click()
    assert window.detail.current_finding().status == "diajukan"
    with qtbot.waitSignal(window.detail_loaded, timeout=20000):
        window.act_undo.trigger()
    assert window.detail.current_finding().status == finding.status
    window.shutdown()


def _sparse_bomb(path: Path) -> Path:
    """1.5 KB of xlsx with cells A1 and XFD1048576: unguarded, calamine asks for 550 GB and the
    process dies."""
    import zipfile

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats'
        '.org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
        'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats'
        f'.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{rel}">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
        f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/'
        'worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet xmlns="{main}"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c></row><row r="1048576">'
        '<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return path


def test_hostile_file_dropped_on_the_window_is_left_out_with_its_reason(
    qtbot, tmp_path: Path, sample_files: list[Path], prompts: Recording, settings
) -> None:
    """A bomb among good files, through the window and the real Workspace: the preview (run in
    the background) refuses it without the process dying, the dialog shows it with the reason,
    and only the good files are imported once the operator agrees."""
    from operator_app.ui.main_window import MainWindow

    bomb = _sparse_bomb(tmp_path / "daftar-guru-dari-grup-WA.xlsx")
    window = MainWindow(tmp_path / "real.sqlite3", settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ws is not None and not window.runner.is_busy(), timeout=20000)
    assert window.ws is not None
    preview = window.ws.preview(bomb)
    assert preview.kind is None or preview.problems
    assert any("ditolak" in text and bomb.name in text for text in preview.problems)

    imported: list[object] = []
    window.import_flow.imported.connect(lambda *a: imported.append(a))
    window.import_files([*sample_files, bomb])
    qtbot.waitUntil(lambda: bool(imported), timeout=120000)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=60000)
    kinds = [s[0] for s in prompts.shown]
    assert kinds == ["previews", "info"], prompts.shown
    assert bomb.name in prompts.shown[0][2]  # listed in the dialog, with its reason
    assert bomb.name not in prompts.shown[1][2]  # and left out of the import
    assert all(p.name in prompts.shown[1][2] for p in sample_files)
    assert window.model.rowCount() > 0
    window.shutdown()
