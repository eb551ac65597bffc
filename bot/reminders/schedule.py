"""When a series' reminders fall: a few fixed points per meeting, all in London wall time.

Per meeting: "N days before" reminders at 09:00 (moved back to the previous working day, since nobody reads
a group channel at the weekend), a papers-due reminder at 09:00 on the papers deadline (N working days before,
so never a weekend or bank holiday), and for a one-off reminder the moment itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from bot import workdays
from bot.reminders.recurrence import meetings
from bot.timeutil import MORNING, at_nine, to_london  # at_nine: the one 09:00 London
from storage.reminders import ReminderSeries

MAX_POINTS_PER_PASS = 400  # a series asleep for years catches up over several ticks, never in one


@dataclass(frozen=True)
class Point:
    due_at: datetime  # aware, London
    key: str  # unique within the series, e.g. "2026-03-10T10:00:before7"
    kind: str  # "before" | "papers" | "at"
    meeting_at: datetime
    days_before: int | None
    papers_due: date | None


def series_time(series: ReminderSeries) -> time:
    hh, mm = series.at_time.split(":")
    return time(int(hh), int(mm))


def papers_due(series: ReminderSeries, meeting: date) -> date | None:
    if not series.papers_working_days:
        return None
    return workdays.add_working_days(meeting, -series.papers_working_days)


def _points_for(series: ReminderSeries, meeting_at: datetime) -> list[Point]:
    stamp = f"{meeting_at:%Y-%m-%dT%H:%M}"
    papers = papers_due(series, meeting_at.date())
    out: list[Point] = []
    if series.kind == "one_off" and not series.days_before:
        out.append(Point(meeting_at, f"{stamp}:at", "at", meeting_at, None, papers))
    for n in sorted(set(series.days_before or []), reverse=True):
        day = meeting_at.date() - timedelta(days=n)
        due = meeting_at if n == 0 else at_nine(workdays.previous_working_day(day))
        if n == 0 and meeting_at.time() > MORNING:
            due = at_nine(meeting_at.date())
        out.append(Point(due, f"{stamp}:before{n}", "before", meeting_at, n, papers))
    if papers is not None and all(p.due_at.date() != papers for p in out):  # one message when they coincide
        out.append(Point(at_nine(papers), f"{stamp}:papers", "papers",
                         meeting_at, None, papers))
    return out


def _lead_days(series: ReminderSeries) -> int:
    before = max(series.days_before or [0])
    papers = (series.papers_working_days or 0) * 2 + 10  # working days to calendar days, holidays included
    return max(before + 5, papers)


def upcoming_meetings(series: ReminderSeries, start: date) -> Iterator[datetime]:
    skipped = set(series.skipped or [])
    for m in meetings(series.rule, series.first_date, series_time(series), start):
        if m.date().isoformat() not in skipped:
            yield m


def _instant(p: Point) -> datetime:
    # Compared in UTC: Python compares two London datetimes by wall time, ignoring fold, which is wrong in the
    # October hour that happens twice.
    return p.due_at.astimezone(UTC)


def points_after(series: ReminderSeries, after: datetime) -> Iterator[Point]:
    """Reminder points strictly after the instant `after`, soonest first (meetings' points can interleave)."""
    after_utc = to_london(after).astimezone(UTC)
    lead = timedelta(days=_lead_days(series))
    pending: list[Point] = []
    for meeting in upcoming_meetings(series, (to_london(after) - lead).date()):
        horizon = meeting.astimezone(UTC) - lead  # no later meeting can have a point before this
        ready = sorted((p for p in pending if _instant(p) <= horizon), key=lambda p: (_instant(p), p.key))
        yield from ready
        pending = [p for p in pending if _instant(p) > horizon]
        pending.extend(p for p in _points_for(series, meeting) if _instant(p) > after_utc)
    yield from sorted(pending, key=lambda p: (_instant(p), p.key))


def next_point(series: ReminderSeries, after: datetime) -> Point | None:
    return next(points_after(series, after), None)
