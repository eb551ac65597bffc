"""answers19: "is there a MASH" (a multi-agency safeguarding hub, the common name of a children's social care front
door) asked of an area whose front door has another name or none: the area's front-door entry answers; the meaning
of the word itself ("what does MASH stand for") is not what the documents call anything, so it is not answered.
Sentences are written here, not taken from a corpus."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("question", "area", "entry"), [
    ("just moved schools, who do we ring about a pupil we're worried for in chester, do they have a MASH?",
     "cheshire-west-and-chester", "cheshire-west-and-chester.front-door.i-art"),
    ("is there a MASH in warrington", "warrington", "warrington.front-door.childrens-social-care"),
    ("does the multi-agency safeguarding hub in runcorn take calls from parents", "halton",
     "halton.front-door.childrens-social-care"),
])
def test_a_hub_asked_for_gets_the_areas_front_door(ask, question: str, area: str, entry: str) -> None:
    res = ask(question, area)
    assert res.answered and res.entry is not None and res.entry.id == entry, res.text


def test_the_meaning_of_the_hub_is_not_answered_with_a_front_door(ask) -> None:
    assert not ask("what does MASH stand for", "wirral").answered


def test_another_areas_hub_is_still_declined(ask) -> None:
    assert not ask("does knowsley have a MASH", "wirral").answered
