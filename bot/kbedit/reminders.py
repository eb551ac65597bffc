"""The monthly list of entries due or overdue for review, to each business-unit channel, through the one
reminder engine (a delivery row keyed by month, so it is posted exactly once), and "Still right".

From 09:00 on the month's first working day the daily job (bot.jobs) writes the month's row for each workspace
with a business-unit channel and a partnership: the partnership's entries whose review date falls before the
next month, soonest first, each with "Still right" (the next review date a year on, confirmed by whoever
pressed it, audited) and "Edit" (the edit modal; a draft like any other).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import blockkit as bk
from bot.kbedit.ids import ActionId, BlockId
from bot.mrkdwn import escape
from bot.reminders import deliveries
from bot.reminders.deliveries import Planned, Source
from bot.timeutil import at_nine, format_date, to_london
from bot.workdays import is_working_day
from knowledge.base import KnowledgeBase
from knowledge.models import Entry
from knowledge.partnerships import display_name
from storage.core import Workspace

SHOWN = 20  # entries with buttons in one message (two blocks each, within Slack's 50)


def first_working_day(day: date) -> date:
    """The month's first working day (England): 1 December 2026, 4 January 2027."""
    first = day.replace(day=1)
    while not is_working_day(first):
        first += relativedelta(days=1)
    return first


def due_for_review(kb: KnowledgeBase, partnership: str, month_start: date) -> list[Entry]:
    """The partnership's entries whose review date is before next month (overdue ones first)."""
    end = month_start + relativedelta(months=1)
    due = [e for e in kb.entries(partnership) if e.review_by is not None and e.review_by < end]
    return sorted(due, key=lambda e: (e.review_by, e.id))


def review_blocks(partnership: str, month: date, entries: list[Entry], today: date) -> tuple[str, list[dict]]:
    text = f"Knowledge due for review in {month:%B %Y}: {len(entries)} {display_name(partnership)} entries"
    blocks: list[dict] = [bk.header(f"Knowledge due for review: {month:%B %Y}"),
                          bk.context("Still right sets the next review date a year on; Edit opens a draft a second "
                                     "person approves.")]
    for i, e in enumerate(entries[:SHOWN]):
        late = "overdue since" if e.review_by and e.review_by < today else "due"
        blocks.append(bk.section(f"*{escape(e.title)}*\n`{e.id}` · {late} {format_date(e.review_by)}"
                                 if e.review_by else f"*{escape(e.title)}*"))
        blocks.append(bk.actions(f"{BlockId.REVIEW.value}_{i}", [
            bk.button(ActionId.STILL_RIGHT, "Still right", e.id, style="primary"),
            bk.button(ActionId.EDIT, "Edit", e.id)]))
    if len(entries) > SHOWN:
        blocks.append(bk.context(f"…and {len(entries) - SHOWN} more — find them with `/safeguarding kb <words>`; "
                                 "the rest come again next month."))
    return text, blocks


def ensure_review_lists(session: Session, kb_for: Callable[[str], KnowledgeBase], now: datetime) -> int:
    """This month's review list for each workspace with a business-unit channel, once, from its first working
    day 09:00 (a row written later in the month is due when written)."""
    local = to_london(now)
    month = local.date().replace(day=1)
    start = at_nine(first_working_day(month))
    if local < start:
        return 0
    written = 0
    for ws in session.scalars(select(Workspace).where(Workspace.business_unit_channel.is_not(None),
                                                      Workspace.partnership.is_not(None))):
        entries = due_for_review(kb_for(ws.team_id), str(ws.partnership), month)  # the workspace's own
        if not entries:
            continue
        text, blocks = review_blocks(str(ws.partnership), month, entries, local.date())
        written += deliveries.lay(session, team_id=ws.team_id, source=Source.KNOWLEDGE, source_ref=ws.team_id,
                                  planned=[Planned(f"review:{month:%Y-%m}", max(start, now), text, blocks)],
                                  channel_id=str(ws.business_unit_channel), thread_ts=None, owner_id=None)
    return written

