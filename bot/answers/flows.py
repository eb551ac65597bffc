"""What answering does around the answerer, for each way a question or a button arrives.

bot.answers.service answers (and keeps what could not be answered, screened); these functions find the area a
request is about, say what to reply, and post what is posted (an answer in a DM or thread, the App Home, a topic
list). The listeners in handlers/answers.py only read the payload, call one of these and acknowledge. A worry
about a child is answered even when the database is down (999 and the front door need none of it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from slack_sdk import WebClient

from bot.answers.blocks import (
    answer_blocks,
    fallback_text,
    home_view,
    parse_value,
    topic_detail_blocks,
    topics_blocks,
    topics_text,
)
from bot.answers.service import KNOWLEDGE_FAILURES, AnswerService, UnknownEntry
from bot.logs import get_logger
from bot.partnerships import choose_area
from bot.services import Services
from knowledge.answering import Answer
from knowledge.models import Entry
from knowledge.partnerships import PARTNERSHIPS, display_name, is_partnership
from storage.core import UserSetting

log = get_logger(__name__)

WARM_UP_QUESTION = "what is a lado"
GONE_ENTRY = "That answer is no longer in the knowledge base."
GONE_TOPIC = "That topic is no longer in the knowledge base."
UNKNOWN_AREA = "Unknown area."
THANKS_HELPFUL = "Thanks, glad it helped."
THANKS_NOT_HELPFUL = ("Thanks for telling us. The partnership's business unit reviews answers marked not helpful: it "
                      "sees the answer and your question with any names or identifiers removed.")


HomeSection = Callable[[str, str], list[dict[str, Any]]]
"""(team id, user id) -> blocks another capability adds to the App Home (knowledge upkeep for its editors)."""
HOME_SECTIONS: dict[str, HomeSection] = {}


def add_home_section(name: str, section: HomeSection) -> None:
    """A capability's own part of the App Home, shown under the topics (a new app replaces it by name)."""
    HOME_SECTIONS[name] = section


@dataclass(frozen=True)
class Reply:
    """What to tell the person who asked or pressed: an answer (text and blocks), or a short notice with no blocks
    (the entry or area pressed is not known), which the listener shows where the button was pressed."""

    text: str
    blocks: list[dict[str, Any]] | None = None


def _answered(ans: Answer) -> Reply:
    return Reply(fallback_text(ans), answer_blocks(ans))


TOPIC_GONE = "That topic is no longer listed. Open the Home tab again to see the topics."


