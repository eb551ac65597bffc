"""answers82: decline rules narrowed to their asking frame, so a question the documents answer is answered. Each
rule's words said in the documents' own sense (the 2017 Act's "flexible working arrangements", Wirral's relevant agency
"Border Force and Immigration Services", Warrington "better than England", Halton "breaking the mould", the
attendance at board meetings, "a direct line of communication", what happens to the WSCB chair, the 2019-2020 year)
are answered or left to the search; the same words asked in the rule's own frame are still declined. Sentences
written here (tests/knowledge/own-declines82.jsonl holds more); each answered case was seen declined by the rule on
main 5096d64c, the declined ones are guards."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_answered, assert_declined

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(("question", "partnership", "says"), [
    ("which groups does wirral have a direct line of communication with through memorandums", "wirral",
     "memorandums"),
    ("what is wirral's funding for 2019-2020", "wirral", "Funding"),
    ("halton funding in 2019/2020", "halton", "Funding"),
])
def test_a_rule_word_in_the_documents_own_sense_is_answered(ask, question, partnership, says) -> None:
    assert_answered(ask(question, partnership), says)


@pytest.mark.parametrize(("question", "partnership", "reason"), [
    ("what does flexible working arrangements mean in the cheshire west new arrangements", CWAC,
     "terms of employment"),
    ("do immigration services have to cooperate with the wirral safeguarding partnership", "wirral",
     "immigration or asylum"),
    ("what does halton mean by breaking the mould in its scrutiny approach", "halton", "service's own team"),
])
def test_the_rule_no_longer_declines_outside_its_frame(ask, question, partnership, reason) -> None:
    res = ask(question, partnership)
    assert reason not in res.text, res.text


@pytest.mark.parametrize(("question", "partnership", "says"), [
    ("can i request flexible working hours from the council", "wirral", "terms of employment"),
    ("is there a flexible working policy for halton social workers", "halton", "terms of employment"),
    ("how do i check whether a young person's visa is still valid", "wirral", "immigration or asylum"),
    ("asylum seeker age assessment, who does it in warrington", "warrington", "immigration or asylum"),
    ("is halton's partnership better than warrington's", "halton", "do not rate or rank"),
    ("what was the attendance at the last halton learning event", "halton", "later reports"),
    ("what's the phone number for the wirral business unit", "wirral", "no phone number"),
    ("what happened in halton's partnership in 2021", "halton", "came after them"),
    ("how much will halton's partners pay in 2020-21", "halton", "came after them"),
])
def test_the_rule_still_declines_in_its_own_frame(ask, question, partnership, says) -> None:
    assert_declined(ask(question, partnership), says)
