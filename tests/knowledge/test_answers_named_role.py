"""Sixteenth session (blind-bl, development): a person asked of a role the documents name no holder for is declined
wherever the role stands (before the cue: "the WSP manager by name?"; as a role and what its holder does: "the
independent person doing scrutiny"), even when another clause names a step or a report; the next meeting's date asked
as "what date is the next ..." is a date the documents do not give. Sentences are written here; each was answered on
the commit before the change (e0ebbff).
"""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_declined


@pytest.mark.parametrize(("question", "partnership"), [
    ("who is the partnership manager by name? step 3 says send it to them", "warrington"),
    ("name of the independent person doing scrutiny for wirral? need it for the annual report", "wirral"),
])
def test_a_person_asked_of_a_role_is_declined(ask, question, partnership) -> None:
    assert_declined(ask(question, partnership), "do not name the person")


def test_what_date_is_the_next_meeting_is_declined(ask) -> None:
    assert_declined(ask("what date is the next executive group meeting in wirral", "wirral"), "no dates or times")


def test_a_role_named_for_what_it_does_is_still_answered(ask) -> None:
    res = ask("what does the independent person doing scrutiny in wirral do", "wirral")
    assert res.outcome == "answer" and "scrutiny" in res.text.lower(), res.text
