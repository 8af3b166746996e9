"""The one seam for prompts: every message box and question goes through `interaction()`.

Tests call `set_interaction(Recording())` instead of patching QMessageBox.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from operator_app.sources.preview import Preview
from operator_app.ui.preview_dialog import PreviewDialog


class Interaction:
    """Real dialogs. `parent` may be None (then the active window is used)."""

    def _parent(self, parent: QWidget | None) -> QWidget | None:
        return parent or QApplication.activeWindow()

    def info(self, title: str, text: str, parent: QWidget | None = None) -> None:
        QMessageBox.information(self._parent(parent), title, text)

    def warn(self, title: str, text: str, parent: QWidget | None = None) -> None:
        QMessageBox.warning(self._parent(parent), title, text)

    def error(self, title: str, text: str, parent: QWidget | None = None) -> None:
        QMessageBox.critical(self._parent(parent), title, text)

    def ask(self, title: str, text: str, parent: QWidget | None = None) -> bool:
        # Qt ships no Indonesian translation of its own buttons: label Ya/Tidak ourselves.
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self._parent(parent))
        yes = box.addButton(
            QCoreApplication.translate("Interaction", "Ya"), QMessageBox.ButtonRole.YesRole
        )
        no = box.addButton(
            QCoreApplication.translate("Interaction", "Tidak"), QMessageBox.ButtonRole.NoRole
        )
        box.setDefaultButton(yes)
        box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes

    def ask_text(
        self, title: str, label: str, default: str = "", parent: QWidget | None = None
    ) -> str | None:
        text, ok = QInputDialog.getMultiLineText(self._parent(parent), title, label, default)
        return text if ok else None

    def choose(
        self, title: str, label: str, options: Sequence[str], parent: QWidget | None = None
    ) -> int | None:
        item, ok = QInputDialog.getItem(self._parent(parent), title, label, list(options), 0, False)
        return list(options).index(item) if ok and item in options else None

    def open_files(
        self, title: str, folder: str, filters: str, parent: QWidget | None = None
    ) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(self._parent(parent), title, folder, filters)
        return list(files)

    def choose_folder(self, title: str, folder: str, parent: QWidget | None = None) -> str | None:
        chosen = QFileDialog.getExistingDirectory(self._parent(parent), title, folder)
        return chosen or None

    def save_file(
        self, title: str, path: str, filters: str, parent: QWidget | None = None
    ) -> str | None:
        chosen, _ = QFileDialog.getSaveFileName(self._parent(parent), title, path, filters)
        return chosen or None

    def confirm_previews(
        self,
        previews: Sequence[Preview],
        parent: QWidget | None = None,
        ignored: Sequence[str] = (),
    ) -> bool:
        """Show what an import would read; True = go on, skipping the damaged files if there
        are any (the operator pressed that button; Batal is the default then). `ignored`: files
        in a folder or zip that are not exports. See preview_dialog.PreviewDialog."""
        dialog = PreviewDialog(previews, self._parent(parent), ignored)
        return bool(dialog.exec())

    def stale_edit(
        self, title: str, text: str, kept: str, can_reapply: bool, parent: QWidget | None = None
    ) -> bool:
        """A decision refused because someone changed it first (ui/stale.py); True = apply the
        operator's own value again on top of the newer one, False = Batal."""
        from operator_app.ui.stale import StaleEditDialog

        dialog = StaleEditDialog(title, text, kept, can_reapply, self._parent(parent))
        return bool(dialog.exec()) and can_reapply


class Recording(Interaction):
    """For tests: records every prompt and answers from queues (default: yes / "" / 0)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answers: list[object] = []
        self.previews: list[tuple[list[Preview], list[str]]] = []  # what each preview showed

    def _answer(self, default: object) -> Any:
        return self.answers.pop(0) if self.answers else default

    def info(self, title: str, text: str, parent: QWidget | None = None) -> None:
        self.shown.append(("info", title, text))

    def warn(self, title: str, text: str, parent: QWidget | None = None) -> None:
        self.shown.append(("warn", title, text))

    def error(self, title: str, text: str, parent: QWidget | None = None) -> None:
        self.shown.append(("error", title, text))

    def ask(self, title: str, text: str, parent: QWidget | None = None) -> bool:
        self.shown.append(("ask", title, text))
        return bool(self._answer(True))

    def ask_text(
        self, title: str, label: str, default: str = "", parent: QWidget | None = None
    ) -> str | None:
        self.shown.append(("ask_text", title, label))
        answer = self._answer(default)
        return None if answer is None else str(answer)

    def choose(
        self, title: str, label: str, options: Sequence[str], parent: QWidget | None = None
    ) -> int | None:
        self.shown.append(("choose", title, label))
        answer = self._answer(0)
        return None if answer is None else int(answer)

    def open_files(
        self, title: str, folder: str, filters: str, parent: QWidget | None = None
    ) -> list[str]:
        self.shown.append(("open_files", title, folder))
        return list(self._answer([]))

    def choose_folder(self, title: str, folder: str, parent: QWidget | None = None) -> str | None:
        self.shown.append(("choose_folder", title, folder))
        answer = self._answer(None)
        return None if answer is None else str(answer)

    def save_file(
        self, title: str, path: str, filters: str, parent: QWidget | None = None
    ) -> str | None:
        self.shown.append(("save_file", title, path))
        answer = self._answer(None)
        return None if answer is None else str(answer)

    def confirm_previews(
        self,
        previews: Sequence[Preview],
        parent: QWidget | None = None,
        ignored: Sequence[str] = (),
    ) -> bool:
        self.previews.append((list(previews), list(ignored)))
        self.shown.append(("previews", "", ", ".join(p.file for p in previews)))
        return bool(self._answer(True))

    def stale_edit(
        self, title: str, text: str, kept: str, can_reapply: bool, parent: QWidget | None = None
    ) -> bool:
        self.shown.append(("stale", title, f"{text}\n\n{kept}"))
        return bool(self._answer(False)) and can_reapply


_current: Interaction = Interaction()


def interaction() -> Interaction:
    return _current


def set_interaction(new: Interaction) -> Interaction:
    """Install `new`; returns the previous one (tests restore it)."""
    global _current
    old, _current = _current, new
    return old
