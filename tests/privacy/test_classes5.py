"""Classes the fifth round of the screen added (branch privacy5), one written example each, none copied from a
corpus: a child identified by an event with its day or place (combos.py: event_spans); initials after a child word or
"re:", before an age or year group, or listed with a relative, unless a service acronym (kin.py); team mailboxes
and schools named without a pupil pass (published.py); laws, tests and saints named after a person pass (names.py)."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers, redact


def _kinds(text: str) -> set[str]:
    return {f.kind for f in find_identifiers(text)}


# A child, what happened and when or where: known to everyone who saw it, without a name.
@pytest.mark.parametrize("text", [
    "the little boy knocked down on the B5105 on Wednesday is still in hospital",  # a road number and a weekday
    "can someone check on the girl from the garage fire in Ditton last weekend",  # a local place and a time
    "the toddler admitted after the scalding incident on 14th July",  # a date in words
    "the 13 year old assaulted outside Frodsham station",  # an age and a named spot
    "the teenager pulled from the reservoir this afternoon",  # a spot with "the" and a time
    "a baby was bitten by a dog at the retail park on Saturday",  # "a" needs both day and place
    "the boy who was groomed online last summer",  # a season just gone
])
def test_dated_or_placed_events_are_found(text):
    assert "event" in _kinds(text), text


# Events in practice text speak of no one child, or of no particular day or place.
@pytest.mark.parametrize("text", [
    "after a serious incident the local authority notifies the panel within five working days",
    "the review of fire deaths in the region reports in spring",
    "the child protection conference on Thursday will consider the assault",  # a child word as a modifier
    "the pupil premium lead spoke after the fire drill on Friday",
    "if a child is hurt at the weekend the EDT will advise",  # any child: "a" with a day but no place
    "the young person's advocate joined the arrest review on Tuesday",  # the subject owns someone else
    "a child was injured in a fall",  # no day, no place
    "a 15 year old girl was found at the bus station",  # "a" + an age: any child, and no day
    "we talked about the boy at the strategy meeting on Wednesday after the assault",  # the meeting's day
])
def test_practice_text_about_events_passes(text):
    assert "event" not in _kinds(text), text


def test_redact_removes_an_event():
    out = redact("Note. The lad hit by a van on the A5117 on Sunday is home. Thanks")
    assert "A5117" not in out and out.startswith("Note.") and out.endswith("Thanks")


# Initials in more shapes.
@pytest.mark.parametrize("text", [
    "infant HM was discharged",  # a short abbreviation straight after a child word
    "re: PT the visit is booked",  # after "re:"
    "concerning WB, the school called",  # after "concerning"
    "FH year 9 is not attending",  # before a school year
    "LK, yr 4, said she was hungry",
    "OD, RS and the twins were seen together",  # a list that ends with a relative
    "we still have worries re. NP",  # "re." with its full stop
    "GF - 15 yrs - exploitation screening done",  # an age between dashes
    "HM's nan collected her",  # letters of an abbreviation owning a relative
    "PT year 7 has moved schools",  # letters of an abbreviation given a school year
    "RY & her stepmum left early",  # "&" to a relative
])
def test_initials_in_more_shapes_are_found(text):
    assert "initials" in _kinds(text), text


# Service acronyms stay acronyms in those places.
@pytest.mark.parametrize("text", [
    "re: ICPC, the chair has changed",
    "child CIN plan review is due",
    "baby EHA closed last week",
    "CAMHS, LADO and the family hub met",
    "re: PLO letter, legal have it",
    "IRO year 2 report is published",
    "KS2 and KS3 leads will be briefed",  # a key stage with its number
    "re: FII, the paediatrician has the notes",  # practice acronyms outside the wider list
    "child EHE register is updated monthly",
])
def test_service_acronyms_are_no_initials(text):
    assert "initials" not in _kinds(text), text


# Team mailboxes are published; a person's mailbox is not.
@pytest.mark.parametrize("text", [
    "the form goes to frontdoor@example.gov.uk",
    "ask lado@some-council.gov.uk for the threshold document",
    "copy in earlyhelp.triage@nhs.net",  # words run together and split by a dot
    "training questions to scpadmin@example.org.uk",
])
def test_team_mailboxes_pass(text):
    assert "email" not in _kinds(text), text


@pytest.mark.parametrize("text", [
    "his dad is on dwayne.pritchard@example.com",
    "the carer wrote from mashal.iqbal@example.co.uk",  # a service word inside a name is not a service word
    "info@ and the child's own address kyla.b2013@example.com",
])
def test_personal_mailboxes_are_found(text):
    assert "email" in _kinds(text), text


# Schools named with no pupil in the sentence are public; with a pupil they say where a child is.
@pytest.mark.parametrize("text", [
    "Penketh High School hosts the DSL network this term",
    "the audit looked at Norton Priory Academy and two others",
])
def test_named_school_without_a_pupil_passes(text):
    assert "school_year" not in _kinds(text), text


@pytest.mark.parametrize("text", [
    "she has just started at Norton Priory Academy",
    "his brother goes to Penketh High School",
])
def test_named_school_with_a_pupil_is_found(text):
    assert "school_year" in _kinds(text), text


# Laws, tests and saints named after a person are not a person's name.
@pytest.mark.parametrize("text", [
    "Jade's Law came into force this year",  # a law named after a person
    "the clinic records whether Gillick competence was assessed",
    "the training day is at St Oswald's",  # a saint's name
    "staff from Sir Ambrose Pilkington attended",  # a patron's title before two capitalised words
    "Tilly's Fund pays for the respite breaks",  # a charity named after a child
])
def test_eponyms_and_patrons_pass(text):
    assert "name" not in _kinds(text), text


def test_a_possessive_name_before_a_review_is_still_a_name():
    assert "name" in _kinds("Kayleigh's review is on Monday")


# A service's phone number is neither a record number after the service's name nor a house number before a place.
@pytest.mark.parametrize("text", [
    "Knowsley MASH 0151 443 0000 for anything urgent",
    "ring 01925 443 322 Warrington contact centre",
])
def test_service_numbers_are_no_reference_or_address(text):
    assert not _kinds(text) & {"record_reference", "address"}, text


def test_a_partnership_landline_is_a_service_line():
    assert "phone" not in _kinds("questions to the LSCP on 01244 976 500")


def test_public_body_team_mailbox_with_a_short_code_passes():
    assert "email" not in _kinds("the trust's inbox is bwh.safeguarding@nhs.net")
    assert "email" in _kinds("her worker is on bwh.safeguarding@gmail.com")  # not a public body's domain


@pytest.mark.parametrize("text", [
    "Knowsley Children's Social Care on 0151 443 2600",  # "children's" names a service here
    "the council's customer line is 0303 444 0000",  # any 03 number is non-geographic
    "Runcorn children's centre: 01928 567 000",
])
def test_service_landlines_named_by_their_service_pass(text):
    assert "phone" not in _kinds(text), text


def test_a_relative_of_the_children_keeps_a_landline_flagged():
    assert "phone" in _kinds("the children's gran is on 01928 765 000")


def test_a_visible_difference_narrows_a_description():
    assert "combination" in _kinds("the little girl with the port wine stain from Murdishaw")
