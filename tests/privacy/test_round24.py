"""Round 24 (branch privacy24): officials the published arrangements name, in their role, pass; a family word beside
the name still makes it someone's relative. The names are the seeds' own (published_people in
bot/privacy/data/vocabulary.yaml); the sentences are written here. Each CLEAN line was flagged by main's screen.
"""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers

CLEAN = [
    "Lorna Quigley presented the annual report to the board",
    "can we invite Denise Worth and Rachel Wilson to the next executive",
]

FOUND = [
    "mum Lorna Quigley says the baby has not been fed since yesterday",
    "Denise Worth's daughter was excluded today",
]


@pytest.mark.parametrize("text", CLEAN)
def test_a_published_official_in_role_passes(text):
    assert find_identifiers(text) == []


@pytest.mark.parametrize("text", FOUND)
def test_a_family_word_beside_the_name_still_flags_it(text):
    assert "name" in {f.kind for f in find_identifiers(text)}, text
