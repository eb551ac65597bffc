"""Classes the fourth round of the screen added (branch privacy4), one written example each, none copied from a
corpus: professionals named in role pass unless a family relation touches the name (roles.py); published service
landlines pass, family numbers and mobiles do not (phones.py); unique combinations of quasi-identifiers
(combos.py); usernames before "on <platform>", after "user" / "channel" or in quotes; a sibling adopted or under an
order; surnames before a child word, Mr / Mrs before any word, a word owning a relative, capitals in a person's
state, lower-case initials joined by "and", a school year in words, CAD and letter-dash references; course and
booking numbers, closing quotes and postcode areas that are no identifier."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers, redact


def _kinds(text: str) -> set[str]:
    return {f.kind for f in find_identifiers(text)}


# Professionals named in their role: a worker's name, not a child's.
@pytest.mark.parametrize("text", [
    "DC Okonkwo is taking the lead on the joint visit",  # a police title in the name phrase
    "Cllr Bramwell opened the conference",
    "our IRO is Bethany Crowther from next month",  # a role before, joined by is
    "the new SENCO, Gwyneth Pryce, has sent the plan",  # a role before, joined by a comma
    "Callum Dewhurst, senior practitioner, will chair",  # a role after, a comma and fillers
    "Imogen Tranter (named nurse) is on the rota",  # a role after, in brackets
    "Petra is covering as duty manager this week",  # is covering as + role
    "speak to Yusuf from the safeguarding team",  # a service after from
    "Rhiannon at the front door can advise",
])
def test_professionals_named_in_role_pass(text):
    assert "name" not in _kinds(text), text


# The form must not become a way to name families: a relation or child marker touching the name wins.
@pytest.mark.parametrize("text", [
    "dad Mr Okonkwo is a police officer",  # a relation before the name phrase
    "his stepdad DC Okonkwo was there",  # a relation before a titled name
    "DS Whitcombe's daughter was at the party",  # the name owns a relative
    "the nurse, Imogen Tranter, mum of the baby, refused",  # a relation after a name a role governs
    "Sgt Imogen Tranter and her brother were seen",  # name and a relative
    "re Yusuf from the MASH",  # "re": the message is about Yusuf
    "Yusuf from the MASH referral",  # the service word names a record
    "Yusuf is the IRO's main worry",  # a role's possessive is not the person's role
    "Yusuf at the family hub said he was scared",  # children go to family hubs too
])
def test_a_family_relation_keeps_the_name(text):
    assert "name" in _kinds(text), text


@pytest.mark.parametrize("text", [
    "the duty team line is 01925 443 210 until six",  # a landline with a service word
    "switchboard: 0161 555 0199, ask for safeguarding",
    "I'm on 01244 972 001 all afternoon",  # the writer's own landline
])
def test_service_landlines_pass(text):
    assert "phone" not in _kinds(text), text


@pytest.mark.parametrize("text", [
    "the duty team has her number, 07700 900 431",  # a mobile never passes on a service word
    "mum's home number is 01925 443 210 says the team",  # a family word in the sentence
    "grandad's landline, the team has it: 0151 555 0143",
])
def test_family_numbers_are_still_found(text):
    assert "phone" in _kinds(text), text


# Unique combinations: one person or family, two kinds of detail, one narrowing the population.
@pytest.mark.parametrize("text", [
    "the Eritrean family with triplets in Frodsham",  # community, composition, place
    "a 7 year old with cystic fibrosis in Lymm",  # age, trait, place
    "the boy who was on Hollyoaks, lives in Hoole",  # an appearance and a place
    "the only Kurdish family on the estate",  # uniqueness, community, a setting
    "the lass whose house was raided, near the chippy in Lache",  # an event, a setting, a place
    "the one with the neck tattoo who hangs about in Sankey, 14.",  # trait, place, an age at the end
])
def test_unique_combinations_are_found(text):
    assert "combination" in _kinds(text), text


@pytest.mark.parametrize("text", [
    "children with cystic fibrosis in Cheshire have a specialist nurse",  # no one spoken of
    "the only way to refer is through the front door in Halton",
    "a teenage mum aged 17 with a newborn needs a pre-birth assessment",  # age and composition: no narrowing
    "training on supporting refugee families in Warrington next month",
    "children aged 0-18 in Wirral number about 70,000",
    "the early help family hub in Widnes ran a fire safety day",  # a family service, not a family
])
def test_general_text_with_single_details_passes(text):
    assert "combination" not in _kinds(text), text


@pytest.mark.parametrize(("text", "kind"), [
    ("the account messaging him is lil_skye2011 on insta", "social_media"),  # before 'on <platform>'
    ("youtube channel gravel_lane_tv has the video", "social_media"),
    ("tiktok user m.ayla_x sent it", "social_media"),
    ("on snapchat 'dubz_0_0' keeps adding her", "social_media"),  # in quotes
    ("her older sister was adopted last year", "sibling"),
    ("his big brother got a CBO in the summer", "sibling"),
    ("the Pemberthy girl was in the car", "family_name"),  # a surname before a singular child word
    ("no one has seen the Dalgleish toddler", "family_name"),  # a proper noun in no name list
    ("the Fothergill case is back at panel", "family_name"),
    ("nan (mrs thimble) collects him", "name"),  # Mr / Mrs before any word
    ("Harbour's gran brought her in", "name"),  # a word owning a relative only a person has
    ("Clover's stepdad rang", "name"),
    ("TK found wandering near the docks", "initials"),  # capitals and a state only a person is in
    ("any update on pj and his nan", "initials"),  # lower-case initials joined to a relative
    ("fw and dk were both in the car", "initials"),
    ("D.McG has moved placement", "initials"),
    ("stepdad (not the bio dad) is a porter at the Countess hospital", "workplace"),  # an aside after the relative
    ("she's in 3rd year at Blacon High", "school_year"),
    ("ks3 at the Grange, tutor has concerns", "school_year"),
    ("CAD 5521 from the weekend", "record_reference"),
    ("MASH ref Q-21-00456", "record_reference"),
    ("born xmas eve 2018", "date_of_birth"),
])
def test_found(text, kind):
    assert kind in _kinds(text), text


@pytest.mark.parametrize("text", [
    "course ref CP-2025-11, book via the learning hub",  # a course's number
    "the booking number is 448812 for the venue",
    "the threshold is 'significant harm' here",  # a closing quote is no possessive
    "Cafcass have the section 7 report",
    "the WA7 area has seen more referrals",  # a postcode area, not a home
    "we had a good chat on snap chat about the training",  # no username shape before the platform
    "everyone's mum should know about the helpline",  # a pronoun owning a relative
    "the landlord's son does the repairs",  # after a determiner
    "the Swedish family model of contact is interesting",  # a nationality before a family noun
    "key stage 2 results are out next week",  # a stage with no school
    "the ms teams link is in the invite",
    "Tomasz is on annual leave, Bryony is covering the duty desk",  # staff away and covering
    "NWG moved the forum to March",  # capitals before a state a body can be in too
])
def test_benign(text):
    assert find_identifiers(text) == [], text


def test_redact_removes_a_combination():
    text = "the Eritrean family with triplets in Frodsham"
    assert find_identifiers(redact(text)) == []
