"""The yearly chapter's part "What we did in response to reviews": per review, how many of
its recommendations are complete, and a table of each with the response and where it stands."""

from __future__ import annotations

from collections.abc import Callable

from docx.document import Document

from actionplan.domain.recommendations import ReviewSummary
from actionplan.reports.word_parts import heading, paragraph, table

TITLE = "What we did in response to reviews"


def reviews_part(
    document: Document, reviews: tuple[ReviewSummary, ...], next_table: Callable[[], str]
) -> None:
    """The part, written only when the register holds recommendations for the plan."""
    if not reviews:
        return
    heading(document, TITLE, 2)
    paragraph(
        document,
        "Child safeguarding practice reviews, audits and inspections asked us to act on what "
        "they found. A recommendation counts as complete once every action answering it is.",
    )
    for review in reviews:
        heading(document, f"{review.review} ({review.review_type.word})", 3)
        # The count stays on the page of the table it introduces.
        paragraph(document, f"{review.sentence}.").paragraph_format.keep_with_next = True
        head = ["Recommendation", "Our response", "Where it stands", "Actions"]
        rows = [
            [item.text, item.response, item.standing, item.actions or "none yet"]
            for item in review.items
        ]
        title = f"{next_table()}: the recommendations of {review.review} and where they stand"
        table(document, title, head, rows, (60, 46, 42, 22))
