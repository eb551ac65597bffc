"""Every scheduled job, registered in this one visible place (never by import side effects).

Jobs hold no state: the database is the source of truth, so APScheduler's in-memory store is enough and two
clock processes may run side by side (the dispatcher's claims keep every reminder to one post).
"""

from __future__ import annotations

from datetime import datetime

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from slack_sdk import WebClient

from bot.logs import get_logger
from bot.services import Services
from bot.slack import TeamClients
from bot.timeutil import LONDON

log = get_logger(__name__)
DISPATCH_EVERY_SECONDS = 20


def dispatch_reminders(services: Services, client: WebClient | TeamClients) -> None:
    """Meeting reminders, case-review and escalation deadlines, snoozes and the Monday digest: one engine."""
    from bot.reminders.engine import dispatch_once

    try:
        dispatch_once(services.db, client, grace_hours=services.settings.reminder_grace_hours)
    except Exception as exc:  # a database outage must not kill the scheduler; the next tick catches up
        log.error("jobs.dispatch_failed", error=type(exc).__name__)


def apply_retention(services: Services) -> None:
    """Nightly: closed case reviews and escalations past RETENTION_MONTHS are reduced to their audit trail."""
    from bot.governance.retention import run_retention

    try:
        report = run_retention(services, dry_run=False)
        log.info("jobs.retention_done", reduced={k: len(v) for k, v in report.reduced.items()})
    except Exception as exc:
        log.error("jobs.retention_failed", error=type(exc).__name__)


def extend_overdue_reminders(services: Services) -> None:
    """Daily: re-lay open case reviews' and escalations' reminders, so 'each working day while overdue' runs
    (laid 10 working days ahead) never end early."""
    from bot.case_reviews.reminders import resync_all as resync_case_reviews
    from bot.case_reviews.service import timescales
    from bot.escalations.reminders import resync_all as resync_escalations
    from bot.timeutil import now

    try:
        with services.db.session() as s:
            cases = resync_case_reviews(s, timescales(services.kb), now())
            escalations = resync_escalations(s)
        log.info("jobs.overdue_reminders_extended", case_reviews=cases, escalations=escalations)
    except Exception as exc:
        log.error("jobs.overdue_reminders_failed", error=type(exc).__name__)


def lay_knowledge_reviews(services: Services) -> None:
    """Hourly (idempotent, keyed by month and week): the month's knowledge review list for each business-unit
    channel and the week's gaps DM for each business-unit member, laid as delivery rows the one engine posts
    exactly once."""
    from bot.kbedit.gaps import ensure_gap_digests
    from bot.kbedit.reminders import ensure_review_lists
    from bot.timeutil import now

    try:
        services.knowledge.refresh()  # each workspace's approved versions as they are now
        with services.db.session() as s:
            ensure_review_lists(s, services.kb_for, now())
            ensure_gap_digests(s, services.kb_for, now())
    except Exception as exc:
        log.error("jobs.knowledge_reviews_failed", error=type(exc).__name__)


def register_jobs(scheduler: BaseScheduler, services: Services, client: WebClient | None = None) -> None:
    """Add the product's jobs to `scheduler`. Capabilities add theirs here, one line each."""
    from bot.workspaces.tokens import team_clients

    clients = team_clients(services, client)  # each row's workspace's token (one in single-workspace mode)
    # Runs at once on start (restart catch-up within the grace period), then every 20 s. Occurrence times are
    # computed by the product in London wall time, so this is a plain interval, not a cron in the host's zone.
    scheduler.add_job(dispatch_reminders, IntervalTrigger(seconds=DISPATCH_EVERY_SECONDS, timezone=LONDON),
                      args=(services, clients), id="reminders.dispatch", next_run_time=datetime.now(LONDON),
                      replace_existing=True)
    # 03:30 London exists exactly once on both clock-change nights (the change happens between 01:00 and 02:00).
    scheduler.add_job(apply_retention, CronTrigger(hour=3, minute=30, timezone=LONDON), args=(services,),
                      id="governance.retention", replace_existing=True)
    scheduler.add_job(lay_knowledge_reviews, CronTrigger(minute=5, timezone=LONDON), args=(services,),
                      id="knowledge.review_lists", replace_existing=True)
    scheduler.add_job(extend_overdue_reminders, CronTrigger(hour=6, minute=0, timezone=LONDON),
                      args=(services,), id="deadlines.extend_overdue_reminders", replace_existing=True)
