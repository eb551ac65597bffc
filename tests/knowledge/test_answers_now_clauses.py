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
