"""Reminder series and their occurrences: create, list, pause, resume, delete, skip, snooze. No Slack here.

Every change is audit-logged with ids, states and dates only (a series' name is free text and stays out).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import privacy, workdays
from bot.authz import Permission, Role, allowed, allowed_for
from bot.reminders import deliveries, states
from bot.reminders.deliveries import Planned, Source
from bot.reminders.engine import reset_cursor
from bot.reminders.ids import NAME_MAX, Block
from bot.reminders.recurrence import RecurrenceError, london_wall_time, parse, parse_time
from bot.reminders.schedule import upcoming_meetings
from bot.reminders.states import Occurrence, Series, SeriesAction, move_series, require_series
from bot.slackids import is_channel_id
from bot.timeutil import LONDON, at_nine, date_range_problem, to_london
from storage import audit
from storage.reminders import ReminderOccurrence, ReminderSeries

LIVE = tuple(s.value for s in states.LIVE)


PROBLEMS = (Occurrence.MISSED.value, Occurrence.FAILED.value)  # shown in `/reminders list`


class NotFound(LookupError):
    pass


@dataclass
class SeriesInput:
    """Raw answers from the modal or the one-line form."""

    channel_id: str
    name: str | None = None
    group: str | None = None  # only ever a knowledge-base group name (the handler checks)
    group_frequency: str | None = None
    recurrence: str | None = None
    first_date: str | date | None = None
    at_time: str | None = None
    days_before: str | None = None
    papers: str | None = None
    link: str | None = None


@dataclass
class SeriesSpec:
    kind: str
    name: str
    channel_id: str
    recurrence: str | None
    rule: dict[str, Any] | None
    first_date: date
    at_time: str
    days_before: list[int]
    papers_working_days: int | None
    link: str | None


def validate(inp: SeriesInput, now: datetime) -> tuple[SeriesSpec | None, dict[str, str]]:
    """Field-level checks; errors are keyed by the modal's block ids. Nothing rejected is kept or logged."""
    errors: dict[str, str] = {}
    typed = (inp.name or "").strip()
    name = typed or (inp.group or "").strip()  # `group` comes from the knowledge base, not the person
    if not name:
        errors[Block.NAME] = "Choose a group or type what the reminder is about."
    elif len(name) > NAME_MAX:
        errors[Block.NAME] = f"Keep the name to {NAME_MAX} characters (this one has {len(name)})."
    elif typed and (findings := privacy.find_identifiers(typed)):
        errors[Block.NAME] = privacy.describe(findings)
    words = (inp.recurrence or "").strip()
    if not words and inp.group_frequency and inp.group_frequency != "as required":
        words = inp.group_frequency
    rule = None
    if words:
        try:
            rule = parse(words)
        except RecurrenceError as exc:
            errors[Block.RECURRENCE] = str(exc)
    first: date | None = None
    if isinstance(inp.first_date, date):
        first = inp.first_date
    elif inp.first_date:
        try:
            first = date.fromisoformat(str(inp.first_date).strip())
        except ValueError:
            errors[Block.FIRST_DATE] = "Use a date like 2026-03-10."
    else:
        errors[Block.FIRST_DATE] = "Give the first date (or the date to start from)."
    if first is not None and (problem := date_range_problem(first, to_london(now).date(), allow_future=True)):
        errors[Block.FIRST_DATE] = problem
        first = None
    at = time(10, 0)
    if rule and rule.get("time"):
        at = parse_time(rule["time"])
    elif inp.at_time and inp.at_time.strip():
        try:
            at = parse_time(inp.at_time)
        except RecurrenceError as exc:
            errors[Block.TIME] = str(exc)
    days: list[int] = []
    if inp.days_before and inp.days_before.strip():
        try:
            days = sorted({int(p) for p in inp.days_before.replace(" ", "").split(",") if p}, reverse=True)
            if any(d < 0 or d > 90 for d in days):
                raise ValueError
        except ValueError:
            errors[Block.DAYS_BEFORE] = "Use whole numbers of days from 0 to 90, comma-separated, e.g. 7,1."
    papers = None
    if inp.papers and inp.papers.strip():
        if not inp.papers.strip().isdigit() or not 1 <= int(inp.papers) <= 30:
            errors[Block.PAPERS] = "Use a number of working days from 1 to 30, e.g. 5."
        else:
            papers = int(inp.papers)
    if rule and not days and papers is None and Block.DAYS_BEFORE not in errors:
        errors[Block.DAYS_BEFORE] = "Say when to remind: days before (e.g. 7,1), papers due, or both."
    link = (inp.link or "").strip() or None
    if link and (not link.startswith(("https://", "http://")) or " " in link or len(link) > 500):
        errors[Block.LINK] = "Use a web address starting with https://"
    elif link and (findings := privacy.find_identifiers(link)):
        errors[Block.LINK] = privacy.describe(findings)
    past = first is not None and london_wall_time(datetime.combine(first, at)) <= now
    if past and not rule and not days and Block.FIRST_DATE not in errors and Block.TIME not in errors:
        errors[Block.FIRST_DATE] = "That moment has passed. Choose a date and time in the future."
    if not is_channel_id(inp.channel_id):  # a conversations_select sends one id: anything else is forged
        errors[Block.CHANNEL] = "Choose the channel to post in."
    if errors or first is None:
        return None, errors
    return SeriesSpec("meeting" if rule else "one_off", name, inp.channel_id, words or None, rule, first,
                      at.strftime("%H:%M"), days, papers, link), {}


