"""Regenerate the three sample workbooks of the fictional Northbridge partnership."""

from __future__ import annotations

import io
import math
import sys
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Color, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

HERE = Path(__file__).resolve().parent

PRIORITIES_FILE = "northbridge_priorities_2025.xlsx"
BUSINESS_PLAN_FILE = "northbridge_business_plan_2025.xlsx"
TRACKER_FILE = "northbridge_tracker_2025.xlsx"

FIXED_TIME = datetime(2025, 4, 1)
ZIP_TIME = (2025, 4, 1, 0, 0, 0)
AUTHOR = "NSCP Business Unit"
DATE_FORMAT = "dd/mm/yyyy"
RISKY_START = ("=", "+", "-", "@")

THIN = Side(style="thin", color="FF808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
HEADER_FILL = PatternFill(fill_type="solid", fgColor="FFD9D9D9")
HEADING_FILL = PatternFill(fill_type="solid", fgColor="FFDDEBF7")

# --------------------------------------------------------------------------------------------
# RAG as people colour it: vivid fills, Office "Bad/Neutral/Good" pastels, theme and indexed
# colours, a few written words or letters, and cells nobody has rated yet ("" in the data).
# Theme colours refer to openpyxl's default theme (Office 2007): theme 6 is accent3 9BBB59
# (green), theme 9 is accent6 F79646 (orange); indexed 10 is FF0000 (red).
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rag:
    """How one RAG cell is written: its text, its fill and the rating it means."""

    text: str | None
    fill: Color | None
    meaning: str


def _rgb(hex6: str) -> Color:
    """An opaque RGB colour from six hex digits."""
    return Color(rgb="FF" + hex6)


RAG_STYLES: dict[str, Rag] = {
    "R": Rag(None, _rgb("FF0000"), "red"),
    "A": Rag(None, _rgb("FFC000"), "amber"),
    "G": Rag(None, _rgb("00B050"), "green"),
    "B": Rag(None, _rgb("0070C0"), "blue"),
    "r": Rag(None, _rgb("FFC7CE"), "red"),
    "a": Rag(None, _rgb("FFEB9C"), "amber"),
    "g": Rag(None, _rgb("C6EFCE"), "green"),
    "b": Rag(None, _rgb("BDD7EE"), "blue"),
    "theme-green": Rag(None, Color(theme=6), "green"),
    "theme-amber": Rag(None, Color(theme=9, tint=0.3999755851924192), "amber"),
    "indexed-red": Rag(None, Color(indexed=10), "red"),
    "text-Amber": Rag("Amber", None, "amber"),
    "text-G": Rag("G", _rgb("00B050"), "green"),
    "text-green": Rag("green", None, "green"),
    "text-A": Rag("A", _rgb("FFC000"), "amber"),
}

TRACKER_RAG_FILLS: dict[str, str] = {"R": "FF0000", "A": "FFC000", "G": "00B050", "B": "0070C0"}

# --------------------------------------------------------------------------------------------
# Layout 1: priorities action plan (a sheet per priority)
# --------------------------------------------------------------------------------------------

PRIORITIES_TITLE = "NSCP PRIORITIES ACTION PLAN 2025-26"
PRIORITIES_HEADER = (
    "Key Priority Area",
    "Impact we aspire to achieve",
    "Action",
    "How will we know if we are making a difference",
    "Lead",
    "RAG",
)
PRIORITIES_WIDTHS = (20, 34, 52, 46, 24, 8)


@dataclass(frozen=True)
class PriorityBlock:
    """One priority sheet: rows are (action, how we will know, RAG style key)."""

    sheet: str
    name: str
    impact: str
    lead: str
    rows: tuple[tuple[str, str, str], ...]


PRIORITY_BLOCKS: tuple[PriorityBlock, ...] = (
    PriorityBlock(
        sheet="Contextual Risk",
        name="Contextual Risk",
        impact=(
            "Partners work together to identify the places and spaces where young people are at "
            "risk of harm outside the home, and share a joined-up plan to make them safer"
        ),
        lead="Exploitation & Missing Sub-group\nCommunity Safety Partnership",
        rows=(
            (
                "1. Engage local businesses, transport providers and the voluntary sector in a "
                "Safer Spaces scheme so young people have somewhere to go when they feel unsafe",
                "1. Number of Safer Spaces sites signed up and used; young people tell us they "
                "know where to go",
                "R",
            ),
            (
                "2.Review the exploitation screening tool with Police, Youth Justice and Early "
                "Help so that risk outside the home is recorded in the same way by every agency",
                "2. Audit shows the screening tool completed on 90% of referrals where "
                "exploitation is a concern",
                "A",
            ),
            (
                "3. Hold quarterly contextual safeguarding mapping meetings for hotspot locations "
                "(Eastgate retail park, Millbrook Road bus station)",
                "3. Hotspot maps shared with partners each quarter and fewer reported incidents "
                "at mapped locations",
                "G",
            ),
            (
                "4. Embed trauma-informed and contextual safeguarding approaches in the "
                "multi-agency training offer",
                "4. Training uptake and post-course evaluation; practitioners can describe how "
                "they use the learning",
                "A",
            ),
            (
                "5. Collate the voice of young people through the Youth Council and detached "
                "youth work to test whether our response feels right to them",
                "5. Young people's feedback reported to the Executive twice a year, with the "
                "changes made as a result",
                "",
            ),
            (
                "Strengthen the return home interview offer for children missing from home and "
                "care, and share the intelligence with the MACE panel",
                "6. % of return home interviews offered within 72 hours",
                "B",
            ),
            (
                "7. Map children electively home educated who are known to the MACE panel and "
                "agree a joint visiting protocol",
                "7. Protocol agreed and no child on the MACE list is home educated without a "
                "named professional",
                "text-Amber",
            ),
            (
                "",
                "8. Fewer children going missing more than three times in a quarter",
                "",
            ),
        ),
    ),
    PriorityBlock(
        sheet="Mental Health",
        name="Mental Health and Emotional Wellbeing",
        impact=(
            "Children's emotional wellbeing and mental health are given prominence across every "
            "agency, so that worries are noticed early and children get the right help at the "
            "right time"
        ),
        lead="CAMHS Partnership Board - all sub-groups",
        rows=(
            (
                "1. Review local mental health commissioning plans against the partnership's "
                "needs profile, including waiting times for children on CP and CIN plans",
                "1. Impact of a coordinated approach to children's mental health across "
                "Northbridge",
                "r",
            ),
            (
                "2. Develop a way of gathering children's views of the mental health services "
                "they use and feed this into the quality assurance framework",
                "2. Evidence that children's views have changed how services are offered",
                "a",
            ),
            (
                "3.Share learning from local and national CSPRs where parental mental health was "
                "a factor through 7-minute briefings",
                "3. Evidence through audit that staff understand and use the learning",
                "g",
            ),
            (
                "4. Embed mental health in the revised threshold document and Early Help pathway "
                "so that practitioners apply the criteria consistently",
                "4. Fewer children needing services at tier 3 and above",
                "a",
            ),
            (
                "5. Set up a network for Designated Safeguarding Leads with the Mental Health "
                "Support Teams (MHST) in schools",
                "5. Number of schools taking part in the DSL network",
                "g",
            ),
            (
                "6. Strengthen communication with adult mental health services so that children "
                "of parents in crisis and young carers are identified",
                "6. Young carers identified in adult mental health assessments",
                "theme-green",
            ),
            (
                "7. Review self-harm presentations of under-18s at Northbridge General A&E and "
                "agree a follow-up pathway with Early Help",
                "7. % of young people followed up by Early Help within 5 working days",
                "",
            ),
            (
                "",
                "8. Average wait from referral to first CAMHS appointment (weeks) comes down",
                "",
            ),
        ),
    ),
    PriorityBlock(
        sheet="Domestic Abuse",
        name="Domestic Abuse",
        impact=(
            "The impact of domestic abuse on children is understood and identified early, so "
            "that children and their safe parent are supported and perpetrators are held to "
            "account"
        ),
        lead="VAWG Strategic Group\nDomestic Abuse Operational Group",
        rows=(
            (
                "1. Extend Operation Encompass notifications to all nurseries and independent "
                "schools",
                "1. Number of settings receiving Operation Encompass notifications",
                "A",
            ),
            (
                "2. Develop a local system for gathering the views of children living with "
                "domestic abuse, working with the commissioned children's IDVA",
                "2. Children's views gathered and reported to the VAWG Strategic Group",
                "A",
            ),
            (
                "3. Ensure staff across agencies recognise coercive control and use the DASH "
                "risk checklist appropriately",
                "3. Evidence through audit that DASH is completed and shared with the MASH",
                "R",
            ),
            (
                "4.Review MARAC actions for children in the household and whether they lead to a "
                "referral to the MASH",
                "4. Reduction in children on CP plans for domestic abuse 2. Evidence that "
                "specific needs are targeted",
                "G",
            ),
            (
                "5. Roll out the Safe and Together model to children's social care and Early Help "
                "practitioners",
                "5. Number of practitioners trained; case records show the model in use",
                "indexed-red",
            ),
            (
                "6. Commission a multi-agency audit of domestic abuse cases stepped down from CP "
                "to CIN",
                "6. Audit findings and action plan presented to the QA Sub-group",
                "text-G",
            ),
            (
                "",
                "7. Fewer children becoming subject to a CP plan a second time where domestic "
                "abuse is the main factor",
                "",
            ),
        ),
    ),
    PriorityBlock(
        sheet="SEND",
        name="Special Educational Needs and Disabilities (SEND)",
        impact=(
            "Children with SEND are safe, heard and well supported, and the recommendations from "
            "the 2024 Local Area SEND inspection are met"
        ),
        lead="SEND Strategic Partnership Board\nParent Carer Forum",
        rows=(
            (
                "1. Improve the timeliness and quality of EHC needs assessments so that plans "
                "reflect children's needs and aspirations",
                "1. Children receive an EHC plan within statutory timescales which reflects "
                "their needs",
                "r",
            ),
            (
                "2. Ensure the voice of disabled children, including non-verbal children, is "
                "recorded in child protection and CIN assessments",
                "2. Audit shows the child's voice recorded in 80% of assessments",
                "a",
            ),
            (
                "3. Deliver safeguarding disabled children training with the Parent Carer Forum",
                "3. Informed, knowledgeable and skilled multi-agency workforce",
                "a",
            ),
            (
                "4. Review the number of children with SEND who are electively home educated or "
                "on part-time timetables",
                "4. Termly report to the Education Safeguarding Group",
                "",
            ),
            (
                "5.Audit multi-agency working for disabled children in residential placements "
                "out of borough",
                "5. Audit completed and learning shared",
                "theme-amber",
            ),
            ("", "6. % of EHC plans issued within 20 weeks", ""),
        ),
    ),
    PriorityBlock(
        sheet="Anti-Racist Practice",
        name="Anti-Racist /Discriminatory Practice",
        impact=(
            "Over-representation and disproportionality of any group of children in our "
            "services is identified, understood and acted on, and families experience practice "
            "that is anti-racist"
        ),
        lead="All NSCP Sub-groups",
        rows=(
            (
                "1. Use the partnership dataset to identify disproportionality at each stage of "
                "the child's journey (contact, referral, S47, CP plan, care)",
                "1.Evidence of action taken to redress disproportionality",
                "A",
            ),
            (
                "2. Engage faith and community groups to understand the barriers families face "
                "in asking for help",
                "2. Feedback from families and community groups",
                "G",
            ),
            (
                "3. Through multi-agency audit, identify how identity, culture and faith are "
                "considered in assessments and plans",
                "3. Evidence of positive outcomes and impact on practice",
                "g",
            ),
            (
                "4. Understand the workforce and whether it reflects the communities it serves",
                "4. Workforce profile by agency presented to the Executive",
                "b",
            ),
            (
                "5. Ensure all training and commissioned services reflect anti-racist practice, "
                "including adultification bias",
                "5.Evidence that training is embedded in practice through assessments / reports "
                "/ case discussions",
                "text-green",
            ),
            (
                "6. Share learning on adultification bias from national reviews with schools and "
                "the police",
                "6. Schools and police report changes to practice",
                "",
            ),
            ("", "7. Disproportionality report presented to the Executive every six months", ""),
        ),
    ),
    PriorityBlock(
        sheet="Under Fives",
        name="Under Fives",
        impact=(
            "Babies and under-fives are visible in all of the partnership's work, and the risks "
            "to them are understood by every practitioner who meets their family"
        ),
        lead="Early Years T&F Group\nSUDI Task & Finish Group",
        rows=(
            (
                "1. Share learning from CSPRs and child deaths where under-fives were a factor "
                "through briefings, lunchtime sessions and the newsletter",
                "1. Impact and outcomes of a multi-agency approach",
                "G",
            ),
            (
                "2. Early years to analyse data on under-fives at the Front Door and bring the "
                "profile to the Partnership",
                "2. Evidence that practice includes the needs and views of under-fives",
                "B",
            ),
            (
                "3. Health leads to review policies on 'was not brought' to appointments and "
                "concealed pregnancies across provider trusts",
                "3. Policies reviewed and gaps reported to the Partnership",
                "b",
            ),
            (
                "4. SUDI task & finish group to implement the national panel's recommendations "
                "on sudden unexpected death in infancy",
                "4. Evidence that recommendations have been acted on",
                "A",
            ),
            (
                "5. Launch the ICON programme (babies cry, you can cope) with maternity, health "
                "visiting and GP practices",
                "5. Number of parents receiving ICON messages at each touchpoint",
                "",
            ),
            (
                "6. Relaunch the neglect toolkit for early years settings and health visitors",
                "6. Early years practitioners trained in the neglect toolkit",
                "text-A",
            ),
            ("", "7. Health visitor new birth visits completed within 14 days (%)", ""),
        ),
    ),
)

PRIORITY_CHAMPIONS: tuple[tuple[str, str], ...] = (
    ("Contextual risk", "Oluwaseun Adébáyọ̀ & Dafydd Rhys-Jones"),
    ("Mental Health & Emotional Wellbeing", "Nguyễn Thị Lan"),
    ("Domestic Abuse & Coercive Control", "Dafydd Rhys-Jones"),
    ("SEND", "Aoife Ní Bhriain & Nguyễn Thị Lan"),
    ("Anti-racist / Anti discriminatory practice", "Priya Raghunathan"),
    ("Under-Fives", "Zofia Wiśniewska"),
)

YEARLY_HEADER = ("Indicator", "Unit", "Better when", "2021-22", "2022-23", "2023-24", "2024-25")
YEARLY_INDICATORS: tuple[tuple[str, str, str, tuple[float, ...]], ...] = (
    ("% of ICPCs held within 15 working days", "%", "Higher", (78.2, 84.5, 88.0, 91.3)),
    ("Number of children looked after (at 31 March)", "Number", "", (231, 244, 238, 252)),
    (
        "Re-referrals to children's social care within 12 months (%)",
        "%",
        "Lower",
        (19.8, 17.2, 18.4, 16.1),
    ),
    (
        "Children subject to a CP plan for a second or subsequent time (%)",
        "%",
        "Lower",
        (21.5, 19.0, 22.3, 18.7),
    ),
    ("Early Help assessments completed", "Number", "Higher", (612, 688, 745, 803)),
    (
        "% of return home interviews offered within 72 hours",
        "%",
        "Higher",
        (61.0, 68.4, 74.9, 82.2),
    ),
    (
        "Average wait from CAMHS referral to first appointment",
        "Weeks",
        "Lower",
        (14.5, 16.0, 12.8, 10.5),
    ),
    ("Multi-agency training places taken up", "Number", "Higher", (1240, 1385, 1512, 1630)),
)

# --------------------------------------------------------------------------------------------
# Layout 2: business plan (one sheet, a heading per priority, Outcome | Action | Who | When)
# --------------------------------------------------------------------------------------------

BUSINESS_TITLE = "NSCP BUSINESS PLAN 2025/26"
BUSINESS_HEADER = ("Outcome", "Action", "Who", "When")
BUSINESS_WIDTHS = (32, 60, 28, 30)

BusinessAction = tuple[str, str, str]
BusinessOutcome = tuple[str, tuple[BusinessAction, ...]]
BusinessPriority = tuple[str, tuple[BusinessOutcome, ...]]

BUSINESS_PLAN: tuple[BusinessPriority, ...] = (
    (
        "Priority 1 – Reducing the Harm to Children and Young People from Domestic Abuse and "
        "Coercive Control",
        (
            (
                "Children are appropriately supported following witnessing or experiencing "
                "domestic abuse and coercive control.",
                (
                    (
                        "Extend Operation Encompass to all schools, nurseries and colleges, "
                        "including the independent sector:\n"
                        "• Settings to sign up to the operation.\n"
                        "• MASH to send notifications before 9am the next school day.\n"
                        "• Settings to have a trained key adult for children affected.\n"
                        "Update August 2025: 32 schools signed up, 6 nurseries in progress.",
                        "Police/ Education Leads",
                        "From May 2025 onwards",
                    ),
                    (
                        "Feedback from Designated Safeguarding Leads on the first full term of "
                        "notifications to be reported to the Domestic Abuse Operational Group.",
                        "MASH Team Manager",
                        "January 2026",
                    ),
                    (
                        "Commission a children's IDVA post to work alongside the MASH.",
                        "VAWG Strategic Lead & Public Health",
                        "Q3 2025/26\nUpdate November 2025: first recruitment round failed, "
                        "post re-advertised.",
                    ),
                ),
            ),
            (
                "Perpetrators of domestic abuse are better held to account for their actions.",
                (
                    (
                        "Roll out the Safe and Together model across the Partnership:\n"
                        "• Overview session for managers.\n"
                        "• E-learning modules for Children's Social Care and partners.",
                        "VAWG / NSCP",
                        "Sept/Oct 2025",
                    ),
                    (
                        "Multi-agency audit of domestic abuse cases pre/post roll out of Safe and "
                        "Together, to test the impact of learning on case recording and decision "
                        "making.\nAudit template shared with health providers to enable their "
                        "participation.",
                        "Quality Assurance Sub-group",
                        "Started September 2025 – end date January 2026",
                    ),
                    (
                        "Review the referral pathway to the perpetrator programme with Probation.",
                        "Probation Service and\nCommunity Safety Partnership",
                        "2025-26",
                    ),
                ),
            ),
            (
                "The multi-agency workforce is well informed of best practice around domestic "
                "abuse.",
                (
                    (
                        "NSCP training offer to include:\n"
                        "• Domestic abuse awareness and coercive control.\n"
                        "• Learning from local Domestic Homicide Reviews.",
                        "Learning and Development Sub-group",
                        "Ongoing – review quarterly",
                    ),
                    (
                        "Develop best practice on domestic abuse in general practice and the "
                        "acute trust.\nUpdate November 2025: 14 of 27 GP practices have a named "
                        "domestic abuse lead.",
                        "Health Designated Nurse\nNamed GP",
                        "delayed due to staffing – now March 2026",
                    ),
                ),
            ),
        ),
    ),
    (
        "Priority 2 – Tackling Peer on Peer Abuse",
        (
            (
                "The NSCP develops best practice on safeguarding adolescents.",
                (
                    (
                        "Set up the Safeguarding Adolescents Sub-group and agree terms of "
                        "reference covering:\n"
                        "• Child sexual and criminal exploitation.\n"
                        "• Harmful sexual behaviour.\n"
                        "• Missing.\n"
                        "• Online safety.\n"
                        "• County lines.",
                        "Independent Scrutineer",
                        "Completed September 2025",
                    ),
                    (
                        "Update the MACE panel terms of reference to reflect the overlap between "
                        "exploitation, serious youth violence and missing.",
                        "MACE co-chairs",
                        "Completed\nJune 2025",
                    ),
                    (
                        "CSE/CCE/missing data to be shared with the Safeguarding Adolescents "
                        "Sub-group.",
                        "MACE co-chairs &\nPerformance and Intelligence Team",
                        "Reviewed quarterly by the Safeguarding Adolescents Sub-group",
                    ),
                ),
            ),
            (
                "Frontline workers are confident in using contextual safeguarding.",
                (
                    (
                        "Deliver contextual safeguarding workshops through the NSCP training "
                        "programme.\nUpdate October 2025: 3 workshops delivered, 86 "
                        "practitioners attended.",
                        "Exploitation Leads/ NSCP Trainer",
                        "2025-26",
                    ),
                    (
                        "Engage local hotels, taxi firms and fast-food outlets in Operation "
                        "Makesafe training.",
                        "Police and Licensing",
                        "From October 2025 onwards",
                    ),
                ),
            ),
            (
                "Schools respond consistently to harmful sexual behaviour.",
                (
                    (
                        "Adopt a shared harmful sexual behaviour tool across schools and early "
                        "years settings, with DSL briefings each term.",
                        "Education Safeguarding Lead & School Nursing",
                        "Twice a year",
                    ),
                    (
                        "Audit a sample of HSB cases referred to the MASH to test the quality of "
                        "joint safety plans.\n"
                        "• Audit completed November 2025.\n"
                        "• Report to QA Sub-group December 2025.",
                        "QA Sub-group",
                        "Completed November 2025",
                    ),
                ),
            ),
        ),
    ),
    (
        "Priority 3 – Voice of the Child",
        (
            (
                "Children and young people's views shape the work of the partnership.",
                (
                    (
                        "Young Inspectors to review the MASH and Early Help web pages.",
                        "Participation Lead\nYouth Council",
                        "January 2026",
                    ),
                    (
                        "Hold an annual Youth Safeguarding Summit with secondary schools.",
                        "LSCP Business Manager",
                        "31/03/2026",
                    ),
                    (
                        "Develop a feedback form for children after a child protection "
                        "conference.\nUpdate September 2025: draft tested with 12 children; "
                        "easy-read version requested.",
                        "Chair of ICPCs / IRO Service",
                        "Q3 2025/26",
                    ),
                    (
                        "Publish a 'You said, we did' report on the NSCP website.",
                        "NSCP Business Manager and Participation Lead",
                        "Twice a year",
                    ),
                ),
            ),
            (
                "Practitioners record the lived experience of the child in assessments and plans.",
                (
                    (
                        "Multi-agency audit of the voice of the child in CIN and CP plans.",
                        "QA Sub-group",
                        "Oct/Nov 2025",
                    ),
                    (
                        "Refresh the 'Day in the life of the child' tool and include it in the "
                        "neglect toolkit.",
                        "",
                        "Completed August 2025",
                    ),
                    (
                        "Voice of the child briefing for GP and dental practices.",
                        "Health Designated Nurse and Named GP",
                        "Spring term 2026",
                    ),
                ),
            ),
        ),
    ),
    (
        "Priority 4 - Neglect and Early Help",
        (
            (
                "Neglect is recognised early and responded to consistently by all agencies.",
                (
                    (
                        "Relaunch the Northbridge neglect toolkit with an app version for "
                        "practitioners.\nUpdate August 2025: 210 practitioners trained since "
                        "April.",
                        "Neglect Strategy Group",
                        "From June 2025 onwards",
                    ),
                    (
                        "Embed the neglect toolkit in health visiting and school nursing contacts.",
                        "0-19 Service Lead & Health Designated Nurse",
                        "December 2025",
                    ),
                    (
                        "Quarterly neglect dashboard to the Executive, including children on CP "
                        "plans under the category of neglect.",
                        "Performance and Intelligence Team",
                        "Ongoing – review quarterly",
                    ),
                    (
                        "Share learning from the CSPR on Child M (neglect and non-attendance) "
                        "through 7-minute briefings.",
                        "CSPR Sub-group",
                        "Completed October 2025",
                    ),
                ),
            ),
            (
                "Families get help at the earliest point.",
                (
                    (
                        "Review the Early Help assessment so that it is shorter and co-produced "
                        "with families.",
                        "Early Help Partnership Board",
                        "Q4 2025/26",
                    ),
                    (
                        "Relaunch the threshold document ('Continuum of Need') with briefings for "
                        "schools and GP practices.",
                        "MASH Strategic Lead/ Education Leads/ Health",
                        "January 2026",
                    ),
                    (
                        "Track children electively home educated who are open to Early Help and "
                        "agree joint visits with the EHE team.\n"
                        "Update December 2025: protocol agreed; 41 children on the EHE register "
                        "are open to Early Help.",
                        "EHE Team\nEarly Help",
                        "2025-26",
                    ),
                ),
            ),
        ),
    ),
    (
        "Priority 5 – NSCP Business as Usual",
        (
            (
                "The partnership meets its statutory duties for case reviews.",
                (
                    (
                        "Rapid reviews completed within 15 working days of notification.",
                        "CSPR Sub-group Chair",
                        "Ongoing",
                    ),
                    (
                        "Publish the CSPR on Child M with the partnership's action plan.",
                        "Independent Scrutineer & NSCP Business Manager",
                        "Started September 2025 – end date January 2026",
                    ),
                    (
                        "Track actions from local and national reviews on the CSPR tracker.",
                        "VAG T&WD Front Door",
                        "Ongoing – review quarterly",
                    ),
                ),
            ),
            (
                "The multi-agency training offer meets the needs of the workforce.",
                (
                    (
                        "Training needs analysis completed with all partner agencies.",
                        "Learning and Development Sub-group",
                        "Sept/Oct 2025",
                    ),
                    (
                        "Evaluate training at 3 months for impact on practice.\n"
                        "Update October 2025: 71% report improved practice.",
                        "NSCP Trainer",
                        "Twice a year",
                    ),
                ),
            ),
            (
                "Partnership arrangements are well governed and funded.",
                (
                    (
                        "Agree partner contributions for the 2026/27 budget.",
                        "Local Authority, ICB and Police",
                        "31/03/2026",
                    ),
                    (
                        "Publish the Yearly Report 2024-25.",
                        "LSCP Business Manager",
                        "Completed September 2025",
                    ),
                ),
            ),
        ),
    ),
)

# The annual report's annex: each priority's story for the year, on a sheet with no Action
# column. Priorities are named as people refer to them ("Priority 1", a short title).
NARRATIVE_HEADER = (
    "Priority",
    "Period",
    "What has been done",
    "Analysis of progress",
    "Impact of work",
    "Next steps",
)
BUSINESS_NARRATIVES: tuple[tuple[str, str, str, str, str, str], ...] = (
    (
        "Priority 1",
        "2024/25",
        "Operation Encompass now reaches every school; 214 notifications were sent the morning "
        "after a police call-out.",
        "Schools act on most notifications the same day; two academies have yet to name a "
        "key adult.",
        "Designated safeguarding leads report children are offered support before lunchtime.",
        "Bring the last two academies into the scheme by September 2025.",
    ),
    (
        "Tackling Peer on Peer Abuse",
        "2024/25",
        "Harmful sexual behaviour toolkit launched with 96 practitioners trained.",
        "Take-up is strongest in secondary schools and weakest in youth clubs.",
        "Referrals now name the behaviour seen rather than 'inappropriate contact'.",
        "Offer the training to youth services and sports clubs.",
    ),
    (
        "Voice of the Child",
        "2024/25",
        "Young Inspectors reviewed the front door letters and rewrote four of them.",
        "Children's words appear in 71% of audited plans, up from 58%.",
        "Families say the new letters are clear about what happens next.",
        "Ask the Young Inspectors to review the child protection conference leaflet.",
    ),
    (
        "Neglect & Early Help",
        "2024/25",
        "The Graded Care Profile 2 is used by health visitors and early help workers.",
        "Use in schools lags; the audit found the tool used in 3 of 10 school-led cases.",
        "Neglect cases reach a plan on average four weeks sooner than in 2023/24.",
        "Train school staff in the Graded Care Profile 2 in the autumn term.",
    ),
    (
        "NSCP Business as Usual",
        "2024/25",
        "The learning and improvement framework was refreshed and two rapid reviews held.",
        "Both reviews met the 15 working day timescale.",
        "Learning briefings reached 1,150 practitioners.",
        "Publish the refreshed multi-agency threshold guidance.",
    ),
)

# A performance table in the annual report's style: the partnership's own figures by year,
# then its benchmarks and the change, with no priority named (they belong to the whole plan).
PERFORMANCE_HEADER = (
    "Indicator",
    "Unit",
    "2023/24",
    "2024/25",
    "Statistical neighbours",
    "London",
    "England",
    "Change",
)
PERFORMANCE: tuple[tuple[str, str, float, float, float, float, float, float], ...] = (
    ("Re-referrals to children's social care within 12 months", "%",
     18.4, 16.1, 19.2, 16.9, 21.4, -2.3),
    ("Children subject to a CP plan for a second or subsequent time", "%",
     22.3, 18.7, 21.0, 19.1, 23.8, -3.6),
    ("Children in need per 10,000 children", "Rate", 331.5, 318.2, 342.0, 335.6, 342.7, -13.3),
    ("Child protection plans per 10,000 children", "Rate", 41.0, 38.6, 40.2, 35.8, 41.6, -2.4),
    ("Single assessments completed within 45 working days", "%",
     84.1, 88.7, 85.3, 82.9, 82.1, 4.6),
)  # fmt: skip

# --------------------------------------------------------------------------------------------
# Layout 3: tracker (one row per action)
# --------------------------------------------------------------------------------------------

TRACKER_HEADER = (
    "Ref",
    "Priority",
    "Action",
    "Lead",
    "Due date",
    "Status",
    "RAG",
    "Latest update",
    "Date of update",
)
TRACKER_WIDTHS = (7, 26, 50, 28, 12, 13, 6, 50, 14)

# (action, lead, due date, status, RAG letter, latest update, date of update)
TrackerRow = tuple[str, str, date | None, str, str, str, date | None]

TRACKER_PLAN: tuple[tuple[str, tuple[TrackerRow, ...]], ...] = (
    (
        "Exploitation and Contextual Safeguarding",
        (
            (
                "Refresh the multi-agency exploitation screening tool and guidance",
                "Exploitation & Missing Sub-group",
                date(2025, 7, 31),
                "Complete",
                "B",
                "New tool live on the NSCP website from 1 July; briefings held for DSLs.",
                date(2025, 7, 8),
            ),
            (
                "Quarterly contextual safeguarding mapping of hotspot locations",
                "Police Partnership Inspector / Community Safety",
                date(2026, 3, 31),
                "Ongoing",
                "G",
                "Eastgate retail park and Millbrook bus station mapped in Q2; patrol plan agreed.",
                date(2025, 10, 14),
            ),
            (
                "Safer Spaces scheme: sign up local businesses as places of safety",
                "Community Safety Partnership",
                date(2025, 12, 31),
                "In progress",
                "A",
                "14 businesses signed up against a target of 25.",
                date(2025, 11, 3),
            ),
            (
                "Return home interviews offered within 72 hours of every missing episode",
                "Marek Dvořák, Missing Children Coordinator",
                date(2026, 3, 31),
                "In progress",
                "A",
                "Q2: 82% within 72 hours. Gaps at weekends; options paper to DMT in November.",
                date(2025, 10, 20),
            ),
            (
                "MACE panel to review every child open to the exploitation pathway each month",
                "MACE Chair (Police DI)",
                None,
                "Ongoing",
                "G",
                "",
                None,
            ),
            (
                "Operation Makesafe training for hotels, taxi firms and fast-food outlets",
                "Police Licensing & Trading Standards",
                date(2025, 11, 30),
                "Delayed",
                "R",
                "Licensing officer post vacant since August; training paused.",
                date(2025, 9, 29),
            ),
            (
                "Joint visiting protocol for home educated children known to the MACE panel",
                "EHE Team / Early Help",
                date(2025, 12, 31),
                "In progress",
                "a",
                "Draft protocol circulated to MACE members for comment.",
                date(2025, 11, 18),
            ),
            (
                "Transitional safeguarding: agree how young people at risk of exploitation move "
                "to adult services at 18",
                "Adult Social Care and Children's Social Care",
                date(2026, 3, 31),
                "Not started",
                "",
                "",
                None,
            ),
            (
                "Online safety briefings for parents with secondary schools",
                "Education Safeguarding Lead",
                date(2026, 2, 28),
                "In progress",
                "G",
                "Two evening sessions held at Northbridge Academy (57 parents).",
                date(2025, 11, 27),
            ),
            (
                "Detached youth workers to survey young people on feeling safe in their area",
                "Youth Service Manager",
                date(2025, 10, 31),
                "Complete",
                "B",
                "412 responses; findings presented to the Executive on 14/10.",
                date(2025, 10, 15),
            ),
            (
                "County lines awareness campaign at railway and bus stations",
                "Community Safety Partnership",
                date(2025, 9, 30),
                "Cancelled",
                "",
                "Cancelled: funding not agreed. To be picked up by the regional VRU campaign.",
                date(2025, 8, 12),
            ),
        ),
    ),
    (
        "Neglect",
        (
            (
                "Relaunch the neglect toolkit with training for all agencies",
                "Neglect Strategy Group",
                date(2025, 9, 30),
                "Complete",
                "B",
                "Relaunch event on 17 September; 146 practitioners trained.",
                date(2025, 9, 19),
            ),
            (
                "Embed the neglect toolkit in health visiting and school nursing contacts",
                "0-19 Service Lead",
                date(2025, 12, 31),
                "In progress",
                "G",
                "Toolkit added to the 2-year review template.",
                date(2025, 11, 10),
            ),
            (
                "Neglect dashboard to the Executive each quarter",
                "Performance & Intelligence Team",
                date(2026, 3, 31),
                "Ongoing",
                "G",
                "Q2 dashboard: 41% of CP plans under the category of neglect (Q1 44%).",
                date(2025, 10, 28),
            ),
            (
                "Multi-agency audit of neglect cases open to Early Help for over 12 months",
                "QA Sub-group",
                date(2025, 11, 30),
                "Delayed",
                "A",
                "Audit moved to January: audit capacity taken by inspection preparation.",
                date(2025, 11, 5),
            ),
            (
                "7-minute briefing on learning from the CSPR on Child M",
                "CSPR Sub-group",
                date(2025, 8, 31),
                "completed",
                "B",
                "Briefing published and used in 9 team meetings.",
                date(2025, 8, 22),
            ),
            (
                "Housing to share notifications of families placed in temporary accommodation "
                "with health visitors",
                "Housing Options Manager & 0-19 Service",
                date(2026, 1, 31),
                "In progress",
                "A",
                "Data sharing agreement with Information Governance for sign-off.",
                date(2025, 12, 2),
            ),
            (
                "Dental neglect pathway agreed with the community dental service",
                "Health Designated Nurse",
                date(2026, 3, 31),
                "Not started",
                "A",
                "- awaiting reply from the community dental service",
                date(2025, 11, 24),
            ),
            (
                "'Was not brought' policy adopted by all GP practices",
                "Named GP for Safeguarding",
                date(2025, 12, 31),
                "In progress",
                "g",
                "19 of 27 practices have adopted the policy.",
                date(2025, 11, 21),
            ),
            (
                "Refresh the neglect strategy with parents through the Parent Carer Forum",
                "Neglect Strategy Group",
                date(2026, 3, 31),
                "On hold",
                "A",
                "On hold until the new Early Help strategy is agreed in January.",
                date(2025, 10, 9),
            ),
            (
                "Joint working between Education Welfare and Early Help for persistently absent "
                "children",
                "Head of Inclusion / Early Help",
                date(2026, 3, 31),
                "Ongoing",
                "G",
                "Joint panel meets fortnightly; 63 children discussed since September.",
                date(2025, 12, 5),
            ),
        ),
    ),
    (
        "Domestic Abuse",
        (
            (
                "Operation Encompass notifications extended to nurseries and independent schools",
                "Police/ Education Leads",
                date(2025, 10, 31),
                "Complete",
                "B",
                "All 18 independent schools and 31 of 34 nurseries signed up.",
                date(2025, 10, 30),
            ),
            (
                "Children's IDVA recruited and based in the MASH",
                "Chloé Martin, VAWG Strategic Lead",
                date(2025, 9, 30),
                "Delayed",
                "R",
                "Second recruitment round failed; post re-advertised at a higher grade.",
                date(2025, 10, 2),
            ),
            (
                "Safe and Together training for social workers and Early Help practitioners",
                "VAWG / NSCP Trainer",
                date(2026, 1, 31),
                "In progress",
                "G",
                "Cohort 1 (24 staff) complete; cohort 2 starts 12 January.",
                date(2025, 12, 9),
            ),
            (
                "Audit of MARAC actions for children in the household",
                "MARAC Chair & QA Sub-group",
                date(2025, 12, 31),
                "In progress",
                "A",
                "Early findings: <50% of MARAC actions for children followed up & recorded; "
                '"child\'s voice" missing in most.',
                date(2025, 11, 25),
            ),
            (
                "Domestic abuse e-learning made mandatory for partner agencies",
                "Learning and Development Sub-group",
                date(2026, 3, 31),
                "Not started",
                "",
                "",
                None,
            ),
            (
                "DHR learning briefing shared with children's practitioners",
                "Community Safety Partnership",
                date(2025, 7, 31),
                "Complete",
                "B",
                "Briefing circulated in the July newsletter.",
                date(2025, 7, 25),
            ),
            (
                "Referral pathway to the perpetrator programme agreed with Probation",
                "Probation Head of Service",
                date(2026, 2, 28),
                "In progress",
                "A",
                "=== see minutes of the DA Operational Group 04/11 ===",
                date(2025, 11, 6),
            ),
            (
                "Review of school places for children living in refuges",
                "School Admissions and Refuge Provider",
                date(2025, 12, 31),
                "In Progress",
                "G",
                "All 11 children in refuge have a school place within 20 school days.",
                date(2025, 12, 1),
            ),
            (
                "Coercive control briefing for GP practices and pharmacies",
                "Named GP & ICB Safeguarding Team",
                date(2026, 1, 31),
                "Not started",
                "",
                "",
                None,
            ),
            (
                "Child-to-parent violence pathway with the Youth Justice Service",
                "Early Help and Youth Justice Service",
                date(2026, 3, 31),
                "Ongoing",
                "G",
                "Pathway drafted; practitioner training booked for March.",
                date(2025, 12, 10),
            ),
        ),
    ),
    (
        "Emotional Wellbeing and Mental Health",
        (
            (
                "Waiting times to CAMHS for children on CP and CIN plans reported to the Executive",
                "CAMHS Service Manager",
                date(2026, 3, 31),
                "Ongoing",
                "A",
                "Average wait 10.5 weeks; children on CP plans prioritised since September.",
                date(2025, 10, 21),
            ),
            (
                "Network for DSLs with the Mental Health Support Teams",
                "MHST Clinical Lead",
                date(2025, 11, 30),
                "Complete",
                "B",
                "Network launched; 38 schools attended the first meeting.",
                date(2025, 11, 28),
            ),
            (
                "Self-harm presentations of under-18s at Northbridge General A&E followed up by "
                "Early Help within 5 working days",
                "Hospital Safeguarding Team / Early Help",
                date(2026, 1, 31),
                "Delayed",
                "R",
                "Data feed from the trust not yet live; escalated to the ICB.",
                date(2025, 11, 12),
            ),
            (
                "Young carers identified in adult mental health assessments",
                "Siobhán Gallagher, Adult Mental Health Safeguarding Lead",
                date(2026, 3, 31),
                "In progress",
                "A",
                "+44 20 7946 0321 is the new young carers referral line; added to the adult "
                "assessment template.",
                date(2025, 12, 3),
            ),
            (
                "Children's views of mental health services gathered through the Youth Council",
                "Participation Lead",
                date(2026, 2, 28),
                "Not started",
                "",
                "",
                None,
            ),
            (
                "Postvention protocol for schools after a suspected suicide",
                "Public Health Consultant",
                date(2025, 12, 31),
                "In progress",
                "G",
                "Protocol agreed with headteachers; launch at the January DSL forum.",
                date(2025, 11, 19),
            ),
            (
                "Eating disorder pathway briefing for GPs and school nurses",
                "ICB Children's Commissioner",
                date(2025, 10, 31),
                "Complete",
                "B",
                "Briefing delivered to 64 GPs and school nurses.",
                date(2025, 10, 17),
            ),
            (
                "Learning from CSPRs where parental mental health was a factor shared through "
                "7-minute briefings",
                "CSPR Sub-group",
                date(2025, 9, 30),
                "completed",
                "b",
                "Briefing published on the NSCP website.",
                date(2025, 9, 26),
            ),
            (
                "Online counselling service uptake monitored by school and ward",
                "Public Health",
                date(2026, 3, 31),
                "Ongoing",
                "",
                "",
                None,
            ),
        ),
    ),
    (
        "SEND and Children Missing Education",
        (
            (
                "EHC needs assessments completed within 20 weeks",
                "Head of SEND",
                date(2026, 3, 31),
                "In progress",
                "R",
                "Timeliness 48% against a target of 65%; two agency EP posts agreed.",
                date(2025, 11, 30),
            ),
            (
                "Voice of disabled and non-verbal children recorded in CP and CIN assessments",
                "Disabled Children's Team Manager",
                date(2026, 1, 31),
                "In progress",
                "A",
                "Communication passport template shared with the team.",
                date(2025, 11, 14),
            ),
            (
                "Safeguarding disabled children training with the Parent Carer Forum",
                "NSCP Trainer & Parent Carer Forum",
                date(2025, 12, 31),
                "Complete",
                "B",
                "Two sessions, 58 attendees; average evaluation 4.7 out of 5.",
                date(2025, 12, 4),
            ),
            (
                "Children on part-time timetables reported to the Education Safeguarding Group "
                "each term",
                "Head of Inclusion",
                date(2026, 3, 31),
                "Ongoing",
                "G",
                "Autumn term report: 37 children on part-time timetables, 9 with SEND.",
                date(2025, 10, 31),
            ),
            (
                "Daily check of unexplained absence for children open to social care",
                "Education Welfare Service",
                date(2025, 10, 31),
                "Complete",
                "B",
                "Daily report live from 1 October.",
                date(2025, 10, 29),
            ),
            (
                "Elective home education register checked against MASH and Early Help records "
                "each month",
                "EHE Team",
                date(2026, 3, 31),
                "Ongoing",
                "G",
                "EHE register at 412 children (up 9% on last year).",
                date(2025, 12, 1),
            ),
            (
                "Audit of disabled children in residential placements out of borough",
                "QA Sub-group",
                date(2026, 2, 28),
                "Not started",
                "",
                "",
                None,
            ),
            (
                "Written Statement of Action progress reported to the Executive",
                "SEND Strategic Partnership Board",
                date(2026, 3, 31),
                "Ongoing",
                "A",
                "Progress reported in November; EHC timeliness remains the main risk.",
                date(2025, 11, 20),
            ),
            (
                "Safeguarding checks in short breaks provision",
                "Commissioning Manager",
                date(2025, 11, 30),
                "On hold",
                "A",
                "Paused pending recommissioning of short breaks from April 2026.",
                date(2025, 10, 6),
            ),
            (
                "Preparing for adulthood protocol for young people with SEND at risk of "
                "exploitation",
                "Preparing for Adulthood Lead",
                date(2026, 3, 31),
                "Not started",
                "A",
                "",
                None,
            ),
        ),
    ),
    (
        "Babies and Under Fives",
        (
            (
                "ICON programme (babies cry, you can cope) in maternity, health visiting and GP "
                "practices",
                "Head of Midwifery & 0-19 Service",
                date(2025, 12, 31),
                "In progress",
                "G",
                "ICON messages given at 96% of new birth visits in Q2.",
                date(2025, 11, 26),
            ),
            (
                "Safer sleep campaign with housing and temporary accommodation providers",
                "SUDI Task & Finish Group",
                date(2026, 1, 31),
                "In progress",
                "A",
                "Leaflets translated into Polish, Romanian, Bengali and Somali.",
                date(2025, 12, 8),
            ),
            (
                "Concealed pregnancy guidance reviewed across provider trusts",
                "Designated Nurse",
                date(2025, 9, 30),
                "Complete",
                "B",
                "Guidance agreed by both trusts.",
                date(2025, 9, 30),
            ),
            (
                "Under-fives data profile at the Front Door presented to the Partnership",
                "Early Years Lead / Performance & Intelligence",
                date(2025, 10, 31),
                "Delayed",
                "R",
                "Extract from the health visiting system delayed; now due January.",
                date(2025, 10, 31),
            ),
            (
                "Audit of the pre-birth assessment protocol",
                "QA Sub-group",
                date(2026, 3, 31),
                "Not started",
                "",
                "@Designated Nurse please add an update before the January Executive",
                date(2025, 12, 15),
            ),
            (
                "Fathers and male carers included in antenatal and new birth contacts",
                "0-19 Service Lead",
                date(2026, 3, 31),
                "Ongoing",
                "G",
                "Father's details recorded at 71% of new birth visits (Q1 58%).",
                date(2025, 11, 7),
            ),
            (
                "Early years settings trained in the neglect toolkit",
                "Early Years Quality Team",
                date(2025, 12, 31),
                "In progress",
                "A",
                "42 of 70 settings trained.",
                date(2025, 11, 17),
            ),
            (
                "Bruising in non-mobile babies protocol relaunched",
                "Named Doctor for Safeguarding",
                date(2025, 8, 31),
                "Complete",
                "B",
                "Relaunched with a one-page flowchart for GPs and the emergency department.",
                date(2025, 8, 29),
            ),
            (
                "Perinatal mental health referrals for mothers of babies on CP plans",
                "Perinatal Mental Health Service",
                date(2026, 2, 28),
                "Cancelled",
                "",
                "Cancelled: now covered by the ICB perinatal pathway review.",
                date(2025, 10, 15),
            ),
        ),
    ),
    (
        "Voice of the Child and Workforce Development",
        (
            (
                "Young Inspectors review of the MASH and Early Help web pages",
                "Participation Lead / Youth Council",
                date(2026, 1, 31),
                "In progress",
                "G",
                "Six Young Inspectors trained; review starts in December.",
                date(2025, 12, 4),
            ),
            (
                "Feedback form for children after a child protection conference",
                "IRO Service Manager",
                date(2025, 12, 31),
                "In progress",
                "A",
                "Draft tested with 12 children; easy-read version requested.",
                date(2025, 9, 30),
            ),
            (
                "Annual Youth Safeguarding Summit",
                "NSCP Business Manager",
                date(2026, 3, 31),
                "In progress",
                "G",
                "Venue booked for 12 March; schools invited.",
                date(2025, 12, 11),
            ),
            (
                "Multi-agency audit of the voice of the child in CIN and CP plans",
                "QA Sub-group",
                date(2025, 11, 30),
                "Complete",
                "B",
                "Findings to the Executive in January; 7-minute briefing to follow.",
                date(2025, 11, 28),
            ),
            (
                "Training needs analysis with all partner agencies",
                "Learning and Development Sub-group",
                date(2025, 10, 31),
                "Complete",
                "B",
                "Returns from 27 agencies; offer for 2026 agreed.",
                date(2025, 10, 24),
            ),
            (
                "Evaluate multi-agency training at 3 months for impact on practice",
                "NSCP Trainer",
                date(2026, 3, 31),
                "Ongoing",
                "G",
                "71% report improved practice at 3 months (Q2).",
                date(2025, 10, 27),
            ),
            (
                "Multi-agency training uptake reported by agency each quarter",
                "Kwame Asante, NSCP Business Manager",
                date(2026, 3, 31),
                "Ongoing",
                "A",
                "Police and GP uptake below 50% of the places allocated.",
                date(2025, 10, 27),
            ),
            (
                "Section 11 audit returns from all statutory and relevant agencies",
                "NSCP Business Manager",
                date(2026, 1, 31),
                "In progress",
                "G",
                "22 of 30 returns received.",
                date(2025, 12, 12),
            ),
            (
                "Resolving professional differences (escalation) policy relaunched",
                "Independent Scrutineer",
                date(2025, 9, 30),
                "Complete",
                "B",
                "Relaunched at the September practitioner forum.",
                date(2025, 9, 16),
            ),
            (
                "Publish the Yearly Report 2024-25",
                "NSCP Business Manager",
                date(2025, 9, 30),
                "Complete",
                "B",
                "Published on the NSCP website on 26 September.",
                date(2025, 9, 26),
            ),
            (
                "Practitioner forum each term: 'What is it like to be a child in Northbridge?'",
                "Independent Scrutineer & NSCP Business Manager",
                None,
                "Ongoing",
                "G",
                "Autumn forum held online; 112 practitioners attended.",
                date(2025, 11, 13),
            ),
        ),
    ),
)

TRACKER_CHAMPIONS: tuple[tuple[str, str], ...] = (
    ("Exploitation and Contextual Safeguarding", "Oluwaseun Adébáyọ̀"),
    ("Neglect", "Mehmet Yılmaz"),
    ("Domestic Abuse", "Dafydd Rhys-Jones & Chloé Martin"),
    ("Emotional Wellbeing & Mental Health", "Nguyễn Thị Lan"),
    ("SEND and Children Missing Education", "Aoife Ní Bhriain"),
    ("Babies and Under Fives", "Zofia Wiśniewska"),
    ("Voice of the Child and Workforce Development", "Priya Raghunathan / Kwame Asante"),
)

QUARTERLY_HEADER = (
    "Indicator",
    "Unit",
    "Direction",
    "Baseline",
    "Target",
    "Q1 2025/26",
    "Q2 2025/26",
    "Q3 2025/26",
)
QUARTERLY_INDICATORS: tuple[tuple[str, str, str, float, float, tuple[float | None, ...]], ...] = (
    ("% of ICPCs held within 15 working days", "%", "Higher", 91.3, 95, (92.0, 94.1, 96.2)),
    (
        "Re-referrals to children's social care within 12 months (%)",
        "%",
        "Lower",
        16.1,
        15,
        (15.8, 16.4, 14.9),
    ),
    ("Children missing 3 or more times in the quarter", "Number", "Lower", 38, 30, (35, None, 29)),
    (
        "Return home interviews offered within 72 hours (%)",
        "%",
        "Higher",
        82.2,
        90,
        (84.0, 86.5, 88.1),
    ),
    (
        "Operation Encompass notifications sent to schools",
        "Number",
        "Higher",
        1410,
        1600,
        (402, 377, 455),
    ),
    (
        "Training evaluations reporting improved practice at 3 months (%)",
        "%",
        "Higher",
        64,
        75,
        (66, 71, 73),
    ),
)

# --------------------------------------------------------------------------------------------
# Cell and sheet helpers
# --------------------------------------------------------------------------------------------


def put(ws: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write a value; text is always stored as text, never as a formula."""
    cell = ws.cell(row=row, column=column)
    if value is None or value == "":
        return cell
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(RISKY_START):
            cell.quotePrefix = True
    return cell


def put_row(ws: Worksheet, row: int, values: Iterable[object]) -> None:
    """Write values across a row from column A."""
    for column, value in enumerate(values, start=1):
        put(ws, row, column, value)


def style_range(ws: Worksheet, first_row: int, last_row: int, columns: int) -> None:
    """Give a block of cells thin borders and wrapped, top-aligned text."""
    for row in ws.iter_rows(min_row=first_row, max_row=last_row, max_col=columns):
        for cell in row:
            cell.border = BORDER
            cell.alignment = WRAP_TOP


def write_header(ws: Worksheet, row: int, headers: Sequence[str]) -> None:
    """Write a bold, grey header row."""
    put_row(ws, row, headers)
    for column in range(1, len(headers) + 1):
        cell = ws.cell(row=row, column=column)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = WRAP_TOP


def write_title(ws: Worksheet, row: int, text: str, columns: int) -> None:
    """Write a bold title merged across the table width."""
    cell = put(ws, row, 1, text)
    cell.font = Font(bold=True, size=14)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)


def merge_down(ws: Worksheet, column: int, first_row: int, last_row: int, value: str) -> None:
    """Write a value and merge it down a block of rows."""
    put(ws, first_row, column, value)
    if last_row > first_row:
        ws.merge_cells(
            start_row=first_row, start_column=column, end_row=last_row, end_column=column
        )


def set_widths(ws: Worksheet, widths: Sequence[int]) -> None:
    """Set the column widths from column A."""
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


def line_count(text: str, width: int) -> int:
    """Roughly how many lines a text wraps to in a column of this width."""
    return sum(max(1, math.ceil(len(part) / max(width - 2, 1))) for part in text.split("\n"))


def fit_heights(ws: Worksheet, rows: Iterable[int], widths: Sequence[int]) -> None:
    """Set row heights so that wrapped text in unmerged cells is visible."""
    merged = {cell for rng in ws.merged_cells.ranges for cell in rng.cells}
    for row in rows:
        lines = 1
        for column, width in enumerate(widths, start=1):
            value = ws.cell(row=row, column=column).value
            if isinstance(value, str) and (row, column) not in merged:
                lines = max(lines, line_count(value, width))
        ws.row_dimensions[row].height = 15 * lines


def landscape(ws: Worksheet) -> None:
    """Print the sheet landscape, one page wide."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def paint_rag(cell: Cell, key: str) -> None:
    """Colour and/or label a RAG cell as the style key says; "" leaves it unrated."""
    if not key:
        return
    rag = RAG_STYLES[key]
    if rag.text:
        put(cell.parent, cell.row, cell.column, rag.text)
    if rag.fill is not None:
        cell.fill = PatternFill(fill_type="solid", fgColor=rag.fill)
    cell.alignment = Alignment(horizontal="center", vertical="top")


def new_workbook(title: str) -> Workbook:
    """An empty workbook with fixed document properties."""
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = AUTHOR
    wb.properties.lastModifiedBy = AUTHOR
    wb.properties.title = title
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def stable_zip(data: bytes) -> bytes:
    """Rewrite a zip archive with every member stamped at the same fixed time."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(member))
    return out.getvalue()


def workbook_bytes(wb: Workbook) -> bytes:
    """Serialise a workbook to identical bytes on every run (no save-time timestamps)."""
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()
    return stable_zip(buffer.getvalue())


def save(wb: Workbook, path: Path) -> Path:
    """Write the workbook, leaving the file untouched when nothing changed."""
    data = workbook_bytes(wb)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
    return path


def write_champions(wb: Workbook, headers: Sequence[str], rows: Sequence[tuple[str, str]]) -> None:
    """Add the executive champions sheet."""
    ws = wb.create_sheet("Executive Champions")
    write_header(ws, 1, headers)
    for offset, row in enumerate(rows, start=2):
        put_row(ws, offset, row)
    style_range(ws, 2, len(rows) + 1, len(headers))
    set_widths(ws, (44, 40))


def number_format_for(unit: str) -> str:
    """Excel number format for an indicator's unit."""
    return "#,##0" if unit == "Number" else "0.0"


def write_indicator_rows(
    ws: Worksheet, rows: Sequence[Sequence[object]], first_number: int
) -> None:
    """Write indicator rows under a header, formatting the numeric columns."""
    for row_number, values in enumerate(rows, start=2):
        put_row(ws, row_number, values)
        unit = str(values[1])
        for column in range(first_number, len(values) + 1):
            ws.cell(row=row_number, column=column).number_format = number_format_for(unit)
    style_range(ws, 2, len(rows) + 1, len(rows[0]))


# --------------------------------------------------------------------------------------------
# Layout 1 writer
# --------------------------------------------------------------------------------------------


def write_priority_sheet(wb: Workbook, block: PriorityBlock) -> None:
    """Add one priority's sheet: title, blank row, header, merged block of actions."""
    ws = wb.create_sheet(block.sheet)
    columns = len(PRIORITIES_HEADER)
    write_title(ws, 1, PRIORITIES_TITLE, columns)
    write_header(ws, 3, PRIORITIES_HEADER)
    first = 4
    last = first + len(block.rows) - 1
    style_range(ws, first, last, columns)
    for row, (action, measure, rag) in enumerate(block.rows, start=first):
        put(ws, row, 3, action)
        put(ws, row, 4, measure)
        paint_rag(ws.cell(row=row, column=6), rag)
    merge_down(ws, 1, first, last, block.name)
    merge_down(ws, 2, first, last, block.impact)
    merge_down(ws, 5, first, last, block.lead)
    ws.cell(row=first, column=1).font = Font(bold=True)
    set_widths(ws, PRIORITIES_WIDTHS)
    fit_heights(ws, range(first, last + 1), PRIORITIES_WIDTHS)
    landscape(ws)


def write_yearly_indicators(wb: Workbook) -> None:
    """Add the year-on-year indicators sheet."""
    ws = wb.create_sheet("Indicators")
    write_header(ws, 1, YEARLY_HEADER)
    rows = [(name, unit, better, *values) for name, unit, better, values in YEARLY_INDICATORS]
    write_indicator_rows(ws, rows, first_number=4)
    set_widths(ws, (58, 9, 12, 10, 10, 10, 10))


def build_priorities(path: Path) -> Path:
    """Write the layout 1 workbook: a sheet per priority, champions, indicators."""
    wb = new_workbook(PRIORITIES_TITLE)
    for block in PRIORITY_BLOCKS:
        write_priority_sheet(wb, block)
    write_champions(wb, ("Priority Area", "Executive Champion"), PRIORITY_CHAMPIONS)
    write_yearly_indicators(wb)
    return save(wb, path)


# --------------------------------------------------------------------------------------------
# Layout 2 writer
# --------------------------------------------------------------------------------------------


def write_priority_heading(ws: Worksheet, row: int, heading: str) -> None:
    """Write a bold, filled priority heading merged across the table."""
    cell = put(ws, row, 1, heading)
    cell.font = Font(bold=True, size=12)
    cell.fill = HEADING_FILL
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(BUSINESS_HEADER))
    ws.row_dimensions[row].height = 21


def write_outcome(ws: Worksheet, row: int, outcome: BusinessOutcome) -> int:
    """Write an outcome merged down its actions; return the next free row."""
    text, actions = outcome
    last = row + len(actions) - 1
    style_range(ws, row, last, len(BUSINESS_HEADER))
    for offset, action in enumerate(actions):
        put_row(ws, row + offset, ("", *action))
    merge_down(ws, 1, row, last, text)
    fit_heights(ws, range(row, last + 1), BUSINESS_WIDTHS)
    return last + 1


def write_business_priority(ws: Worksheet, row: int, priority: BusinessPriority) -> int:
    """Write a priority heading, its header and outcomes; return the next free row."""
    heading, outcomes = priority
    write_priority_heading(ws, row, heading)
    write_header(ws, row + 1, BUSINESS_HEADER)
    row += 2
    for outcome in outcomes:
        row = write_outcome(ws, row, outcome)
    return row + 1


def write_narrative_annex(wb: Workbook) -> None:
    """Add the annual report annex: each priority's narrative for the year."""
    ws = wb.create_sheet("Annual Report Annex")
    write_header(ws, 1, NARRATIVE_HEADER)
    for row, values in enumerate(BUSINESS_NARRATIVES, start=2):
        put_row(ws, row, values)
    last = len(BUSINESS_NARRATIVES) + 1
    style_range(ws, 2, last, len(NARRATIVE_HEADER))
    widths = (28, 10, 44, 40, 40, 40)
    set_widths(ws, widths)
    fit_heights(ws, range(2, last + 1), widths)
    landscape(ws)


def write_performance(wb: Workbook) -> None:
    """Add the performance table: two years, three comparators and the change."""
    ws = wb.create_sheet("Performance")
    write_header(ws, 1, PERFORMANCE_HEADER)
    write_indicator_rows(ws, PERFORMANCE, first_number=3)
    set_widths(ws, (58, 7, 10, 10, 14, 10, 10, 10))


def build_business_plan(path: Path) -> Path:
    """Write the layout 2 workbook: headings per priority, no RAG column, an annex of
    narrative by priority and a performance table with comparators."""
    wb = new_workbook(BUSINESS_TITLE)
    ws = wb.create_sheet("Business Plan 2025-26")
    write_title(ws, 1, BUSINESS_TITLE, len(BUSINESS_HEADER))
    row = 3
    for priority in BUSINESS_PLAN:
        row = write_business_priority(ws, row, priority)
    set_widths(ws, BUSINESS_WIDTHS)
    landscape(ws)
    write_narrative_annex(wb)
    write_performance(wb)
    return save(wb, path)


# --------------------------------------------------------------------------------------------
# Layout 3 writer
# --------------------------------------------------------------------------------------------


def tracker_rows() -> list[tuple[str, str, TrackerRow]]:
    """Every tracker action with its reference and priority name."""
    return [
        (f"{number}.{index}", priority, action)
        for number, (priority, actions) in enumerate(TRACKER_PLAN, start=1)
        for index, action in enumerate(actions, start=1)
    ]


def write_tracker_row(ws: Worksheet, row: int, ref: str, priority: str, item: TrackerRow) -> None:
    """Write one tracker action with dates formatted and RAG coloured."""
    action, lead, due, status, rag, update, updated = item
    put_row(ws, row, (ref, priority, action, lead, due, status, rag, update, updated))
    for column in (5, 9):
        ws.cell(row=row, column=column).number_format = DATE_FORMAT
    fill = TRACKER_RAG_FILLS.get(rag.upper())
    rag_cell = ws.cell(row=row, column=7)
    rag_cell.alignment = Alignment(horizontal="center", vertical="top")
    if fill:
        rag_cell.fill = PatternFill(fill_type="solid", fgColor="FF" + fill)


def write_actions_sheet(wb: Workbook) -> None:
    """Add the tracker's Actions sheet with a frozen header and an autofilter."""
    ws = wb.create_sheet("Actions")
    write_header(ws, 1, TRACKER_HEADER)
    rows = tracker_rows()
    last = len(rows) + 1
    style_range(ws, 2, last, len(TRACKER_HEADER))
    for row, (ref, priority, item) in enumerate(rows, start=2):
        write_tracker_row(ws, row, ref, priority, item)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(TRACKER_HEADER))}{last}"
    ws.print_title_rows = "1:1"
    set_widths(ws, TRACKER_WIDTHS)
    fit_heights(ws, range(2, last + 1), TRACKER_WIDTHS)
    landscape(ws)


