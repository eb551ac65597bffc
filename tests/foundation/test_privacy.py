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
        ("child Jayden Smith was seen", "role_name"),
        ("the mother, Kerry, refused", "role_name"),
        ("Mrs Patel called", "titled_name"),
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
    ],
)
def test_ordinary_practice_text_passes(text):
    assert find_identifiers(text) == []


def test_nhs_check_digit():
    assert nhs_number_valid("9434765919")
    assert not nhs_number_valid("9434765918")
    assert find_identifiers("ref 943 476 5918") == [] or all(
        f.kind != "nhs_number" for f in find_identifiers("ref 943 476 5918"))


def test_message_names_kinds_not_text():
    findings = find_identifiers("child Jayden Smith, 07700 900123")
    message = describe(findings)
    assert "Jayden" not in message and "07700" not in message
    assert "anonymised case reference" in message
