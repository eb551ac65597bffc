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
