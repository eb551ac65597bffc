"""The one reminder engine: turn due series points into delivery rows, claim them atomically, send them once.

Exactly once: a row moves pending -> sending inside a transaction that locks it (FOR UPDATE SKIP LOCKED on
PostgreSQL; SQLite's BEGIN IMMEDIATE serialises claimers), so two clocks never take the same row. Each post
carries the row's id in Slack message metadata and its outcome is stored as soon as Slack answers. A row left
in "sending" by a process that died mid-post (a dead local pid at once, any other claimer after STALE_CLAIM) is
reconciled against the channel's history: found there, it is marked sent; not there, it goes back to pending.
Only if Slack cannot be asked is it marked failed ("interrupted") and its owner told: a possible gap shown in
`/reminders list` is better than a double post in a safeguarding channel.
Restart-safe: rows due while the process was down are sent if within `reminder_grace_hours`, else "missed".
Each row is posted with its own workspace's client (`TeamClients`: one token in single-workspace mode, the team's
install with OAuth); a paused (uninstalled) workspace's rows are not claimed: they wait, missed past the grace.
"""

from __future__ import annotations

import os
import queue
import socket
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import timeutil
from bot.blockkit import cut
from bot.logs import get_logger
from bot.posted import conversation_for, find_posted, metadata
from bot.reminders import deliveries, texts
from bot.reminders.blocks import reminder_message, with_snooze
from bot.reminders.composers import composer_for
from bot.reminders.deliveries import Planned, Source
from bot.reminders.digest import ensure_weekly_digests
from bot.reminders.fanout import CHANNEL_RATE, Lanes
from bot.reminders.schedule import MAX_POINTS_PER_PASS, Point, points_after
from bot.reminders.states import Kind, Occurrence, Series, SeriesAction, move_series
from bot.slack import TeamClients, team_clients
from bot.workspaces.service import paused_teams
from storage import audit
from storage.db import Database
from storage.reminders import ReminderOccurrence, ReminderSeries

log = get_logger(__name__)

FATAL_CHANNEL_ERRORS = frozenset({"not_in_channel", "channel_not_found", "is_archived"})
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1))
MAX_ATTEMPTS = len(BACKOFF) + 1
STALE_CLAIM = timedelta(minutes=10)


def worker_id() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


def _is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _lock(stmt: Any, session: Session) -> Any:
    return stmt.with_for_update(skip_locked=True) if _is_postgres(session) else stmt


# --- series -> delivery rows -----------------------------------------------------------------------------------

def occurrence_for(series: ReminderSeries, point: Point) -> tuple[str, list[dict[str, Any]]]:
    return reminder_message(series.name, point, series.link, series.kind)


def write_due_points(session: Session, series: ReminderSeries, now: datetime) -> int:
    """Lay delivery rows for every point of `series` due by `now` (one `deliveries.lay`); move its cursor and
    next_due_at on. Points older than the grace period are laid too and marked missed by `expire` in the same
    tick, so a long outage shows as missed reminders, never late ones."""
    cursor = series.cursor_at or series.created_at or now
    now = now.astimezone(UTC)
    planned: list[Planned] = []
    nxt: Point | None = None
    for point in points_after(series, cursor):
        if point.due_at > now or len(planned) >= MAX_POINTS_PER_PASS:
            nxt = point
            break
        text, blocks = occurrence_for(series, point)
        planned.append(Planned(point.key, point.due_at, text, blocks, point.meeting_at))
        cursor = point.due_at
    source = Source.QA_PACK if series.kind == Kind.QA_PACK else Source.SERIES
    deliveries.lay(session, team_id=series.team_id, source=source, source_ref=str(series.id),
                   planned=planned, channel_id=series.channel_id, thread_ts=None, owner_id=series.owner_id,
                   series_id=series.id, lock=False)
    series.cursor_at = cursor
    series.next_due_at = nxt.due_at if nxt else None
    if nxt is None:
        move_series(series, SeriesAction.RUN_OUT, Series.FINISHED)
    return len(planned)


