"""One way to find the files the app ships, from source and from a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else _PACKAGE.parent


def package_path(*parts: str) -> Path:
    """A file or folder inside the actionplan package (migrations, for example)."""
    frozen = getattr(sys, "_MEIPASS", None)
    base = Path(frozen) / "actionplan" if frozen else _PACKAGE
    return base.joinpath(*parts)


def resource_path(*parts: str) -> Path:
    """A file or folder under the top-level resources/ folder (fonts, icons)."""
    return _root().joinpath("resources", *parts)


def sample_plans_dir() -> Path:
    """The folder holding the sample plan workbooks."""
    return _root() / "sample_plans"
