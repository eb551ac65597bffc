"""answers18: a second question pointing back ("can they reduce it") with no entry of its own asks of the first.

"what did the partners pay for 2019-20? and are they tied in at that level or free to reduce it": the follow-up's own
words match nothing, which sank the whole message below the bar though the first question's entry answers both.
Sentences are written here, not copied from any set; the answered cases were seen failing on main 21d5f04.
"""

from __future__ import annotations

import pytest

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "partnership", "title"),
    [
        ("prepping the finance slides for the exec. what did the partners pay in altogether for 2019-20? and are "
         "they tied in at that level or free to reduce it", CWAC, "Funding"),
        ("writing up the budget note for our committee. how are halton contributions worked out? and can they be "
         "swapped for staff time", "halton", "Funding"),
    ],
)
def test_a_follow_up_pointing_back_is_answered_by_the_first_questions_entry(ask, question, partnership, title) -> None:
    res = ask(question, partnership)
    assert res.outcome == "answer", res.text
    assert title in res.text.splitlines()[0], res.text


def test_a_second_question_on_another_subject_still_needs_an_entry_of_its_own(ask) -> None:
    res = ask("prepping the finance slides for the exec. what did the partners pay in altogether for 2019-20? and "
              "where is the best pizza in chester", CWAC)
    assert res.outcome != "answer", res.text