def write_quarterly_indicators(wb: Workbook) -> None:
    """Add the tracker's quarterly indicators sheet."""
    ws = wb.create_sheet("Indicators")
    write_header(ws, 1, QUARTERLY_HEADER)
    rows = [
        (name, unit, direction, baseline, target, *readings)
        for name, unit, direction, baseline, target, readings in QUARTERLY_INDICATORS
    ]
    write_indicator_rows(ws, rows, first_number=4)
    set_widths(ws, (58, 9, 10, 10, 10, 12, 12, 12))


def build_tracker(path: Path) -> Path:
    """Write the layout 3 workbook: actions, indicators, champions."""
    wb = new_workbook("NSCP Action Tracker 2025-26")
    write_actions_sheet(wb)
    write_quarterly_indicators(wb)
    write_champions(wb, ("Priority", "Executive Champion"), TRACKER_CHAMPIONS)
    return save(wb, path)


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------


def build_samples(out_dir: Path) -> list[Path]:
    """Write the three sample workbooks into out_dir and return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return [
        build_priorities(out_dir / PRIORITIES_FILE),
        build_business_plan(out_dir / BUSINESS_PLAN_FILE),
        build_tracker(out_dir / TRACKER_FILE),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Build the samples next to this script, or into the folder given."""
    args = list(sys.argv[1:] if argv is None else argv)
    out_dir = Path(args[0]) if args else HERE
    for path in build_samples(out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
