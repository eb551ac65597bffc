"""Issue #10 section 2, answers round 13: a question about the training staff can get through the partnership is
answered with the area's training offer (the multi-agency pool and the Hub's basic awareness course, 000 s.3.5 and
6.2), not with a topic entry whose one phrasing mentions training for staff (suicide prevention, 001).

Questions are written for this file (none is copied from a question set)."""

from __future__ import annotations

import pytest

from knowledge.answering import get_answerer


@pytest.mark.parametrize(
    "question",
    [
        "what courses can our staff access through the cheshire west partnership",
        "early years setting here - what safeguarding training can we get from the partnership",
    ],
)
def test_the_training_offer_answers_what_staff_can_access(question: str) -> None:
    a = get_answerer().answer(question, "cheshire-west-and-chester")
    assert a.outcome == "answer", (a.outcome, a.text[:200])
    text = a.text.replace("*", "")
    assert "Basic Safeguarding Awareness Training" in text and "suicide" not in text.lower(), text[:300]