def _snapshot(row: ReminderSeries) -> dict[str, Any]:
    return {"state": row.state, "channel": row.channel_id, "kind": row.kind, "first_date": row.first_date,
            "next_due_at": row.next_due_at}


def create_series(session: Session, *, team_id: str, owner_id: str, partnership: str | None, spec: SeriesSpec,
                  now: datetime) -> ReminderSeries:
    row = ReminderSeries(
        team_id=team_id, kind=spec.kind, name=spec.name, partnership=partnership, channel_id=spec.channel_id,
        owner_id=owner_id, recurrence=spec.recurrence, rule=spec.rule, first_date=spec.first_date,
        at_time=spec.at_time, days_before=spec.days_before, papers_working_days=spec.papers_working_days,
        link=spec.link, skipped=[], created_at=now.astimezone(UTC),
    )
    ahead = reset_cursor(row, now) is not None
    move_series(row, SeriesAction.CREATE, Series.ACTIVE if ahead else Series.FINISHED)
    session.add(row)
    session.flush()
    audit.record(session, team_id=team_id, actor_id=owner_id, action="reminder.created", entity_type="reminder",
                 entity_id=str(row.id), after=_snapshot(row))
    return row


def get_series(session: Session, team_id: str, series_id: int | str) -> ReminderSeries:
    try:
        sid = int(str(series_id).lstrip("#"))
    except ValueError:
        raise NotFound(series_id) from None
    row = session.scalars(
        select(ReminderSeries).where(ReminderSeries.team_id == team_id, ReminderSeries.id == sid).with_for_update()
    ).one_or_none()
    if row is None or row.state == Series.DELETED:
        raise NotFound(series_id)
    return row


def may_change(row: ReminderSeries, user_id: str, roles: frozenset[Role], assigned: str | None,
               channel_id: str | None) -> bool:
    """The series' owner, a lead of its partnership, or an admin; from the series' own channel.

    `channel_id=None` skips the channel test (a modal opened from that channel carries no channel).
    """
    if channel_id is not None and channel_id != row.channel_id:
        return False
    if row.owner_id == user_id or Role.ADMIN in roles:
        return True
    return Role.SAFEGUARDING_LEAD in roles and assigned is not None and assigned == row.partnership


def may_place(roles: frozenset[Role], assigned: str | None, channel_partnership: str | None) -> bool:
    """A series goes only to a channel of the person's assigned partnership; an admin's anywhere (bot.authz).

    `channel_partnership` is the server's record of the channel (its setting, else the workspace's): with none the
    workspace has no partnership configured, so the series belongs to none and there is no boundary to cross.
    """
    if channel_partnership is None:
        return allowed(roles, Permission.REMINDERS_MANAGE)
    return allowed_for(roles, Permission.REMINDERS_MANAGE, assigned, channel_partnership)


def _cancel_pending(session: Session, row: ReminderSeries, meeting_at: datetime | None = None) -> int:
    """Unsent rows of the series (snoozed copies too) are cancelled; only one meeting's are skipped."""
    if meeting_at is None:
        return deliveries.cancel(session, ReminderOccurrence.series_id == row.id)
    return deliveries.cancel(session, ReminderOccurrence.series_id == row.id,
                             ReminderOccurrence.meeting_at == meeting_at, to=Occurrence.SKIPPED)


