"""The board pack's "Review recommendations" section: per review, how many of its
recommendations are complete, then the open ones with where each stands."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from actionplan.domain.recommendations import ReviewSummary
from actionplan.reports.styles import FRAME_WIDTH, para, rich
from actionplan.reports.tables import plain_table

TITLE = "Review recommendations"
_WIDTHS = (FRAME_WIDTH * 0.52, FRAME_WIDTH * 0.33, FRAME_WIDTH * 0.15)


def review_section(reviews: tuple[ReviewSummary, ...]) -> list[Flowable]:
    """Each review's sentence and a table of its open recommendations."""
    story: list[Flowable] = [
        rich(
            "What child safeguarding practice reviews, audits and inspections asked the "
            "partnership to do, counted complete once every action answering a "
            "recommendation is complete.",
            "body",
        )
    ]
    for review in reviews:
        story += _review(review)
    return story


def _review(review: ReviewSummary) -> list[Flowable]:
    heading = para(f"{review.review} ({review.review_type.word})", "h3")
    sentence = para(f"{review.sentence}.", "body")
    if not review.open:
        return [KeepTogether([heading, sentence])]
    rows = [
        [
            para("Open recommendation", "head"),
            para("Where it stands", "head"),
            para("Actions", "head"),
        ],
        *(
            [
                para(item.text, "cell"),
                para(item.standing, "cell"),
                para(item.actions or "none", "cell"),
            ]
            for item in review.open
        ),
    ]
    table = plain_table(rows, _WIDTHS, caption=f"{TITLE}: {review.review}")
    return [KeepTogether([heading, sentence]), table]
