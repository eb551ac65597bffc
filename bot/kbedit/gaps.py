"""The weekly gaps list: the questions of the partnership that got no answer or a "did you mean" most often, and
the answers marked not helpful, to each business-unit member by DM, through the one reminder engine (a delivery
row per person keyed by week, so each is posted exactly once), each question with "Write an answer".

By DM by default, not in the business-unit channel: a channel gets structured fields only (bot/answers/feedback.py),
since the screen that redacted a question can miss something and a channel is read by everyone in it. An admin may
send them to the business-unit channel instead, as the issue describes (`/safeguarding kb gaps channel`): one post
a week there. The questions were redacted when stored (storage/answers.py); the button's value carries the
redacted question only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
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
from storage.answers import not_helpful_summary, unanswered_summary
from storage.core import RoleMembership, Workspace
from storage.kbedit import gaps_to_channel

QUESTIONS = 10
VALUE_QUESTION = 300


def this_monday(now: datetime) -> datetime:
    local = to_london(now)
    return at_nine(local.date() - timedelta(days=local.weekday()))


def gaps_blocks(partnership: str, monday: datetime, questions: list[tuple[str, int]],
                unhelpful: list[tuple[str, str, int]]) -> tuple[str, list[dict]]:
    """The DM: questions with "Write an answer", then not-helpful answers by topic with "Edit"."""
    text = f"Questions without an answer, week of {format_date(monday.date())}: {display_name(partnership)}"
    blocks: list[dict] = [bk.header("Questions the knowledge could not answer"),
                          bk.context(f"{display_name(partnership)}, the 7 days to {format_date(monday.date())}. "
                                     "Identifiers were removed before the questions were kept.")]
    for i, (question, count) in enumerate(questions[:QUESTIONS]):
        value = json.dumps({"p": partnership, "q": question[:VALUE_QUESTION]}, separators=(",", ":"))
        blocks.append(bk.section(f"{count}× _{escape(question)}_", f"{BlockId.GAP.value}_{i}",
                                 accessory=bk.button(ActionId.WRITE.numbered(i), "Write an answer", value)))
    by_topic: dict[str, list[tuple[str, str, int]]] = {}
    for topic, title, count in unhelpful:
        by_topic.setdefault(topic, []).append((topic, title, count))
    for topic, items in by_topic.items():
        if len(blocks) >= MESSAGE_BLOCKS - 1:
            break
        lines = "\n".join(f"• {escape(title)}: {count} not helpful" for _t, title, count in items)
        blocks.append(bk.section(f"*Marked not helpful: {topic}*\n{lines}"))
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
        questions = [(q, n) for q, _p, n in unanswered_summary(session, team_id=ws.team_id, since=week_ago,
                                                               partnership=area, limit=QUESTIONS)]
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
