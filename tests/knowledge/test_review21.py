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


@pytest.mark.parametrize(("question", "partnership"), [
    # the second review (passes 82, 83): a number asked as a "direct line", attendance at a meeting, a comparison
    # with England the documents do not make: declined, not answered with a loosely related entry
    ("can you give me the direct line of the LADO", "halton"),
    ("what was the attendance at the board meeting in march", "wirral"),
    ("is warrington's rate of repeat referrals better than the national average", "warrington"),
])
def test_what_the_documents_do_not_give_is_declined(question: str, partnership: str) -> None:
    assert not get_answerer().answer(question, partnership).answered


@pytest.mark.parametrize(("question", "partnership", "entry"), [
    # a remark after the question ("not the same as ...") is no part of what is asked
    ("what is early help? not the same as child in need I think", "warrington", "national.glossary.early-help"),
    # a section told as background does not stop the escalation answer
    ("how do I escalate a disagreement with the police about a section 136", "wirral", None),
])
def test_a_remark_or_background_does_not_change_the_answer(question: str, partnership: str, entry: str | None) -> None:
    res = get_answerer().answer(question, partnership)
    assert res.outcome == "answer", res.text
    if entry:
        assert res.entry is not None and res.entry.id == entry, res.entry
