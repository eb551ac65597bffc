"""answers20: a child's immigration status asked ("can he get leave to remain", "how long does the home office take on
an asylum claim") is a legal process about the child, not in itself a worry (`frames.yaml` anywhere frames): no 999
line, and the arrangements decline it. A child's status told beside a danger still alarms.

Sentences are written here, not copied from any set; the quiet ones were seen getting the 999 line on main 8acb4a6.
The frames lower a message's score by at most `frame_cap` less `particular_relief` when one child is described, so a
status question the statistical backstop reads as a worry ("unaccompanied 15yo ..., will he get refugee status") still
gets the 999 line: left as it is, since the backstop is what keeps recall on unseen worries.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question,area", [
    ("unaccompanied 17yo from eritrea in warrington - can he get leave to remain and how long does the home office "
     "take?", "warrington"),
    ("unaccompanied asylum seeker aged 16 in chester - does he get indefinite leave to remain at 18?",
     "cheshire-west-and-chester"),
])
def test_a_status_question_gets_no_999_line(ask, question: str, area: str) -> None:
    res = ask(question, area)
    assert not res.safety and "999" not in res.text, res.text
    assert not res.answered, res.text


@pytest.mark.parametrize("question,area", [
    ("unaccompanied 15yo turned up at reception, scared, no papers, says a man brought him here", "halton"),
    ("unaccompanied asylum seeking 16yo, asylum claim refused, he says he will be killed if sent back", "wirral"),
    ("unaccompanied 16yo, can he get leave to remain? he says men are making him work nights", "warrington"),
])
def test_status_beside_a_danger_still_alarms(ask, question: str, area: str) -> None:
    res = ask(question, area)
    assert res.safety and "call 999" in res.text, res.text
