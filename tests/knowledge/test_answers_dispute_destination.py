"""answers18: "where does it end up if the partners can't agree" asks where a dispute goes next, not a venue.

A meeting word in the context ("the executive meeting didn't fix it") put the venue decline on the question.
Sentences are written here, not copied from any set; the answered case was seen failing on main 21d5f04.
"""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_declined

CWAC = "cheshire-west-and-chester"


def test_where_a_dispute_ends_up_is_answered_with_the_route(ask) -> None:
    res = ask("our two services met and it went nowhere, the executive meeting didnt fix it either. where does the "
              "disagreement end up if the three partners cant agree", CWAC)
    assert res.outcome == "answer", res.text
    assert "Chief Executive and Accountable Officers" in res.text, res.text


@pytest.mark.parametrize(
    ("question", "partnership"),
    [("where does the cwac executive meet", CWAC), ("where are the wirral partnership meetings held", "wirral")],
)
def test_where_a_group_meets_is_still_the_venue_decline(ask, question, partnership) -> None:
    assert_declined(ask(question, partnership), "where that is held")
