"""Log files under the user's log folder, with NIK and NIP masked (personal data stays private)."""

from __future__ import annotations

import logging
import re
import traceback
from datetime import datetime
from pathlib import Path

_ID_RUN = re.compile(r"(?<!\d)(\d{12,14}|\d{16}|\d{18})(?!\d)")


def mask_ids(text: str) -> str:
    """Replace every NIK/NIP-like digit run by asterisks except its last four digits."""
    return _ID_RUN.sub(lambda m: "*" * (len(m[1]) - 4) + m[1][-4:], text)


class MaskingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return mask_ids(super().format(record))


def log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("operator-app", appauthor=False))


def setup_logging(level: int = logging.INFO) -> Path:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "operator-app.log"
    root = logging.getLogger("operator_app")
    if not any(isinstance(h, logging.FileHandler) for h in root.handlers):
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(level)
    return path


def crash_report(exc: BaseException | None = None) -> str:
    """The masked traceback text of the current (or given) exception."""
    if exc is None:
        text = traceback.format_exc()
    else:
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return mask_ids(text)


def log_exception(where: str, exc: BaseException | None = None) -> Path:
    """Write a masked crash report to the log folder and return its path."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.txt"
    from operator_app import __version__

    path.write_text(
        f"operator-app {__version__} ({where}) {datetime.now().isoformat()}\n\n"
        + crash_report(exc),
        encoding="utf-8",
    )
    return path
