"""A plan's settings: read and saved together, each mistake refused in one sentence."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.services.errors import ServiceError
from actionplan.services.plans import (
    change_plan_settings,
    create_plan,
    create_plan_with,
    list_plans,
    plan_settings,
    rename_plan,
)
from actionplan.services.views import PlanInfo, PlanSettings
from actionplan.store.database import Database

WESTMOOR = PlanSettings(
    "Westmoor Safeguarding Partnership Plan 2025-27",
    "Westmoor Safeguarding Children Partnership",
    date(2025, 4, 1),
    date(2027, 3, 31),
    "Business Unit",
    "OFFICIAL-SENSITIVE",
)


def test_settings_are_saved_together_and_the_old_ones_returned(
    db: Database, plan: PlanInfo
) -> None:
    """Every field is saved (spaces trimmed), and the settings it had come back for undo."""
    typed = PlanSettings(
        "  Westmoor Safeguarding Partnership Plan 2025-27 ",
        " Westmoor Safeguarding Children Partnership",
        date(2025, 4, 1),
        date(2027, 3, 31),
        "Business Unit ",
        " OFFICIAL-SENSITIVE",
    )
    old = change_plan_settings(db, plan.id, typed)
    assert old == PlanSettings(plan.title, "Northbridge SCP")
    assert plan_settings(db, plan.id) == WESTMOOR
    change_plan_settings(db, plan.id, old)
    assert plan_settings(db, plan.id) == old


def test_a_new_plan_starts_with_its_settings(db: Database) -> None:
    """create_plan_with stores every setting; create_plan takes the marking too."""
    info = create_plan_with(db, WESTMOOR)
    assert plan_settings(db, info.id) == WESTMOOR
    assert info.marking == "OFFICIAL-SENSITIVE"
    other = create_plan(db, "Eastvale Plan 2026", marking="OFFICIAL")
    assert plan_settings(db, other.id).marking == "OFFICIAL"


@pytest.mark.parametrize(
    ("settings", "sentence"),
    [
        (PlanSettings("   "), "A plan needs a title."),
        (
            PlanSettings("northbridge priorities action plan 2025-26"),
            'Another plan is already called "northbridge priorities action plan 2025-26": '
            "give this one a different title.",
        ),
        (
            PlanSettings(
                "Westmoor Plan", period_start=date(2026, 4, 1), period_end=date(2025, 3, 31)
            ),
            "The plan's period ends before it starts: it ends on 31 Mar 2025 but starts on "
            "1 Apr 2026.",
        ),
    ],
)
def test_a_mistake_in_the_settings_is_refused_in_one_sentence_and_nothing_saved(
    db: Database, plan: PlanInfo, settings: PlanSettings, sentence: str
) -> None:
    """An empty title, another plan's title or a period running backwards changes nothing."""
    mine = plan_settings(db, plan.id)
    other = create_plan(db, "Southbank Business Plan 2024-25")
    with pytest.raises(ServiceError) as refused:
        change_plan_settings(db, other.id, settings)
    assert str(refused.value) == sentence
    with pytest.raises(ServiceError, match=sentence[:20]):
        create_plan_with(db, settings)
    assert plan_settings(db, plan.id) == mine
    assert plan_settings(db, other.id) == PlanSettings("Southbank Business Plan 2024-25")
    assert len(list_plans(db)) == 2


def test_a_plan_may_keep_its_own_title_in_other_letters(db: Database, plan: PlanInfo) -> None:
    """Only another plan's title is refused: a plan may change the case of its own."""
    assert rename_plan(db, plan.id, plan.title.upper()) == plan.title
    assert plan_settings(db, plan.id).title == plan.title.upper()


def test_renaming_keeps_the_period_as_the_workbook_wrote_it(db: Database) -> None:
    """A new title leaves the other settings, the period's own words included, as they were."""
    stored = create_plan_with(db, PlanSettings("LSCP Business Plan", period_raw="2019-2021"))
    rename_plan(db, stored.id, "LSCP Business Plan 2019-21")
    assert plan_settings(db, stored.id) == PlanSettings(
        "LSCP Business Plan 2019-21", period_raw="2019-2021"
    )
