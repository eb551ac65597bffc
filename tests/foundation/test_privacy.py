"""Free text is screened for likely identifiers; findings name kinds, never the text."""

from __future__ import annotations

import pytest

from bot.privacy import describe, find_identifiers, nhs_number_valid, redact


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("NHS number 943 476 5919 on file", "nhs_number"),
        ("lives at CH65 0BE now", "postcode"),
        ("call mum on 07700 900123", "phone"),
        ("contact +44 151 496 0000", "phone"),
        ("email jo.bloggs@example.org", "email"),
        ("DOB 12/03/2015", "date_of_birth"),
        ("born on 3 March 2015", "date_of_birth"),
        ("child Jayden Smith was seen", "name"),
        ("the mother, Kerry, refused", "name"),
        ("Mrs Patel called", "name"),
        ("his sister grace is still at home", "name"),
        ("the Nowaks moved again", "family_name"),
        ("visit at 22 Elm Grove", "address"),
        ("she is year 4 at St Mary's", "school_year"),
        ("LCS-204518 needs closing", "record_reference"),
        ("child K is refusing to go home", "initials"),
        ("NHS no 943 476 5918", "nhs_number"),
        ("her snapchat is kayla_x2010", "social_media"),
        ("seen getting into AB12 CDE", "vehicle"),
        ("mum works at the Tesco in Widnes", "workplace"),
    ],
)
def test_identifiers_are_found(text, kind):
    kinds = {f.kind for f in find_identifiers(text)}
    assert kind in kinds
    assert "[removed]" in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Referral to i-ART not accepted; threshold disagreement at level 3",
        "Child protection plan not followed by Health after the strategy meeting",
        "child is 7 and known to CAMHS; school raised concerns",
        "Escalated to the partner Agencies on 3 occasions",
        "CR-2026-007 see case card",
        "ESC-2026-014 moved to step 2",
        "we hope mum will engage over the summer",
        "Child Arrangements Order made; referred to Victim Support",
        "family moved from Runcorn to Ellesmere Port",
        "strategy meeting on 12 March 2024, section 47 enquiry",
        "papers at https://example.org/forum-v2 before the panel",
        "a red car was seen; her instagram account is private",
    ],
)
def test_ordinary_practice_text_passes(text):
    assert find_identifiers(text) == []


def test_nhs_check_digit():
    assert nhs_number_valid("9434765919")
    assert not nhs_number_valid("9434765918")
    # A mistyped NHS number still identifies a child: a wrong check digit is caught too.
    assert "nhs_number" in {f.kind for f in find_identifiers("ref 943 476 5918")}


def test_message_names_kinds_not_text():
    findings = find_identifiers("child Jayden Smith, 07700 900123")
    message = describe(findings)
    assert "Jayden" not in message and "07700" not in message
    assert "anonymised case reference" in message
