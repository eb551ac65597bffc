"""Issue #10 section 2, decline13: an answer must carry the fact asked for, of what is asked.

"how often does X meet" is not answered by a frequency that describes another noun in the entry ("the officer's
quarterly report goes to each meeting", "annual safeguarding audits"); a frequency before a meeting word
("quarterly ... meetings") or after the verb ("meets quarterly") still answers. Sentences are written here, not
copied from any set; each decline was seen answered on main f179126.
"""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_declined

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        ("how frequently does the cheshire west training hub meet up", CWAC),
        ("what's the meeting frequency of the halton schools sub-group", "halton"),
    ],
)
def test_a_frequency_of_another_noun_is_not_the_meeting_s(ask, question, partnership) -> None:
    assert_declined(ask(question, partnership), "how often")


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("how frequently are the pan cheshire youth detention meetings held", CWAC, "Quarterly"),
        ("how often does the cwac child exploitation working group meet", CWAC, "quarterly"),
        ("how often does the cheshire west qa and scrutiny group meet", CWAC, "bi-monthly"),
    ],
)
def test_a_meeting_s_own_frequency_is_answered(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer", res.text
    assert says in res.text


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("who's the independent chair of the pan cheshire cdop? full name", CWAC, "do not name the person"),
        ("who is the designated nurse in halton, name please", "halton", "do not name the person"),
        ("where do i find the warrington early help assessment form", "warrington", "do not include that form"),
        ("where's the cheshire west TAF assessment template", CWAC, "do not include that form"),
    ],
)
def test_a_name_or_a_form_the_documents_lack_is_declined(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.outcome == "cannot_answer" and not res.answered, res.text
    assert says in res.text, res.text


def test_a_name_the_documents_hold_is_still_answered(ask) -> None:
    res = ask("who was the independent chair in cheshire west, name please", CWAC)
    assert res.outcome == "answer" and "Gill Frame" in res.text, res.text


def test_form_as_a_state_asks_no_document(ask) -> None:
    res = ask("when did halton's arrangements begin in shadow form", "halton")
    assert "do not include that form" not in res.text, res.text
