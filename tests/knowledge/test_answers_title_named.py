"""Issue #10 section 2 (confidence that matches the evidence), answers26: a question that names the leading entry's
title is about that entry.

"Did you mean" hid as many right answers as traps when judged by scores alone. One sign does separate them on the
development sets: the question names at least half of the leading entry's own title words (its place, bracketed
expansion and group words aside), and no close runner-up's as much; then it is answered (development: +15 right,
-1 trap). "What is X" must name the whole title, and getting something for oneself ("how do I get a copy of",
"how do I book onto") is not what an entry about the thing says. Sentences are written here, not copied from a set;
the answered ones were seen as "did you mean" on main 1146108, the refused ones answered with the guard removed.
"""

from __future__ import annotations

import pytest

from knowledge.intents import is_service_request

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "partnership", "entry"),
    [
        ("how does the warrington partnership model hang together, new starter here", "warrington",
         "warrington.process.model"),
        ("halton partners disagreeing - how does it get settled", "halton", "halton.dispute.safeguarding-partners"),
        ("cwac partnership vision - what is it in a sentence", CWAC, f"{CWAC}.partners.vision"),
    ],
)
def test_a_question_naming_the_leading_title_is_answered(ask, question, partnership, entry) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer" and res.entry is not None and res.entry.id == entry, res.text


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        ("where can i get a copy of the wirral SFEF toolkit for my team", "wirral"),
        ("how do i book onto halton's multi-agency training", "halton"),
    ],
)
def test_getting_one_for_yourself_is_not_answered_by_naming_the_title(ask, question, partnership) -> None:
    assert is_service_request(question)
    assert ask(question, partnership).outcome != "answer"
