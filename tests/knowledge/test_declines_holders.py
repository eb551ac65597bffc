"""Issue #10 section 2, decline15: near-miss questions whose detail the documents do not give.

Read from the misses of dev-traps15 (a development set of 60 near-miss traps written from the seeds by a helper who
never saw the product): the name of a post the entry describes but no one holds in the documents ("who is the WSP
manager"), a role's name asked with the body it serves after it ("the training officer for the scp"), a web address,
a venue, today's holder ("atm"), and a rating of one partnership against another. Sentences are written here, not
copied from any set; each decline was seen answered on main before the change, and each guard passes on both.
"""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import assert_declined

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "partnership", "says"),
    [
        ("who is the wsp manager? need them for a step 3", "warrington", "who the wsp manager is"),
        ("who is the independent person carrying out scrutiny for wirral", "wirral", "who the independent person is"),
        ("name of the training and development officer for the cheshire west scp please", CWAC,
         "do not name the person"),
        ("whats the name of the strategic director people at halton borough council", "halton",
         "do not name the person"),
        ("who is the director of children's services in halton atm", "halton", "now"),
    ],
)
def test_a_post_the_documents_name_no_holder_for_is_declined(ask, question, partnership, says) -> None:
    assert_declined(ask(question, partnership), says)


def test_a_web_address_the_entry_does_not_give_is_declined(ask) -> None:
    assert_declined(ask("whats the url for the halton annual report", "halton"), "no web address")
    held = ask("link to the warrington procedures online please", "warrington")
    assert held.outcome == "answer" and "proceduresonline" in held.text, held.text


def test_a_venue_the_documents_do_not_give_is_declined(ask) -> None:
    assert_declined(ask("where do the halton executive meetings take place", "halton"), "where that is held")
    assert_declined(ask("venue for the wirral learning events?", "wirral"), "where that is held")
    # "the Head of the Virtual School" is a member, not where the group meets
    assert_declined(ask("where does warrington's quality assurance group meet", "warrington"), "where that is held")
    sits = ask("where does the LADO sit in cheshire west, which team?", CWAC)  # a team, not a venue
    assert "where that is held" not in sits.text, sits.text


def test_a_rating_of_one_partnership_against_another_is_declined(ask) -> None:
    assert_declined(ask("is halton's levels of need framework better than warrington's threshold doc", "halton"),
                    "do not rate or rank")
