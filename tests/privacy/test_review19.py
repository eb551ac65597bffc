"""The nineteenth session's review of round 52: "EH"/"PVP" no longer pass as services (a child's initials passed with
them before what the child said or showed); a programme's name passes as an ordinary phrase
("strictly supervised", "the apprentice scheme"); a number after a sibling or twins is no age where a distance, a
share or a rate follows ("3 miles", "24/7", "3 times more likely"). Sentences are written here, not from a corpus."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers

FOUND = [
    # two capitals that name a service elsewhere, here a child telling or showing (fail on 608a89d)
    ("EH said her stepdad locks her in the shed", "initials"),
    ("PVP has bruises up both arms again today", "initials"),
    # guards that hold on 608a89d
    ("Twins aged 9 left at the bus stop after school", "sibling"),
    ("spoke to her brother who's 17, he says mum drinks every night", "sibling"),
]

PASSES = [
    # ordinary phrases that share words with a programme's name (fail on 608a89d)
    "the children were in strictly supervised contact with dad until june",
    "he was on the apprentice scheme at the hospital last year",
    # a number after a sibling or twins that is no age (fail on 608a89d)
    "her sister is 3 miles away so can collect in an emergency",
    "twins 2 times more likely to need the neonatal unit, per the audit",
    # guards
    "she was in the voice of the child workshop on monday",
    "elder sister is 2 years older and doing well",
]


@pytest.mark.parametrize(("text", "kind"), FOUND)
def test_review19_finds(text: str, kind: str) -> None:
    kinds = {f.kind for f in find_identifiers(text)}
    assert kind in kinds, (text, kinds)


@pytest.mark.parametrize("text", PASSES)
def test_review19_passes(text: str) -> None:
    assert not find_identifiers(text), (text, find_identifiers(text))
