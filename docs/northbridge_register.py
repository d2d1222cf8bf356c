"""A fictional register of review recommendations for the fictional Northbridge plan, used
by the screenshot of the Recommendations tab and the pages of the pack and the chapter."""

from __future__ import annotations

from datetime import date

from make_board_pack import AS_OF

from actionplan.domain.recommendations import RecommendationDraft, ReviewType
from actionplan.services.actions import action_rows
from actionplan.services.plans import list_plans
from actionplan.services.recommendations import add_recommendation, sign_off
from actionplan.store.database import Database

CHILD_Q = ("Child Q", ReviewType.PRACTICE_REVIEW, date(2024, 5, 14))
JTAI = ("Joint targeted area inspection 2024", ReviewType.INSPECTION, date(2024, 9, 30))
AUDIT = ("Neglect multi-agency audit", ReviewType.AUDIT, date(2024, 11, 1))

# (source, recommendation, response, refs of the actions that answer it)
REGISTER = [
    (CHILD_Q, "Practitioners use the neglect toolkit at every strategy discussion.",
     "Agreed: the toolkit is refreshed and trained.", ["1.1", "1.2"]),
    (CHILD_Q, "Schools share attendance concerns with early help within five days.",
     "Agreed with the education subgroup.", ["2.1"]),
    (CHILD_Q, "The partnership tests whether fathers are seen in assessments.",
     "To be audited in 2025-26.", []),
    (JTAI, "Leaders strengthen the front door's response to exploitation.",
     "Accepted in full.", ["2.2"]),
    (JTAI, "Return home interviews are offered within 72 hours.", "Accepted.", ["3.1"]),
    (AUDIT, "Chronologies are kept up to date in every agency's records.",
     "Agreed.", ["1.3"]),
]  # fmt: skip


def add_register(db: Database) -> None:
    """Add the register to the Northbridge plan (built by make_board_pack.build_plan)."""
    plan = list_plans(db)[0]
    refs = {row.ref: row.id for row in action_rows(db, plan.id, AS_OF)}
    made = []
    for (review, kind, day), text, response, answered in REGISTER:
        draft = RecommendationDraft(review, text, kind, day, response)
        made.append(add_recommendation(db, draft, [refs[r] for r in answered if r in refs]))
    sign_off(db, made[0], "Independent scrutineer", date(2025, 3, 12))
