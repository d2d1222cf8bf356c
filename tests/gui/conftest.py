"""Fixtures for driving the real window offscreen: prompts answered by the test."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from actionplan.gui import prompts


@dataclass
class Answers:
    """What the test answers to each kind of prompt, and what the window said."""

    texts: list[str | None] = field(default_factory=list)
    open_files: list[Path | None] = field(default_factory=list)
    save_files: list[Path | None] = field(default_factory=list)
    confirms: list[bool] = field(default_factory=list)
    said: list[tuple[str, str]] = field(default_factory=list)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Replace every message box and file dialog with the test's answers."""
    given = Answers()

    def pop(queue: list[Any], default: Any) -> Callable[..., Any]:
        return lambda *args, **kwargs: queue.pop(0) if queue else default

    def tell(kind: str) -> Callable[..., None]:
        return lambda _parent, _title, text: given.said.append((kind, text))

    monkeypatch.setattr(prompts, "ask_text", pop(given.texts, None))
    monkeypatch.setattr(prompts, "open_file", pop(given.open_files, None))
    monkeypatch.setattr(prompts, "save_file", pop(given.save_files, None))
    monkeypatch.setattr(prompts, "confirm", pop(given.confirms, False))
    monkeypatch.setattr(prompts, "inform", tell("inform"))
    monkeypatch.setattr(prompts, "warn", tell("warn"))
    return given
