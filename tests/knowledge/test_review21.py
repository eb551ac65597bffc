"""The twenty-first session's review of the decline rules (passes 80 and the lead's allegation reading): each case
a rule caught that it must not."""

from __future__ import annotations

import pytest

from knowledge.answering import get_answerer


@pytest.mark.parametrize(("question", "partnership", "door"), [
    # a child's name that is also a town elsewhere
    ("Leigh in my class has bruises on her arms and says her dad hits her", "warrington",
     "Warrington Borough Council Children's Social Care"),
    ("a child told me Brent her stepdad hits her", "wirral", "Wirral"),
    # a Cheshire West village
    ("a child in Barrow near Tarvin told me his dad hits him", "cheshire-west-and-chester", "i-ART"),
])
def test_a_worry_keeps_999_and_its_own_front_door(question: str, partnership: str, door: str) -> None:
    text = get_answerer().answer(question, partnership).text
    assert "999" in text and door in text.split("\n\n", 1)[0], text


@pytest.mark.parametrize(("question", "partnership", "wrong"), [
    ("what should i do if a girl may be taken out of the country for fgm", "halton", "legal advice"),
    ("how do i make an nrm referral for a child trafficked for county lines", "halton", "immigration"),
    ("who do i write my referral to in halton", "halton", "can't book, send, sign up"),
])
def test_ordinary_questions_are_not_caught_by_a_topic_decline(question: str, partnership: str, wrong: str) -> None:
    res = get_answerer().answer(question, partnership)
    assert res.outcome == "answer" and wrong not in res.text, res.text
