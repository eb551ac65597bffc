"""Modal submissions at once: N people press "Submit" on the case review notification form together.

The app runs as `safeguarding-bot serve --http` in its own process (as deployed) with a real database
(SQLite in a temp dir, or a private PostgreSQL database with DATABASE_URL); every Slack call after the ack
(the card, the confirmation DM) takes --latency seconds at the fake, which runs in this process.
Prints when each submission was acknowledged, counted
from the moment all were sent, and whether every case was stored and confirmed. Asserts nothing.

    .venv/bin/python benchmarks/bench_modals.py --submissions 50 --latency 0.15
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import SECRET, TEAM, cpu_seconds, free_port, start_server

from bot.case_reviews.ids import CallbackId
from bot.localslack import LocalSlack
from bot.logs import configure
from storage.case_reviews import CaseReview
from storage.db import Database
from storage.scratch import create_scratch_database
from tests.case_reviews.helpers import BU_CHANNEL, form
from tests.case_reviews.helpers import configure as configure_workspace
from tests.slackclient import SignedSlack


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--submissions", type=int, default=50)
    ap.add_argument("--latency", type=float, default=0.15)
    ap.add_argument("--port", type=int, default=0, help="0 (default): a free port")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    args.port = args.port or free_port()
    configure("json", "WARNING")
    scratch = create_scratch_database(os.environ.get("DATABASE_URL"), prefix="sgb_bench_modals")
    fake = LocalSlack(team_id=TEAM).start()
    fake.set_latency(args.latency)
    fake.add_channel(BU_CHANNEL)
    db = Database(scratch.url)
    configure_workspace(db, team_id=TEAM)
    proc = start_server(args.port, fake.api_url, scratch.url)
    slack = SignedSlack(f"http://127.0.0.1:{args.port}", SECRET, fake, team_id=TEAM)
    view = {"callback_id": CallbackId.NOTIFY.value, "private_metadata": json.dumps({"channel_id": ""})}
    users = [f"UBENCH{i:04d}" for i in range(args.submissions)]
    for user in users:
        fake.add_user(user)
    gate = threading.Barrier(args.submissions)
    # A running server has served before: one submission first loads the holiday calendar and starts threads.
    fake.add_user("UBENCHWARM")
    slack.submit(view, form(), user="UBENCHWARM")
    fake.wait_for("chat.postMessage", count=2, timeout=30)
    fake.calls.clear()

    def submit(user: str) -> tuple[int, float, str]:
        gate.wait()
        t0 = time.perf_counter()
        resp = slack.submit(view, form(), user=user)
        return resp.status, time.perf_counter() - t0, resp.text

    try:
        cpu0 = cpu_seconds(proc.pid)
        with ThreadPoolExecutor(args.submissions) as pool:
            results = list(pool.map(submit, users))
        cpu_acked = cpu_seconds(proc.pid) - cpu0  # the server's CPU until the last ack came back
        deadline = time.time() + 60
        while len(fake.calls_to("chat.postMessage")) < 2 * args.submissions and time.time() < deadline:
            time.sleep(0.1)
        cpu_all = cpu_seconds(proc.pid) - cpu0
        with db.session() as s:
            stored = s.query(CaseReview).count() - 1
        database = "postgresql" if scratch.is_postgres else "sqlite"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        fake.stop()
        db.dispose()
        scratch.drop()
    acks = sorted(r[1] * 1000 for r in results)
    for r in results:
        if r[0] != 200 or r[2]:
            print("not acked plainly:", r[0], r[2][:200], file=sys.stderr)
    out = {"slack_latency_ms": args.latency * 1000, "submissions": args.submissions,
           "acked_200": sum(1 for r in results if r[0] == 200 and not r[2]),
           "ack_p50_ms": acks[len(acks) // 2], "ack_max_ms": acks[-1], "cases_stored": stored,
           "slack_posts": len(fake.calls_to("chat.postMessage")),
           "server_cpu_until_last_ack_ms": cpu_acked * 1000,
           "server_cpu_per_submission_ms": cpu_all / args.submissions * 1000,
           "load_average": os.getloadavg()[0], "database": database}
    if args.json:
        print(json.dumps(out))
    else:
        print(f"{out['submissions']} concurrent case-review submissions at {out['slack_latency_ms']:.0f} ms Slack "
              f"latency ({out['database']}): acked {out['acked_200']}, ack p50 {out['ack_p50_ms']:.0f} ms, "
              f"max {out['ack_max_ms']:.0f} ms; stored {out['cases_stored']}; card+confirmation posts "
              f"{out['slack_posts']}; server CPU until the last ack {out['server_cpu_until_last_ack_ms']:.0f} ms, "
              f"{out['server_cpu_per_submission_ms']:.1f} ms per submission in all (load average "
              f"{out['load_average']:.1f}: the machine is shared, wall-clock figures include waiting for a CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
