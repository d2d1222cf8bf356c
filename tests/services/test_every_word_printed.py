"""Every word a partnership wrote in its workbook reaches the board pack and the window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from actionplan.services.importing import import_workbook
from actionplan.services.report import make_report
from actionplan.store.database import Database
from tests.excel.import_books import book
from tests.pdf_helpers import pdf_text, squeeze

AS_OF = date(2025, 3, 31)
PLAN_HEADER = (
    "Key Priority Area",
    "Impact we aspire to achieve",
    "Outcome",
    "Action",
    "How will we know if we are making a difference",
    "Lead",
    "RAG",
)
AIM = "Children at risk of neglect are seen and helped sooner"
OUTCOMES = ("Practitioners spot neglect early", "Families get help before crisis")
HOW_WE_KNOW = (
    "Audit shows the neglect toolkit used in 8 of 10 cases",
    "Fewer repeat referrals for neglect each quarter",
    "Parents say in the survey that help came in time",
)
CHAMPION = "Dr Amira Haddad, Director of Children's Services"


def words_book(path: Path) -> Path:
    """A priorities plan with an aim, outcomes, a how-we-know per action and a champion."""
    rows = [
        list(PLAN_HEADER),
        ["Neglect", AIM, OUTCOMES[0], "Train staff in the toolkit", HOW_WE_KNOW[0], "LSCP", "G"],
        ["Neglect", AIM, OUTCOMES[1], "Launch early help hub", HOW_WE_KNOW[1], "Police", "A"],
        ["Neglect", AIM, OUTCOMES[1], "Survey parents", HOW_WE_KNOW[2], "Health", "G"],
    ]
    champions = [["Priority", "Executive champion"], ["Neglect", CHAMPION]]
    return book(path, {"Plan": rows, "Champions": champions})


def test_pack_prints_how_we_know_outcomes_aim_and_champion(db: Database, tmp_path: Path) -> None:
    """The board reads every how-we-know, every outcome, the aim and the champion as typed."""
    import_workbook(db, words_book(tmp_path / "plan.xlsx"))
    text = pdf_text(make_report(db, tmp_path / "pack.pdf", as_of=AS_OF))
    for words in (*HOW_WE_KNOW, *OUTCOMES, AIM, CHAMPION):
        assert squeeze(words) in text, words
