"""Classes of identifier the corpora showed the screen missing or over-flagging, one written example each (none
copied from a corpus): each asserts the kind found, or that nothing is."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers


def _kinds(text: str) -> set[str]:
    return {f.kind for f in find_identifiers(text)}


@pytest.mark.parametrize(("text", "kind"), [
    ("his nan is a dinner lady at the juniors in Great Sankey", "workplace"),
    ("stepdad drives a forklift for the depot near Birchwood", "workplace"),
    ("her aunt's the manager of the Costa in town", "workplace"),
    ("the lad whose twin is in care in Sefton", "sibling"),
    ("same parents as the boy from the fire", "sibling"),
    ("the caravan behind the Farmers Arms in Tattenhall", "address"),
    ("gamertag on xbox is ShadowWolfie", "social_media"),
    ("discord: ghostrider#4411", "social_media"),
    ("Early Help case no. 31-77120", "record_reference"),
    ("worried about oyelaran's weight", "name"),
])
def test_found(text, kind):
    assert kind in _kinds(text)


@pytest.mark.parametrize("text", [
    "Childline is free on 0800 1111",
    "the Samaritans can be reached on 0330 094 5717",
    "we're in room 101 at the Forum",
    "the Detective Chief Inspector from the PPU will chair",
    "Cheshire West's threshold document applies",
    "the launch is at the Shrewsbury stadium",
    "mum works weekends",
    "our partner agencies work in Halton too",
])
def test_not_flagged(text):
    assert find_identifiers(text) == []
