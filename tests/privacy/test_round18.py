"""Round 18 (branch privacy18): one child known through a set of brothers and sisters.

"cousin of the boys we placed", "half brother of the kids who ...": one child's relative of a set is one family's;
"her brothers" (his, her) are one child's, so with an event (sent down, excluded, adopted) they point at them; a
multiple birth with a year ("the triplets born ... in 2016") is a handful of children. Plurals of anyone ("siblings
of the children we look after", "their brothers and sisters") stay practice text. None of these sentences is from a
corpus or a probe set; each FOUND line passed main's screen unflagged.
"""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers, redact

FOUND = [
    "dad says he is the cousin of the girls we moved to the farm placement",
    "younger brother of the lads we moved to the other carers",
    "her brothers were both expelled last year",
    "oldest of the triplets born at the womens hospital in 2013",
]

CLEAN = [
    "siblings of the children we look after have a right to keep in touch",
    "children in care should stay in touch with their brothers and sisters where it is safe",
    "sisters of children on plans can be asked for their views",
    "twins born early are followed up by the neonatal team",
]


@pytest.mark.parametrize("text", FOUND)
def test_a_child_known_through_their_brothers_and_sisters_is_found(text):
    assert "sibling" in {f.kind for f in find_identifiers(text)}, text
    assert not find_identifiers(redact(text))


@pytest.mark.parametrize("text", CLEAN)
def test_brothers_and_sisters_of_anyone_stay_clean(text):
    assert find_identifiers(text) == []
