"""Issue #10 section 2, answers44: a remark after the question says where the asker met the term ("... keeps coming
up on the referral forms"); it asks for no form, so the meaning is answered. A request after the question still
asks ("... - need a name"). Sentences are written here, not copied from any set.
"""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_declined


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("what's SFEF? saw it on a referral form from a wirral school", "wirral",
         "Supporting Families Enhancing Futures"),
        ("what does i-ART stand for? it's on all the templates we got at induction", "cheshire-west-and-chester",
         "Integrated Access and Referral Team"),
    ],
)
def test_a_remark_after_a_meaning_question_asks_for_no_form(ask, question, partnership, says) -> None:
    res = ask(question, partnership)
    assert res.answered and says in res.text, res.text


def test_a_request_after_the_question_still_asks(ask) -> None:
    res = ask("who is in charge of the warrington impact forum - need a name for our minutes", "warrington")
    assert_declined(res, "do not name the person")


def test_a_role_asked_by_its_verb_ends_at_the_question(ask) -> None:
    """The decline names the role asked, not the words of a request after it."""
    res = ask("who chairs the warrington impact forum? need a name for our minutes", "warrington")
    assert not res.answered and "who the chair of the impact forum is." in res.text, res.text
