"""Round 20 (branch privacy20): a child's name that is also a word or a place, after a piece of casework and "for / re
/ about" ("cp plan for mason ended", "strategy meeting for harley", "chase the iro about brooke tmrw"). A month,
season or day there ("the plan for june"), one of the area's own towns, or a noun going on ("meeting for all staff")
is no name. None of these sentences is from a corpus or a probe set; each FOUND line passed main's screen unflagged.
"""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers, redact

FOUND = [
    "the cin plan for hunter was closed last week",
    "core group meeting re mason moved to friday",
    "ask the iro about reed tomorrow",
    "strategy discussion for brooke",
]

CLEAN = [
    "the safety plan for summer holidays is on the shared drive",
    "the review for june has moved",
    "strategy meeting for runcorn schools is on the 4th",
    "referral for speech and language therapy sent",
    "the plan for reading at home was agreed",
]


@pytest.mark.parametrize("text", FOUND)
def test_a_name_after_casework_is_found(text):
    assert "name" in {f.kind for f in find_identifiers(text)}, text
    assert not find_identifiers(redact(text))


@pytest.mark.parametrize("text", CLEAN)
def test_words_after_casework_stay_clean(text):
    assert find_identifiers(text) == []
