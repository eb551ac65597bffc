"""answers19: "who is the <post>" where the entry names no person but says which office took the post on ("the
current Chair of the WSCB took on the role of Independent Scrutineer"): that says who, by office, so it is answered;
after the change the documents speak of, or where no office is said to hold it, it is still declined. Sentences are
written here, not taken from a corpus."""

from __future__ import annotations

from tests.knowledge.conftest import assert_declined


def test_a_post_held_by_an_office_is_answered(ask) -> None:
    res = ask("who is the independent scrutineer covering warrington?", "warrington")
    assert res.answered and "Chair of the WSCB" in res.text, res.text


def test_after_the_change_the_office_is_not_said(ask) -> None:
    assert not ask("who is the independent scrutineer in warrington now the interim period has ended", "warrington"
                   ).answered


def test_a_post_no_office_holds_is_declined(ask) -> None:
    assert_declined(ask("who is the independent scrutineer for halton", "halton"), "independent scrutineer")
