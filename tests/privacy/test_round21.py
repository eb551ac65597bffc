"""Round 21 (branch privacy21): a described child placed by name, and one child's sibling placed by name.

Read from corpus-so (a development set of siblings and "other" details written by a helper who never saw the code).
"the boy who dresses as a superhero for school in great sankey": one child described by what they do and placed by a
town is one child, whatever the description (a note may drop the article: "girl who plays the lead in the panto in
runcorn"); "big bro (16) ... above the launderette in hoole": one child's sibling with where they live. None of these
sentences is from a corpus or a probe set; each FOUND line passed main's screen unflagged.
"""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers, redact

FOUND = [
    "the girl who sings at every carol service in tarporley, mum now not engaging",
    "re boy who sleeps in the bus shelter near frodsham station most nights",
    "the family that keeps goats in the back garden in ditton, 4 kids",
    "his stepbrother lives on the gypsy site in ellesmere port",
    "little sis (6) is at the nursery in neston and comes in hungry",
]

CLEAN = [
    "children who are home educated in halton are visited by the elective home education team",
    "siblings placed apart in cheshire west get a contact plan",
    "the child who is the subject of the plan must be seen alone",
    "brothers and sisters of children in care in wirral have a right to contact",
]


@pytest.mark.parametrize("text", FOUND)
def test_found(text):
    assert find_identifiers(text), text
    assert not find_identifiers(redact(text))


@pytest.mark.parametrize("text", CLEAN)
def test_clean(text):
    assert find_identifiers(text) == []
