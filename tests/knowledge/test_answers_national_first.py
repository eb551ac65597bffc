"""Issue #10 section 2 ("No wrong-area content"), answers45: with no area known, a national entry on the same thing,
near the top, answers rather than one partnership's entry or a question back about the area. Sentences written here.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("how is a rapid review different from a local child safeguarding practice review?",
         "national.process.local-review"),
        ("when did areas have to have their new arrangements published", "national.process.new-arrangements"),
    ],
)
def test_with_no_area_a_national_question_gets_the_national_entry(ask, question, entry) -> None:
    res = ask(question, None)
    assert res.answered and res.entry is not None and res.entry.id == entry, (res.outcome, res.text[:200])



def test_a_named_area_still_gets_its_own_entry(ask) -> None:
    res = ask("how is a rapid review different from a local practice review in wirral", "wirral")
    assert res.answered and res.entry is not None and res.entry.partnership == "wirral", res.text[:200]


def test_the_arrangements_publication_date_is_not_a_reviews_publication(ask) -> None:
    res = ask("what date did halton have to publish its new arrangements by", "halton")
    assert res.answered and "29 June 2019" in res.text and res.entry is not None, res.text[:200]
    assert res.entry.id != "national.timescale.publication"
