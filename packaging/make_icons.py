"""Render resources/icons/operator-app.svg to the PNG and Windows .ico files the build ships.

The outputs are committed, so a build needs neither this script nor an image tool; run it again
(`.venv/bin/python packaging/make_icons.py`) only after changing the SVG. The .ico holds classic
32-bit DIB images up to 48 px (what old shell code paths and Inno Setup read best) and
PNG-compressed ones above, as Windows itself has done since Vista.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
APP_ICONS = ROOT / "operator_app" / "resources" / "icons"  # PNGs: package data, the window icon
SVG = ICONS / "operator-app.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_SIZES = (16, 32, 48, 256)
DIB_MAX = 48


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def png_to_dib(png: bytes) -> bytes:
    """An ICO directory entry's DIB: BITMAPINFOHEADER, BGRA rows bottom-up, then the AND mask."""
    from PySide6.QtGui import QImage

    image = QImage.fromData(png, "PNG").convertToFormat(QImage.Format.Format_ARGB32)
    w, h = image.width(), image.height()
    header = struct.pack("<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    mask_rows = []
    mask_stride = ((w + 31) // 32) * 4
    for y in reversed(range(h)):
        row = bytearray()
        mask = bytearray(mask_stride)
        for x in range(w):
            argb = image.pixel(x, y)
            a, r, g, b = argb >> 24 & 255, argb >> 16 & 255, argb >> 8 & 255, argb & 255
            row += bytes((b, g, r, a))
            if a == 0:
                mask[x // 8] |= 0x80 >> (x % 8)
        rows.append(bytes(row))
        mask_rows.append(bytes(mask))
    return header + b"".join(rows) + b"".join(mask_rows)


def build_ico(images: dict[int, bytes]) -> bytes:
    entries = []
    blobs = []
    offset = 6 + 16 * len(images)
    for size in sorted(images):
        blob = images[size] if size > DIB_MAX else png_to_dib(images[size])
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return struct.pack("<HHH", 0, 1, len(images)) + b"".join(entries) + b"".join(blobs)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    pngs = {size: render_png(size) for size in sorted(set(ICO_SIZES) | set(PNG_SIZES))}
    for size in PNG_SIZES:
        (APP_ICONS / f"operator-app-{size}.png").write_bytes(pngs[size])
    (ICONS / "operator-app.ico").write_bytes(build_ico({s: pngs[s] for s in ICO_SIZES}))
    print(f"wrote {len(PNG_SIZES)} PNG in {APP_ICONS}, operator-app.ico ({len(ICO_SIZES)} sizes) in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
