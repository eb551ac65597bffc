"""What OAuth installs cost a request: the same `/safeguarding help` commands to the app in single-workspace mode
(environment token) and in OAuth mode (two installed workspaces, each request authorised from the installation
store), served in this process on loopback with the local fake Slack. Prints ack times, database statements per
request and Slack calls per request for each mode. Asserts nothing.

    .venv/bin/python benchmarks/bench_workspaces.py --requests 200
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import pct
from sqlalchemy import event

from bot.app import create_app
from bot.http import make_server, stop_server
from bot.localslack import LocalSlack
from bot.logs import configure
from bot.services import Services
from bot.settings import load_settings
from storage.db import Database
from storage.scratch import create_scratch_database
from tests.slackclient import SignedSlack
from tests.workspaces.conftest import Browser

SECRET = "bench-signing-secret"
CLIENT_ID, CLIENT_SECRET = "9999.8888", "bench-client-secret"
TEAMS = ("TBENCHA01", "TBENCHB02")


def run(mode: str, requests: int, fake: LocalSlack) -> dict[str, float]:
    scratch = create_scratch_database(os.environ.get("DATABASE_URL"), prefix="sgb_bench_ws")
    fake.reset()
    creds = ({"slack_bot_token": "xoxb-bench"} if mode == "single" else
             {"slack_client_id": CLIENT_ID, "slack_client_secret": CLIENT_SECRET})
    settings = load_settings(database_url=scratch.url, slack_signing_secret=SECRET, slack_api_url=fake.api_url,
                             log_level="WARNING", **creds)
    db = Database(scratch.url)
    services = Services(settings=settings, db=db)
    app = create_app(services)
    server = make_server(app, services)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    host, port = server.socket.getsockname()[:2]
    url = f"http://{host}:{port}"
    if mode == "oauth":
        fake.oauth.register_app(CLIENT_ID, CLIENT_SECRET, f"{url}/slack/oauth_redirect")
        for team in TEAMS:
            Browser(url, fake).install(team, "UINSTALL" + team[-2:], "halton")
    statements = [0]
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.__setitem__(0, statements[0] + 1))
    before_calls = len(fake.calls)
    acks: list[float] = []
    for i in range(requests):
        slack = SignedSlack(url, SECRET, fake, team_id=TEAMS[i % 2])
        acks.append(slack.command("/safeguarding", "help", user=f"U{i % 20:08d}", channel="CBENCH01").elapsed)
    fake.wait_for("response_url", count=requests, timeout=60)
    time.sleep(0.5)  # listeners finish after the ack
    calls = fake.calls[before_calls:]
    stop_server(server, thread)
    app.listener_runner.listener_executor.shutdown(wait=True)  # type: ignore[attr-defined]
    db.dispose()
    scratch.drop()
    return {"ack_p50_ms": 1000 * pct(acks, 0.5), "ack_p95_ms": 1000 * pct(acks, 0.95),
            "db_statements_per_request": statements[0] / requests, "slack_calls_per_request": len(calls) / requests,
            "auth_test_calls": sum(1 for c in calls if c.method == "auth.test")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=200)
    args = ap.parse_args()
    configure("console", "WARNING")
    fake = LocalSlack().start()
    try:
        for mode in ("single", "oauth"):
            figures = run(mode, args.requests, fake)
            print(f"{mode:6s} " + "  ".join(f"{k}={v:.2f}" for k, v in figures.items()))
    finally:
        fake.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
