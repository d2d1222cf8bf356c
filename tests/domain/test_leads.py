"""Splitting a lead cell into the leads it names."""

from __future__ import annotations

import pytest

from actionplan.domain.leads import split_leads


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Police/ Education Leads", ["Police", "Education Leads"]),
        ("VAG T&WD Front Door", ["VAG T&WD Front Door"]),
        ("CSC & Health", ["CSC", "Health"]),
        ("Police and Education", ["Police", "Education"]),
        ("Designated Nurse\nHead of Early Help", ["Designated Nurse", "Head of Early Help"]),
        ("• LSCP Business Manager\n• MASH Manager", ["LSCP Business Manager", "MASH Manager"]),
        ("Health; Police; Health", ["Health", "Police"]),
        ("Zofia Wiśniewska, Nguyễn Thị Lan", ["Zofia Wiśniewska", "Nguyễn Thị Lan"]),
        ("n/a", []),
        ("", []),
        (None, []),
    ],
)
def test_lead_cell_names_each_lead_once(raw: str | None, expected: list[str]) -> None:
    """Separators people use split leads; names with & inside stay whole."""
    assert split_leads(raw) == expected
