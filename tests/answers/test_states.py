"""The answer outcomes and what may follow each (bot/answers/states.py): the buttons under a reply and which
questions are kept for review both follow the one table."""

from __future__ import annotations

from typing import get_args

import pytest
from sqlalchemy import func, select

from bot.answers.blocks import answer_blocks
from bot.answers.ids import BlockId
from bot.answers.service import AnswerService
from bot.answers.states import FOLLOW_UPS, FollowUp, Outcome, allows
from knowledge import load_knowledge_base
from knowledge.answering import Answer, Suggestion
from knowledge.answering import Outcome as AnsweringOutcome
from storage.answers import UnansweredQuestion

KB = load_knowledge_base()
ENTRY = next(iter(KB.entries("halton")))

# What each outcome shows under its text (action blocks) and whether its question is kept: the behaviour, written
# out here rather than read from the table, so a change to the table has to change this too.
BUTTONS = {"answer": {BlockId.FEEDBACK, BlockId.SUGGESTIONS}, "did_you_mean": {BlockId.SUGGESTIONS},
           "ask_partnership": {BlockId.AREAS}, "cannot_answer": {BlockId.SUGGESTIONS}, "help": set()}
KEPT = {"did_you_mean", "cannot_answer"}


def test_every_outcome_of_the_answerer_is_in_the_table() -> None:
    assert {o.value for o in Outcome} == set(get_args(AnsweringOutcome)) == set(BUTTONS)
    assert set(FOLLOW_UPS) == set(Outcome)
    assert not allows("no_such_outcome", FollowUp.FEEDBACK)


def _answer(outcome: str) -> Answer:
    return Answer(outcome, "Some text", "who is the lado", "halton", ENTRY, 0.9,  # type: ignore[arg-type]
                  suggestions=[Suggestion(ENTRY.id, ENTRY.title, "halton")])


@pytest.mark.parametrize("outcome", sorted(BUTTONS))
def test_the_buttons_under_a_reply_are_its_allowed_follow_ups(outcome: str) -> None:
    shown = {b["block_id"] for b in answer_blocks(_answer(outcome)) if b["type"] == "actions"}
    assert shown == BUTTONS[outcome]


@pytest.mark.parametrize("outcome", sorted(BUTTONS))
def test_only_unanswered_questions_are_kept_for_review(db, monkeypatch, outcome: str) -> None:  # type: ignore[no-untyped-def]
    class Stub:
        def answer(self, question: str, partnership: str | None) -> Answer:
            return _answer(outcome)

    monkeypatch.setattr(AnswerService, "answerer", property(lambda self: Stub()))
    AnswerService(kb=KB, db=db).ask("who is the lado", "halton", team_id="T1")
    with db.read() as s:
        kept = s.scalar(select(func.count()).select_from(UnansweredQuestion))
    assert kept == (1 if outcome in KEPT else 0)
