"""Round 22 (branch privacy22): a child known through a parent's one-of-a-kind post as notes type it ("the mayors
daughter", "eldest son of the hoylake lifeboat coxswain"), a school's head girl named in lower case, a family
described by where it is living, a multiple birth with its month. None of these sentences is from a corpus or a probe
set; each FOUND line passed main's screen unflagged.
"""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers, redact

FOUND = [
    "the vicars son has been seen with older lads at the park",
    "youngest daughter of the village policeman in burton, school worried about bruising",
    "head boy at the catholic high in chester disclosed to a teacher",
    "the family living in the horsebox on the lane outside tattenhall",
    "twins born at the countess in november, one still in scbu",
]

CLEAN = [
    "the head of the virtual school will attend",
    "the family living situation should be in the assessment",
    "twins born early are followed up by the neonatal outreach team",
    "a child of a serving police officer is referred the same way as any other",
]


@pytest.mark.parametrize("text", FOUND)
def test_found(text):
    assert find_identifiers(text), text
    assert not find_identifiers(redact(text))


@pytest.mark.parametrize("text", CLEAN)
def test_clean(text):
    assert find_identifiers(text) == []
