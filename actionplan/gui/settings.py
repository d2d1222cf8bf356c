"""The window's preferences, each declared once with a typed default, kept in QSettings."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from actionplan.private_files import create_private_file, make_private_folder

T = TypeVar("T")


@dataclass(frozen=True)
class Preference(Generic[T]):
    """One stored preference: its key and the value used when nothing is stored."""

    key: str
    default: T


RECENT_DATABASES: Preference[list[str]] = Preference("files/recent_databases", [])
WINDOW_GEOMETRY: Preference[bytes] = Preference("window/geometry", b"")
WINDOW_STATE: Preference[bytes] = Preference("window/state", b"")
HIDDEN_COLUMNS: Preference[list[int]] = Preference("table/hidden_columns", [])
TABLE_HEADER: Preference[bytes] = Preference("table/header_state", b"")
# Each database's filters, by its target (file path or URL), the latest last.
FILTERS_BY_DATABASE: Preference[dict[str, dict[str, Any]]] = Preference(
    "table/filters_by_database", {}
)
# Before filters belonged to a database: those of the one open when the window last closed.
LEGACY_FILTERS: Preference[dict[str, Any]] = Preference("table/filters", {})
MAX_FILTERED_DATABASES = 20
MY_NAME: Preference[str] = Preference("user/name", "")
LAST_PLAN: Preference[str] = Preference("plan/last_shown", "")
REPORT_MARKING: Preference[str] = Preference("report/marking", "")
# The partnership's Word template the yearly report chapter was last written on ("" none).
YEARLY_TEMPLATE: Preference[str] = Preference("report/yearly_template", "")
DETAILS_SHOWN: Preference[bool] = Preference("window/details_shown", True)
NAVIGATOR_SPLIT: Preference[bytes] = Preference("window/navigator_split", b"")
MAX_RECENT = 8


class Settings:
    """A small typed wrapper over QSettings."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings()
        _make_private(self._store)

    def get(self, preference: Preference[T]) -> T:
        """The stored value, or the default when missing or unreadable."""
        raw = self._store.value(preference.key)
        if raw is None:
            return preference.default
        return self._decode(raw, preference.default)

    def set(self, preference: Preference[T], value: T) -> None:
        """Store a value."""
        if isinstance(value, bytes):
            self._store.setValue(preference.key, QByteArray(value))
        elif isinstance(value, list | dict):
            self._store.setValue(preference.key, json.dumps(value))
        else:
            self._store.setValue(preference.key, value)

    def _decode(self, raw: Any, default: T) -> T:
        try:
            if isinstance(default, bool):  # QSettings files keep a yes/no as the word
                return str(raw).lower() in {"true", "1"}  # type: ignore[return-value]
            if isinstance(default, bytes):
                return bytes(raw.data() if isinstance(raw, QByteArray) else raw)  # type: ignore[return-value]
            if isinstance(default, list | dict):
                value = json.loads(raw)
                return value if isinstance(value, type(default)) else default
            return type(default)(raw)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return default

    def remove(self, preference: Preference[T]) -> None:
        """Forget a stored value, so the default applies again."""
        self._store.remove(preference.key)

    def remember_database(self, target: str) -> list[str]:
        """Put a database first in the recent list; returns the new list."""
        recent = [target] + [t for t in self.get(RECENT_DATABASES) if t != target]
        self.set(RECENT_DATABASES, recent[:MAX_RECENT])
        return recent[:MAX_RECENT]


def _make_private(store: QSettings) -> None:
    # Qt keeps an existing file's mode when it saves, so the file is made private before
    # Qt first writes it: it holds the user's name and the databases they opened.
    if store.format() not in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        return
    path = Path(store.fileName())
    if not path.is_absolute():  # the Windows registry: no file of ours
        return
    try:
        make_private_folder(path.parent)
        create_private_file(path)
    except OSError:  # an unwritable settings folder: Qt reports it on saving
        return
