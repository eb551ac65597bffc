"""answers19: an organisation asking whether it is expected to be part of the partnership and how it would join in
("are we meant to be part of it, how do we plug in", "how do we get involved") gets the area's list of relevant
agencies with its own kind picked out; a charity is the voluntary sector's agency. Sentences are written here, not
taken from a corpus."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "i volunteer at a homework club charity in ellesmere port. are we meant to be part of the partnership? how do we "
    "plug in",
    "we're a tiny community charity in chester - should we be involved in the safeguarding partnership and how do we "
    "get involved",
])
def test_a_charity_asking_how_it_joins_gets_the_voluntary_sectors_route(ask, question: str) -> None:
    res = ask(question, "cheshire-west-and-chester")
    assert res.answered and "Cheshire West Voluntary Action" in res.text.split("Relevant agencies (Table 3)")[0], \
        res.text


def test_plugging_in_equipment_is_still_not_the_partnership(ask) -> None:
    assert not ask("how do i plug in the projector in the training room", "wirral").answered
