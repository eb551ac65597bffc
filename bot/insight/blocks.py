"""What the Slack report sends: a short summary message, then one message per chart (with its alt text)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from bot import blockkit as bk
from bot.case_reviews.deadlines import Timescales
from bot.insight.charts import SUPPRESSION_NOTE
from bot.insight.measures import Measures, shown
from bot.mrkdwn import escape

REPORT_HELP = ("QA pack: `/safeguarding report [quarter | year | YYYY-MM-DD YYYY-MM-DD] [partnership | all]` "
               "(business unit, leads and admins). `quarter` is the last complete quarter, `year` the last April to "
               "March; you get a summary, the charts and the CSV in a direct message.\n"
               "`/safeguarding report schedule [when]` posts it to the business-unit channel on a schedule "
               "(default: quarterly on the first Monday, 09:00); `/safeguarding report schedule off` stops it.")


def summary_lines(m: Measures, scales: Timescales) -> list[str]:
    cr, esc, q, r = m.case_reviews, m.escalations, m.questions, m.reminders
    asked = sum(q.outcomes.values())
    open_cases = sum(len(v) for v in cr.open_by_stage.values())
    return [
        f"*Panel notified within {scales.panel_notification.amount} working days:* {cr.panel_within.words()}",
        f"*Rapid review within {scales.rapid_review.amount} working days:* {cr.rapid_within.words()}",
        f"*Open case reviews:* {shown(open_cases)}",
        f"*Escalations raised:* {shown(sum(esc.by_agency.values()))}; resolved within the policy's windows: "
        f"{esc.resolved_within.words()}; open now: {shown(esc.open_now)}, past their window: "
        f"{shown(len(esc.overdue))}",
        f"*Questions answered:* {q.outcomes['answer']} of {asked}; led with 999 and the front door: {q.safety}",
        f"*Reminders posted on time:* {r.on_time} of {r.total}",
        f"*Asked without an answer, by nearest topic:* {unanswered_topics(q.unanswered_by_topic)}",
    ]


def unanswered_topics(counts: Counter[str], top: int = 3) -> str:
    """The topics unanswered questions came nearest to (never their words: `kb gaps` has them, redacted)."""
    named = [(t, n) for t, n in counts.most_common() if t][:top]
    parts = [f"{escape(t)} {n}" for t, n in named]
    if counts.get(""):
        parts.append(f"nothing close {counts['']}")
    return "; ".join(parts) if parts else "none"


def summary_blocks(m: Measures, scales: Timescales, scope: str, charts: int) -> list[dict[str, Any]]:
    return [
        bk.header(f"Quality assurance: {scope}"),
        bk.section("\n".join(summary_lines(m, scales))),
        bk.context(f"Working days exclude weekends and England bank holidays. {SUPPRESSION_NOTE} "
                   f"{charts} charts and the CSV behind them follow, one message each."),
    ]


def summary_text(scope: str) -> str:
    return f"Quality assurance: {scope}"
