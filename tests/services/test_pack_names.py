"""Keeping the partnership and "prepared by" given with a report, through the plan settings."""

from __future__ import annotations

import pytest

from actionplan.services.errors import ServiceError
from actionplan.services.pack_names import keep_pack_names, put_back
from actionplan.services.plans import plan_settings
from actionplan.services.views import PlanInfo
from actionplan.store.database import Database


def test_only_the_names_given_change_and_put_back_restores_them(
    db: Database, plan: PlanInfo
) -> None:
    """A "prepared by" alone leaves the partnership as it was; putting back undoes it."""
    before = plan_settings(db, plan.id)
    kept = keep_pack_names(db, None, prepared_by="  Business Unit ")
    assert kept is not None
    after = plan_settings(db, plan.id)
    assert (after.partnership, after.prepared_by) == ("Northbridge SCP", "Business Unit")
    put_back(db, kept)
    assert plan_settings(db, plan.id) == before


def test_nothing_given_changes_nothing(db: Database, plan: PlanInfo) -> None:
    """No names, no write."""
    assert keep_pack_names(db, None) is None


def test_right_to_left_marks_and_markup_are_kept_as_typed(db: Database, plan: PlanInfo) -> None:
    """A right-to-left mark is part of how Arabic or Hebrew is written, not a control."""
    name = "\u200fشراكة <i>حماية</i> & Co"
    keep_pack_names(db, None, partnership=name)
    assert plan_settings(db, plan.id).partnership == name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("x" * 201, "is 201 characters long: keep it to 200 or fewer"),
        ("North\tbridge", "holds a control character"),
        ("North\x00bridge", "holds a control character"),
    ],
)
def test_a_name_that_cannot_be_printed_is_refused_before_anything_is_saved(
    db: Database, plan: PlanInfo, name: str, expected: str
) -> None:
    """One sentence, and the plan as it was."""
    before = plan_settings(db, plan.id)
    with pytest.raises(ServiceError, match=expected):
        keep_pack_names(db, None, partnership="Fine", prepared_by=name)
    assert plan_settings(db, plan.id) == before