def reset_cursor(series: ReminderSeries, after: datetime) -> Point | None:
    """Start the series afresh from `after` (creation, resume, skip): nothing before it will be sent."""
    point = next(points_after(series, after), None)
    series.cursor_at = after
    series.next_due_at = point.due_at if point else None
    return point


def materialise(session: Session, now: datetime, limit: int = 2000) -> int:
    """Lay the rows of every active series whose next reminder has come (the series rows are locked)."""
    stmt = (
        select(ReminderSeries)
        .where(ReminderSeries.state == Series.ACTIVE.value, ReminderSeries.next_due_at <= now)
        .order_by(ReminderSeries.next_due_at)
        .limit(limit)
    )
    return sum(write_due_points(session, series, now) for series in session.scalars(_lock(stmt, session)))


# --- claiming and sending --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Claimed:
    id: int
    team_id: str
    channel_id: str
    thread_ts: str | None
    owner_id: str | None
    text: str
    blocks: list[dict[str, Any]] | None
    attempts: int
    source: str
    source_ref: str


@dataclass
class Outcome:
    id: int
    status: str  # sent | retry | fatal
    ts: str | None = None
    error: str | None = None


@dataclass
class DispatchStats:
    materialised: int = 0
    missed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    notices: list[str] = field(default_factory=list)


METADATA_EVENT = "safeguarding_reminder"


def _claimer_is_dead(claimed_by: str | None) -> bool:
    """True when the claim belongs to a process on this host that no longer exists."""
    host, _, pid = (claimed_by or "").rpartition(":")
    if host != socket.gethostname()[:40] or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _find_posted(client: WebClient, row: ReminderOccurrence) -> str | None:
    """The ts of the message this row already posted, from the channel's history (raises if Slack can't say)."""
    return find_posted(client, row.channel_id, METADATA_EVENT, row.id, thread_ts=row.thread_ts,
                       oldest=(row.claimed_at or row.due_at).timestamp() - 120)


def recover_interrupted(db: Database, clients: TeamClients, now: datetime, stats: DispatchStats) -> int:
    """Reconcile rows a dead process left in "sending"; returns how many were settled."""
    with db.session() as s:
        stmt = select(ReminderOccurrence).where(ReminderOccurrence.state == Occurrence.SENDING.value,
                                                ReminderOccurrence.team_id.not_in(paused_teams())).limit(500)
        rows = [r for r in s.scalars(_lock(stmt, s))
                if _claimer_is_dead(r.claimed_by) or (r.claimed_at and r.claimed_at < now - STALE_CLAIM)]
        tell = []
        for row in rows:
            try:
                ts = _find_posted(_client(clients, row.team_id), row)
            except Exception as exc:  # no history scope, Slack down: do not risk a double post
                deliveries.mark_failed(row, "interrupted")
                audit.record(s, team_id=row.team_id, actor_id="clock", action="reminder.failed",
                             entity_type="reminder_occurrence", entity_id=str(row.id),
                             after={"state": "failed", "error": "interrupted", "lookup": type(exc).__name__})
                stats.failed += 1
                tell.append(row)
                continue
            if ts is not None:
                deliveries.mark_sent(row, ts, now)
                row.attempts += 1
                stats.sent += 1
            else:  # not posted: back to pending, posted once on this tick
                deliveries.retry_at(row, now, row.last_error)
            log.info("reminders.recovered", occurrence=row.id, found=ts is not None)
        for row in tell:
            _notify_owner(clients.for_team(row.team_id), row, stats)
        return len(rows)


