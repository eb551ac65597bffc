"""How a step's day window (from the route) becomes a date a person can act on.

The Warrington document gives one timeline for the whole dispute: "Day one - Step 1", "Days three to
nine - Step 2", "Days nine to 14 - Step 3", "Days 16 to 21 - Step 4". We read it that way:

* Day 1 is the working day the escalation is raised (the next working day if raised on a weekend or
  bank holiday); Day N is the (N-1)th working day after Day 1 (calendar days if the window says so).
* A step's window closes on Day `end_day` of that timeline, so an escalation kept on the document's
  pace ends when the document says it should (Day 21).
* A step that starts after its window has opened (the earlier step ran late, or was escalated on the
  last day) is not left with a window that has already closed: it gets the window's full length
  (`end_day - start_day` days) from the day it started, whichever is later.
* A step with no window has no deadline: the card says so (admins can add `window:` in the KB file).
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.workdays import add_working_days, next_working_day
from knowledge.models import StepWindow


def day_one(raised_on: date) -> date:
    return next_working_day(raised_on)


def _plus(day: date, n: int, working: bool) -> date:
    return add_working_days(day, n) if working else day + timedelta(days=n)


def day_n(first: date, n: int, working: bool = True) -> date:
    """Day `n` of the escalation's timeline (Day 1 is `first`)."""
    return _plus(first, n - 1, working)


def window_close(first: date, started_on: date, window: StepWindow | None) -> date | None:
    """The last day of the step's window, or None when the route gives no window."""
    if window is None:
        return None
    planned = day_n(first, window.end_day, window.working_days)
    planned_start = day_n(first, window.start_day, window.working_days)
    if started_on <= planned_start:
        return planned
    start = next_working_day(started_on) if window.working_days else started_on
    return max(planned, _plus(start, window.end_day - window.start_day, window.working_days))


def window_open(first: date, started_on: date, window: StepWindow | None) -> date | None:
    """The first day of the step's window (never before the step started)."""
    if window is None:
        return None
    return max(day_n(first, window.start_day, window.working_days), started_on)
