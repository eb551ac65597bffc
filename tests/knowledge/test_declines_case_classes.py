"""answers80: classes of question the arrangements never answer, set as traps by blind sets and answered with a
loosely related entry: the asker's own employment (pay, leave, hours), a legal question about one case, immigration
and asylum, money for a family, and a task rather than a question. A worried message keeps the 999 line and the
front door first, then the decline. Sentences written here, none copied from a set; each declined case was seen
answered on main 3aeeb77f, the answered ones are guards."""

from __future__ import annotations

import pytest

from knowledge.safety import SAFETY_LEAD
from tests.knowledge.conftest import assert_answered, assert_declined

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(("question", "partnership", "says"), [
    ("can i job share as a team manager in cheshire west", CWAC, "terms of employment"),
    ("who approves overtime for the wirral mash", "wirral", "terms of employment"),
    ("can i work from home as a warrington family support worker", "warrington", "terms of employment"),
    ("is there a flexi scheme for warrington social care staff", "warrington", "terms of employment"),
    ("who has parental responsibility when a child is in foster care under s20", "warrington",
     "legal advice on a case"),
    ("is there enough evidence to go for an interim care order on this family", "warrington",
     "legal advice on a case"),
    ("family is facing deportation, what happens to the kids", CWAC, "immigration or asylum"),
    ("what does no recourse to public funds mean for a family we support in wirral", "wirral",
     "immigration or asylum"),
    ("can you sign me up for the next warrington practitioners forum", "warrington", "can't book, send, sign up"),
    ("please book me onto the cwac neglect briefing", CWAC, "can't book, send, sign up"),
    ("can you write us a safeguarding policy for our youth club", "warrington", "can't book, send, sign up"),
])
def test_a_class_the_arrangements_never_cover_is_declined(ask, question, partnership, says) -> None:
    assert_declined(ask(question, partnership), says)


@pytest.mark.parametrize(("question", "partnership", "says"), [
    ("dad has withdrawn consent for the section 20, do we have to return the child today", CWAC,
     "legal advice on a case"),
    ("should we seek an emergency protection order or police protection for this baby tonight", "wirral",
     "legal advice on a case"),
    ("young person says hes 17 but home office says 22, who decides his age", "halton", "immigration or asylum"),
    ("mum on our CIN plan has no money for food for the kids, can the partnership give her an emergency payment?",
     "halton", "support payments"),
])
def test_a_worry_keeps_999_and_the_front_door_before_the_decline(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.text.startswith(SAFETY_LEAD) and res.safety, res.text
    assert "children's social care" in res.text or "i-ART" in res.text
    assert says in res.text and not res.answered and res.outcome == "cannot_answer"


@pytest.mark.parametrize(("question", "partnership", "says"), [
    ("how is the warrington partnership funded", "warrington", "Warrington"),
    ("what do partners pay into the halton partnership", "halton", "Halton"),
    ("what's the difference between section 20 and a care order", CWAC, "section 20"),
    ("who employs the business support and qa staff in wirral", "wirral", "employed"),
])
def test_the_arrangements_own_subjects_beside_those_words_are_answered(ask, question, partnership, says) -> None:
    assert_answered(ask(question, partnership), says)


@pytest.mark.parametrize(("question", "partnership", "not_said"), [
    ("an unaccompanied 15 yr old asylum seeker turned up at our reception alone, what do i do", "halton",
     "immigration or asylum"),
    ("a man online knows her name and her school and keeps sending her videos, she's 12, what do i do", "wirral",
     "do not name the person"),
    ("yr 3 boy has bruises on his arms and wont say how, our DSL is off sick today, what do i do", "warrington",
     "terms of employment"),
    ("15 yr old hasn't come home since friday and mum can't get hold of her, who do i tell", "halton",
     "no contact details"),
])
def test_a_worry_told_with_those_words_is_no_decline(ask, question, partnership, not_said) -> None:
    res = ask(question, partnership)
    assert res.text.startswith(SAFETY_LEAD) and not_said not in res.text, res.text
