"""Round 55 (branch privacy55): a child or family that stands out (the only one of a kind in a place, seen on air or
on a paper's front, in a public incident), a relative at a chain's placed branch; numbers after a part of a
statute, regulators' acronyms and book characters pass. None of these sentences is from a corpus or a probe set."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers

FOUND = [
    # the only one of a kind in a place
    ("the boy has a rare blood disorder, the only child in the borough with it", "combination"),
    ("she's the only case like this in the region so keep the minutes vague", "combination"),
    ("mum says there are only 2 cases in the country, the girl is one of them", "combination"),
    ("the family live in the only house with a windmill in the garden", "combination"),
    # seen by the public: on a channel or a programme, on a paper's front, shared widely
    ("the girl from the flood rescue that was on ITV is now in foster care", "combination"),
    ("the family on that Channel 4 benefits programme have been referred again", "combination"),
    ("the lad on the front page last week after the fire is refusing school", "combination"),
    # a public incident after who / that
    ("the boy who fell from the viaduct last summer is back at school", "combination"),
    ("the kids that were rescued from the river in april are on plans now", "combination"),
    # a relative at a chain's branch placed by where it is
    ("his dad runs the Greggs on the precinct and is worried about the allegation", "workplace"),
    ("nan has started working at the Lidl near Frodsham station", "workplace"),
    # both of a child's parents at one named workplace, and a child of a workplace's one owner or landlord
    ("her parents both work at Castlefields Medical Centre so she won't go there", "workplace"),
    ("the stepdaughter of the landlady of the Ship Inn has gone missing", "workplace"),
    ("he is the son of the owner of the farm shop near Helsby", "workplace"),
    # an account, page or group named in quotes beside its platform, or after a word for one who posts
    ('her insta "Kayleigh Rose Xx" has photos of the baby', "social_media"),
    ('the "Castle Estate Parents" facebook group shared her photo', "social_media"),
    ('the tiktoker "LewisLaughs" goes to our school', "social_media"),
    # a house number after "it's" is still one ("s" alone is a section only as its own word)
    ("sorry, it's 31 Hawthorn Avenue not 13", "address"),
]

PASSES = [
    # the only service, a programme about a topic, a child who survived something private
    "the hub is the only service in the area that takes self-referrals",
    "there was a programme on the BBC about county lines last night",
    "we watched the documentary on channel 4 with the yr 10s",
    "children who survived abuse need a trauma-informed response",
    "the only option in the county is a residential placement",
    # a chain's branch with no relative working there
    "the food bank runs from the Asda in Widnes on fridays",
    "staff at the Aldi in Crewe are trained to spot exploitation",
    # parents in general at work, and an owner of no workplace
    "many parents work at Tesco and cannot attend daytime meetings",
    "the parents work at different times so evening visits suit",
    "she was bitten by a dog, the owner of the dog was spoken to",
    # a number after a part of a statute or a document is no house number
    "section 17 assessment due end of week",
    "para 4 park lane guidance has changed",
    # regulators' and training acronyms, and book characters in a class
    "CPD log for HCPC and NMC renewal",
    "the yr 3s are reading Tracy Beaker this half term",
    # a service's own page, and a remark quoted after a platform
    'the "Safer Halton" facebook page has the new poster',
    'she put on facebook "never again" after the meeting',
    # a drop-in named in name words is a service
    "the Ivy Stone drop-in at St Luke's is open on Thursdays",
]


@pytest.mark.parametrize(("text", "kind"), FOUND)
def test_round55_finds(text: str, kind: str) -> None:
    kinds = {f.kind for f in find_identifiers(text)}
    assert kind in kinds, (text, kinds)


@pytest.mark.parametrize("text", PASSES)
def test_round55_passes(text: str) -> None:
    assert find_identifiers(text) == [], text
