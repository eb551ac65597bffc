"""The clock process: jobs registered in one place, clean start and stop."""

from __future__ import annotations

import threading
import time

from bot.clock import build_scheduler, run_clock


def test_jobs_are_registered_in_one_place(services, fake_slack):
    scheduler = build_scheduler(services)
    ids = {job.id for job in scheduler.get_jobs()}
    assert ids == {"reminders.dispatch", "governance.retention", "deadlines.extend_overdue_reminders",
                   "knowledge.review_lists"}


def test_clock_starts_and_stops_cleanly(services, fake_slack):
    stop = threading.Event()
    thread = threading.Thread(target=run_clock, args=(services, stop), daemon=True)
    thread.start()
    time.sleep(0.5)
    assert thread.is_alive()
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive()

