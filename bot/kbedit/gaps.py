"""The weekly gaps list: the questions of the partnership that got no answer or a "did you mean" most often, and
the answers marked not helpful, to each business-unit member by DM, through the one reminder engine (a delivery
row per person keyed by week, so each is posted exactly once), grouped by the knowledge topic each question came
nearest to (kept with the question when it was asked: storage/answers.py), each question with "Write an answer".

By DM by default, not in the business-unit channel: a channel gets structured fields only (bot/answers/feedback.py),
since the screen that redacted a question can miss something and a channel is read by everyone in it. An admin may
send them to the business-unit channel instead, as the issue describes (`/safeguarding kb gaps channel`): one post
a week there. The questions were redacted when stored (storage/answers.py); the button's value carries the
redacted question only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import blockkit as bk
from bot.authz import Role
from bot.kbedit.ids import ActionId, BlockId
from bot.listing import MESSAGE_BLOCKS
from bot.mrkdwn import escape
from bot.reminders import deliveries
from bot.reminders.deliveries import Planned, Source
from bot.timeutil import at_nine, format_date, to_london
from knowledge.base import KnowledgeBase
from knowledge.partnerships import display_name
from storage.answers import Unanswered, not_helpful_summary, unanswered_summary
from storage.core import RoleMembership, Workspace
from storage.kbedit import gaps_to_channel

QUESTIONS = 10
VALUE_QUESTION = 300


def this_monday(now: datetime) -> datetime:
    local = to_london(now)
    return at_nine(local.date() - timedelta(days=local.weekday()))


NO_TOPIC = "Near no topic"  # a question no entry came near: the knowledge has nothing on it at all


@dataclass
class TopicGaps:
    """One topic's share of the week: the questions nearest to it and its answers marked not helpful."""
    questions: list[Unanswered] = field(default_factory=list)
    unhelpful: list[tuple[str, int]] = field(default_factory=list)  # (entry title, times marked)

    @property
    def weight(self) -> int:
        return sum(q.count for q in self.questions) + sum(n for _t, n in self.unhelpful)


def by_topic(questions: list[Unanswered], unhelpful: list[tuple[str, str, int]]) -> list[tuple[str, TopicGaps]]:
    """Topics with questions first (so their buttons always fit a message), most asked about first (questions and
    not-helpful marks together), "near no topic" last of them; then topics with only answers marked not helpful."""
    groups: dict[str, TopicGaps] = {}
    for q in questions[:QUESTIONS]:
        groups.setdefault(q.topic or NO_TOPIC, TopicGaps()).questions.append(q)
    for topic, title, count in unhelpful:
        groups.setdefault(topic or NO_TOPIC, TopicGaps()).unhelpful.append((title, count))
    return sorted(groups.items(),  # stable: among equals, the first seen (the most asked question's) first
                  key=lambda kv: (not kv[1].questions, kv[0] == NO_TOPIC, -kv[1].weight))


def gaps_blocks(partnership: str, monday: datetime, questions: list[Unanswered],
                unhelpful: list[tuple[str, str, int]]) -> tuple[str, list[dict]]:
    """The post: by topic, its questions each with "Write an answer", then its answers marked not helpful."""
    text = f"Questions without an answer, week of {format_date(monday.date())}: {display_name(partnership)}"
    blocks: list[dict] = [bk.header("Questions the knowledge could not answer"),
                          bk.context(f"{display_name(partnership)}, the 7 days to {format_date(monday.date())}, by "
                                     "the topic each question came nearest to. Identifiers were removed before "
                                     "the questions were kept.")]
    i = 0
    for topic, group in by_topic(questions, unhelpful):
        if len(blocks) + 1 + len(group.questions) + bool(group.unhelpful) > MESSAGE_BLOCKS - 1:  # the snooze row
            continue  # only not-helpful topics reach here: 10 questions need at most 32 blocks
        blocks.append(bk.section(f"*{escape(topic)}*"))
        for q in group.questions:
            value = json.dumps({"p": partnership, "q": q.question[:VALUE_QUESTION]}, separators=(",", ":"))
            blocks.append(bk.section(f"{q.count}× _{escape(q.question)}_", f"{BlockId.GAP.value}_{i}",
                                     accessory=bk.button(ActionId.WRITE.numbered(i), "Write an answer", value)))
            i += 1
        if group.unhelpful:
            lines = "\n".join(f"• {escape(title)}: {count} not helpful" for title, count in group.unhelpful)
            blocks.append(bk.section(f"Marked not helpful:\n{lines}"))
    return text, blocks


def ensure_gap_digests(session: Session, kb_for: Callable[[str], KnowledgeBase], now: datetime) -> int:
    """From Monday 09:00 London, this week's gaps DM for each business-unit member of each workspace with a
    partnership, when there is anything to show."""
    monday = this_monday(now)
    if to_london(now) < monday:
        return 0
    week_ago = monday - timedelta(days=7)
    written = 0
    for ws in session.scalars(select(Workspace).where(Workspace.partnership.is_not(None))):
        area = str(ws.partnership)
        questions = unanswered_summary(session, team_id=ws.team_id, since=week_ago, partnership=area,
                                       limit=QUESTIONS)
        unhelpful, kb = [], kb_for(ws.team_id)  # the workspace's own knowledge
        for item in not_helpful_summary(session, team_id=ws.team_id, since=week_ago, limit=QUESTIONS):
            entry = kb.get(item.entry_id)
            if entry is not None and entry.partnership == area:
                unhelpful.append((entry.topic, entry.title, item.count))
        if not questions and not unhelpful:
            continue
        text, blocks = gaps_blocks(area, monday, questions, unhelpful)
        if gaps_to_channel(session, ws.team_id, area) and ws.business_unit_channel:  # the partnership chose it
            readers = [("channel", str(ws.business_unit_channel))]
        else:
            people = session.scalars(select(RoleMembership.user_id).where(
                RoleMembership.team_id == ws.team_id, RoleMembership.role == Role.BUSINESS_UNIT.value))
            readers = [(user_id, user_id) for user_id in sorted(set(people))]
        for ref, channel in readers:
            written += deliveries.lay(session, team_id=ws.team_id, source=Source.KNOWLEDGE, source_ref=f"gaps:{ref}",
                                      planned=[Planned(f"gaps:{monday.date().isoformat()}", max(monday, now), text,
                                                       blocks)],
                                      channel_id=channel, thread_ts=None, owner_id=None)
    return written
