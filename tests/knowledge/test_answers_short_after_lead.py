"""answers17: a short question naming what the entries are titled by ("what are the levels?"), after a lead saying
where the asker works ("garden maintenance in runcorn - ..."), is what is asked: the lead is context, and a topic the
arrangements do not cover found only in the lead (the asker's own trade) declines nothing.

Sentences are written here, not copied from any set; each was seen failing with the change under it undone.
"""

from __future__ import annotations

from knowledge.answering import get_answerer
from knowledge.question import split_context


def test_a_short_question_naming_a_topic_stands_after_the_lead() -> None:
    topics = get_answerer()._topic_stems
    asked, told = split_context("letting agent in widnes - the halton levels bit, which are the levels?", topics)
    assert told == "letting agent in widnes" and "levels" in asked


def test_a_short_question_naming_nothing_still_leans_on_the_message() -> None:
    topics = get_answerer()._topic_stems
    assert split_context("letting agent in widnes - any ideas?", topics)[1] == ""


def test_the_levels_after_a_trade_named_first(ask) -> None:
    res = ask("letting agent in widnes - the halton levels bit, which are the levels? a tenant mentioned 'level 2'",
              "halton")
    assert res.answered and res.entry is not None and res.entry.kind == "threshold", res.text
