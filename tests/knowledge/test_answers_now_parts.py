"""answers18: a now word qualifies the question it stands in, not the whole message.

"is it still done across Cheshire, and when is it reviewed" asks whether a structure the documents describe holds,
then a date they give; "my supervisor is now involved. which day ..." says now of the context. Neither asks a slot as
of today. A follow-up pointing back ("is it still X?", "is that the same now") still asks of the slot before it.
Sentences are written here, not copied from any set; the answered cases were seen failing on main 21d5f04.
"""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_declined

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "partnership", "title"),
    [
        ("does halton still share the cdop with the rest of cheshire, and when is it reviewed", "halton",
         "Child death review"),
        ("is cwac still part of the pan cheshire cdop? and when is it up for review", CWAC, "Child death review"),
        ("is the cwac executive still made up of the three partners, and how often does it meet", CWAC, "Executive"),
    ],
)
def test_still_in_one_question_does_not_date_the_next(ask, question, partnership, title) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer", res.text
    assert title in res.text.splitlines()[0], res.text


@pytest.mark.parametrize(
    "question",
    [
        "raised a concern with the social worker on day one, my team leader is now on it. by which day does it go "
        "to senior managers",
        "i disagree with a step down decision and my supervisor is now involved. which day should it reach the wsp "
        "representative",
    ],
)
def test_now_in_a_statement_before_the_question_asks_nothing(ask, question) -> None:
    res = ask(question, "warrington")
    assert res.outcome == "answer", res.text
    assert "escalation" in res.text.splitlines()[0].lower(), res.text


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        ("who chairs the cwac exec - is it still gill frame?", CWAC),
        ("how much do partners pay in cheshire west? is it the same amount now", CWAC),
        ("writing a report for the exec. who is the independent chair now?", CWAC),
        ("how often does the warrington practitioners forum meet now", "warrington"),
    ],
)
def test_a_now_follow_up_or_the_slot_asked_now_is_still_declined(ask, question, partnership) -> None:
    res = ask(question, partnership)
    assert_declined(res, "date from")


@pytest.mark.parametrize(
    "question",
    [
        "which years have the halton partners agreed their contributions for so far",
        "so what have the partners agreed to pay so far in halton",
    ],
)
def test_which_was_agreed_so_far_asks_what_the_documents_list(ask, question) -> None:
    res = ask(question, "halton")
    assert res.outcome == "answer", res.text
    assert "Funding" in res.text.splitlines()[0], res.text


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        ("have the halton contributions for next year been agreed yet", "halton"),
        ("has the cheshire west budget for next year been signed off yet", CWAC),
    ],
)
def test_whether_it_happened_yet_is_still_declined(ask, question, partnership) -> None:
    assert_declined(ask(question, partnership), "date from")