def claim(session: Session, now: datetime, worker: str, limit: int = 100) -> list[Claimed]:
    stmt = (
        select(ReminderOccurrence)
        .where(ReminderOccurrence.state == Occurrence.PENDING.value, ReminderOccurrence.attempt_at <= now,
               ReminderOccurrence.team_id.not_in(paused_teams()))
        .order_by(ReminderOccurrence.attempt_at, ReminderOccurrence.id)
        .limit(limit)
    )
    out = []
    for row in session.scalars(_lock(stmt, session)):
        deliveries.take(row, worker, now)
        out.append(Claimed(row.id, row.team_id, row.channel_id, row.thread_ts, row.owner_id, row.text, row.blocks,
                           row.attempts, row.source, row.source_ref))
    return out


def send(client: WebClient | None, item: Claimed, db: Database) -> Outcome:
    """One post. 429s are retried inside the client (Retry-After honoured by bot.slack's handlers). A source with
    a composer (bot.reminders.composers) has its message written now, from `db`. No client: the workspace has no
    token (not installed), tried again later like any failure."""
    if client is None:
        return Outcome(item.id, "retry", error="not_installed")
    text, blocks, after = item.text, item.blocks, None
    composer = composer_for(item.source)
    try:
        if composer is not None:
            composed = composer(db, item)
            text, blocks, after = composed.text, composed.blocks, composed.after
        elif item.source != Source.DIGEST:
            blocks = with_snooze(item.blocks, item.text, item.id)
        channel = conversation_for(client, item.channel_id)
        resp = client.chat_postMessage(
            channel=channel, text=text, blocks=blocks, thread_ts=item.thread_ts, unfurl_links=False,
            unfurl_media=False, metadata=metadata(METADATA_EVENT, item.id),
        )
    except SlackApiError as exc:
        error = str(exc.response.get("error") or "slack_error")[:64]
        return Outcome(item.id, "fatal" if error in FATAL_CHANNEL_ERRORS else "retry", error=error)
    except Exception as exc:  # connection trouble after the client's own retries, or a composer's fault
        return Outcome(item.id, "retry", error=type(exc).__name__[:64])
    if after is not None:
        try:  # the message is posted (and will be recorded sent); what follows it is best effort, logged
            after(client, channel, str(resp.get("ts")))
        except Exception as exc:
            log.warning("reminders.after_post_failed", occurrence=item.id, source=item.source,
                        error=type(exc).__name__)
    return Outcome(item.id, "sent", ts=resp.get("ts"))


def record(session: Session, outcomes: list[Outcome], now: datetime, stats: DispatchStats) -> list[ReminderOccurrence]:
    """Store outcomes; returns rows whose owner must be told (failed for good)."""
    tell = []
    rows = {r.id: r for r in session.scalars(
        select(ReminderOccurrence).where(ReminderOccurrence.id.in_([o.id for o in outcomes])))}
    for o in outcomes:
        row = rows.get(o.id)
        if row is None:
            continue
        row.attempts += 1
        if o.status == "sent":
            deliveries.mark_sent(row, o.ts, now)
            stats.sent += 1
            continue
        if o.status == "retry" and row.attempts < MAX_ATTEMPTS:
            deliveries.retry_at(row, now + BACKOFF[row.attempts - 1], o.error)
            stats.retried += 1
            continue
        deliveries.mark_failed(row, o.error)
        stats.failed += 1
        audit.record(session, team_id=row.team_id, actor_id="clock", action="reminder.failed",
                     entity_type="reminder_occurrence", entity_id=str(row.id),
                     after={"state": "failed", "error": o.error, "source": row.source, "ref": row.source_ref})
        tell.append(row)
    return tell


def _client(clients: TeamClients, team_id: str) -> WebClient:
    client = clients.for_team(team_id)
    if client is None:
        raise LookupError(f"no token for {team_id}")
    return client


