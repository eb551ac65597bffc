"""answers79: the asker's purpose told before the question ("trying to explain the structure to a new starter.") is
context, not a request: "explain" after "to" is what the asker means to do, so its words no longer outvote the
question (the dispute route, not a did-you-mean). "can you explain", "i'd like you to explain" still ask. Questions
written here, none copied from a set; the answered one was seen failing on main 3aeeb77f."""

from __future__ import annotations

from knowledge.question import asks, split_context
from tests.knowledge.conftest import assert_answered


def test_purpose_told_then_a_dispute_question(ask) -> None:
    res = ask("trying to explain the structure to a new starter. what happens if the three partners can't agree - "
              "who decides in the end?", "halton")
    assert_answered(res, "Disputes between the Halton safeguarding partners")


def test_purpose_told_is_context() -> None:
    asking, context = split_context("trying to explain the structure to a new starter. what happens if the three "
                                    "partners can't agree - who decides in the end?")
    assert "explain" in context and "explain" not in asking, (asking, context)
    assert not asks("trying to explain the structure to a new starter.")


def test_a_request_to_explain_still_asks() -> None:
    """Guards: the bot asked to explain, outright or through "you to", is a request."""
    assert asks("explain the levels of need to me.")
    assert asks("i would like you to explain the levels of need.")
    assert asks("can you explain the levels of need.")
