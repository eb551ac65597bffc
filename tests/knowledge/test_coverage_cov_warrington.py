"""Facts the Warrington arrangements (seed 003) state that the coverage pass added: each is asked the way a
practitioner would and must come back answered, from the Warrington entry that holds it, with the seed's wording."""

from __future__ import annotations

import pytest

CASES = [
    # Section 5: each priority's key outcomes (the entry used to summarise them away)
    (
        "what outcomes does warrington expect from its challenge and assurance priority",
        "warrington.priorities.challenge-assurance",
        ["safeguarding is part of everyday practice"],
    ),
    (
        "what key outcomes does the warrington culture of learning priority aim for",
        "warrington.priorities.learning",
        ["improved recognition of abuse and neglect"],
    ),
    # Section 1: the 'challenge and check' aim
    ("what are the aims of the warrington partnership", "warrington.priorities.aims", ["'challenge and check'"]),
    # Section 3: which group a sector sits on
    (
        "is housing represented on any warrington group",
        "warrington.group.by-sector",
        ["housing sector safeguarding lead"],
    ),
    # Section 2: population share of 0-18s, quoted
    ("what percentage of warrington's population are children", "warrington.process.local-picture", ["23%"]),
    # Section 9: what the support team does
    (
        "what does the warrington business unit do",
        "warrington.process.funding",
        ["facilitating the work of the arrangements"],
    ),
    # Section 2: agencies with only virtual links stay accountable
    (
        "are virtually linked agencies in warrington still accountable",
        "warrington.relevant-agencies.expectations",
        ["remain accountable"],
    ),
]


@pytest.mark.parametrize(("question", "entry_id", "says"), CASES)
def test_added_warrington_fact_is_answered(ask, question: str, entry_id: str, says: list[str]) -> None:
    res = ask(question, "warrington")
    assert res.answered and res.entry is not None, res.text
    assert res.entry.id == entry_id, (res.entry.id, res.text[:200])
    text = res.text.replace("*", "").lower()
    for fragment in says:
        assert fragment in text, res.text


def test_rapid_review_days_are_in_the_warrington_entry(ask) -> None:
    """Section 6 states the 15 working days itself; the Warrington entry must say it, not only its national link."""
    res = ask("how does warrington run a rapid review", "warrington")
    assert res.entry is not None and res.entry.id == "warrington.process.reviews", res.text
    assert "within 15 working days of the notification" in res.entry.answer.replace("*", "")
