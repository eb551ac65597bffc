"""answers18: a manager's wording around the question ("as quoted in the arrangements", "the old LSCB", "straight
away", "disappeared") is ordinary English, not an unknown term that sinks the question below the bar.

Sentences are written here, not copied from any set; the answered cases were seen failing on main 21d5f04.
"""

from __future__ import annotations

import pytest

CWAC = "cheshire-west-and-chester"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("finance query: the partner contributions figure for 2019-20 as quoted in the cheshire west arrangements?",
         "218,866"),
        ("is the old lscb money still held somewhere in cwac", "267,026"),
    ],
)
def test_wording_around_a_funding_question_does_not_sink_it(ask, question, said) -> None:
    res = ask(question, CWAC)
    assert res.outcome == "answer", res.text
    assert said in res.text, res.text


def test_an_off_topic_question_in_the_same_words_is_still_not_answered(ask) -> None:
    res = ask("can i get my old car quoted for insurance straight away", CWAC)
    assert res.outcome == "cannot_answer", res.text
