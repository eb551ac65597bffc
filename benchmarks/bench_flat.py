"""Do escalation raise and case-review re-lay stay flat as the delivery table fills? Prints figures only.

At each size the delivery table holds N escalations' worth of reminder rows (N x 12 rows, 90% settled, across
4 teams), and the escalations and case-review tables N rows each (2% / 3% open), bulk-inserted and ANALYZEd;
then 30 escalations are raised through the service (reference, rows, audit, the step reminders) and one case
review's reminders are re-laid 30 times (cancel and lay, as on every change). Medians in ms; "ratio" is the
largest size against the smallest (flat = 1.0).

    DATABASE_URL=postgresql://127.0.0.1:5432/test .venv/bin/python benchmarks/bench_flat.py
    DATABASE_URL=postgresql://127.0.0.1:5432/test .venv/bin/python benchmarks/bench_flat.py --quick
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, text

from bot.case_reviews import service as cases
from bot.case_reviews.reminders import sync
from bot.escalations import service as escalations
from bot.escalations.fields import Category
from bot.escalations.routes import snapshot_route
from bot.logs import configure
from bot.services import Services
from bot.settings import load_settings
from storage.case_reviews import CaseReview
from storage.db import Database
from storage.escalations import Escalation
from storage.reminders import ReminderOccurrence
from storage.scratch import create_scratch_database

TEAM = "TBENCH0"
TODAY = date(2026, 6, 1)


def fill(db: Database, start: int, stop: int) -> None:
    base = datetime(2025, 1, 1, 9, tzinfo=UTC)
    rows = [dict(team_id=f"TBENCH{i % 4}", source="escalation", source_ref=f"ESC-F{i // 12:06d}", key=f"k{i % 12}",
                 due_at=base + timedelta(minutes=i), attempt_at=base + timedelta(minutes=i), channel_id="CBENCH1",
                 text="ESC: due", state="sent" if i % 10 else "pending", attempts=1, created_at=base)
            for i in range(start * 12, stop * 12)]
    escs = [dict(team_id=f"TBENCH{i % 4}", ref=f"ESC-2025-F{i:06d}", partnership="warrington", raised_by=f"U{i % 300}",
                 case_ref="-", agency="Police", category="threshold", tried="t", outcome_wanted="o",
                 state="open" if i % 50 == 0 else "resolved", step=1, highest_step=1, route={}, day_one=base.date(),
                 step_started_on=base.date(), step_due_on=None, created_at=base, updated_at=base)
            for i in range(start, stop)]
    crs = [dict(team_id=f"TBENCH{i % 4}", ref=f"CR-2025-F{i:06d}", partnership="halton",
                state="notified" if i % 30 == 0 else "closed", notifier_id="U1", notifying_agency="police",
                criteria=["died"], age_band="1_4", agencies_involved=[], incident_on=base.date(),
                aware_on=base.date(), created_at=base, updated_at=base) for i in range(start, stop)]
    with db.session() as s:
        for k in range(0, len(rows), 5000):
            s.execute(insert(ReminderOccurrence), rows[k:k + 5000])
        for table, many in ((Escalation, escs), (CaseReview, crs)):
            for k in range(0, len(many), 5000):
                s.execute(insert(table), many[k:k + 5000])
    if not db.is_sqlite:
        with db.engine.connect() as conn:
            conn.execute(text("ANALYZE"))
            conn.commit()


def median_ms(fn, times: int = 30) -> float:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(times):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return statistics.median(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="sizes 100, 1,000, 3,000 instead of up to 10,000")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    configure("json", "WARNING")
    sizes = [100, 1_000, 3_000] if args.quick else [100, 1_000, 10_000]
    scratch = create_scratch_database(os.environ.get("DATABASE_URL"), prefix="sgb_bench_flat")
    db = Database(scratch.url)
    services = Services(settings=load_settings(database_url=scratch.url), db=db)
    route = snapshot_route(services.kb, "warrington")
    ts = cases.timescales(services.kb)
    with db.session() as s:
        case = cases.notify(s, team_id=TEAM, actor_id="UBENCH", form=cases.Notification(
            partnership="halton", notifying_agency="police", notifier_role=None, incident_on=TODAY - timedelta(30),
            aware_on=TODAY - timedelta(30), criteria=["abuse_or_neglect", "died"], age_band="1_4"))
        case.card_channel, case.card_ts, ref = "CBENCH1", "1.000100", case.ref
    raised = [0]

    def raise_one() -> None:
        raised[0] += 1
        req = escalations.RaiseRequest(partnership="warrington", case_ref=f"LCS-{raised[0]:06d}", agency="NSPCC",
                                       category=Category.THRESHOLD, tried="Talked to the duty manager.",
                                       outcome_wanted="Decision reviewed.")
        with db.session() as s:
            escalations.raise_escalation(s, team_id=TEAM, user_id="UMGR00001", request=req, route=route, today=TODAY)

    def relay() -> None:
        with db.session() as s:
            c = cases.get_case(s, TEAM, ref, for_update=True)
            assert c is not None
            sync(s, c, cases.deadlines_of(c, ts), TODAY)

    figures: dict[str, object] = {"database": db.engine.dialect.name}
    done = 0
    for n in sizes:
        fill(db, done, n)
        done = n
        figures[f"raise_ms_at_{n}"] = round(median_ms(raise_one), 2)
        figures[f"relay_ms_at_{n}"] = round(median_ms(relay), 2)
        print(f"{n:>6} escalations and case reviews ({n * 12:,} deliveries): raise {figures[f'raise_ms_at_{n}']} ms, "
              f"case re-lay {figures[f'relay_ms_at_{n}']} ms", file=sys.stderr)
    first, last = sizes[0], sizes[-1]
    figures["raise_ratio"] = round(figures[f"raise_ms_at_{last}"] / figures[f"raise_ms_at_{first}"], 2)  # type: ignore[operator]
    figures["relay_ratio"] = round(figures[f"relay_ms_at_{last}"] / figures[f"relay_ms_at_{first}"], 2)  # type: ignore[operator]
    db.dispose()
    scratch.drop()
    print(json.dumps(figures) if args.json else "\n".join(f"{k:<24} {v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
