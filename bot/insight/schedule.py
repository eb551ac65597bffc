"""The QA pack on a schedule: a reminder series of kind `qa_pack` in the business-unit channel.

It is a series like any other (`/reminders list` shows it; pause, resume, skip and delete work on it; the one
engine claims each post exactly once), so the pack has `/reminders` semantics without a second scheduler. Its
delivery rows (source `qa_pack`) carry no figures: the composer registered here computes the period just ended
when the row is posted, sends the summary as the message and uploads the charts and the CSV in its thread.
The default, laid when an admin names the business-unit channel, is quarterly on the first Monday at 09:00.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from slack_sdk import WebClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.insight.flows import build_pack, upload_charts
from bot.partnerships import business_unit_channel
from bot.reminders import service as reminders
from bot.reminders.blocks import when
from bot.reminders.composers import Composed, Row
from bot.reminders.recurrence import describe
from bot.reminders.states import Kind, Series
from bot.timeutil import to_london, today
from knowledge.partnerships import display_name
from storage.db import Database
from storage.reminders import ReminderSeries

DEFAULT_WORDS = "quarterly on the first Monday"
AT = "09:00"
LIVE = (Series.ACTIVE.value, Series.PAUSED.value)


class ScheduleError(ValueError):
    """The schedule cannot be set as asked; the message says what to do."""


@dataclass(frozen=True)
class Scheduled:
    series_id: int
    created: bool
    rule: str  # in words, e.g. "every 3 months on the first Monday"
    next_due: datetime | None


def next_quarter_start(day: date) -> date:
    """The first day of the next calendar quarter: a quarterly pack then falls in January, April, July, October."""
    start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return start + relativedelta(months=3)


def period_before(rule: dict[str, object] | None, day: date) -> tuple[date, date, str]:
    """The whole months the pack looks back over: as many as the schedule's step (a quarter for quarterly), ending
    with the month before `day`; a weekly schedule looks back over the weeks since the last post."""
    unit, step = str((rule or {}).get("unit") or "monthly"), int(str((rule or {}).get("interval") or 3))
    if unit == "weekly":
        since, until = day - timedelta(weeks=step), day - timedelta(days=1)
        start = f"{since.day} {since:%b}" + (f" {since.year}" if since.year != until.year else "")
        return since, until, f"{start} to {until.day} {until:%b %Y}"
    months = step * 12 if unit == "yearly" else step
    first = date(day.year, day.month, 1)
    since, until = first - relativedelta(months=months), first - timedelta(days=1)
    label = f"{since:%b %Y}" if months == 1 else f"{since:%b} to {until:%b %Y}"
    if since.year != until.year and months > 1:
        label = f"{since:%b %Y} to {until:%b %Y}"
    return since, until, label


def current(session: Session, team_id: str, partnership: str) -> ReminderSeries | None:
    return session.scalars(select(ReminderSeries).where(
        ReminderSeries.team_id == team_id, ReminderSeries.kind == Kind.QA_PACK.value,
        ReminderSeries.partnership == partnership, ReminderSeries.state.in_(LIVE),
    ).order_by(ReminderSeries.id.desc())).first()


def set_schedule(session: Session, *, team_id: str, actor: str, partnership: str, channel_id: str,
                 words: str | None, now: datetime) -> Scheduled:
    """Create or change the partnership's QA-pack series (one per partnership in a workspace), in one transaction."""
    words = (words or "").strip() or DEFAULT_WORDS
    first = next_quarter_start(to_london(now).date())
    spec, errors = reminders.validate(reminders.SeriesInput(
        channel_id=channel_id, name=f"QA pack: {display_name(partnership)}", recurrence=words,
        first_date=first, at_time=AT, days_before="0"), now)
    if spec is None:
        raise ScheduleError(" ".join(errors.values()))
    if spec.rule is None:
        raise ScheduleError("Give a repeating schedule, e.g. “quarterly on the first Monday” or “monthly”.")
    spec.kind = Kind.QA_PACK.value
    row = current(session, team_id, partnership)
    if row is None:
        row = reminders.create_series(session, team_id=team_id, owner_id=actor, partnership=partnership, spec=spec,
                                      now=now)
        created = True
    else:
        reminders.update_series(session, row, spec, actor, now, set(), row.partnership)
        created = False
    return Scheduled(row.id, created, describe(row.rule), row.next_due_at)


def stop_schedule(session: Session, *, team_id: str, actor: str, partnership: str) -> int | None:
    """Delete the partnership's QA-pack series (audited by the reminders service); None when there was none."""
    row = current(session, team_id, partnership)
    if row is None:
        return None
    reminders.delete(session, row, actor)
    return row.id


def ensure_default(session: Session, *, team_id: str, actor: str, partnership: str | None, channel_id: str,
                   now: datetime) -> Scheduled | None:
    """When the business-unit channel is named: the quarterly pack, unless the partnership ever had a schedule
    (a deleted one stays deleted: the business unit chose that)."""
    if partnership is None:
        return None
    ever = session.scalars(select(ReminderSeries.id).where(
        ReminderSeries.team_id == team_id, ReminderSeries.kind == Kind.QA_PACK.value,
        ReminderSeries.partnership == partnership).limit(1)).first()
    if ever is not None:
        row = current(session, team_id, partnership)
        if row is not None and row.channel_id != channel_id:  # the pack follows the business unit's channel
            row.channel_id = channel_id
        return None
    return set_schedule(session, team_id=team_id, actor=actor, partnership=partnership, channel_id=channel_id,
                        words=None, now=now)


def compose_pack(db: Database, row: Row) -> Composed:
    """The message of a `qa_pack` row, written when it is posted: the period just ended, from the database now.
    (The knowledge base, for the statutory timescales, is the one loaded and cached for the process.)"""
    with db.read() as s:
        series = s.get(ReminderSeries, int(row.source_ref))
        if series is None or series.partnership is None:
            raise LookupError("the QA pack's series is gone")
        rule, partnership = series.rule, series.partnership
    since, until, label = period_before(rule, today())
    pack = build_pack(db, None, team_id=row.team_id, partnership=partnership, since=since, until=until, label=label)

    def _after(client: WebClient, channel: str, ts: str) -> None:
        upload_charts(client, channel, pack, thread_ts=ts)

    return Composed(pack.text, pack.blocks, _after)


def apply(db: Database, *, team_id: str, actor: str, partnership: str, words: str, now: datetime) -> str:
    """`/safeguarding report schedule [when | off]`, in one transaction; the reply says what is now set."""
    with db.session() as s:
        if words.strip().lower() in ("off", "stop", "none", "delete"):
            gone = stop_schedule(s, team_id=team_id, actor=actor, partnership=partnership)
            return (f"The scheduled QA pack for {display_name(partnership)} (#{gone}) is stopped. "
                    "`/safeguarding report schedule` starts it again." if gone else
                    f"{display_name(partnership)} has no scheduled QA pack.")
        channel = business_unit_channel(s, team_id)
        if channel is None:
            raise ScheduleError("There is no business-unit channel yet: an admin sets it with "
                                "`/safeguarding admin business-unit #channel`.")
        done = set_schedule(s, team_id=team_id, actor=actor, partnership=partnership, channel_id=channel,
                            words=words, now=now)
    nxt = when(done.next_due) if done.next_due else "none"
    return (f"The QA pack for {display_name(partnership)} will be posted in <#{channel}> {done.rule} at {AT} "
            f"(the period just ended, charts and CSV in its thread). Next: {nxt}. `/reminders list` shows it as "
            f"#{done.series_id}: pause, skip or delete it there.")
