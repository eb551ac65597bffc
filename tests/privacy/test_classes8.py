"""Classes the eighth round of the screen added (branch privacy8), one written example each, none copied from a
corpus: numbers read out in words or split by slashes, dots or underscores (informal.py); dates of birth with a
month word between digits and "birthdate"; a hotel room or a street corner as a home; a child placed in a nursery
or school named in lower case with a setting word other than "school"; and the false alarms removed (a surname
that is a street word before a job, a make and model that is a service's pool car)."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers


def _kinds(text: str) -> set[str]:
    return {f.kind for f in find_identifiers(text)}


@pytest.mark.parametrize(("text", "kind"), [
    ("step-dad's number is oh seven seven double three one two, four five nine eight", "phone"),
    ("call aunty on zero 7 9 treble 4, 1 2 3 5 6", "phone"),
    ("gran: seven eight one six, two two nine, four o five", "phone"),
    ("nhs number is nine four three, four seven six, five nine one nine", "nhs_number"),
    ("NHS no 943 / 476 / 5919 on the discharge letter", "nhs_number"),
    ("nhs 943.476.5919 please", "nhs_number"),
    ("his NHS: 943_476_5919", "nhs_number"),
    ("birthdate 03-Jan-2017, placed with aunt", "date_of_birth"),
    ("DOB 11.Oct.2010 per the referral", "date_of_birth"),
    ("date of birth 30-sept-2018", "date_of_birth"),
    ("they are staying in room 31 at the Holiday Inn near the ring road", "address"),
    ("mum and baby in room 7 of the travelodge off the bypass", "address"),
    ("the family live on the corner of cherry lane and bold street", "address"),
    ("her toddler goes to sunny days nursery three mornings a week", "school_year"),
    ("his daughter started at hartford girls in september", "school_year"),
    ("the boy attends rainbow tots pre-school", "school_year"),
])
def test_informal_identifiers_found(text, kind):
    assert kind in _kinds(text), text


@pytest.mark.parametrize("text", [
    "steps one, two, three and four are in the flowchart",  # digit words broken by "and"
    "the numbers rose by three hundred and nine this year",
    "1, 2, 3, 4, 5, 6, 7, 8, 9, 10 are the headings",  # numerals alone, no word and no NHS cue
    "the guidance, version 2.3.1, replaces the last one",
    "panel on 14-Mar-2026 at the civic centre",  # a date without a birth cue
    "the conference is in room 4 of the town hall",  # a room in no hotel
    "the hub sits on the corner of church street and hill road",  # a venue, no one living there
    "my son goes to the local nursery",  # a nursery described, not named
    "her daughter goes to a private nursery",
    "Tessa Lane, partnership business manager, sent the agenda",  # a surname that is a street word, before a job
    "Owen Grove, safeguarding lead officer, chaired",
    "a blue Ford Fiesta pool car is available for home visits",  # a service's own vehicle
])
def test_benign_not_flagged(text):
    assert not find_identifiers(text), (text, _kinds(text))
