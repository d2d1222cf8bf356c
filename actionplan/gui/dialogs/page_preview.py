"""PagePreviewWidget: page 1 of the board pack as a picture, made off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from actionplan.gui.worker import Job, Worker, start
from actionplan.log_words import where_it_failed
from actionplan.services.errors import USER_ERRORS
from actionplan.services.pack_preview import PageImage

log = logging.getLogger(__name__)

# The picture's size on screen: an A4 page (1 : √2) a reader can take in at a glance.
PICTURE_WIDTH = 340
PICTURE_HEIGHT = round(PICTURE_WIDTH * 2**0.5)

FORMATS = {
    "BGR": QImage.Format.Format_BGR888,
    "RGB": QImage.Format.Format_RGB888,
    "BGRA": QImage.Format.Format_ARGB32,  # little-endian ARGB32 is B, G, R, A in memory
    "BGRX": QImage.Format.Format_RGB32,
    "L": QImage.Format.Format_Grayscale8,
}

WAITING = "Press Preview page 1 to see the first page with the choices as they stand."
STALE = "The choices have changed since this picture: preview again to see them."


def page_picture(page: PageImage) -> QImage:
    """The rendered page as a QImage holding its own copy of the pixels."""
    shape = FORMATS.get(page.mode)
    if shape is None:
        raise ValueError(f"pixels in an unexpected layout ({page.mode})")
    # QImage reads the bytes in place; the copy owns its pixels once they are gone.
    return QImage(page.pixels, page.width, page.height, page.stride, shape).copy()


class PagePreviewWidget(QWidget):
    """A "Preview page 1" button over the picture it makes; one preview runs at a time."""

    shown = Signal()  # a new picture of page 1 is on screen
    failed = Signal(str)  # the sentence shown instead

    def __init__(self, make_job: Callable[[int], Job], parent: Any = None) -> None:
        """``make_job(width)`` gives the work that renders page 1 ``width`` pixels wide."""
        super().__init__(parent)
        self._make_job = make_job
        self.worker: Worker | None = None
        self.image: QImage | None = None
        self.error: str | None = None
        self.button = QPushButton("Pre&view page 1")
        self.button.setToolTip("Lays out the pack with the choices as they stand; nothing is saved")
        self.button.clicked.connect(self.preview)
        self.picture = QLabel()
        self.picture.setFixedSize(PICTURE_WIDTH, PICTURE_HEIGHT)
        self.picture.setFrameShape(QFrame.Shape.StyledPanel)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setText("Page 1 shows here.")
        self.note = QLabel(WAITING)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # error sentences quote the user's words
        self.note.setFixedWidth(PICTURE_WIDTH)
        self.bar = QProgressBar()
        self.bar.setFixedWidth(PICTURE_WIDTH)
        self.bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.button, self.picture, self.bar, self.note):
            layout.addWidget(widget)
        layout.addStretch(1)

    @property
    def busy(self) -> bool:
        """True while page 1 is being laid out."""
        return self.worker is not None

    def preview(self) -> None:
        """Start laying out page 1 with the choices as they stand now."""
        if self.busy:
            return
        width = round(self.picture.contentsRect().width() * self.devicePixelRatioF())
        worker = Worker(self._make_job(width))
        worker.signals.progressed.connect(self._progressed)
        worker.signals.succeeded.connect(self._succeeded)
        worker.signals.failed.connect(self._failed)
        self.worker, self.error = worker, None
        self.button.setEnabled(False)
        self.note.setText("Laying out page 1…")
        self.bar.setRange(0, 0)
        self.bar.show()
        start(worker)

    def mark_stale(self) -> None:
        """Say the picture no longer shows the choices, when there is a picture."""
        if self.image is not None and not self.busy:
            self.note.setText(STALE)

    def abandon(self) -> None:
        """Stop listening to a preview still running (its dialog is closing); it cleans up
        after itself on its own thread."""
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.cancel()
            signals = worker.signals
            for signal in (signals.progressed, signals.succeeded, signals.failed):
                signal.disconnect()

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _succeeded(self, page: PageImage) -> None:
        try:
            image = page_picture(page)
        except ValueError as exc:
            self._failed(exc)
            return
        self._done("Page 1 as it will print. Saving writes the whole pack.")
        self.image = image
        ratio = self.picture.devicePixelRatioF()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.picture.setPixmap(pixmap)
        self.shown.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, USER_ERRORS):
            sentence = f"Page 1 could not be shown: {exc}"
        else:
            log.info("The preview of page 1 failed with %s", where_it_failed(exc))
            sentence = "Page 1 could not be shown; the pack can still be saved as a PDF."
        self.error = sentence
        self._done(sentence)
        self.failed.emit(sentence)

    def _done(self, sentence: str) -> None:
        self.worker = None
        self.bar.hide()
        self.button.setEnabled(True)
        self.note.setText(sentence)
