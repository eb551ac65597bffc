"""Coverage pass (issue #10, branch cov-wirral): facts Wirral's arrangements (seed 004) state that the entries
summarised away. Each question is written for this file; each fact was missing from the answer before the pass."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("which group does the wirral sfef steering group answer to", ["executive group", "head of safeguarding"]),
        ("what kinds of organisations are on wirral's sfef steering group", ["health economy", "police"]),
        ("what did wirral base its list of relevant agencies on", ["regulations 2018", "young carers"]),
        ("under the wscb who used to lead multi-agency audit activity in wirral", ["performance committee"]),
        ("which wirral committee keeps an eye on single agency case reviews", ["single agency reviews"]),
        ("job titles of the staff in the wirral business unit", ["assistant business administrator"]),
        ("what are the pan merseyside work streams wirral signed up to", ["workforce development", "communication"]),
        ("what must the wirral annual report contain", ["care leavers", "previous financial year"]),
        ("does the wirral partnership use social media to share its work", ["newsletters", "social media"]),
        ("what does the wirral multi-agency training pool actually do", ["needs analysis", "training packages"]),
    ],
)
def test_a_seed_fact_the_entries_summarised_is_answered(ask, question: str, wanted: list[str]) -> None:
    res = ask(question, partnership="wirral")
    assert res.answered, res.text
    text = res.text.lower()
    for fact in wanted:
        assert fact in text, (fact, res.text)
