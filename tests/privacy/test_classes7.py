"""Classes the seventh round of the screen added (branch privacy7), one written example each, none copied from a
corpus: professionals named in role in more phrasings (roles.py) against a child or relative named beside a role;
where a person of concern works and places typed in lower case (pointers.py); initials beside a care status, a
person-only verb, "in year N" or "with mum" (kin.py); unique combinations (combos.py); schools typed in lower case
(published.py); plates in lower case, handles in mixed case or after "as"; institutions typed in lower case."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers


def _kinds(text: str) -> set[str]:
    return {f.kind for f in find_identifiers(text)}


@pytest.mark.parametrize("text", [
    "Marcus Ofori signed the safeguarding statement as interim director",  # a role given with "as" in the clause
    "Yvonne Ketteridge covers as duty manager on Fridays",
    "Olu Bankole and Fern Latimer are the Halton leads for exploitation",  # names joined by "and", then the role
    "Grant Ellery, WBC strategic director, will open the event",  # a body's short name and fillers before a role
    "Imran Sadiq is the Wirral CCG accountable officer",
    "Tamsin Royle chief executive welcomed the board",  # a role straight after, no comma
    "Gail Pennock is the child's social worker",  # a possessive before the role
    "Bryony Lusk from Merseyside constabulary will attend",  # a place and a service after "from"
    "Heidi Mottram, Cheshire Police, presented the data",  # a place and a service in an apposition
    "Carys in legal has the court bundle",  # legal as a service
    "the HV is called Odette and covers the south patch",  # "is called" after a role
    "Rhona K (EDT) took the call overnight",  # a service in brackets
    "minutes by gwen fairclough, business support",  # a name typed in lower case before its role
    "Dara at the school nurse team will ring back",
])
def test_professionals_named_in_role_pass(text):
    assert "name" not in _kinds(text), text


@pytest.mark.parametrize("text", [
    "per Mr Achebe, head of year, Lowenna has stopped eating",  # the role belongs to Mr Achebe, not Lowenna
    "the school nurse, Perpetua Vance, is mum's cousin",  # a relative after is, whatever the job
    "the child is Oakleigh and he is six",  # a first name after a child word and is
    "DS Hale arrested Brandon Fairweather at home",  # a full name whose first name is also a word
])
def test_a_child_or_relative_beside_a_role_is_found(text):
    assert "name" in _kinds(text), text


@pytest.mark.parametrize("text", [
    "the alleged abuser is a steward at Goodison",  # a person of concern, not a relative
    "the lodger cleans at the leisure centre in Winsford",
    "her partner is a porter at arrowe park hospital",  # a place typed in lower case
    "nan does dinners at st bernard's",
    "mums a dinner lady at the primary on priory road",  # the apostrophe dropped; a lower-case street
    "the perpetrator is a volunteer with the Scouts in Hoole",
])
def test_workplaces_are_found(text):
    assert "workplace" in _kinds(text), text


@pytest.mark.parametrize("text", [
    "mums who work at the hospital can use the staff creche",  # any mums
    "dads who work shifts find evening groups easier",
    "mum works in retail",  # no place
])
def test_general_work_text_passes(text):
    assert "workplace" not in _kinds(text), text


@pytest.mark.parametrize("text", [
    "PD (looked after) went missing from placement",  # a care status in brackets, letters that are also an abbreviation
    "WR, CIN, moved school again",
    "CG disclosed to the learning mentor",  # a person-only verb after letters that are also an abbreviation
    "TN in year 3 was sent home",  # in year N
    "SV back with dad from Monday",  # with a relative
    "older sib CW and younger HW share a room",  # "sib"
])
def test_initials_in_new_shapes_are_found(text):
    assert "initials" in _kinds(text), text


@pytest.mark.parametrize("text", [
    "PE in year 9 is compulsory",  # a school subject, not initials
    "LAC (looked after children) reviews are due",  # the acronym defined
])
def test_subjects_and_defined_acronyms_pass(text):
    assert "initials" not in _kinds(text), text


@pytest.mark.parametrize("text", [
    "the boy in a wheelchair who lives over the launderette in Sandbach",  # a person placed by a description
    "the girl with the glass eye who joined in January",  # a definite child with a visible difference
    "the lad who won the county judo title in Crewe",  # a title one person holds
    "the family with the famous mum who plays for the netball team",  # fame
    "a girl who was born in a taxi on the M62, it was on the radio",  # a road number, a birth that made the news
    "the family who live on the narrowboat by the marina",  # an unusual home
    "the family of 12 on the Racecourse estate",
    "the girl who was given the young carer award by the mayor",  # an award received
])
def test_unique_combinations_are_found(text):
    assert "combination" in _kinds(text), text


@pytest.mark.parametrize("text", [
    "children who use a wheelchair need an accessible venue",  # no one child
    "a child who is deaf may need an interpreter at conference",
])
def test_general_text_about_conditions_passes(text):
    assert find_identifiers(text) == [], text


@pytest.mark.parametrize("text", [
    "she's yr 8 at marlowe high",  # a lower-case name before a school word
    "y10 student at brackley college",
    "year 2 at bishop heber",  # a patron's title and a name
    "robin class (yr3) at thistlecombe",  # a word in no list after "at"
    "yr 9 at the grammar school in knutsford",  # a school word in a town
    "sixth former at reaseheath, sofa surfing",
])
def test_lower_case_schools_with_a_year_are_found(text):
    assert "school_year" in _kinds(text), text


@pytest.mark.parametrize("text", [
    "year 7 at secondary school is a big change",  # descriptions, not a school's name
    "moving to year 10 at a special school",
    "year 6 at transition needs extra support",
])
def test_schools_described_not_named_pass(text):
    assert "school_year" not in _kinds(text), text


@pytest.mark.parametrize("text, kind", [
    ("lr21 tvk parked on the corner every night", "vehicle"),  # a plate in lower case
    ("b482 xnw was the old plate", "vehicle"),  # the prefix format in lower case
    ("he rides a red Kawasaki", "vehicle"),  # a motorbike make
    ("she chats to a boy called xXdarkwolfXx on fortnite", "social_media"),  # capitals inside a handle
    ("he streams on youtube as grimmstonegaming", "social_media"),  # a platform, "as" and a word in no list
])
def test_pointers_written_other_ways_are_found(text, kind):
    assert kind in _kinds(text), text


@pytest.mark.parametrize("text", [
    "yr10 and yr11 options evening",  # no plate: its letters spell a word
    "we use instagram as well as the website",
    "st catherine's hospital paediatrics changed the pathway",  # institutions typed in lower case
    "alan turing institute published the report",
    "the Barnwell family hub opens on Saturdays",  # a service named for a place
    "family information service fis@cheshire.gov.uk",  # a body's short code
    "the Ruby Room is booked for the training",  # a room named for a first name
    "is anyone else's laptop slow",
    "if a partner does not pay their contribution in warrington, who decides",  # a partner agency, not a relative
])
def test_benign_look_alikes_pass(text):
    assert find_identifiers(text) == [], text


@pytest.mark.parametrize("text", [
    "the wojcieszaks have moved to another area",  # a plural in no word list, lower case, doing what people do
    "the ashbrookes were not at home again",
])
def test_family_surnames_in_lower_case_are_found(text):
    assert "family_name" in _kinds(text), text


def test_a_care_status_makes_service_letters_initials():
    assert "initials" in _kinds("GP (looked after) ran from placement again"), "initials"


@pytest.mark.parametrize("text", [
    "the rhcpcs were held on time this quarter",  # an acronym's plural in lower case
    "CIN (child in need) meetings are on Tuesday",  # the status's own acronym
])
def test_plural_acronyms_and_status_acronyms_pass(text):
    assert find_identifiers(text) == [], text


def test_a_name_before_a_house_is_still_found():
    """'X Y house' may be a home ("kayla smith house move"): no institution there."""
    assert "name" in _kinds("update on tegan morrow house move"), "name"
