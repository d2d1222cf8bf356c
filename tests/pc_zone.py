"""This PC in another time zone for one test: TZ set and the C library told, then both put
back as they were (with everything else the test's monkeypatch changed)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def pc_in_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> Iterator[None]:
    """Run the block as if this PC's clock were set to ``zone`` (e.g. "Europe/London")."""
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        yield
    finally:
        monkeypatch.undo()
        time.tzset()
