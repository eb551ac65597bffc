"""Issue #10 section 2, answers15: how to complain about a partnership is answered only from an entry describing a
complaints procedure (Warrington's section 7); elsewhere it is declined, not answered with a loosely related entry.

Sentences are written here, not copied from any set; each decline was seen answered on main a257b8a.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "who do we complain to if we think the halton partnership handled our case badly",
    "where can i complain if i think the halton safeguarding partnership made the wrong call",
])
def test_a_complaint_without_a_procedure_is_declined(ask, question) -> None:
    res = ask(question, "halton")
    assert res.outcome == "cannot_answer" and "complaints procedure" in res.text, res.text


def test_warrington_complaints_procedure_still_answers(ask) -> None:
    res = ask("who do i complain to about the warrington partnership", "warrington")
    assert res.outcome == "answer" and "complaints procedure" in res.text, res.text
