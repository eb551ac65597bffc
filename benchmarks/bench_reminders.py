"""Reminder engine figures: 10,000 active series, then 1,000 reminders due at once across 200 channels sent
by two clocks against a fake Slack that answers in --latency seconds (default 100 ms) and paces
chat.postMessage per channel as Slack does (about 1/s with short bursts, 429 with Retry-After beyond).
Prints numbers, including how many times each reminder was posted; asserts nothing.

    .venv/bin/python benchmarks/bench_reminders.py                  # SQLite in a temp dir
    DATABASE_URL=postgresql://127.0.0.1:5432/test .venv/bin/python benchmarks/bench_reminders.py
    .venv/bin/python benchmarks/bench_reminders.py --quick          # 2,000 series
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import threading
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from bot.localslack import LocalSlack
from bot.logs import configure
from bot.reminders.due import schedule_due
from bot.reminders.engine import dispatch_once, materialise, reset_cursor
from bot.reminders.recurrence import parse
from bot.services import Services
from bot.settings import load_settings
from bot.slack import make_client
from bot.timeutil import LONDON, at_nine
from storage.db import Database
from storage.reminders import ReminderSeries
from storage.scratch import create_scratch_database

SERIES = int(os.environ.get("BENCH_SERIES", "10000"))
MESSAGES = 1_000
CHANNELS = 200
RULES = ["every 2 months on the second Tuesday at 10:00", "quarterly on the first Monday", "monthly on the last "
         "Friday at 14:30", "every 6 months", "annually on 1 July", "every week on Wednesday at 09:30"]


def two_clocks(url: str, api_url: str, now: datetime, clocks: int = 2) -> tuple[float, list[int]]:
    """Both clocks tick at the same moment, each with its own engine and client, as two processes would."""
    sent: list[int] = []
    barrier = threading.Barrier(clocks)

    def clock(name: str) -> None:
        own = Database(url)
        client = make_client(load_settings(database_url=url, slack_bot_token="xoxb-bench", slack_api_url=api_url))
        barrier.wait()
        sent.append(dispatch_once(own, client, grace_hours=6, now=now, worker=name).sent)
        own.dispose()

    threads = [threading.Thread(target=clock, args=(f"bench-clock-{i}",)) for i in range(1, clocks + 1)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0, sent


def main() -> None:
    global SERIES
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--latency", type=float, default=0.1, help="seconds each Slack call takes (default 0.1)")
    ap.add_argument("--quick", action="store_true", help="2,000 series instead of 10,000")
    ap.add_argument("--clocks", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.quick:
        SERIES = 2_000
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
            n = materialise(s, minute + timedelta(seconds=59))
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
                         due_at=at_nine(date(2026, 3, 4)), channel_id=f"CBU{i % CHANNELS:04d}", thread_ts=None,
                         text=f"ESC-2026-{i:04d}: step due")
        s.execute(text("UPDATE reminder_series SET state='paused'"))  # isolate the 1,000 messages
    fake.add_channel(*(f"CBU{c:04d}" for c in range(CHANNELS)))
    fake.set_latency(args.latency)
    fake.rate_limits = True
    fake.calls.clear()
    elapsed, sent = two_clocks(url, fake.api_url, send_at + timedelta(seconds=5), args.clocks)
    posts = Counter(c["metadata"]["event_payload"]["id"] for c in fake.calls_to("chat.postMessage") if c.get("_ok"))
    limited = sum(1 for c in fake.calls_to("chat.postMessage") if c.get("_status") == 429)
    figures["slack_latency_ms"] = args.latency * 1000
    figures["send_1000_200_channels_two_clocks_s"] = elapsed
    figures["sent_by_clocks"] = "+".join(str(n) for n in sorted(sent))
    figures["posted_exactly_once"] = sum(1 for n in posts.values() if n == 1)
    figures["posted_twice_or_more"] = sum(1 for n in posts.values() if n > 1)
    figures["answered_429"] = limited
    print(f"send {MESSAGES} due reminders across {CHANNELS} channels with two clocks, Slack at "
          f"{args.latency * 1000:.0f} ms and paced per channel: {elapsed:.2f} s (clocks sent {sent}); "
          f"posted exactly once {figures['posted_exactly_once']}, more than once {figures['posted_twice_or_more']}; "
          f"429s answered {limited}")
    fake.stop()
    db.dispose()
    scratch.drop()
    figures["database"] = db.engine.dialect.name
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
