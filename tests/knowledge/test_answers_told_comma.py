"""answers17: a situation told, then a comma, then the question: the question is what is searched.

* "we clean offices with lots of families around, does the partnership offer any awareness course": a yes-or-no
  question opening with an auxiliary after the last comma asks; the situation before it is context.
* "i work behind the desk at a dental practice, if i am worried about a child who should i ring": a condition after
  the last comma that holds a question ("who should i ring") asks; who is speaking is context.

Sentences are written here, not copied from any set; each was seen failing with the change under it undone.
"""

from __future__ import annotations

import pytest

from knowledge.question import split_context


@pytest.mark.parametrize(
    ("message", "asked", "told"),
    [
        ("we clean offices with lots of families around, does the partnership offer any awareness course",
         "does the partnership offer any awareness course", "we clean offices with lots of families around"),
        ("our drivers take children to school every day, can our drivers book onto the partnership basic training",
         "can our drivers book onto the partnership basic training", "our drivers take children to school every day"),
        ("i work behind the desk at a dental practice, if i am worried about a child who should i ring",
         "if i am worried about a child who should i ring", "i work behind the desk at a dental practice"),
    ],
)
def test_the_question_after_the_told_situation_is_what_is_asked(message, asked, told) -> None:
    assert split_context(message) == (asked, told)


@pytest.mark.parametrize(
    ("question", "partnership", "entry"),
    [
        ("i sit on the front desk of a dental surgery in chester, if im worried about a kid who should i ring",
         "cheshire-west-and-chester", "cheshire-west-and-chester.front-door.i-art"),
    ],
)
def test_the_front_door_after_the_told_situation(ask, question, partnership, entry) -> None:
    res = ask(question, partnership)
    assert res.answered and res.entry is not None and res.entry.id == entry, res.text


@pytest.mark.parametrize(
    "message",
    [
        "if a school disagrees, who do they go to",  # a condition first: one question
        "who chairs the practice group, does it meet monthly",  # the question comes first: not cut as told
    ],
)
def test_a_question_first_is_not_told(message) -> None:
    told = split_context(message)[1]
    assert told == "" or not told.startswith("who")
