"""Showing the user's own words exactly as written, wherever Qt would read them as HTML."""

from __future__ import annotations

from html import escape


def plain_tip(text: str) -> str:
    """The words as a tooltip (or a label that guesses its format) shows them: literally.

    Qt takes any text that starts like HTML ("<b>all</b>", "<script>…") as rich text and
    drops or styles the tags. Escaped inside a paragraph that keeps spaces and line
    breaks, every character shows as typed, and a long text wraps instead of running off.
    """
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{escape(text, quote=False)}</p>"
