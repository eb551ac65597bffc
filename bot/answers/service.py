"""The answers flow without Slack: answer a question for a partnership, record what could not be
answered (screened) and feedback (a "not helpful" keeps its question, screened), list topics for browsing."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml
from sqlalchemy.exc import SQLAlchemyError

from bot.answers.states import FollowUp, allows
from bot.answers.tally import QuestionTally
from bot.liveknowledge import LiveKnowledge
from bot.logs import get_logger
from knowledge.answering import Answer, Answerer, get_answerer, source_of
from knowledge.base import KnowledgeBase, KnowledgeBaseError
from knowledge.models import Entry
from knowledge.partnerships import NATIONAL, is_partnership
from knowledge.safety import detect_worry, is_safety_worry
from knowledge.safety_reply import safety_without_knowledge
from storage.answers import record_feedback, record_unanswered
from storage.db import Database

log = get_logger(__name__)


class UnknownEntry(LookupError):
    pass


class KnowledgeUnavailable(RuntimeError):
    """The knowledge base could not be loaded; only worries are answered (with 999 and the front door)."""


# what loading the shipped files can raise: a file unreadable, unparsable or invalid
KNOWLEDGE_FAILURES = (OSError, KnowledgeBaseError, yaml.YAMLError)


@dataclass
class AnswerService:
    kb: KnowledgeBase | None = None  # a fixed knowledge base (tests, the CLI); else `live`'s
    db: Database | None = None
    tally: QuestionTally = field(default_factory=QuestionTally)  # counts for insight, written about once a minute
    live: LiveKnowledge | None = None  # the process's knowledge with the business unit's approved versions

    @property
    def answerer(self) -> Answerer:
        """The answerer of the knowledge in force now: a snapshot swapped in whole, never half-built."""
        if self.live is not None:
            return self.live.answerer
        return get_answerer(self.kb)

    @property
    def current_kb(self) -> KnowledgeBase:
        return self.answerer.kb

    def answerer_for(self, team_id: str | None) -> Answerer:
        """The workspace's answerer: the shipped files with the versions its business unit approved."""
        return self.live.current(team_id).answerer if self.live is not None else self.answerer

    def ask(self, question: str, partnership: str | None, *, team_id: str | None = None) -> Answer:
        try:
            answerer = self.answerer_for(team_id)
        except KNOWLEDGE_FAILURES as exc:
            return self._without_knowledge(question, partnership, exc)
        res = answerer.answer(question, partnership)
        if self.db is None or not team_id:
            return res
        if allows(res.outcome, FollowUp.RECORD_UNANSWERED) and question.strip():
            with self.db.session() as s:
                record_unanswered(s, team_id=team_id, partnership=res.partnership or partnership,
                                  question=question, topic=res.nearest_topic)
        self.tally.add(team_id, res, partnership)
        if self.tally.due():
            self.tally.flush(self.db)
        return res

    def ask_resolving(
        self, question: str, resolve_area: Callable[[], str | None], *, team_id: str | None = None,
        fallback_area: str | None = None,
    ) -> Answer:
        """Ask for the area `resolve_area` finds in the database. If that lookup fails, a worry about a child
        is still answered (999 and the front door need no database); anything else re-raises, so the
        listener says nothing was saved."""
        try:
            area = resolve_area()
        except SQLAlchemyError:
            offline = self.answer_without_database(question, fallback_area)
            if offline is None:
                raise
            return offline
        return self.ask(question, area, team_id=team_id)

    def answer_without_database(self, question: str, area: str | None) -> Answer | None:
        """The safety reply when the database cannot be reached; None when the question is not a worry."""
        if not is_safety_worry(question):
            return None
        log.warning("answers.safety_without_database", partnership=area)
        try:
            return self.answerer.answer(question, area)
        except KNOWLEDGE_FAILURES as exc:
            return self._without_knowledge(question, area, exc)

    def _without_knowledge(self, question: str, area: str | None, exc: Exception) -> Answer:
        """The knowledge base cannot be loaded: a worry still gets 999 and the front door; anything else raises
        KnowledgeUnavailable, so the listener says nothing was saved and to retry."""
        log.error("answers.knowledge_base_unavailable", error=type(exc).__name__, partnership=area)
        worry = detect_worry(question)
        if not worry.is_worry:
            raise KnowledgeUnavailable("the knowledge base cannot be loaded") from exc
        return Answer("answer", safety_without_knowledge(worry, area), question, area, None, 1.0, safety=True)

    def show(self, entry_id: str, partnership: str | None = None, *, team_id: str | None = None) -> Answer:
        answerer = self.answerer_for(team_id)
        e = answerer.kb.get(entry_id)
        if e is None:
            raise UnknownEntry(entry_id)
        area = partnership if is_partnership(partnership) else (None if e.partnership == NATIONAL else e.partnership)
        return Answer("answer", answerer.render(e), e.title, area, e, 1.0, sources=[source_of(e)])

    def feedback(self, *, team_id: str, entry_id: str, helpful: bool, question: str | None = None) -> None:
        """Store a rating; with "not helpful" the question too, redacted, for the business unit to review."""
        if self.answerer_for(team_id).kb.get(entry_id) is None:
            raise UnknownEntry(entry_id)
        if self.db is None:
            return
        with self.db.session() as s:
            record_feedback(s, team_id=team_id, entry_id=entry_id, helpful=helpful, question=question)

    def topics(self, partnership: str | None, *, team_id: str | None = None) -> OrderedDict[str, list[Entry]]:
        """Topic -> entries for the area (its own first, then national), in a stable order."""
        out: OrderedDict[str, list[Entry]] = OrderedDict()
        scopes = [partnership, NATIONAL] if is_partnership(partnership) else [NATIONAL]
        kb = self.answerer_for(team_id).kb
        for scope in scopes:
            for e in kb.entries(scope):
                out.setdefault(e.topic, []).append(e)
        return out