def _change(session: Session, row: ReminderSeries, actor: str, action: str, before: dict[str, Any]) -> None:
    audit.record(session, team_id=row.team_id, actor_id=actor, action=action, entity_type="reminder",
                 entity_id=str(row.id), before=before, after=_snapshot(row))


def form_values(row: ReminderSeries, group_names: set[str]) -> dict[str, str]:
    """The series' current answers keyed by the form's block ids (`/reminders edit`)."""
    values = {
        Block.CHANNEL: row.channel_id, Block.RECURRENCE: row.recurrence or "",
        Block.FIRST_DATE: row.first_date.isoformat(), Block.TIME: row.at_time,
        Block.DAYS_BEFORE: ",".join(str(d) for d in row.days_before or []),
        Block.PAPERS: str(row.papers_working_days or ""), Block.LINK: row.link or "",
    }
    values[Block.GROUP if row.name in group_names else Block.NAME] = row.name
    return values


EDITABLE = ("name", "channel_id", "kind", "recurrence", "rule", "first_date", "at_time", "days_before",
            "papers_working_days", "link")


def _edit_snapshot(row: ReminderSeries, group_names: set[str]) -> dict[str, Any]:
    """Ids, dates, numbers and the parsed rule; the name only when it is a knowledge-base group's (no free text)."""
    return {**_snapshot(row), "group": row.name if row.name in group_names else None, "rule": row.rule,
            "at_time": row.at_time, "days_before": list(row.days_before or []),
            "papers_working_days": row.papers_working_days, "has_link": bool(row.link)}


def update_series(session: Session, row: ReminderSeries, spec: SeriesSpec, actor: str, now: datetime,
                  group_names: set[str], partnership: str | None) -> list[str]:
    """Save the edit form over a series; returns the names of the fields that changed.

    `partnership` is the server's record of the (perhaps new) channel: a series moved belongs where it now posts.

    Unsent reminders are cancelled and the series restarts from `now`: nothing before now is sent (no late
    reminders), and a reminder already sent keeps its row, which is never re-opened (nothing is sent twice).
    A paused series stays paused; a finished one with meetings ahead becomes active again.
    """
    before = _edit_snapshot(row, group_names)
    new = {"name": spec.name, "channel_id": spec.channel_id, "kind": spec.kind, "recurrence": spec.recurrence,
           "rule": spec.rule, "first_date": spec.first_date, "at_time": spec.at_time,
           "days_before": spec.days_before, "papers_working_days": spec.papers_working_days, "link": spec.link}
    changed = [f for f in EDITABLE if getattr(row, f) != new[f]]
    for field_name in changed:
        setattr(row, field_name, new[field_name])
    if row.partnership != partnership:
        row.partnership = partnership
        changed.append("partnership")
    require_series(row.state, SeriesAction.EDIT, series_id=row.id)
    deliveries.cancel(session, ReminderOccurrence.series_id == row.id,
                      ReminderOccurrence.source.in_((Source.SERIES, Source.QA_PACK)))
    if row.state != Series.PAUSED:
        ahead = reset_cursor(row, now) is not None
        move_series(row, SeriesAction.EDIT, Series.ACTIVE if ahead else Series.FINISHED)
    audit.record(session, team_id=row.team_id, actor_id=actor, action="reminder.edited", entity_type="reminder",
                 entity_id=str(row.id), before=before,
                 after={**_edit_snapshot(row, group_names), "fields": changed})
    return changed


def _stop(session: Session, row: ReminderSeries, actor: str, action: SeriesAction, to: Series, audited: str) -> None:
    """Pause or delete: nothing more is due, every unsent reminder is cancelled, the change is audited."""
    before = _snapshot(row)
    move_series(row, action, to)
    row.next_due_at = None
    _cancel_pending(session, row)
    _change(session, row, actor, audited, before)


def pause(session: Session, row: ReminderSeries, actor: str) -> None:
    _stop(session, row, actor, SeriesAction.PAUSE, Series.PAUSED, "reminder.paused")


def resume(session: Session, row: ReminderSeries, actor: str, now: datetime) -> None:
    """Reminders that fell while paused are not sent late: the series picks up from now."""
    require_series(row.state, SeriesAction.RESUME, series_id=row.id)
    before = _snapshot(row)
    ahead = reset_cursor(row, now) is not None
    move_series(row, SeriesAction.RESUME, Series.ACTIVE if ahead else Series.FINISHED)
    _change(session, row, actor, "reminder.resumed", before)


