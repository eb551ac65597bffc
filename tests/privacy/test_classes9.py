"""Classes the ninth round of the screen added (branch privacy9), one written example each, none copied from a
corpus: a street named without a house number as a place (a venue, a patrol, a car park) passes when no person or
home is in its sentence (places.py); a street beside anyone it could be home to stays an address."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers


def _kinds(text: str) -> set[str]:
    return {f.kind for f in find_identifiers(text)}


@pytest.mark.parametrize("text", [
    "the parenting course runs at the library on Cedar Road every Tuesday",
    "street pastors patrol Albion Street and the bus station on Saturdays",
    "use the Mill Lane car park, the one by the leisure centre is closed",
    "the new contact centre is opposite the fire station on Bridge Street",
    "the drugs team have done test purchases along Station Road this month",
])
def test_street_named_as_a_place_passes(text):
    assert "address" not in _kinds(text), text


@pytest.mark.parametrize("text", [
    "mum has moved to Cedar Road with the baby",
    "he hangs about on Albion Street after school",
    "their house on Mill Lane has no heating",
    "she's sofa surfing on Bridge Street since Friday",
    "the family are staying on Station Road",
    "dad lives at 22 Cedar Road",  # a house number: always an address
])
def test_street_beside_a_person_or_home_is_an_address(text):
    assert "address" in _kinds(text), text


@pytest.mark.parametrize("text", [
    "receptionist Holly Dean booked the safeguarding review at the surgery",
    "call handler Owen Pryce passed the log to the response team",
    "YOT worker Nathan Birch is the case manager for the order",
    "Leah Booth, attendance officer, will do the home visit letters",
    "Mohammed from the youth offending team is running the group",
    "Gail on reception took the message for the duty GP",
    "Tariq Shah, parish safeguarding rep, sent the DBS renewals",
    "probation officer Carla Nunes has the licence conditions",
])
def test_front_line_professional_in_role_passes(text):
    assert "name" not in _kinds(text), text


@pytest.mark.parametrize("text", [
    "receptionist says Kyle Dunne missed his appointment again",  # a child named beside a role
    "call handler spoke to mum, Jade Rowe, at 2am",
    "YOT worker met Tia Marsh and her dad",
    "Leah Booth, attendance officer's daughter, is the child in the referral",
])
def test_family_named_beside_a_role_still_found(text):
    assert "name" in _kinds(text), text


@pytest.mark.parametrize("text", [
    "school nursing single point of access: 01244 650 321",
    "email the surgery's team inbox, safeguarding.practice@nhs.net, with the form",
    "housing options on 01925 442 110 for emergency accommodation",
])
def test_service_contact_passes(text):
    assert not _kinds(text) & {"phone", "email"}, (text, _kinds(text))


@pytest.mark.parametrize(("text", "kind"), [
    ("single point of access rang dad on 07700 912 345", "phone"),
    ("mum's email is practice.jade91@gmail.com", "email"),
])
def test_family_contact_beside_service_words_found(text, kind):
    assert kind in _kinds(text), text
