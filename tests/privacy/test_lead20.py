"""The twentieth session's own checks: a professional's role written with dots ("the D.O.", "G.P", "H.V.") is a
title, not a person's initials (only after a determiner or possessive since the review of rounds 54-55:
test_review20.py); two capitals joined by dots that are no known title still screen as initials. Sentences are
written here, not from a corpus."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers

PASSES = [
    # a role's letters with dots, with and without the last one (fail on 2385eea and on f65de30)
    "spoke to the D.O. today, no further action for now",
    "the G.P said she would write to the panel",
    # (review of rounds 54-55: a role's letters pass only after a determiner or possessive; these two had none)
    "the H.V. visiting weekly, all agencies aware",
    "a P.C. on response attended and logged it",
    "the T.A. was with the class the whole afternoon",
    "ref the D.S.L. guidance on the shared drive",
]

FOUND = [
    # guards: a child's initials with and without the last dot
    ("J.S. told the TA her dad hits her", "initials"),
    ("S.P yr 8 disclosed at break", "initials"),
]


@pytest.mark.parametrize("text", PASSES)
def test_role_letters_pass(text: str) -> None:
    assert find_identifiers(text) == []


@pytest.mark.parametrize(("text", "kind"), FOUND)
def test_initials_still_found(text: str, kind: str) -> None:
    assert kind in [f.kind for f in find_identifiers(text)]
