"""answers80: contact details asked in other words than a number or an email ("contact details", "get hold of
them") are declined where the entry gives none, and a worried message asking a named role's name keeps 999 and the
front door before saying the documents name no one; an adult the safety detector plainly reads as one ("client aged
30") is adult safeguarding though no adult phrase is said, unless a count is asked. Sentences written here, none
copied from a set; each declined case was seen answered on main 3aeeb77f, the answered ones are guards."""

from __future__ import annotations

import pytest

from knowledge.safety import SAFETY_LEAD
from tests.knowledge.conftest import assert_answered, assert_declined

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(("question", "partnership"), [
    ("who's the LADO in halton and how do i get hold of them", "halton"),
    ("wirral LADO contact details please", "wirral"),
    ("contact info for the warrington lado", "warrington"),
])
def test_contact_details_not_held_are_declined(ask, question, partnership) -> None:
    assert_declined(ask(question, partnership), "no contact details")


def test_a_worry_asking_a_roles_name_keeps_999_and_the_front_door_first(ask) -> None:
    res = ask("name of the halton LADO? i have to phone them this afternoon about one of our coaches", "halton")
    assert res.text.startswith(SAFETY_LEAD) and res.safety, res.text
    assert "Halton Borough Council children's social care" in res.text
    assert "do not name the person" in res.text and not res.answered


@pytest.mark.parametrize(("question", "partnership", "says"), [
    ("contact details for the cheshire west partnership", CWAC, "SCP@cheshirewestandchester.gov.uk"),
    ("who is the warrington lado", "warrington", "Local Authority Designated Officer"),
])
def test_contacts_held_and_the_role_itself_are_answered(ask, question, partnership, says) -> None:
    assert_answered(ask(question, partnership), says)


def test_an_adult_phrase_is_adult_safeguarding(ask) -> None:
    res = ask("vulnerable adult aged 30 at our day centre has bruises, who takes the safeguarding in wirral", "wirral")
    assert_declined(res, "adult safeguarding")
    assert "999" not in res.text


def test_an_age_alone_is_no_adult_decline(ask) -> None:
    # the detector's "adult" reading by an age alone ("client aged 30") declined as adult safeguarding cost real
    # worries about children their 999 line (two on fresh held-out corpora), so an adult phrase is needed
    res = ask("day centre client aged 30 has bruises, who takes the safeguarding in wirral", "wirral")
    assert "adult safeguarding" not in res.text, res.text


def test_a_count_of_adults_by_age_is_no_adult_safeguarding(ask) -> None:
    res = ask("how many young adults aged 19 to 24 are there in cheshire west", CWAC)
    assert "adult safeguarding" not in res.text and res.answered, res.text
