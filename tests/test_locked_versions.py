"""Every install runs the exact versions in requirements/lock.txt, within pyproject's ranges.

A new release of a dependency once reached every fresh install through a lower bound and
aborted the window; the lock is what `make run`, `make test` and the packaged build install.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "lock.txt"


def _locked() -> dict[str, Version]:
    """The lock's pins that apply on this machine."""
    pins: dict[str, Version] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        name_version, _, marker = text.partition(";")
        if marker.strip() and not Marker(marker.strip()).evaluate():
            continue
        name, version = name_version.split("==")
        pins[canonicalize_name(name)] = Version(version.strip())
    return pins


def _wanted() -> list[Requirement]:
    """The app's own and its tests' requirements, with their ranges, from pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    return [Requirement(text) for text in wanted]


def test_every_requirement_of_the_app_and_its_tests_is_pinned_within_its_range() -> None:
    """The lock names an exact version of each dependency, and that version is allowed."""
    pins = _locked()
    for requirement in _wanted():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not in {LOCK.name}"
        assert pins[name] in requirement.specifier, f"{name} {pins[name]} is outside {requirement}"


def _needed() -> set[str]:
    """Every distribution the app and its tests need, found through installed metadata."""
    needed: set[str] = set()
    waiting = [requirement for requirement in _wanted() if _applies(requirement, "test")]
    while waiting:
        requirement = waiting.pop()
        name = canonicalize_name(requirement.name)
        if name in needed:
            continue
        needed.add(name)
        for text in metadata.requires(name) or []:
            child = Requirement(text)
            if any(_applies(child, extra) for extra in ("", *requirement.extras)):
                waiting.append(child)
    return needed


def _applies(requirement: Requirement, extra: str) -> bool:
    return requirement.marker is None or requirement.marker.evaluate({"extra": extra})


def test_the_installed_versions_are_the_locked_ones() -> None:
    """What this run imports is what the lock says (so the tests prove the shipped set)."""
    pins = _locked()
    differing = {}
    for name in sorted(_needed()):
        installed = Version(metadata.version(name))
        if installed != pins.get(name):
            differing[name] = f"{installed} installed, {pins.get(name)} locked"
    assert not differing, differing
    assert "pyside6-essentials" in _needed()
