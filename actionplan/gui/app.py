"""Starting the desktop app: the Qt application, error handling and the main window."""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TextIO

import platformdirs
from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from actionplan import __version__
from actionplan.gui import prompts
from actionplan.log_words import where_it_failed
from actionplan.private_files import create_private_file, make_private_folder
from actionplan.resources import resource_path
from actionplan.services.errors import USER_ERRORS

log = logging.getLogger(__name__)


def log_folder() -> Path:
    """Where the app writes its log file."""
    return Path(platformdirs.user_log_dir("actionplan", appauthor=False))


def start_logging(folder: Path | None = None) -> Path:
    """Send the app's log to a file in the user's log folder; returns the file."""
    folder = folder or log_folder()
    make_private_folder(folder)
    path = folder / "actionplan.log"
    create_private_file(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    return path


_FATAL_LOG: list[TextIO] = []  # kept open for as long as the app runs


def record_fatal_errors(log_path: Path) -> None:
    """Write the stack of a crash that ends the process (a fault in Qt's binding, say) into
    the log, so a window that vanishes leaves a trace of why."""
    stream = log_path.open("a", encoding="utf-8")
    _FATAL_LOG.append(stream)
    faulthandler.enable(file=stream, all_threads=True)


ErrorHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def error_hook(log_path: Path) -> ErrorHook:
    """What happens to an error no handler caught: logged in full, told plainly, app kept open."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("Unexpected error:\n%s", where_it_failed(value.with_traceback(tb)))
        prompts.warn(
            None,
            "Something went wrong",
            f"actionplan hit an unexpected problem: {_first_line(value)}\n\n"
            "Your saved work is safe. "
            f"Details are in the log file:\n{log_path}",
        )

    return hook


def _first_line(value: BaseException) -> str:
    # A database error goes on to quote its statement and the values it held: names, plans.
    return (str(value).splitlines() or [type(value).__name__])[0]


def _install_error_hook(log_path: Path) -> None:
    sys.excepthook = error_hook(log_path)


def prepare_application() -> QApplication:
    """The Qt application with the app's name, so settings and folders are its own."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("actionplan")
    app.setOrganizationName("actionplan")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "actionplan.png"))))
    # The same look everywhere; Fusion follows the system's light or dark palette.
    app.setStyle("Fusion")
    return app


def _smoke_check(app: QApplication) -> None:
    # Packaging checks set ACTIONPLAN_SMOKE_SECONDS: say when the window is up, then close.
    seconds = os.environ.get("ACTIONPLAN_SMOKE_SECONDS")
    if not seconds:
        return
    QTimer.singleShot(0, lambda: print("actionplan: window shown", flush=True))
    QTimer.singleShot(int(float(seconds) * 1000), app.quit)


def run_app(db_target: str | None = None, plan_name: str | None = None) -> int:
    """Open the window on the database and run until it is closed."""
    from actionplan.gui.main_window import MainWindow

    app = prepare_application()
    log_path = start_logging()
    record_fatal_errors(log_path)
    _install_error_hook(log_path)
    window = MainWindow(plan_name=plan_name, target=db_target)
    try:
        window.start()
    except USER_ERRORS as exc:
        title = "actionplan cannot open its database"
        prompts.message_box(None, QMessageBox.Icon.Critical, title, str(exc)).exec()
        return 1
    _smoke_check(app)
    code = app.exec()
    window.close_database()
    return int(code)
