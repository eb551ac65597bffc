"""Question counts for insight: every reply counted by week, area, topic and outcome; written in batches; no text."""

from __future__ import annotations

from datetime import date

import time_machine
from sqlalchemy import select

from bot.answers import tally
from bot.answers.service import AnswerService
from storage.answers import QuestionCount
from tests.conftest import TEAM_ID
from tests.escalations.conftest import london


def _rows(db) -> list[tuple]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return sorted((r.partnership, r.week, r.topic, r.outcome, r.safety, r.count)
                      for r in s.scalars(select(QuestionCount)))


def test_replies_are_counted_by_outcome_and_written_once_a_minute(db, services):
    svc = AnswerService(kb=services.kb, db=db)
    with time_machine.travel(london(2026, 5, 20, 10), tick=False) as clock:  # a Wednesday
        svc.ask("who are the safeguarding partners", "halton", team_id=TEAM_ID)
        svc.ask("who are the safeguarding partners", "halton", team_id=TEAM_ID)
        svc.ask("what is the capital of france", "halton", team_id=TEAM_ID)
        svc.ask("a boy says his dad hits him, what do i do", "halton", team_id=TEAM_ID)
        assert _rows(db) == []  # held in memory: no write on the answer's path
        clock.shift(tally.FLUSH_SECONDS + 1)
        svc.ask("who are the safeguarding partners", "halton", team_id=TEAM_ID)  # the next question writes
    rows = _rows(db)
    monday = date(2026, 5, 18)
    assert ("halton", monday, "", "cannot_answer", False, 1) in rows
    answered = [r for r in rows if r[3] == "answer" and not r[4]]
    assert len(answered) == 1 and answered[0][5] == 3 and answered[0][2]  # one topic, three times
    assert any(r[4] for r in rows)  # the worry led with 999 and the front door
    assert sum(r[5] for r in rows) == 5
    # counts only: no column could hold what was typed
    assert {c.name for c in QuestionCount.__table__.columns} == {
        "id", "team_id", "partnership", "week", "topic", "outcome", "safety", "count"}


def test_a_second_flush_adds_to_the_same_row_and_a_failed_write_keeps_the_counts(db, services):
    svc = AnswerService(kb=services.kb, db=db)
    with time_machine.travel(london(2026, 5, 20, 10), tick=False):
        for _ in range(2):
            svc.ask("what is the capital of france", None, team_id=TEAM_ID)
            assert svc.tally.flush(db) == 1
        assert _rows(db) == [("", date(2026, 5, 18), "", "cannot_answer", False, 2)]
        svc.ask("what is the capital of france", None, team_id=TEAM_ID)
        broken = type(db)("postgresql+psycopg://nobody@127.0.0.1:1/none")  # nothing listens on port 1
        assert svc.tally.flush(broken) == 0 and sum(svc.tally.counts.values()) == 1
        assert svc.tally.flush(db) == 1
    assert _rows(db) == [("", date(2026, 5, 18), "", "cannot_answer", False, 3)]


def test_an_unanswered_question_counts_under_the_topic_it_came_nearest_to(db, services):
    """A "did you mean" names entries; the count keeps their topic (never the words typed)."""
    svc = AnswerService(kb=services.kb, db=db)
    with time_machine.travel(london(2026, 5, 20, 10), tick=False) as clock:
        ans = svc.ask("threshold document", None, team_id=TEAM_ID)  # which area? a choice of entries
        assert ans.outcome != "answer" and ans.suggestions
        clock.shift(tally.FLUSH_SECONDS + 1)
        svc.ask("who are the safeguarding partners", "halton", team_id=TEAM_ID)
    [unanswered] = [r for r in _rows(db) if r[3] != "answer"]
    assert unanswered[2] == services.kb.get(ans.suggestions[0].entry_id).topic != ""