def delete(session: Session, row: ReminderSeries, actor: str) -> None:
    _stop(session, row, actor, SeriesAction.DELETE, Series.DELETED, "reminder.deleted")


def skip_next(session: Session, row: ReminderSeries, actor: str, now: datetime) -> datetime | None:
    """Skip the next meeting (its reminders, sent or not yet, stop); returns the meeting skipped."""
    require_series(row.state, SeriesAction.SKIP, series_id=row.id)
    meeting = next((m for m in upcoming_meetings(row, to_london(now).date()) if m.astimezone(UTC) > now), None)
    if meeting is None:
        return None
    before = _snapshot(row)
    row.skipped = [*(row.skipped or []), meeting.date().isoformat()]
    _cancel_pending(session, row, meeting)
    if row.state == Series.ACTIVE and reset_cursor(row, row.cursor_at or now) is None:
        move_series(row, SeriesAction.SKIP, Series.FINISHED)
    _change(session, row, actor, "reminder.skipped", {**before, "meeting": meeting})
    return meeting


def snooze_until(option: str, now: datetime) -> datetime:
    local = to_london(now)
    if option == "hour":
        return local + timedelta(hours=1)
    if option == "tomorrow":
        return at_nine(local.date() + timedelta(days=1))
    return at_nine(workdays.add_working_days(local.date(), 1))


class OtherChannel(LookupError):
    """A snooze pressed (or forged) anywhere but the channel the reminder was posted in."""


def snooze(session: Session, *, team_id: str, occurrence_id: int, option: str, actor: str,
           now: datetime, channel_id: str | None = None) -> datetime:
    """Remind again later, threaded under the original: moves that occurrence only, never the series.

    Only from the reminder's own channel (its button is there): a crafted click naming another channel's
    reminder would re-post it where the presser may not belong.
    """
    orig = session.scalars(select(ReminderOccurrence).where(
        ReminderOccurrence.team_id == team_id, ReminderOccurrence.id == occurrence_id)).one_or_none()
    if orig is None:
        raise NotFound(occurrence_id)
    if channel_id is not None and channel_id != orig.channel_id:
        raise OtherChannel(occurrence_id)
    due = snooze_until(option, now)
    key = f"snooze:{due.astimezone(LONDON):%Y-%m-%dT%H:%M}"
    deliveries.lay(session, team_id=team_id, source=Source.SNOOZE, source_ref=str(orig.id),
                   planned=[Planned(key, due, orig.text, orig.blocks, orig.meeting_at)], channel_id=orig.channel_id,
                   thread_ts=orig.thread_ts or orig.message_ts, owner_id=orig.owner_id or actor,
                   series_id=orig.series_id)
    audit.record(session, team_id=team_id, actor_id=actor, action="reminder.snoozed",
                 entity_type="reminder_occurrence", entity_id=str(orig.id), after={"until": due, "option": option})
    return due


@dataclass
class SeriesView:
    row: ReminderSeries
    missed: int
    failed: int


def list_series(session: Session, team_id: str, channel_id: str | None) -> list[SeriesView]:
    stmt = select(ReminderSeries).where(ReminderSeries.team_id == team_id, ReminderSeries.state.in_(LIVE))
    if channel_id:
        stmt = stmt.where(ReminderSeries.channel_id == channel_id)
    rows = list(session.scalars(stmt.order_by(ReminderSeries.id)))
    counts: Counter[tuple[int, str]] = Counter()
    if rows:
        for sid, state in session.execute(
            select(ReminderOccurrence.series_id, ReminderOccurrence.state).where(
                ReminderOccurrence.series_id.in_([r.id for r in rows]),
                ReminderOccurrence.state.in_(PROBLEMS))
        ):
            counts[(sid, state)] += 1
    missed, failed = Occurrence.MISSED.value, Occurrence.FAILED.value
    return [SeriesView(r, counts[(r.id, missed)], counts[(r.id, failed)]) for r in rows]


def problems(session: Session, team_id: str, channel_id: str | None, since: datetime) -> list[ReminderOccurrence]:
    """Missed or failed occurrences (any source) since `since`: nothing is lost silently."""
    stmt = select(ReminderOccurrence).where(
        ReminderOccurrence.team_id == team_id, ReminderOccurrence.state.in_(PROBLEMS),
        ReminderOccurrence.due_at >= since)
    if channel_id:
        stmt = stmt.where(ReminderOccurrence.channel_id == channel_id)
    return list(session.scalars(stmt.order_by(ReminderOccurrence.due_at.desc()).limit(20)))
