"""What the business unit sees of "not helpful": a section of the weekly digest (entry title, how many, the
redacted questions) and the retention rule that clears those questions. The raw question is never stored."""

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
    lines = []
    for item in items:
        entry = kb.get(item.entry_id)
        title = entry.title if entry else f"{item.entry_id} (no longer in the knowledge base)"
        lines.append(f"• *{escape(title)}*: {item.count} not helpful")
        lines.extend(f"    _“{escape(q)}”_" for q in item.questions)
    return lines


def digest_section(session: Session, team_id: str, since: datetime,
                   kb: KnowledgeBase | None = None) -> dict[str, Any] | None:
    """The digest's "Answers marked not helpful" section for one workspace since `since`, or None if none."""
    items = not_helpful_summary(session, team_id=team_id, since=since, limit=DIGEST_LIMIT)
    if not items:
        return None
    text = "*Answers marked not helpful this week* (questions with identifiers removed)\n" + "\n".join(
        feedback_lines(items, kb or load_knowledge_base()))
    return bk.section(text)


def clear_old_questions(session: Session, cutoff: date, dry_run: bool) -> list[tuple[str, str]]:
    """Retention policy: the redacted questions kept with "not helpful" go after the retention period."""
    before = datetime.combine(cutoff, time(0, 0), tzinfo=LONDON)
    return [(team, f"feedback-{row_id}") for team, row_id in clear_feedback_text(session, before, dry_run=dry_run)]
