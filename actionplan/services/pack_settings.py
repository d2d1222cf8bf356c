"""The board pack's settings kept with each plan: key messages, the board's ask, cover, appendix.

Key messages are kept only once someone rewrites them: until then the pack prints the
messages drafted from the figures as they stand on the day it is printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from actionplan.services.errors import ServiceError
from actionplan.services.key_messages import MOST_MESSAGES
from actionplan.services.plans import chosen_plan
from actionplan.store.database import Database
from actionplan.store.pack_settings import PackSettings, read_pack_settings, write_pack_settings
from actionplan.store.refusals import NotPermitted

__all__ = ["PackSettings", "pack_settings", "pack_settings_of", "save_pack_settings"]

# Long enough for a full paragraph; past it a key message no longer reads as one.
MESSAGE_LIMIT = 600
# About a page of page 1: what the board is asked to agree, note or decide.
BOARD_ASKED_LIMIT = 4_000


def pack_settings(db: Database, plan_id: int) -> PackSettings:
    """The plan's pack settings as last saved (the defaults when never saved)."""
    return read_pack_settings(db, plan_id)


def pack_settings_of(db: Database, plan_name: str | None) -> PackSettings:
    """The pack settings of the plan called ``plan_name`` (the newest plan when None)."""
    return read_pack_settings(db, chosen_plan(db, plan_name).id)


def save_pack_settings(
    db: Database, plan_id: int, settings: PackSettings, drafts: Sequence[str] = ()
) -> PackSettings:
    """Keep the settings with the plan and return them as kept; refused in one sentence,
    with nothing saved, when a message or the board's ask is too long.

    A person whose team role may not change the plan prints with the settings, unkept.
    Blank messages are dropped; messages the same as the ``drafts`` are not kept, so the
    next pack drafts them afresh from its own figures.
    """
    tidy = checked(settings)
    if tidy.key_messages == _kept(drafts):
        tidy = replace(tidy, key_messages=())
    try:
        written = write_pack_settings(db, plan_id, tidy)
    except NotPermitted:
        # A reader (the board, a scrutineer) prints with their own choices; only those who
        # may change the plan keep them with it for everyone.
        return tidy
    if not written:
        raise ServiceError("The plan no longer exists (it may have been deleted).")
    return tidy


def checked(settings: PackSettings) -> PackSettings:
    """The settings tidied (spaces trimmed, blank messages dropped), or a ServiceError."""
    messages = _kept(settings.key_messages)
    if len(messages) > MOST_MESSAGES:
        raise ServiceError(
            f"A board pack carries at most {MOST_MESSAGES} key messages, "
            f"not {len(messages)}: nothing was saved."
        )
    for number, message in enumerate(messages, start=1):
        if len(message) > MESSAGE_LIMIT:
            raise ServiceError(
                f"Key message {number} is {len(message):,} characters long, more than the "
                f"{MESSAGE_LIMIT:,} that fit on page 1: shorten it; nothing was saved."
            )
    asked = settings.board_asked.strip()
    if len(asked) > BOARD_ASKED_LIMIT:
        raise ServiceError(
            f"What the board is asked to do is {len(asked):,} characters long, more than "
            f"the {BOARD_ASKED_LIMIT:,} that fit on page 1: shorten it; nothing was saved."
        )
    return replace(settings, key_messages=messages, board_asked=asked)


def _kept(messages: Sequence[str]) -> tuple[str, ...]:
    return tuple(text.strip() for text in messages if text.strip())
