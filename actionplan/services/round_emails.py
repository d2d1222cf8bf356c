"""Email drafts for an update round: a lead's return attached, ready for Outlook, Thunderbird or
Mail to open and send. Nothing is ever sent from the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate
from pathlib import Path

from actionplan.domain.timescale import format_due
from actionplan.services.errors import ServiceError

WORKBOOK_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@dataclass(frozen=True)
class Draft:
    """One email draft: to whom, about what, the words, and the return to attach."""

    to: str
    subject: str
    body: str
    attachment: Path | None
    reply_to: str = ""


def ask_draft(
    to: str, plan: str, lead: str, due: date, message: str, attachment: Path, reply_to: str = ""
) -> Draft:
    """The email asking a lead for their update by the deadline, their return attached."""
    subject = f"{plan}: your update return, due {format_due(due)}"
    greeting = f"Dear {lead},"
    ask = (
        f"Please fill in the attached update return for your actions in {plan} and send it back "
        f"by {due:%A} {format_due(due)}."
    )
    body = "\n\n".join(part for part in (greeting, message.strip(), ask, "Thank you.") if part)
    return Draft(to, subject, body + "\n", attachment, reply_to)


def chase_draft(
    to: str, plan: str, lead: str, board: str, due: date, late: int, attachment: Path | None,
    reply_to: str = "",
) -> Draft:  # fmt: skip
    """The email reminding a lead whose update is late, their return attached again."""
    days = "1 day" if late == 1 else f"{late} days"
    subject = f"Reminder – {plan}: your update return was due {format_due(due)}"
    body = (
        f"Dear {lead},\n\nYour update for the {board} is now {days} late (it was due on "
        f"{format_due(due)}). Please fill in the attached return and send it back as soon as "
        "you can, so your actions are reported to the board as they stand.\n\nThank you.\n"
    )
    return Draft(to, subject, body, attachment, reply_to)


def write_draft(draft: Draft, out: Path) -> Path:
    """Write the draft as an .eml file (RFC 5322) that mail programs open as a draft to send."""
    message = EmailMessage(policy=SMTP)
    if draft.to:
        message["To"] = draft.to
    if draft.reply_to:
        message["Reply-To"] = draft.reply_to
    message["Subject"] = draft.subject
    message["Date"] = formatdate(localtime=True)
    message["X-Unsent"] = "1"  # Outlook opens the file as a draft to send, not as received mail
    message.set_content(draft.body)
    if draft.attachment is not None and draft.attachment.is_file():
        main, sub = WORKBOOK_TYPE
        message.add_attachment(
            draft.attachment.read_bytes(), maintype=main, subtype=sub,
            filename=draft.attachment.name,
        )  # fmt: skip
    try:
        out.write_bytes(message.as_bytes())
    except OSError as exc:
        raise ServiceError(
            f"The email draft '{out.name}' could not be written: {exc.strerror}."
        ) from None
    return out
