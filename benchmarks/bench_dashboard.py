"""Dashboard page load on loopback: Sign in with Slack through the local fake, then GET /dashboard for a quarter
of 2,000 Warrington escalations and 50 case reviews (the pack benchmark's data), served by waitress in this
process. Prints the sign-in round trip, the first load (matplotlib imported and fonts found), and the median,
p95 and max of warm loads, with the page's size. Prints numbers; asserts nothing.

    .venv/bin/python benchmarks/bench_dashboard.py [--escalations 2000] [--cases 50] [--loads 10] [--json]
    DATABASE_URL=postgresql://127.0.0.1:5432/test .venv/bin/python benchmarks/bench_dashboard.py
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_insight import TEAM, seed
from harness import free_port, pct

from bot.app import create_app
from bot.authz import Role, grant
from bot.http import make_server, stop_server
from bot.localslack import LocalSlack
from bot.logs import configure
from bot.partnerships import get_workspace
from bot.services import Services
from bot.settings import load_settings
from storage.db import Database
from storage.scratch import create_scratch_database

QUARTER = "period=custom&since=2026-01-01&until=2026-03-31&partnership=warrington"


def _get(url: str, cookies: dict[str, str]) -> tuple[int, str | None, bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
    conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers)
    reply = conn.getresponse()
    body = reply.read()
    for key, value in reply.getheaders():
        if key.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            cookies[name] = rest.split(";", 1)[0]
    conn.close()
    return reply.status, reply.getheader("Location"), body


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--escalations", type=int, default=2000)
    ap.add_argument("--cases", type=int, default=50)
    ap.add_argument("--loads", type=int, default=10)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    configure("json", "WARNING")
    fake = LocalSlack(team_id=TEAM).start()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    scratch = create_scratch_database(os.environ.get("DATABASE_URL"), prefix="sgb_bench_dashboard")
    db = Database(scratch.url)
    server = thread = None
    try:
        from datetime import date

        seed(db, args.escalations, args.cases, date(2026, 1, 1))
        with db.session() as s:
            get_workspace(s, TEAM).partnership = "warrington"
            grant(s, TEAM, "UBENCHBU", Role.BUSINESS_UNIT)
        settings = load_settings(database_url=scratch.url, slack_bot_token="xoxb-bench", slack_signing_secret="s",
                                 slack_api_url=fake.api_url, dashboard_client_id="C1",
                                 dashboard_client_secret="bench-secret",
                                 dashboard_redirect_uri=f"{base}/dashboard/callback")
        fake.openid.register_client("C1", "bench-secret", f"{base}/dashboard/callback")
        fake.openid.sign_in_as("UBENCHBU", TEAM)
        services = Services(settings=settings, db=db)
        server = make_server(create_app(services), services, port=port)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()

        cookies: dict[str, str] = {}
        t0 = time.perf_counter()
        _, to_slack, _ = _get(f"{base}/dashboard/login", cookies)
        _, back, _ = _get(to_slack or "", {})
        _get(back or "", cookies)
        signin_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        status, _, page = _get(f"{base}/dashboard?{QUARTER}", cookies)
        first_s = time.perf_counter() - t0
        if status != 200:
            print(f"dashboard answered {status}", file=sys.stderr)
            return 1
        warm = []
        for _ in range(args.loads):
            t0 = time.perf_counter()
            _get(f"{base}/dashboard?{QUARTER}", cookies)
            warm.append(time.perf_counter() - t0)
    finally:
        if server is not None:
            stop_server(server, thread)
        db.dispose()
        scratch.drop()
        fake.stop()
    warm.sort()
    figures = {"database": "postgresql" if "postgresql" in scratch.url else "sqlite",
               "escalations": args.escalations, "case_reviews": args.cases, "signin_round_trip_s": round(signin_s, 3),
               "first_load_s": round(first_s, 3), "warm_loads": len(warm),
               "warm_median_s": round(statistics.median(warm), 3),
               "warm_p95_s": round(pct(warm, 0.95), 3), "warm_max_s": round(warm[-1], 3),
               "page_kb": round(len(page) / 1024, 1)}
    for k, v in figures.items():
        print(f"{k:>20}: {v}")
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
