"""Round 54 (branch privacy54): a household pinned down by its children's count and ages, by a counted set a child is
sibling to, by a multiple birth's sex; initials typed without their last dot. None of these sentences is from a corpus
or a probe set."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers

FOUND = [
    # a count of children, or one household's definite set, with their ages listed
    ("3 kids at home, ages 3, 8 and 12, dad works nights", "sibling"),
    ("dad has 3: 16, 9 and the baby, none in school this week", "sibling"),
    ("nan looks after them, the older 2 are 10 and 13", "sibling"),
    ("concern for the brothers on the new estate, 8 and 10, out late every night", "sibling"),
    ("five children in the flat aged 1, 4, 6, 9 and 14, no beds", "sibling"),
    # a child said to be sibling to a counted set, and a counted set taken before
    ("unborn is a half sibling to the 3 boys already in care", "sibling"),
    ("referral for the dad whose 2 little ones were removed last year", "sibling"),
    # one brother or sister as a definite aged child
    ("her sister is the 16yo who was arrested at the weekend", "sibling"),
    # one family's twins or triplets named by their sex
    ("the twin boys in reception are arriving hungry", "sibling"),
    ("triplet sisters at the academy, one self-harming", "sibling"),
    # initials typed without their last dot, and a letter before an Irish surname's initial
    ("HV saw K.D yr 4 at the clinic, bruising noted", "initials"),
    ("home visit for DO'C next week with the interpreter", "initials"),
    # a relative who holds a job at the writer's own setting ("here"), with "a" as well as "the"
    ("his nan's a dinner supervisor here so she hears everything", "workplace"),
]

PASSES = [
    # ages and counts in practice and policy text, no one household
    "the 3 children in yr 3, 4 and 5 all need the same support plan",
    "steps 1, 2 and 3 apply to the 2 kids on any plan",
    "families with 4 children aged between 5 and 11 qualify",
    "the siblings guidance in sections 4, 5 and 6 is being updated",
    "3 children out of 10 were seen at 9, 11 and 14 weeks",
    "the brothers and sisters policy changes on 12 and 13 march",
    # twins and a sibling in general
    "twin pregnancies need an extra midwife visit",
    "a sibling to the child may also be at risk",
    # dotted abbreviations that are no initials
    "N.B the form changed, U.K guidance applies",
    "DO'S AND DON'TS for home visits",
    # a relative's mood or manner "here", no job
    "mum is a lot calmer here than at home",
]


@pytest.mark.parametrize(("text", "kind"), FOUND)
def test_round54_finds(text: str, kind: str) -> None:
    kinds = {f.kind for f in find_identifiers(text)}
    assert kind in kinds, (text, kinds)


@pytest.mark.parametrize("text", PASSES)
def test_round54_passes(text: str) -> None:
    assert find_identifiers(text) == [], text
