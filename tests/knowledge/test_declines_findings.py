"""answers80: an inspection's findings asked as a report, a view or a visit ("ofsted report findings", "how did
they get on in the focused visit"), the next inspection's date, and what one review found ("the review into baby
x") are declined where the entry holds no such findings; how reviews and their learning run is still answered.
Sentences written here, none copied from a set; each declined case was seen answered on main 3aeeb77f, the answered
ones are guards."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_answered, assert_declined

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(("question", "partnership", "says"), [
    ("wirral childrens services ofsted report findings", "wirral", "inspection's findings"),
    ("how did wirral get on in its focused visit", "wirral", "inspection's findings"),
    ("what did the inspectors think of halton's front door", "halton", "inspection's findings"),
    ("when is warrington's next ofsted inspection due", "warrington", "no dates or times"),
    ("what was the outcome of the child safeguarding practice review into baby x", CWAC, "findings of that review"),
    ("what did the rapid review into the runcorn house fire find", "halton", "findings of that review"),
])
def test_findings_and_dates_not_held_are_declined(ask, question, partnership, says) -> None:
    assert_declined(ask(question, partnership), says)


@pytest.mark.parametrize(("question", "partnership", "says"), [
    ("how often are audit and review findings shared at halton learning events", "halton", "quarterly"),
    ("how long after the panel is notified does a rapid review take in wirral", "wirral", "15 working days"),
])
def test_how_reviews_and_their_learning_run_is_answered(ask, question, partnership, says) -> None:
    assert_answered(ask(question, partnership), says)
