"""Reminder engine figures: 10,000 active series. Prints numbers; asserts nothing.

    .venv/bin/python benchmarks/bench_reminders.py                  # SQLite in a temp dir
    DATABASE_URL=postgresql://127.0.0.1:5432/test .venv/bin/python benchmarks/bench_reminders.py
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from bot.context import Services
from bot.localslack import LocalSlack
from bot.logs import configure
from bot.reminders.due import at_nine, schedule_due
from bot.reminders.engine import dispatch_once, materialise, reset_cursor
from bot.reminders.recurrence import parse
from bot.settings import load_settings
from bot.slack import make_client
from bot.timeutil import LONDON
from storage.db import Database
from storage.reminders import ReminderSeries
from storage.scratch import create_scratch_database

SERIES = 10_000
MESSAGES = 1_000
RULES = ["every 2 months on the second Tuesday at 10:00", "quarterly on the first Monday", "monthly on the last "
         "Friday at 14:30", "every 6 months", "annually on 1 July", "every week on Wednesday at 09:30"]


def main() -> None:
    figures: dict[str, float | int | str] = {}
    configure("json", "WARNING")
    scratch = create_scratch_database(os.environ.get("DATABASE_URL"), prefix="sgb_bench")
    url = scratch.url
    db = Database(url)
    now = datetime(2026, 3, 2, 8, 0, tzinfo=LONDON)
    rng = random.Random(7)
    t0 = time.perf_counter()
    with db.session() as s:
        rows = []
        for i in range(SERIES):
            rule = parse(RULES[i % len(RULES)])
            row = ReminderSeries(team_id=f"T{i % 4}", kind="meeting", name=f"Group {i}", channel_id=f"C{i % 300:05d}",
                                 owner_id="UOWNER", recurrence=RULES[i % len(RULES)], rule=rule,
                                 first_date=date(2026, 1, 1) + timedelta(days=rng.randrange(60)),
                                 at_time=rule["time"] or "10:00", days_before=[7, 1], papers_working_days=5,
                                 state="active", skipped=[], created_at=now.astimezone(UTC))
            reset_cursor(row, now)
            rows.append(row)
        s.add_all(rows)
    print(f"setup: {SERIES} series written in {time.perf_counter() - t0:.1f} s ({db.engine.dialect.name})")

    fake = LocalSlack().start()
    settings = load_settings(database_url=url, slack_bot_token="xoxb-bench", slack_api_url=fake.api_url)
    services = Services(settings=settings, db=db)
    client = make_client(settings)

    from bot.clock import build_scheduler

    t0 = time.perf_counter()
    scheduler = build_scheduler(services, client)
    scheduler.start(paused=True)
    dispatch_once(db, client, grace_hours=6, now=now)  # the start-up catch-up tick: nothing due at 08:00
    startup = time.perf_counter() - t0
    scheduler.shutdown(wait=False)
    figures["clock_startup_ms"] = startup * 1000
    print(f"clock start-up (scheduler built and started, catch-up tick over {SERIES} series): {startup * 1000:.0f} ms")

    with db.session() as s:
        due_times = sorted(r for (r,) in s.execute(text("SELECT next_due_at FROM reminder_series")) if r)
    busiest = max(set(due_times), key=due_times.count)
    minute = busiest if isinstance(busiest, datetime) else datetime.fromisoformat(str(busiest))
    minute = minute.replace(tzinfo=minute.tzinfo or UTC)
    from sqlalchemy import select

    finds = []
    for _ in range(5):
        with db.session() as s:
            t0 = time.perf_counter()
            found = s.scalars(select(ReminderSeries.id).where(
                ReminderSeries.state == "active", ReminderSeries.next_due_at <= minute + timedelta(seconds=59))).all()
            finds.append(time.perf_counter() - t0)
    figures["busiest_minute_due"] = len(found)
    figures["busiest_minute_lookup_ms"] = sorted(finds)[2] * 1000
    print(f"find the due series for the busiest minute ({len(found)} due, every 09:00 reminder at once): "
          f"median {sorted(finds)[2] * 1000:.1f} ms")
    timings = []
    for _ in range(5):
        with db.session() as s:
            t0 = time.perf_counter()
            n = materialise(s, minute + timedelta(seconds=59), timedelta(hours=6))
            timings.append(time.perf_counter() - t0)
            s.rollback()
    print(f"  ... and compute + write their {n} occurrence rows with rendered blocks (one pass, capped at 2,000): "
          f"median {sorted(timings)[2] * 1000:.0f} ms ({sorted(timings)[2] / max(n, 1) * 1000:.2f} ms per series)")
    with db.session() as s:
        t0 = time.perf_counter()
        count = s.execute(text("SELECT count(*) FROM reminder_series WHERE state='active' AND next_due_at <= :t"),
                          {"t": (now + timedelta(minutes=1)).astimezone(UTC)}).scalar()
        quiet = time.perf_counter() - t0
    figures["quiet_minute_lookup_ms"] = quiet * 1000
    print(f"due-series lookup for a quiet minute ({count} due): {quiet * 1000:.1f} ms")

    send_at = datetime(2026, 3, 4, 9, 0, tzinfo=LONDON)
    with db.session() as s:
        for i in range(MESSAGES):
            schedule_due(s, team_id="T0", source="escalation", source_ref=f"ESC-2026-{i:04d}", key="step_due",
                         due_at=at_nine(date(2026, 3, 4)), channel_id=f"CBU{i % 10}", thread_ts=None,
                         text=f"ESC-2026-{i:04d}: step due")
        s.execute(text("UPDATE reminder_series SET state='paused'"))  # isolate the 1,000 messages
    fake.rate_limit_next("chat.postMessage", retry_after=1, times=2)
    fake.fail_next("chat.postMessage", "internal_error", times=5)
    t0 = time.perf_counter()
    stats = dispatch_once(db, client, grace_hours=6, now=send_at + timedelta(seconds=5), batch=100)
    elapsed = time.perf_counter() - t0
    figures["send_1000_s"] = elapsed
    figures["sent_first_pass"] = stats.sent
    print(f"send {MESSAGES} due messages to the local Slack API: {elapsed:.2f} s "
          f"(sent {stats.sent}, queued for retry {stats.retried}; two 429s with Retry-After 1 s honoured)")
    stats2 = dispatch_once(db, client, grace_hours=6, now=send_at + timedelta(minutes=2))
    print(f"retry pass a minute later: sent {stats2.sent}; posts recorded by the fake: "
          f"{len(fake.calls_to('chat.postMessage'))} (= {MESSAGES} + 7 faulted attempts)")
    figures["sent_after_retry"] = stats2.sent
    fake.stop()
    db.dispose()
    scratch.drop()
    figures["database"] = db.engine.dialect.name
    if "--json" in sys.argv:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
