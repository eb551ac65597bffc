"""answers17: a follow-up offering the answers the asker expects ("..., is it the council or the police?") says what is
asked, unlike a yes-or-no about the thing named before it ("is it the same as ..."); "in charge" is who leads, never
a criminal charge; the partners are found when asked as "the council or the police".

Sentences are written here, not copied from any set; each was seen failing with the change under it undone.
"""

from __future__ import annotations

import pytest

from knowledge.question import split_context


@pytest.mark.parametrize(
    "message",
    [
        "who looks after keeping kids safe in warrington, is it the police or the council?",
        "who do i send the form to now? is it still the business unit or the new team",
    ],
)
def test_a_follow_up_offering_answers_is_asked(message) -> None:
    assert split_context(message) == (message, "")


@pytest.mark.parametrize(
    ("question", "partnership", "entry"),
    [
        ("who looks after keeping kids safe around here, is it the police or the council?", "halton",
         "halton.partners.safeguarding-partners"),
        ("who is in charge of safeguarding children in chester", "cheshire-west-and-chester",
         "cheshire-west-and-chester.partners.safeguarding-partners"),
    ],
)
def test_the_partners_asked_plainly(ask, question, partnership, entry) -> None:
    res = ask(question, partnership)
    assert res.answered and res.entry is not None and res.entry.id == entry, res.text