@dataclass
class Answers:
    services: Services
    svc: AnswerService = field(init=False)

    def __post_init__(self) -> None:
        self.svc = AnswerService(db=self.services.db, live=self.services.knowledge)

    def warm_up(self) -> None:
        """Build the search index and run one question through the answer checks now, at start, not inside the
        first people's questions (bot.app.warm_up loads the identifier screen and the worry detector)."""
        try:  # the business unit's approved versions, before the first question (answers go on without them)
            self.services.knowledge.refresh()
        except Exception as exc:
            log.warning("answers.knowledge_not_loaded", error=type(exc).__name__)
        try:
            self.svc.answerer.answer(WARM_UP_QUESTION, None)
        except KNOWLEDGE_FAILURES as exc:  # start anyway: worries still get 999 and the front door
            log.error("answers.knowledge_base_unavailable", error=type(exc).__name__)

    def area_for(self, team_id: str, channel_id: str | None, user_id: str | None) -> str | None:
        with self.services.db.read() as s:
            return self.services.partnership_of(s, team_id, channel_id, user_id)

    # -- questions ------------------------------------------------------------------------------
    def ask(self, question: str, partnership: str | None, team_id: str) -> Reply:
        return _answered(self.svc.ask(question, partnership, team_id=team_id))

    def ask_offline(self, question: str) -> Reply | None:
        """The database is down: a worry still gets its answer (in the default area); anything else None."""
        ans = self.svc.answer_without_database(question, self.services.settings.default_partnership)
        return None if ans is None else _answered(ans)

    def topics(self, partnership: str | None, team_id: str | None = None) -> Reply:
        topics = self.svc.topics(partnership, team_id=team_id)
        return Reply(topics_text(topics), topics_blocks(topics, partnership))

    def answer_event(self, client: WebClient, *, question: str, team_id: str, user_id: str, channel_id: str,
                     thread_ts: str | None) -> None:
        """A DM (answered in it) or an @mention (answered in a thread): the area looked up only when needed."""
        ans = self.svc.ask_resolving(question, lambda: self.area_for(team_id, channel_id, user_id), team_id=team_id,
                                     fallback_area=self.services.settings.default_partnership)
        kwargs: dict[str, Any] = {"channel": channel_id, "text": fallback_text(ans), "blocks": answer_blocks(ans)}
        if thread_ts:
            kwargs["thread_ts"] = thread_ts
        client.chat_postMessage(**kwargs)

    # -- buttons under an answer ----------------------------------------------------------------
    def feedback(self, team_id: str, raw_value: str, helpful: bool) -> str:
        """Store the rating (a "not helpful" keeps the question, redacted); what to say back."""
        value = parse_value(raw_value)  # {"id", "q"} on "not helpful"; a bare entry id on "helpful" (and older)
        entry_id, question = (str(value.get("id") or ""), str(value.get("q") or "")) if value else (raw_value, None)
        try:
            self.svc.feedback(team_id=team_id, entry_id=entry_id, helpful=helpful, question=question)
        except UnknownEntry:
            return GONE_ENTRY
        return THANKS_HELPFUL if helpful else THANKS_NOT_HELPFUL

    def suggestion(self, raw_value: str, team_id: str | None = None) -> Reply:
        """A "did you mean" or related entry pressed: that entry, for the area the answer was for."""
        value = parse_value(raw_value)
        area = value.get("p") if is_partnership(value.get("p")) else None
        try:
            return _answered(self.svc.show(str(value.get("id") or ""), area, team_id=team_id))
        except UnknownEntry:
            return Reply(GONE_TOPIC)

    def choose_area(self, raw_value: str, team_id: str) -> Reply:
        """An area button under "which area?": the question asked again for that area."""
        value = parse_value(raw_value)
        slug = value.get("p")
        if not is_partnership(slug):
            return Reply(UNKNOWN_AREA)
        return self.ask(str(value.get("q") or ""), slug, team_id)

    # -- App Home -------------------------------------------------------------------------------
    def _user_area(self, team_id: str, user_id: str) -> str | None:
        with self.services.db.read() as s:
            us = s.get(UserSetting, (team_id, user_id))
            return us.partnership if us is not None else None

    def publish_home(self, client: WebClient, team_id: str, user_id: str) -> None:
        area = self.area_for(team_id, None, user_id)
        extra = [block for section in HOME_SECTIONS.values() for block in section(team_id, user_id)]
        client.views_publish(user_id=user_id, view=home_view(self.svc.topics(area, team_id=team_id), area,
                                                             self._user_area(team_id, user_id), extra))

    def set_home_area(self, client: WebClient, team_id: str, user_id: str, slug: str | None) -> None:
        """The App Home area select: saved as the person's own area, then the Home shown again."""
        if slug not in PARTNERSHIPS:
            return
        with self.services.db.session() as s:
            choose_area(s, team_id, user_id, slug)
        self.publish_home(client, team_id, user_id)

    def send_topic(self, client: WebClient, team_id: str, user_id: str, channel_id: str | None, topic: str) -> None:
        """A topic pressed in the App Home: its entries, in a DM."""
        area = self.area_for(team_id, channel_id, user_id)
        listed = self.svc.topics(area, team_id=team_id)
        if topic not in listed:  # a value no Home tab offers (forged, or a topic since renamed): nothing echoed
            client.chat_postMessage(channel=user_id, text=TOPIC_GONE)
            return
        entries: list[Entry] = listed[topic]
        where = f" ({display_name(area)})" if area else ""
        client.chat_postMessage(channel=user_id, text=f"{topic}{where}", blocks=topic_detail_blocks(topic, entries))
