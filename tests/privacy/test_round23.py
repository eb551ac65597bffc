"""Round 23 (branch privacy23): initials whose letters are also a service's ("RJ (8)", "kid (OP)", "case ZB").

An age right after the letters is said of a person only, so even letters a service uses (restorative justice, OP)
are a child's initials there; "case" before two capitals is a child's case ("case ZB"); "the Named GP", "child EHE
register" stay services. None
of these sentences is from a corpus or a probe set; each FOUND line passed main's screen unflagged.
"""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers, redact

FOUND = [
    "RJ (9) told the TA about the belt",
    "OP (aged 7) has been off school since the incident",
    "case TZ: mum not answering the door",
]

CLEAN = [
    "the Named GP for safeguarding will attend",
    "re: GP appointment for the health assessment",
    "the LA's partners agreed the budget",
    "case review next week",
    "child EHE register is updated monthly",
]


@pytest.mark.parametrize("text", FOUND)
def test_found(text):
    assert "initials" in {f.kind for f in find_identifiers(text)}, text
    assert not find_identifiers(redact(text))


@pytest.mark.parametrize("text", CLEAN)
def test_clean(text):
    assert find_identifiers(text) == []
