"""The review of rounds 54-55 (branch privmend20): a role's dotted letters pass only as a role held ("the D.O."), and
are a child's initials otherwise; a fiction name passes only where no child's context is told or a book, film or show
is; generic plural parents at a chain, and a made-up household of an example or case study, are no one's; a house
number after "section / part / para" is still one where someone lives there. Sentences are written here, not from a
corpus or the review."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers

FOUND = [
    # a role's letters standing alone, before a disclosure, a harm, an age, a year group or a plan: initials
    ("H.V. said her stepdad kicked her", "initials"),
    ("D.S. has told staff that his brother hurts him", "initials"),
    ("G.P. in yr 9 is self harming again", "initials"),
    ("D.O. aged 13 is now on a CP plan", "initials"),
    ("worried about T.A, she disclosed at lunch", "initials"),
    ("she said that P.C. touched her", "initials"),
    # a fiction name with a child's year group, age, relative or harm told and no book or film
    ("Harry Potter in Y8 has gone missing again", "name"),
    ("Percy Jackson, 11, says his mum's boyfriend hits him", "name"),
    ("concerns about Tom Gates, his nan reports bruising", "name"),
    ("Charlie Bucket is on a child protection plan", "name"),
    # guards: a relative of one child at a chain's placed branch, and a real household
    ("her parents work at the Tesco in Widnes", "workplace"),
    ("parents both started at the Asda on Kingsway", "workplace"),
    ("mum has 3 kids, aged 3, 7 and 12, all at home", "sibling"),
    # guards: a house number after a part word where someone lives is an address
    ("the family now live at part 14 Beech Grove", "address"),
    ("she moved to section 6 Oak Road last week", "address"),
    ("address is para 2 Station Street, Runcorn", "address"),
]

PASSES = [
    # a role's letters after a determiner or a possessive: the post, whoever holds it
    "the D.C. rang back, statement booked for Monday",
    "her G.P has been asked for a letter",
    "our T.A. will do the check-in each morning",
    "I passed it to the D.S.L. straight away",
    "the I.R.O. chairs the review next week",
    # or before a word of the post's work
    "G.P. surgery has no record of the appointment",
    "D.S.L. training is on the 4th, book via the portal",
    # abbreviations, with and without their last dot
    "D.O.B missing from the referral form",
    "meeting moved to 10 a.m. on Tuesday",
    # fiction names with a book, film or show, or with nothing personal told
    "the year 6s are reading Alex Rider as a class novel",
    "James Bond films are on at the community cinema",
    "a Peppa Pig party for the nursery on Friday",
    "Harry Potter lesson plans for year 4 are on the drive",
    # parents in general at a chain, and made-up households of training
    "Carers working at Asda or Aldi on zero hours contracts: any advice on childcare?",
    "parents working shifts at Amazon in Widnes struggle with school runs",
    "in the training vignette, mum has 4 children aged 2, 5, 8 and 11",
    "scenario: brother of the 3 girls in the case study has made a disclosure",
    "scenario 2: sister of the 3 boys in the training example",
]


@pytest.mark.parametrize(("text", "kind"), FOUND)
def test_review20_finds(text: str, kind: str) -> None:
    kinds = {f.kind for f in find_identifiers(text)}
    assert kind in kinds, (text, kinds)


@pytest.mark.parametrize("text", PASSES)
def test_review20_passes(text: str) -> None:
    assert find_identifiers(text) == [], text