def _notify_owner(client: WebClient | None, row: ReminderOccurrence, stats: DispatchStats) -> None:
    what = row.source_ref if row.source not in (Source.SERIES, Source.QA_PACK) else cut(row.text.split(":")[0], 80)
    template = texts.NOT_IN_CHANNEL if row.last_error in FATAL_CHANNEL_ERRORS else texts.SEND_FAILED
    message = template.format(what=what, channel=row.channel_id, error=row.last_error)
    if not row.owner_id or client is None:
        log.warning("reminders.failed_no_owner", occurrence=row.id, error=row.last_error)
        return
    try:
        client.chat_postMessage(channel=row.owner_id, text=message)
        stats.notices.append(row.owner_id)
    except Exception as exc:
        log.warning("reminders.notice_failed", occurrence=row.id, error=type(exc).__name__)


def _record_outcomes(db: Database, clients: TeamClients, outcomes: queue.Queue[Outcome | None], now: datetime,
                     stats: DispatchStats) -> None:
    """Store outcomes as they come, many to a transaction (one writer, not one commit per post); a crash
    leaves the unstored ones in "sending", which recover_interrupted settles from the channel's history."""
    done = False
    while not done:
        batch = [outcomes.get()]
        while len(batch) < 200:
            try:
                batch.append(outcomes.get_nowait())
            except queue.Empty:
                break
        done = None in batch
        found = [o for o in batch if o is not None]
        if not found:
            continue
        try:
            with db.session() as s:
                tell = record(s, found, now, stats)
        except Exception as exc:  # left in "sending": reconciled on a later tick, never posted twice
            log.error("reminders.record_failed", error=type(exc).__name__, outcomes=len(found))
            continue
        for row in tell:
            _notify_owner(clients.for_team(row.team_id), row, stats)


def dispatch_once(
    db: Database, client: WebClient | TeamClients, *, grace_hours: float, now: datetime | None = None,
    worker: str | None = None, batch: int = 50, max_batches: int = 500, in_flight: int = 400,
    channel_rate: float | None = CHANNEL_RATE,
) -> DispatchStats:
    """One tick: materialise due series points, expire old rows, then claim-and-send until nothing is due.

    Claimed rows are posted by channel lanes (bot.reminders.fanout): in parallel across channels, in order
    and paced within one. At most `in_flight` rows are claimed and not yet posted at any moment, so a crash
    leaves few rows to reconcile."""
    # UTC from here on: "now - grace" and comparisons with London points are then true instants, also in the
    # October hour that happens twice (London-to-London arithmetic and comparison is by wall time).
    now = (now or timeutil.now()).astimezone(UTC)
    grace = timedelta(hours=grace_hours)
    worker = worker or worker_id()
    stats = DispatchStats()
    clients = team_clients(client)
    clients.forget()  # tokens read afresh each pass: an uninstall or a rotation is seen at once
    recover_interrupted(db, clients, now, stats)
    with db.session() as s:
        stats.materialised = materialise(s, now) + ensure_weekly_digests(s, now)
        stats.missed = deliveries.expire(s, now, grace)
    outcomes: queue.Queue[Outcome | None] = queue.Queue()
    recorder = threading.Thread(target=_record_outcomes, args=(db, clients, outcomes, now, stats),
                                name="reminder-recorder", daemon=True)
    recorder.start()
    lanes: Lanes[Claimed] = Lanes(lambda item: outcomes.put(send(clients.for_team(item.team_id), item, db)),
                                  rate=channel_rate)
    try:
        for _ in range(max_batches):
            lanes.wait_below(in_flight - batch + 1)  # claim no further ahead than the lanes can post soon
            with db.session() as s:
                items = claim(s, now, worker, batch)
            if not items:
                break
            for item in items:
                lanes.put(item)
    finally:
        lanes.close()
        outcomes.put(None)
        recorder.join()
    if stats.sent or stats.failed or stats.missed:
        log.info("reminders.dispatched", sent=stats.sent, retried=stats.retried, failed=stats.failed,
                 missed=stats.missed, materialised=stats.materialised)
    return stats

