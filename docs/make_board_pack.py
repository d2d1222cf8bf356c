"""The fictional Northbridge plan: 34 actions with a year of updates, a board snapshot,
narratives and measures, so its board pack names what changed since the last board.

Run from the project root: .venv/bin/python docs/make_board_pack.py northbridge.pdf
writes its pack; docs/make_sample_pack_pages.py renders its pages for the README beside the
sample workbooks' packs. Everything here is fictional.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.editing import ActionDraft, add_action, add_priority
from actionplan.services.errors import ReasonNeeded
from actionplan.services.impact import add_measure, add_reading, set_narrative
from actionplan.services.plans import create_plan
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.services.report import make_report
from actionplan.services.snapshots import take_snapshot
from actionplan.store.database import Database

AS_OF = date(2025, 3, 31)
BOARD = date(2024, 12, 12)
R, A, G, B = Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE
IP, DL, DONE, ON, NS = (
    Status.IN_PROGRESS,
    Status.DELAYED,
    Status.COMPLETE,
    Status.ONGOING,
    Status.NOT_STARTED,
)

# (action, lead, timescale, [(date, rag, status, update, reason)])
Update = tuple[date, Rag, Status, str, str]
ActionSpec = tuple[str, str, str, list[Update]]

PRIORITIES: list[dict[str, object]] = [
    {
        "title": "Protecting children from exploitation",
        "aim": "Children at risk of criminal and sexual exploitation are identified early and "
        "protected by a joined-up response across agencies and places.",
        "champion": "Det. Supt. Claire Whitfield, Northbridge Police",
        "actions": [
            (
                "Launch a multi-agency child exploitation panel that meets fortnightly",
                "Police / Children's Social Care",
                "June 2024",
                [(date(2024, 7, 2), B, DONE, "Panel launched 18 June; 14 meetings held.", "")],
            ),
            (
                "Map hotspots and peer groups with the community safety partnership",
                "Community Safety Partnership",
                "Sept/Oct 2024",
                [
                    (date(2024, 10, 20), G, IP, "First map shared with schools.", ""),
                    (
                        date(2025, 3, 10),
                        A,
                        DL,
                        "Second map delayed: police data-sharing agreement awaiting sign-off "
                        "by the force's information governance team.",
                        "",
                    ),
                ],
            ),
            (
                "Train 400 practitioners in the exploitation screening tool",
                "Learning and Development Subgroup",
                "March 2025",
                [
                    (date(2024, 11, 5), G, IP, "212 practitioners trained so far.", ""),
                    (date(2025, 3, 20), G, IP, "371 trained; two sessions booked in April.", ""),
                ],
            ),
            (
                "Review return home interviews for children missing from home or care",
                "Head of Safeguarding, Children's Services",
                "31/12/2024",
                [
                    (
                        date(2024, 11, 30),
                        A,
                        IP,
                        "Audit of 40 interviews under way; quality varies.",
                        "",
                    ),
                    (
                        date(2025, 2, 14),
                        A,
                        IP,
                        "Audit complete; report to the March Quality and Effectiveness Subgroup.",
                        "Report drafted; only the sign-off is late, not the work.",
                    ),
                ],
            ),
            (
                "Agree a transitional safeguarding protocol with the adults board",
                "Safeguarding Adults Board",
                "Q4 2024/25",
                [(date(2024, 12, 1), G, IP, "Draft protocol circulated for comment.", "")],
            ),
            (
                "Publish a guide for parents on the signs of county lines",
                "Communications Lead",
                "January 2025",
                [(date(2025, 1, 28), B, DONE, "Published in English, Polish and Urdu.", "")],
            ),
        ],
    },
    {
        "title": "Earlier help for children living with neglect",
        "aim": "Neglect is recognised sooner and families get the right help before harm "
        "becomes entrenched.",
        "champion": "Dr Amira Haddad, Designated Doctor, Northbridge ICB",
        "actions": [
            (
                "Roll out the Graded Care Profile 2 to all early help teams",
                "Early Help Service",
                "September 2024",
                [
                    (date(2024, 9, 25), B, DONE, "All eight early help teams now use GCP2.", ""),
                ],
            ),
            (
                "Audit 30 neglect cases for drift and delay",
                "Quality and Effectiveness Subgroup",
                "December 2024",
                [
                    (date(2024, 10, 1), G, IP, "Case sample agreed.", ""),
                    (
                        date(2025, 1, 15),
                        R,
                        DL,
                        "Audit paused: two auditors on long-term leave. New auditors found; "
                        "restart planned for April.",
                        "",
                    ),
                ],
            ),
            (
                "Refresh the neglect strategy with families' voices",
                "Partnership Business Manager",
                "March 2025",
                [(date(2025, 3, 1), G, IP, "Three family workshops held in February.", "")],
            ),
            (
                "Health visitors to complete a neglect screen at every 1-year review",
                "0-19 Public Health Nursing",
                "Ongoing – review quarterly",
                [(date(2025, 2, 20), G, ON, "Screen used at 91% of reviews this quarter.", "")],
            ),
            (
                "Offer neglect training to school designated safeguarding leads",
                "Education Safeguarding Team",
                "Summer term 2025",
                [(date(2024, 12, 5), G, NS, "Course content agreed; dates in May.", "")],
            ),
            (
                "Report dental neglect indicators to the partnership each quarter",
                "Northbridge ICB",
                "Quarterly",
                [],
            ),
        ],
    },
    {
        "title": "Children affected by domestic abuse",
        "aim": "Children living with domestic abuse are seen, heard and supported, and "
        "schools know the next morning when police attend a child's home.",
        "champion": "Tomasz Kowalczyk, Director of Children's Services",
        "actions": [
            (
                "Operation Encompass notifications to every school by 9am",
                "Police / Education Leads",
                "April 2024",
                [(date(2024, 6, 1), B, DONE, "All 96 schools signed up; live since May.", "")],
            ),
            (
                "Commission a children's domestic abuse recovery programme",
                "Commissioning Manager",
                "October 2024",
                [
                    (date(2024, 9, 1), G, IP, "Tender published.", ""),
                    (
                        date(2025, 1, 10),
                        R,
                        DL,
                        "Tender failed: no compliant bids. Re-tender with a higher budget "
                        "goes to Cabinet in April.",
                        "",
                    ),
                ],
            ),
            (
                "Embed the Safe and Together model in children's social care",
                "Principal Social Worker",
                "March 2026",
                [(date(2025, 3, 5), G, IP, "Cohort 2 of 3 trained (48 social workers).", "")],
            ),
            (
                "Include children's experiences in MARAC minutes",
                "MARAC Chair",
                "December 2024",
                [
                    (date(2024, 12, 1), A, IP, "Template changed; used in 60% of cases.", ""),
                    (date(2025, 3, 1), G, IP, "Used in 88% of cases in February.", "Met in Q4"),
                ],
            ),
            (
                "Audit police DASH risk assessments where children are present",
                "Northbridge Police",
                "January 2025",
                [(date(2024, 11, 10), G, IP, "Audit tool agreed.", "")],
            ),
            (
                "Publish a domestic abuse pathway for health practitioners",
                "Named Nurse, Northbridge Hospitals",
                "February 2025",
                [(date(2025, 2, 28), B, DONE, "Pathway published on the partnership site.", "")],
            ),
        ],
    },
    {
        "title": "Children's mental health and emotional wellbeing",
        "aim": "Children and young people get timely help for their mental health, and no "
        "child in crisis waits in an emergency department for a bed.",
        "champion": "Sarah O'Neill, Chief Nurse, Northbridge ICB",
        "actions": [
            (
                "Mental health support teams in 60% of schools",
                "CAMHS / Education",
                "September 2025",
                [(date(2025, 3, 12), G, IP, "Teams now in 52% of schools (50 of 96).", "")],
            ),
            (
                "Reduce CAMHS waiting times below 18 weeks",
                "CAMHS Service Manager",
                "March 2025",
                [
                    (date(2024, 12, 1), A, IP, "Median wait 21 weeks (from 26).", ""),
                    (date(2025, 3, 25), A, IP, "Median wait 19 weeks; backlog halved.", ""),
                ],
            ),
            (
                "Agree a protocol for children in crisis in emergency departments",
                "Northbridge Hospitals / Children's Social Care",
                "November 2024",
                [
                    (date(2024, 11, 20), A, DL, "Draft protocol disputed on funding.", ""),
                    (date(2025, 2, 1), G, IP, "Protocol agreed; sign-off in April.", "Agreed"),
                ],
            ),
            (
                "Self-harm awareness sessions for foster carers",
                "Fostering Service",
                "January 2025",
                [(date(2025, 1, 30), B, DONE, "Five sessions, 84 carers attended.", "")],
            ),
            (
                "Publish a suicide prevention plan for young people",
                "Director of Public Health",
                "June 2025",
                [(date(2024, 12, 10), G, NS, "Scoping with the coroner's office.", "")],
            ),
            (
                "Review deaths of children by suicide with the Child Death Overview Panel",
                "CDOP Chair",
                "Annually",
                [],
            ),
        ],
    },
    {
        "title": "The voice of the child and anti-racist practice",
        "aim": "Children's lived experience shapes what every agency does, and practice "
        "challenges racism and discrimination.",
        "champion": "Nguyễn Thị Lan, Head of Education Safeguarding",
        "actions": [
            (
                "Set up a young people's safeguarding advisory group",
                "Participation Lead",
                "July 2024",
                [(date(2024, 7, 30), B, DONE, "Group of 14 young people meets monthly.", "")],
            ),
            (
                "Anti-racist practice training for all partnership staff",
                "Learning and Development Subgroup",
                "March 2025",
                [
                    (date(2024, 10, 1), G, IP, "Programme co-designed with community groups.", ""),
                    (
                        date(2025, 3, 15),
                        A,
                        DL,
                        "Uptake by health staff low (31%); targeted sessions in April.",
                        "",
                    ),
                ],
            ),
            (
                "Record ethnicity, language and religion in every child protection plan",
                "Children's Social Care",
                "December 2024",
                [(date(2024, 12, 20), G, IP, "Recorded in 93% of new plans.", "")],
            ),
            (
                "Use interpreters for every child protection conference where needed",
                "Conference Chairs",
                "Ongoing",
                [(date(2025, 2, 2), G, ON, "Interpreters booked for Polish, Urdu, Tigrinya.", "")],
            ),
            (
                "Audit how children's wishes are recorded in assessments",
                "Quality and Effectiveness Subgroup",
                "November 2024",
                [(date(2024, 9, 1), G, NS, "Audit planned for October.", "")],
            ),
            (
                "Publish a child-friendly version of this plan",
                "Participation Lead / Communications",
                "Autumn 2024",
                [(date(2024, 10, 30), B, DONE, "Designed by the advisory group.", "")],
            ),
        ],
    },
    {
        "title": "Learning from reviews",
        "aim": "Learning from local and national child safeguarding practice reviews changes "
        "practice, and we can show it has.",
        "champion": "Independent Scrutineer",
        "actions": [
            (
                "Complete the local child safeguarding practice review for Child T",
                "Case Review Subgroup",
                "February 2025",
                [(date(2025, 2, 26), B, DONE, "Published 26 February with 7 findings.", "")],
            ),
            (
                "Seven-minute briefings on every review for frontline staff",
                "Partnership Business Unit",
                "Within 3 months of each review",
                [(date(2025, 3, 18), G, ON, "Briefing for Child T issued.", "")],
            ),
            (
                "Test the impact of learning through a multi-agency audit",
                "Quality and Effectiveness Subgroup",
                "Q1 2025/26",
                [(date(2025, 3, 2), G, NS, "Scope agreed.", "")],
            ),
            (
                "Track every review recommendation to closure on the tracker",
                "Partnership Business Manager",
                "Monthly",
                [(date(2025, 3, 28), G, ON, "41 of 52 recommendations closed.", "")],
            ),
        ],
    },
]

NARRATIVES = {
    0: (
        "The child exploitation panel has met fortnightly since June and now reviews every "
        "child assessed at significant risk. 371 practitioners have been trained in the "
        "screening tool.",
        "Good progress overall. The second hotspot map is delayed by a data-sharing "
        "agreement, which the Independent Scrutineer has escalated to the police executive.",
        "Referrals for exploitation rose 22% after the training, and the panel has agreed "
        "safety plans for 46 children; 31 are now assessed at lower risk.",
        "Sign the data-sharing agreement; finish training; agree the transitional "
        "safeguarding protocol with the adults board.",
    ),
    1: (
        "Graded Care Profile 2 is in use across early help; families shaped the refreshed "
        "strategy in three workshops.",
        "The neglect audit is behind plan: two auditors are on long-term leave. New "
        "auditors are found and the audit restarts in April.",
        "Early help teams report earlier, clearer conversations with families; GCP2 "
        "re-assessments show improvement for 64% of families after six months.",
        "Restart the audit; launch the refreshed strategy in June; deliver school training.",
    ),
    2: (
        "Operation Encompass is live in all 96 schools. The health pathway is published and "
        "Safe and Together training is on its second cohort.",
        "The recovery programme tender failed, leaving a gap in support for children; this is "
        "the partnership's main risk in this priority.",
        "Schools received 1,033 notifications in the year and say they can now support the "
        "child on the morning after an incident.",
        "Re-tender the recovery programme; complete the DASH audit; train cohort 3.",
    ),
    3: (
        "Mental health support teams now reach half of Northbridge schools and waits for CAMHS "
        "have fallen from 26 to 19 weeks.",
        "Waiting times are improving but not yet at the 18-week target; the crisis protocol "
        "is agreed in principle.",
        "Fewer children waited more than 24 hours in emergency departments (9, down from 23).",
        "Reach 60% of schools by September; sign off the crisis protocol; publish the suicide "
        "prevention plan.",
    ),
    4: (
        "The young people's advisory group meets monthly and designed the child-friendly plan.",
        "Anti-racist practice training is well received, but uptake among health staff is low.",
        "Ethnicity, language and religion are now recorded in 93% of new child protection plans.",
        "Targeted training for health staff; complete the audit of children's wishes.",
    ),
    5: (
        "The review for Child T was published in February with seven findings and a "
        "seven-minute briefing.",
        "Recommendations are tracked monthly; 41 of 52 are closed.",
        "Audits show the learning from Child R on bruising in non-mobile babies is applied in "
        "96% of cases.",
        "Run the multi-agency audit on the Child T findings in the summer.",
    ),
}

MEASURES = [
    ("Schools receiving Operation Encompass notifications", "%", "higher", 40, 100, 2,
     [48, 71, 92, 100]),
    ("Median CAMHS wait (weeks)", "weeks", "lower", 26, 18, 3, [26, 24, 21, 19]),
    ("Re-referrals to children's social care within 12 months", "%", "lower", 24, 18, None,
     [24, 22, 21, 22]),
    ("Children with a CP plan for a second or later time", "%", "lower", 23, 20, 1,
     [23, 21, 19, 18]),
    ("Practitioners trained in exploitation screening", "", "higher", 0, 400, 0,
     [0, 120, 212, 371]),
]  # fmt: skip
YEARS = ["2021-22", "2022-23", "2023-24", "2024-25"]


def _record(db: Database, action_id: int, update: Update) -> None:
    when, rag, status, text, reason = update
    entry = ProgressEntry(action_id, when, rag, status, text, "Business Unit", reason)
    try:
        record_progress(db, entry)
    except ReasonNeeded:
        fallback = reason or "The lead's own judgement after discussion at the subgroup."
        record_progress(db, ProgressEntry(action_id, when, rag, status, text, "", fallback))


def build_plan(db: Database) -> list[int]:
    """The fictional Northbridge plan with updates, measures, narratives and a snapshot;
    returns its priorities' ids in order."""
    plan = create_plan(
        db,
        "Safeguarding Priorities Action Plan 2024-26",
        "Northbridge Safeguarding Children Partnership",
        date(2024, 4, 1),
        date(2026, 3, 31),
        "Partnership Business Unit",
    )
    later: list[tuple[int, Update]] = []
    ids = []
    for spec in PRIORITIES:
        priority_id = add_priority(
            db, plan.id, str(spec["title"]), str(spec["aim"]), str(spec["champion"])
        )
        ids.append(priority_id)
        for text, lead, timescale, updates in spec["actions"]:  # type: ignore[attr-defined]
            first_rag = "Green" if updates else ""  # as rated when the plan was agreed
            draft = ActionDraft(text, lead=lead, timescale=timescale, rag=first_rag)
            action_id = add_action(db, priority_id, draft)
            for update in updates:
                if update[0] <= BOARD:
                    _record(db, action_id, update)
                else:
                    later.append((action_id, update))
    take_snapshot(db, "Board 12 December 2024", plan.title, BOARD)
    for action_id, update in sorted(later, key=lambda pair: pair[1][0]):
        _record(db, action_id, update)
    for index, parts in NARRATIVES.items():
        set_narrative(db, ids[index], "2024-25 (to 31 March)", *parts)
    for name, unit, direction, baseline, target, owner, values in MEASURES:
        priority_id = ids[owner] if owner is not None else None
        measure_id = add_measure(db, plan.id, name, unit, direction, baseline, target, priority_id)
        for year, value in zip(YEARS, values, strict=True):
            add_reading(db, measure_id, year, value)
    return ids


def main() -> int:
    """Build the plan in a temporary database and print its pack to the PDF named."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdf", type=Path, help="the PDF to write, e.g. northbridge.pdf")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "northbridge.db")
        build_plan(db)
        make_report(db, args.pdf, as_of=AS_OF, marking="OFFICIAL")
        db.close()
    print(f"Wrote {args.pdf}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
