"""Issue #10 section 2, answers13c: a now clause beside a post asked for, and the asker's own board.

Sentences are written here, not copied from any set; each declined case was seen failing on main 2daf41c.
"""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_declined

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        # the post ends before its now clause ("now that ... is over"): an entry naming nobody for it cannot say who
        ("who is the warrington scrutineer now that the transition has finished", "warrington"),
        ("who is wirral's independent scrutineer now that the changeover is done?", "wirral"),
    ],
)
def test_a_post_asked_with_a_now_clause_is_declined_when_no_one_is_named(ask, question, partnership) -> None:
    res = ask(question, partnership)
    assert_declined(res, "scrutineer")


@pytest.mark.parametrize(
    ("question", "partnership"),
    [
        # "our board" / "my board" is the asker's own, not the LSCB the documents' change replaced: no anchor
        ("is gill frame still chairing the cheshire west executive? i need it for a paper to our board", CWAC),
        ("is the cheshire west executive still chaired by gill frame - asking for my board", CWAC),
    ],
)
def test_the_askers_own_board_does_not_anchor_a_now_question(ask, question, partnership) -> None:
    res = ask(question, partnership)
    assert_declined(res, "date from")


def test_the_documents_own_change_still_anchors(ask) -> None:
    res = ask("who is on the cheshire west executive now that the board has gone", CWAC)
    assert res.outcome == "answer", res.text


@pytest.mark.parametrize(
    ("question", "partnership", "title"),
    [
        # "these days" / "nowadays" is a now word: it declines a chair, a person, a figure or who sits on a group
        # asked for now, not every question ("which threshold document ... these days" is in the documents)
        ("what threshold document does cheshire west use these days", CWAC, "Continuum of Need"),
        ("what threshold document does halton use nowadays", "halton", "Levels of Need"),
        ("how do warrington partners pay for the partnership these days", "warrington", "Funding"),
    ],
)
def test_these_days_alone_does_not_decline_what_the_documents_hold(ask, question, partnership, title) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer", res.text
    assert title in res.text.splitlines()[0], res.text


def test_who_is_on_a_group_these_days_is_still_the_now_decline(ask) -> None:
    res = ask("who's on the cheshire west executive these days", CWAC)
    assert_declined(res, "date from")
    assert "who sits on it" in res.text
