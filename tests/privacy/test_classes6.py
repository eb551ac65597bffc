"""Classes the sixth round of the screen added (branch privacy6), one written example each, none copied from a
corpus: a school year written in words, "lower/upper sixth", "in nursery" and a form like "in 4C" next to a named
school (patterns.py: YEAR_GROUP); plates with dashes, in the older prefix format or given in part after a cue
(pointers.py: PLATE, REG_CUE); a house number with "on" before the street; "King/Queen/Prince X's" as an
institution's name, not a person's (names.py: patron_titles)."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers


def _kinds(text: str) -> set[str]:
    return {f.kind for f in find_identifiers(text)}


@pytest.mark.parametrize("text", [
    "he's in year eight at Lowfield high",  # a year group in words
    "she is upper sixth at Harcourt College",  # lower / upper sixth
    "the little one in nursery at the Sandpits infants",  # "in nursery" at a named school
    "he sits in 4C at Greyfriars primary",  # a form written as number and letter
])
def test_school_years_written_other_ways_are_found(text):
    assert "school_year" in _kinds(text), text


@pytest.mark.parametrize("text", [
    "the van was LM-09-TRW",  # dashes in a current plate
    "the driver had an old Escort, B617 KHN",  # the prefix format
    "plate started GH-4 if that helps",  # a part of a plate after "started"
])
def test_plates_written_other_ways_are_found(text):
    assert "vehicle" in _kinds(text), text


def test_house_number_with_on_before_the_street_is_found():
    assert "address" in _kinds("they moved to number 31 on Kestrel Rise"), "address"


@pytest.mark.parametrize("text", [
    "reg 44 notices are sent by the registrar",  # a regulation, no plate: plates have letters
    "King Edward's Field toddler group is on Monday",  # a place named after a royal
    "Queen Anne's Field hosts the fun day",
])
def test_regulations_and_royal_names_pass(text):
    assert find_identifiers(text) == [], text
