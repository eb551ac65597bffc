"""answers67-72 (blind-br, blind-bt): everyday wording the documents put another way. "get together" is meeting;
"specific", "dedicated" and "version" wrap a question without naming its subject; "signs off" is endorsing or
approving; a rank before "group" ("the top level group") names no group; telling parents first is declined.
Questions written here, none copied from a set; each was seen failing on main before the change."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_answered

CASES = [
    ("how often does the cheshire west child exploitation group get together", "cheshire-west-and-chester",
     "quarterly"),
    ("is there a dedicated exploitation group in cheshire west and when does it get together",
     "cheshire-west-and-chester", "quarterly"),
    ("who signs off the final version of a local review report in cheshire west", "cheshire-west-and-chester",
     "SCP Executive"),
    ("who speaks up for children at the top level group in warrington", "warrington", "NYAS"),
]


@pytest.mark.parametrize(("question", "partnership", "says"), CASES)
def test_everyday_wording_finds_the_entry(ask, question: str, partnership: str, says: str) -> None:
    assert_answered(ask(question, partnership), says)


def test_a_yet_question_about_sign_off_is_still_declined(ask) -> None:
    """'signed off' now reads as endorsed: asked with "yet", it is still an event after the documents."""
    res = ask("has the warrington partnership budget been signed off yet", "warrington")
    assert res.outcome == "cannot_answer" and not res.answered, res.text


@pytest.mark.parametrize(("question", "partnership", "says"), [
    # answers69: an adverb inside a membership cue changes nothing ("are we actually listed as")
    ("cafcass worker here, are we really named as part of the warrington arrangements", "warrington",
     "CAFCASS* is a relevant agency"),
    # "anymore" says when, not what: it no longer outweighs the subject
    ("warrington havent got an independent chair anymore have they, who covers scrutiny", "warrington",
     "Independent Scrutineer"),
])
def test_a_word_that_changes_nothing_is_read_past(ask, question: str, partnership: str, says: str) -> None:
    assert_answered(ask(question, partnership), says)


@pytest.mark.parametrize(("question", "partnership", "says"), [
    # answers70: the groups that "make up" a partnership are its structure
    ("which groups make up the halton partnership these days", "halton", "Safeguarding Executive Group"),
])
def test_the_groups_that_make_up_a_partnership(ask, question: str, partnership: str, says: str) -> None:
    assert_answered(ask(question, partnership), says)


def test_make_up_reads_as_structure() -> None:
    from knowledge.answering import get_answerer

    query = get_answerer().index.analyse("what groups make up the partnership")
    assert "structure" in {s.word for s in query.slots}


@pytest.mark.parametrize(("question", "partnership"), [
    # answers71: whether to tell a parent, or ask their consent, first: the arrangements never say
    ("a yr 3 boy says his dad kicked him last night, do i tell his mum first or ring the front door", "wirral"),
    ("8 year old came in with a burn on her hand and says mum did it, should i tell dad before i refer", "halton"),
])
def test_telling_parents_first_beside_a_worry_is_declined_after_the_999_line(ask, question: str,
                                                                              partnership: str) -> None:
    res = ask(question, partnership)
    assert res.safety and res.text.startswith(":rotating_light:"), res.text
    assert not res.answered and "tell the parents or ask their consent" in res.text, res.text


def test_parental_consent_to_refer_is_declined_with_a_pointer(ask) -> None:
    res = ask("do we need parental consent before making a referral in warrington", "warrington")
    assert res.outcome == "cannot_answer" and "consent" in res.text and "front door" in res.text, res.text
