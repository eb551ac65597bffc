"""answers19: "<said without its I: been asked to join X>. do I need a DBS and how often is it renewed": the opening
statement says who asks (not that a meeting's frequency is asked), and "renewed" is the documents' "reviewed at
intervals", so the entry the first question finds, holding the DBS review interval, answers both. Sentences are
written here, not taken from a corpus."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "been put forward to sit on wirral's partnership group from our housing team. is a DBS needed and how often does "
    "it get renewed",
    "just joined the wirral partnership group as a lay member. do i need an enhanced DBS, how often is that renewed?",
])
def test_a_follow_up_fact_held_by_the_first_entry_is_answered(ask, question: str) -> None:
    res = ask(question, "wirral")
    assert res.answered and "3 years" in res.text, res.text


def test_a_meeting_frequency_not_held_is_still_declined(ask) -> None:
    res = ask("been asked to sit on the wirral partnership group. how often does it meet?", "wirral")
    assert not res.answered, res.text
