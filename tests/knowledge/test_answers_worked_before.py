"""Answers pass answers23: people new to the area who name where they worked before, or its names for things.

Another area said as the asker's past ("the tool we used in bolton", "in sefton we had ...", "moved from wigan") is
no question about that area: the question is about this partnership. A name used elsewhere (the CAF, Signs of Safety)
asked of this area is answered with this area's own (its early help assessment, its practice model). A short "what
does X do" followed by "is it like the old board" asks about X. Sentences are written here, not copied from any set;
each asked of this area was seen failing on main f243352 (the declines and "what is signs of safety" are guards
that passed there and must keep passing).
"""

from __future__ import annotations

import pytest

from knowledge.safety import SAFETY_LEAD
from tests.knowledge.conftest import assert_declined

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("does the partnership have a neglect tool like the one we used in bolton?", "warrington", "neglect"),
        ("in sefton we had a threshold grid, what's the threshold document called here?", "halton", "Levels of Need"),
        ("whats the threshold document here? at my old council in oldham it was a grid", "wirral", "hreshold"),
        ("just moved from wigan - who are the safeguarding partners?", "warrington", "artners"),
    ],
)
def test_another_area_said_as_where_the_asker_was_before_is_not_declined(ask, question, partnership,
                                                                        says) -> None:
    res = ask(question, partnership)
    assert res.answered and res.sources, res.text
    assert says in res.text, res.text


@pytest.mark.parametrize(
    ("question", "other"),
    [
        ("who do i call in knowsley", "Knowsley"),
        ("we used to work with sefton a lot, what threshold document does sefton use", "Sefton"),
        ("i have a child in oldham, who is the lado there", "Oldham"),
    ],
)
def test_a_question_asked_of_the_other_area_is_still_declined(ask, question, other) -> None:
    assert_declined(ask(question, "warrington"), other)


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("do they still use the CAF for early help here?", CWAC, "Team Around the Family"),
        ("does wirral use signs of safety or a different practice model?", "wirral", "SFEF"),
        ("came from a signs of safety council. which practice model does wirral follow?", "wirral", "SFEF"),
    ],
)
def test_a_name_used_elsewhere_is_answered_with_this_areas_own(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.answered and res.sources, res.text
    assert says in res.text, res.text
    assert "signs or indicators" not in res.text


def test_what_a_name_used_elsewhere_means_is_not_answered_as_this_areas_own(ask) -> None:
    res = ask("what is signs of safety", "wirral")
    assert not res.answered, res.text


@pytest.mark.parametrize(
    ("question", "partnership", "entry"),
    [
        ("what does the wirral partnership group actually do, is it like the old board", "wirral",
         "wirral.group.partnership-group"),
        ("what does the wirral partners executive group do, is it like the old board", "wirral",
         "wirral.group.executive"),
    ],
)
def test_what_a_group_does_beside_is_it_like_the_old_board_is_the_groups_entry(ask, question, partnership,
                                                                              entry) -> None:
    res = ask(question, partnership)
    assert res.answered, res.text
    assert res.entry is not None and res.entry.group is not None, res.entry.id if res.entry else res.text
    if entry:
        assert res.entry.id == entry


@pytest.mark.parametrize(
    "question",
    [
        "my client's mum has no recourse to public funds - can she get indefinite leave to remain?",
        "dad in runcorn is on limited leave to remain, how does he apply to extend it",
    ],
)
def test_an_adults_immigration_status_asked_gets_no_childs_999_line(ask, question) -> None:
    res = ask(question, "halton")
    assert not res.safety and SAFETY_LEAD not in res.text, res.text
    assert not res.answered, res.text


def test_harm_told_beside_a_status_still_alarms(ask) -> None:
    res = ask("mum has no recourse to public funds and dad hits her in front of the kids", "halton")
    assert res.safety and res.text.startswith(SAFETY_LEAD), res.text
