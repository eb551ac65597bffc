"""What the business unit sees of "not helpful": a section of the weekly digest and the retention rule that
clears the kept questions. The raw question is never stored; the redacted one is shown only by `safeguarding-bot
kb gaps` to those who run it. A channel gets structured fields only (entry title, id and counts), never typed text:
the screen that redacts a question can miss something, and a channel is read by everyone in it."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy.orm import Session

from bot import blockkit as bk
from bot.mrkdwn import escape
from bot.timeutil import LONDON
from knowledge import KnowledgeBase, load_knowledge_base
from storage.answers import NotHelpful, clear_feedback_text, not_helpful_summary

DIGEST_LIMIT = 10


def feedback_lines(items: list[NotHelpful], kb: KnowledgeBase) -> list[str]:
    """One line per entry: its title (authored text), its id and the counts; no question text."""
    lines = []
    for item in items:
        entry = kb.get(item.entry_id)
        title = entry.title if entry else "(no longer in the knowledge base)"
        kept = len(item.questions)
        lines.append(f"• *{escape(title)}* (`{escape(item.entry_id)}`): {item.count} not helpful"
                     + (f", {kept} question{'s' if kept != 1 else ''} kept for review" if kept else ""))
    return lines


def digest_section(session: Session, team_id: str, since: datetime,
                   kb: KnowledgeBase | None = None) -> dict[str, Any] | None:
    """The digest's "Answers marked not helpful" section for one workspace since `since`, or None if none."""
    items = not_helpful_summary(session, team_id=team_id, since=since, limit=DIGEST_LIMIT)
    if not items:
        return None
    text = "*Answers marked not helpful this week* (the questions are in `safeguarding-bot kb gaps`)\n" + "\n".join(
        feedback_lines(items, kb or load_knowledge_base()))
    return bk.section(text)


def clear_old_questions(session: Session, cutoff: date, dry_run: bool) -> list[tuple[str, str]]:
    """Retention policy: the redacted questions kept with "not helpful" go after the retention period."""
    before = datetime.combine(cutoff, time(0, 0), tzinfo=LONDON)
    return [(team, f"feedback-{row_id}") for team, row_id in clear_feedback_text(session, before, dry_run=dry_run)]
