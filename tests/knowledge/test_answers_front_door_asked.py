"""Issue #10 sections 1-2: asking who to call about a child at risk, with no child described, is answered with the
area's front door (not a glossary entry whose keywords said "not at risk"); with no area known, which area is asked.
Sentences are written here, not copied from any set; CI caught the s17 answer through the workspace grid test.
"""

from __future__ import annotations

import pytest

FRONT_DOORS = {"cheshire-west-and-chester": "i-ART", "halton": "Halton Borough Council children's social care",
               "warrington": "children's social care", "wirral": "children's social care"}


@pytest.mark.parametrize("partnership", sorted(FRONT_DOORS))
def test_who_to_ring_about_a_child_at_risk_is_the_front_door(ask, partnership) -> None:
    res = ask("who should i ring about a child at risk?", partnership)
    assert res.answered and res.entry is not None and ".front-door." in res.entry.id, res.text
    assert FRONT_DOORS[partnership].lower() in res.text.lower()


def test_with_no_area_the_front_door_question_asks_which_area(ask) -> None:
    res = ask("who do we phone about a child at risk", None)
    assert res.outcome == "ask_partnership", res.text
