"""Insight figures: time to build the quarterly QA pack (measures + 6 charts as PNG and SVG + CSVs + index.html)
for 2,000 escalations and 50 case reviews. Prints numbers; asserts nothing; no Slack call is made.

    .venv/bin/python benchmarks/bench_insight.py [--escalations 2000] [--cases 50] [--json]   # SQLite, temp dir
    DATABASE_URL=postgresql://127.0.0.1:5432/test .venv/bin/python benchmarks/bench_insight.py
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.case_reviews import service as cases
from bot.case_reviews.states import Action
from bot.escalations import service as escalations
from bot.escalations.fields import Category
from bot.escalations.routes import snapshot_route
from bot.insight import measures, pack
from bot.logs import configure
from knowledge import load_knowledge_base
from storage.db import Database
from storage.scratch import create_scratch_database

TEAM = "TBENCH"
AGENCIES = ["Children's social care", "Cheshire Police", "Warrington and Halton Hospitals", "A primary school",
            "Torus housing", "Probation"]


def seed(db: Database, n_esc: int, n_cases: int, since: date) -> None:
    kb = load_knowledge_base()
    route = snapshot_route(kb, "warrington")
    rng = random.Random(11)
    with db.session() as s:
        for i in range(n_esc):
            day = since + timedelta(days=rng.randrange(85))
            esc = escalations.raise_escalation(s, team_id=TEAM, user_id="UBENCH", request=escalations.RaiseRequest(
                partnership="warrington", case_ref="-", agency=AGENCIES[i % len(AGENCIES)],
                category=Category.THRESHOLD, tried="-", outcome_wanted="-"), route=route, today=day)
            if rng.random() < 0.6:
                escalations.advance(s, esc, actor="UBENCH", reason="-",
                                    today=day + timedelta(days=rng.randrange(1, 6)))
            if rng.random() < 0.7:
                escalations.resolve(s, esc, actor="UBENCH", outcome="-",
                                    today=day + timedelta(days=rng.randrange(6, 15)))
        for _ in range(n_cases):
            aware = since + timedelta(days=rng.randrange(60))
            case = cases.notify(s, team_id=TEAM, actor_id="UBENCH", form=cases.Notification(
                partnership="warrington", notifying_agency="police", notifier_role=None, incident_on=aware,
                aware_on=aware, criteria=["seriously_harmed"], age_band="5_10"))
            cases.apply_transition(s, case, Action.CONSULT_PARTNERS, actor_id="UBENCH", happened_on=aware)
            cases.apply_transition(s, case, Action.SUBMIT_NOTIFICATION, actor_id="UBENCH",
                                   happened_on=aware + timedelta(days=rng.randrange(2, 9)))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--escalations", type=int, default=2000)
    ap.add_argument("--cases", type=int, default=50)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    configure("json", "WARNING")
    since, until = date(2026, 1, 1), date(2026, 3, 31)
    scratch = create_scratch_database(os.environ.get("DATABASE_URL"), prefix="sgb_bench_insight")
    db = Database(scratch.url)
    try:
        t0 = time.perf_counter()
        seed(db, args.escalations, args.cases, since)
        seed_s = time.perf_counter() - t0
        scales = cases.timescales()
        period = measures.Period("warrington", since, until, TEAM)
        t0 = time.perf_counter()
        with db.session() as s:
            m = measures.build(s, period, scales, date(2026, 4, 1))
        measures_s = time.perf_counter() - t0
        with tempfile.TemporaryDirectory() as out:
            t0 = time.perf_counter()
            files = pack.write(m, scales, Path(out))
            pack_s = time.perf_counter() - t0
    finally:
        db.dispose()
        scratch.drop()
    figures = {"database": "postgresql" if "postgresql" in scratch.url else "sqlite", "escalations": args.escalations,
               "case_reviews": args.cases, "seed_s": round(seed_s, 2), "measures_s": round(measures_s, 3),
               "charts_and_files_s": round(pack_s, 3), "pack_total_s": round(measures_s + pack_s, 3),
               "files": len(files)}
    for k, v in figures.items():
        print(f"{k:>20}: {v}")
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
