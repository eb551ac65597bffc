"""Round 53 (branch privacy53): one written example per class mended, and the guards that keep practice text clean.
None of these sentences is from a corpus or a probe set."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers

FOUND = [
    # two capitals that also spell a service, straight before an act only a person does, then a when or where
    ("LD crying in the corridor at break, head of year aware", "initials"),
    ("HB missing since friday, police informed", "initials"),
    ("ED arrested last night outside the shop", "initials"),
    # a parent labelled by the family's surname
    ("Kowalczyk dad is back on the estate after his sentence", "family_name"),
    ("Okonkwo mum rang again about contact", "family_name"),
]

PASSES = [
    # a service's letters and their topic, not a person
    "DV disclosed to the health visitor at the new birth visit",
    "ID missing from the file, can you re-upload",
    "the CP crying out for more staff, says the report",
    "UK abused children statistics for the training slide",
    "PC arrested the man at the address",
    # a parent labelled by a nationality, place or kind of parent
    "Polish dad rang again, interpreter needed",
    "Single mum support group meets on fridays",
    "Halton dad's group is full this term",
]


@pytest.mark.parametrize(("text", "kind"), FOUND)
def test_round53_finds(text: str, kind: str) -> None:
    kinds = {f.kind for f in find_identifiers(text)}
    assert kind in kinds, (text, kinds)


@pytest.mark.parametrize("text", PASSES)
def test_round53_passes(text: str) -> None:
    assert find_identifiers(text) == [], text
