"""Case review figures: deadline rule throughput, and list/digest/reminder re-lay with many open cases.
Prints numbers; asserts nothing.

    .venv/bin/python benchmarks/bench_case_reviews.py [--cases 2000] [--json]         # SQLite in a temp dir
    DATABASE_URL=postgresql://127.0.0.1:5432/test .venv/bin/python benchmarks/bench_case_reviews.py
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from bot.case_reviews import service
from bot.case_reviews.deadlines import compute
from bot.case_reviews.reminders import resync_all, sync
from bot.case_reviews.service import Notification
from bot.logs import configure
from storage.db import Database
from storage.scratch import create_scratch_database

TEAM = "TBENCH"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    configure("json", "WARNING")
    ts = service.timescales()
    rng = random.Random(7)
    days = [date(2026, 1, 1) + timedelta(days=rng.randrange(730)) for _ in range(20_000)]
    t0 = time.perf_counter()
    for d in days:
        compute(ts, aware=d, notified=d + timedelta(days=3), review_decision=d + timedelta(days=40))
    rule_per_s = len(days) / (time.perf_counter() - t0)

    scratch = create_scratch_database(os.environ.get("DATABASE_URL"), prefix="sgb_bench")
    url = scratch.url
    db = Database(url)
    today = date(2026, 6, 1)
    t0 = time.perf_counter()
    for i in range(args.cases):
        aware = today - timedelta(days=rng.randrange(40))
        with db.session() as s:
            case = service.notify(s, team_id=TEAM, actor_id="UBENCH", form=Notification(
                partnership="halton", notifying_agency="police", notifier_role=None, incident_on=aware,
                aware_on=aware, criteria=["abuse_or_neglect", "died"], age_band="1_4"))
            case.card_channel, case.card_ts = "CBENCH", f"{i}.000100"
            sync(s, case, service.deadlines_of(case, ts), today)
    notify_ms = (time.perf_counter() - t0) / args.cases * 1000

    def timed(fn):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        with db.session() as s:
            out = fn(s)
        return (time.perf_counter() - t) * 1000, out

    list_ms, rows = timed(lambda s: service.open_cases(s, TEAM, ts, today))
    digest_ms, items = timed(lambda s: service.digest_items(s, TEAM, scales=ts, today=today))
    resync_ms, laid = timed(lambda s: resync_all(s, ts, today))
    db.dispose()
    scratch.drop()
    figures = {
        "database": "postgresql" if scratch.is_postgres else "sqlite",
        "deadline_rule_per_s": round(rule_per_s),
        "open_cases": len(rows),
        "notify_with_reminders_ms_per_case": round(notify_ms, 2),
        "list_open_cases_ms": round(list_ms, 1),
        "digest_items_ms": round(digest_ms, 1),
        "overdue_items": sum(1 for i in items if i.overdue),
        "resync_all_reminders_ms": round(resync_ms, 1),
        "reminders_laid": laid,
    }
    for k, v in figures.items():
        print(f"{k:<36} {v}")
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
