"""The quality-assurance evidence: counts by agency, category and highest step; time to resolution; overdue.

Figures only, never free text: agency names are the one text field shown (they name organisations).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.escalations.fields import category_label
from bot.escalations.states import State
from bot.timeutil import format_date
from bot.workdays import working_days_between
from knowledge.partnerships import display_name
from storage.escalations import Escalation


@dataclass
class Report:
    partnership: str
    since: date
    today: date
    total: int = 0
    by_state: Counter[str] = field(default_factory=Counter)
    by_agency: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_highest_step: Counter[int] = field(default_factory=Counter)
    median_days_to_resolution: float | None = None
    median_working_days_to_resolution: float | None = None
    open_past_window: list[tuple[str, int, date]] = field(default_factory=list)


def build(session: Session, *, partnership: str, since: date, today: date, team_id: str | None = None) -> Report:
    """Escalations of `partnership` raised (Day 1) on or after `since`."""
    stmt = select(Escalation).where(Escalation.partnership == partnership, Escalation.day_one >= since)
    if team_id:
        stmt = stmt.where(Escalation.team_id == team_id)
    rows = list(session.scalars(stmt.order_by(Escalation.day_one, Escalation.ref)))
    report = Report(partnership=partnership, since=since, today=today, total=len(rows))
    days, working = [], []
    for esc in rows:
        report.by_state[esc.state] += 1
        report.by_agency[esc.agency] += 1
        report.by_category[esc.category] += 1
        report.by_highest_step[esc.highest_step] += 1
        if esc.state == State.RESOLVED.value and esc.closed_on:
            closed = max(esc.closed_on, esc.day_one)  # resolved at the weekend before Day 1: 0 days
            days.append((closed - esc.day_one).days)
            working.append(working_days_between(esc.day_one, closed))
        if esc.state == State.OPEN.value and esc.step_due_on and esc.step_due_on < today:
            report.open_past_window.append((esc.ref, esc.step, esc.step_due_on))
    report.median_days_to_resolution = median(days) if days else None
    report.median_working_days_to_resolution = median(working) if working else None
    return report


def rows(report: Report) -> list[tuple[str, str, str]]:
    """(section, item, value): one table for both the text and the CSV forms."""
    out: list[tuple[str, str, str]] = [("summary", "escalations", str(report.total))]
    for state in State:
        out.append(("summary", state.value, str(report.by_state.get(state.value, 0))))
    out.append(("summary", "median_days_to_resolution", _num(report.median_days_to_resolution)))
    out.append(("summary", "median_working_days_to_resolution", _num(report.median_working_days_to_resolution)))
    out.append(("summary", "open_past_window", str(len(report.open_past_window))))
    out += [("agency", a, str(n)) for a, n in sorted(report.by_agency.items(), key=lambda x: (-x[1], x[0]))]
    out += [("category", category_label(c), str(n))
            for c, n in sorted(report.by_category.items(), key=lambda x: (-x[1], x[0]))]
    out += [("highest_step", f"step {s}", str(n)) for s, n in sorted(report.by_highest_step.items())]
    out += [("open_past_window", ref, f"step {step}, window closed {due.isoformat()}")
            for ref, step, due in report.open_past_window]
    return out


def _num(value: float | None) -> str:
    return "" if value is None else (f"{value:g}")


def to_csv(report: Report) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["section", "item", "value"])
    writer.writerows(rows(report))
    return buf.getvalue()


def to_text(report: Report) -> str:
    lines = [f"Escalations in {display_name(report.partnership)} raised since {format_date(report.since)} "
             f"(as of {format_date(report.today)})"]
    section = None
    for sec, item, value in rows(report):
        if sec != section:
            lines.append(f"\n{sec.replace('_', ' ').capitalize()}")
            section = sec
        lines.append(f"  {item}: {value if value != '' else 'n/a'}")
    return "\n".join(lines) + "\n"
