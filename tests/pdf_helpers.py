"""Reading a PDF back as a user would see it: its words, pages, bookmarks and rendered images."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path
from typing import Any

from pypdf import PdfReader


def squeeze(text: str) -> str:
    """Whitespace of any kind as single spaces, so wrapped lines compare with typed text."""
    return " ".join(text.split())


def page_texts(path: Path) -> list[str]:
    """Each page's extracted text, whitespace squeezed."""
    return [squeeze(page.extract_text() or "") for page in PdfReader(path).pages]


def pdf_text(path: Path) -> str:
    """All the words of the PDF as one string, whitespace squeezed."""
    return " ".join(page_texts(path))


def folded(text: str) -> str:
    """Text with presentation forms folded back to letters (shaped Arabic extracts as those)."""
    return unicodedata.normalize("NFKC", text)


def outline_titles(path: Path) -> list[str]:
    """Every bookmark title, depth first."""
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))

    walk(PdfReader(path).outline)
    return titles


def render_pages(pdf: Path, out_dir: Path, dpi: int = 50) -> tuple[int, list[Path]]:
    """Render every page with poppler's pdftoppm; the exit code and the PNGs it wrote."""
    out_dir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_dir / "page")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return result.returncode, sorted(out_dir.glob("page*.png"))
