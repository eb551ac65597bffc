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
