"""Draws the app icon (a clipboard of three RAG-coloured rows) as PNG and Windows .ico.

.venv/bin/python packaging/make_icon.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ROWS = ("#C0392B", "#E69F00", "#2E8540")


def draw(size: int) -> QImage:
    """The icon at one size."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1F3A5F"))
    painter.drawRoundedRect(QRectF(unit, unit, 14 * unit, 14 * unit), 2.5 * unit, 2.5 * unit)
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawRoundedRect(QRectF(3 * unit, 3 * unit, 10 * unit, 10 * unit), unit, unit)
    for number, colour in enumerate(ROWS):
        top = (4.2 + number * 3) * unit
        painter.setBrush(QColor(colour))
        painter.drawEllipse(QRectF(4.2 * unit, top, 2 * unit, 2 * unit))
        painter.setBrush(QColor("#9AA7B5"))
        painter.drawRoundedRect(
            QRectF(7 * unit, top + 0.6 * unit, 5 * unit, 0.8 * unit), 0.4 * unit, 0.4 * unit
        )
    painter.end()
    return image


def main() -> None:
    """Write actionplan.png (256 px) and actionplan.ico (16 to 256 px)."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    png = ICONS / "actionplan.png"
    draw(256).save(str(png))
    Image.open(png).save(
        ICONS / "actionplan.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    )
    del app
    print(f"wrote {png} and {png.with_suffix('.ico')}")


if __name__ == "__main__":
    main()
