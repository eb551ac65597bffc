"""Round 56 (branch privacy56): a child within their family as case notes and chronologies tell it: a multiple birth
with its age or birth time, a counted set's ages told straight after it or bounded together, children split between
their adults, and a new sibling's brothers or sisters counted on plans. None of these sentences is from a corpus."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers

FOUND = [
    # a multiple birth with its age or birth time
    ("twin girls aged 6 moved into the area last month", "sibling"),
    ("twins now 3, mum wants a nursery place", "sibling"),
    # a counted set's ages straight after it, or bounded together
    ("3 boys 4, 8 and 10 sharing one bedroom", "sibling"),
    ("two kids both under 3, no support from family", "sibling"),
    ("4 children all aged under 10 and mum is pregnant again", "sibling"),
    # children split between their adults
    ("the kids are split, 1 living with nan, 2 with dad near the coast", "sibling"),
    # a new sibling's brothers or sisters counted on plans
    ("unborn sibling, the older 3 are on CP plans", "sibling"),
]

PASSES = [
    # multiple births in general, with no one family's age
    "twins are more likely after fertility treatment",
    "guidance on twins and triplets in early years settings",
    # a count of children then a year group, a time or a bound with no set
    "3 kids in years 7 and 8 were excluded this term",
    "two boys 10 minutes late to the session",
    "children under 5 all need a health visitor contact",
    # one count with an adult, and counts on plans with no sibling
    "we had 2 with dad present at the conference",
    "of the five cases, the other two are on CP plans",
]


@pytest.mark.parametrize(("text", "kind"), FOUND)
def test_round56_finds(text: str, kind: str) -> None:
    kinds = {f.kind for f in find_identifiers(text)}
    assert kind in kinds, (text, kinds)


@pytest.mark.parametrize("text", PASSES)
def test_round56_passes(text: str) -> None:
    assert find_identifiers(text) == [], text


# two children's initials joined, sharing their surname's letter, even where one pair alone is an acronym
PAIRED_FOUND = ["strategy discussion for TM & OM tomorrow", "icpc for AM and OM moved to friday",
                "cin review - sk / rk - mum attending"]
PAIRED_PASSES = ["AM & PM sessions both full", "PC & DC attended the address", "in and on the bus",
                 "school nurse: ht/wt done, within range", "measured in cm / mm on the chart"]


@pytest.mark.parametrize("text", PAIRED_FOUND)
def test_round56_paired_initials(text: str) -> None:
    assert "initials" in {f.kind for f in find_identifiers(text)}, text


@pytest.mark.parametrize("text", PAIRED_PASSES)
def test_round56_paired_passes(text: str) -> None:
    assert find_identifiers(text) == [], text
