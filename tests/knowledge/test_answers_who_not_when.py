"""Issue #10 section 2 (intent before words), answers38: "who's on the panel and how long does it take" asks who does
the work first: an entry that only gives a timescale holds no who, and steps back behind the area's entry that names
the panel (and shows the timescale beside it). Sentences are written here, not copied from any set; each was seen
failing with the change undone.
"""

from __future__ import annotations

import pytest

from knowledge.intents import is_who_request


@pytest.mark.parametrize(
    ("question", "partnership", "entry"),
    [
        ("rapid reviews in warrington - who is on the panel and how long does it take them", "warrington",
         "warrington.process.reviews"),
        ("who does the rapid review in cheshire west and what is the deadline", "cheshire-west-and-chester",
         "cheshire-west-and-chester.group.rapid-review-panel"),
    ],
)
def test_who_does_the_work_is_answered_with_the_entry_naming_them(ask, question, partnership, entry) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer" and res.entry is not None, res.text
    assert res.entry.id == entry, res.entry.id


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("who's on the rapid review panel", True),
        ("who actually carries out the reviews", True),
        ("how long does a rapid review take", False),
    ],
)
def test_who_requests(question, who) -> None:
    assert is_who_request(question) is who


def test_a_timescale_holder_need_not_name_the_askers_organisation(ask) -> None:
    """answers40: the top lacks the timescale asked and a close runner-up gives it of what is asked: it goes first,
    though it does not name the asker's organisation (that rule is a contact detail's: "the LADO email")."""
    res = ask("the ambulance service has been asked to contribute to a rapid review in halton - how long have we "
              "got?", "halton")
    assert "do not give a timescale" not in res.text, res.text
    first = res.entry.id if res.entry is not None else (res.suggestions[0].entry_id if res.suggestions else None)
    assert first == "national.timescale.rapid-review", res.text
