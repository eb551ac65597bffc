"""Issue #10 section 2 (intent before words; right, or honestly not): "who is the LADO" asks how to reach the role.
Where the area's documents say who manages allegations (Cheshire West's LADO entry) that entry answers, even though it
also holds figures; where they do not (Halton, Warrington, Wirral), the answer is the national definition, opened by
a line saying the area's documents do not say who the LADO is or how to reach them and naming the council's children's
social care team. What a LADO does is answered plainly. Sentences are written here; each was seen failing with the
change undone.
"""

from __future__ import annotations

import pytest


def test_the_areas_own_route_answers_who_the_lado_is(ask) -> None:
    res = ask("who is the LADO", "cheshire-west-and-chester")
    assert res.outcome == "answer" and res.entry is not None, res.text
    assert res.entry.id == "cheshire-west-and-chester.process.lado", res.entry.id
    assert "Safeguarding and Quality Assurance Unit" in res.text


@pytest.mark.parametrize(
    ("question", "partnership", "council"),
    [
        ("who is the LADO for halton", "halton", "Halton Borough Council"),
        ("how do i get hold of the lado in warrington", "warrington", "Warrington Borough Council"),
        ("wirral lado contact pls", "wirral", "Wirral Council"),
    ],
)
def test_no_route_in_the_documents_is_said_with_the_councils_team(ask, question, partnership, council) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer" and res.entry is not None and res.entry.id == "national.glossary.lado", res.text
    first = res.text.split("\n", 1)[0]
    assert "do not say who the LADO is or how to reach them" in first, first
    assert f"{council}'s children's social care team" in first, first


def test_what_the_lado_does_is_still_answered(ask) -> None:
    res = ask("what does the lado actually do", "wirral")
    assert res.outcome == "answer" and res.entry is not None and res.entry.id == "national.glossary.lado", res.text
    assert res.text.startswith("*LADO"), res.text
