"""Round 19 (branch privacy19): what a child is known as, a post one child holds in a named team, a rare condition
whatever its name, a prize with a long title. None of these sentences is from a corpus or a probe set; each FOUND line
passed main's screen unflagged, and each CLEAN line keeps a new rule's words clean.
"""

from __future__ import annotations

from re import _parser as sre_parse

import pytest

from bot.privacy import find_identifiers, redact
from bot.privacy.known_as import KNOWN_AS, NICKNAME, TEAM_POST
from tests.privacy.test_linear import _unbounded

FOUND = [
    ("the older lads call him 'Bones' because he's so thin", "name"),
    ("everyone calls her Duchess at the youth club", "name"),
    ("the girl known on the estate as 'the ghost'", "name"),
    ("goalie for Frodsham Juniors u11s", "combination"),
    ("he is the mascot of Chester FC this season", "combination"),
    ("girl with the rare Batten diagnosis in Saughall", "combination"),
    ("lad who won the Halton young sports personality of the year trophy", "combination"),
]

CLEAN = [
    "avoid nicknames in case notes, use the anonymised reference",
    "the scheme known as Operation Encompass tells schools about domestic abuse incidents",
    "the captain of the school council met the head",
    "the under 11s coach has a DBS through the club",
    "rare conditions are reviewed at the complex needs panel",
    # published text: schemes and arrangements are "known as" their names
    "a trauma informed approach to practice, known as \u201cNew Ways of Working\u201d",
    "the arrangements, known locally as the Halton Children and Young People Safeguarding Partnership",
    "Chester FC community trust runs free holiday clubs",
]


@pytest.mark.parametrize(("text", "kind"), FOUND)
def test_found(text, kind):
    assert kind in {f.kind for f in find_identifiers(text)}, text
    assert not find_identifiers(redact(text))


@pytest.mark.parametrize("text", CLEAN)
def test_clean(text):
    assert find_identifiers(text) == []


def test_the_new_patterns_are_bounded():
    for p in (NICKNAME, KNOWN_AS, TEAM_POST):
        assert _unbounded(sre_parse.parse(p.pattern, p.flags)) == [], p.pattern
