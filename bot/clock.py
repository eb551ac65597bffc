"""The scheduler process (`safeguarding-bot clock`): APScheduler drives the jobs in bot/jobs.py."""

from __future__ import annotations

import signal
import threading

from apscheduler.schedulers.background import BackgroundScheduler
from slack_sdk import WebClient

from bot.jobs import register_jobs
from bot.logs import get_logger
from bot.services import Services
from bot.timeutil import LONDON

log = get_logger(__name__)


def build_scheduler(services: Services, client: WebClient | None = None) -> BackgroundScheduler:
    """`client` defaults to the configured Slack client (the console passes its local fake's)."""
    scheduler = BackgroundScheduler(timezone=LONDON, job_defaults={"coalesce": True, "max_instances": 1})
    register_jobs(scheduler, services, client)
    return scheduler


def start_in_process(services: Services, client: WebClient | None = None) -> BackgroundScheduler:
    """For single-process runners (console, Socket Mode): start the clock's scheduler beside the app."""
    scheduler = build_scheduler(services, client)
    scheduler.start()
    return scheduler


def run_clock(services: Services, stop: threading.Event | None = None) -> None:
    """Run until SIGTERM/SIGINT (or `stop` is set), then shut the scheduler down cleanly."""
    stop = stop or threading.Event()
    scheduler = build_scheduler(services)
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
    scheduler.start()
    log.info("clock.started", jobs=[j.id for j in scheduler.get_jobs()])
    try:
        stop.wait()
    finally:
        scheduler.shutdown(wait=True)
        log.info("clock.stopped")
