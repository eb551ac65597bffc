"""Escalation figures: the window rule's throughput; raise and advance end to end over signed HTTP (until both
cards are posted/updated on the local Slack API); list, report and digest with many escalations.
Prints numbers; asserts nothing.

    .venv/bin/python benchmarks/bench_escalations.py [--raises 40] [--rows 2000] [--json]   # SQLite in a temp dir
    DATABASE_URL=postgresql://127.0.0.1:5432/test .venv/bin/python benchmarks/bench_escalations.py
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import threading
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import SECRET, TEAM, post_signed, summary_ms

from bot import payloads
from bot.app import create_app
from bot.authz import Role, grant
from bot.escalations import report, service
from bot.escalations.fields import Category
from bot.escalations.ids import VALUE, ActionId, BlockId
from bot.escalations.routes import snapshot_route
from bot.escalations.windows import window_close
from bot.http import make_server
from bot.localslack import LocalSlack
from bot.logs import configure
from bot.partnerships import get_workspace
from bot.services import Services
from bot.settings import load_settings
from knowledge.models import StepWindow
from storage.db import Database
from storage.scratch import create_scratch_database

MANAGER = "UBENCHMGR1"
BU = "UBENCHBU01"
CHANNEL = "CBENCHESC1"


def bench_rule(n: int = 100_000) -> dict[str, float]:
    rng = random.Random(5)
    windows = [StepWindow(start_day=1, end_day=1), StepWindow(start_day=3, end_day=9),
               StepWindow(start_day=9, end_day=14), StepWindow(start_day=16, end_day=21)]
    cases = [(date(2026, 1, 1) + timedelta(days=rng.randrange(730)), rng.randrange(30), rng.choice(windows))
             for _ in range(n)]
    t0 = time.perf_counter()
    for first, late, window in cases:
        window_close(first, first + timedelta(days=late), window)
    return {"calls": n, "us_per_call": 1e6 * (time.perf_counter() - t0) / n}


def _values() -> dict[str, Any]:
    def txt(v: str) -> dict[str, Any]:
        return {VALUE: {"type": "plain_text_input", "value": v}}

    def sel(v: str) -> dict[str, Any]:
        return {VALUE: {"type": "static_select", "selected_option": {"text": {"type": "plain_text", "text": v},
                                                                      "value": v}}}

    return {BlockId.PARTNERSHIP: sel("warrington"), BlockId.CASE_REF: txt("LCS-204518"),
            BlockId.AGENCY_OTHER: txt("Cheshire Constabulary"), BlockId.CATEGORY: sel("threshold"),
            BlockId.TRIED: txt("Discussed twice with the duty manager."),
            BlockId.OUTCOME_WANTED: txt("Strategy discussion held this week.")}


def bench_http(services: Services, fake: LocalSlack, raises: int) -> dict[str, Any]:
    app = create_app(services)
    server = make_server(app, services)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    host, port = server.socket.getsockname()[:2]
    base = f"http://{host}:{port}"
    raise_s, advance_s, refs = [], [], []
    try:
        for _ in range(raises):
            n_open = len(fake.calls_to("views.open"))
            body, ctype = payloads.command_body("/escalate", "", team_id=TEAM, user_id=MANAGER, channel_id=CHANNEL,
                                                response_url=fake.response_url(uuid.uuid4().hex))
            post_signed(base, body, ctype)
            view = fake.wait_for("views.open", count=n_open + 1)[-1]["view"]
            n_posts = len(fake.calls_to("chat.postMessage"))
            body, ctype = payloads.view_submission_body(view, _values(), team_id=TEAM, user_id=MANAGER)
            t0 = time.perf_counter()
            post_signed(base, body, ctype)
            posts = fake.wait_for("chat.postMessage", count=n_posts + 2)
            raise_s.append(time.perf_counter() - t0)
            refs.append(next(p["text"] for p in posts[n_posts:] if p["channel"] == MANAGER).split()[1].rstrip(":"))
        time.sleep(0.2)  # the last card's ts is saved after the post
        for ref in refs:
            n_open = len(fake.calls_to("views.open"))
            action = {"type": "button", "action_id": ActionId.ADVANCE.value, "block_id": "b", "value": ref}
            body, ctype = payloads.block_actions_body(action, team_id=TEAM, user_id=MANAGER, channel_id=CHANNEL,
                                                      response_url=fake.response_url(uuid.uuid4().hex))
            post_signed(base, body, ctype)
            view = fake.wait_for("views.open", count=n_open + 1)[-1]["view"]
            n_upd = len(fake.calls_to("chat.update"))
            values = {BlockId.TEXT: {VALUE: {"type": "plain_text_input", "value": "No agreement at step 1."}}}
            body, ctype = payloads.view_submission_body(view, values, team_id=TEAM, user_id=MANAGER)
            t0 = time.perf_counter()
            acked = post_signed(base, body, ctype)
            if acked:
                raise SystemExit(f"advance refused: {acked[:300]}")
            fake.wait_for("chat.update", count=n_upd + 2)
            advance_s.append(time.perf_counter() - t0)
        list_s = []
        for _ in range(20):
            n = len(fake.calls_to("response_url"))
            body, ctype = payloads.command_body("/escalate", "list", team_id=TEAM, user_id=BU, channel_id=CHANNEL,
                                                response_url=fake.response_url(uuid.uuid4().hex))
            t0 = time.perf_counter()
            post_signed(base, body, ctype)
            fake.wait_for("response_url", count=n + 1)
            list_s.append(time.perf_counter() - t0)
    finally:
        server.close()
        thread.join(timeout=5)
    return {"raise_to_both_cards": summary_ms(raise_s), "advance_to_both_updates": summary_ms(advance_s),
            "list_partnership": summary_ms(list_s), "raises": raises}


def seed(services: Services, rows: int) -> float:
    rng = random.Random(11)
    route = snapshot_route(services.kb, "warrington")
    agencies = ["NSPCC", "Torus", "Cheshire Constabulary", "Bridgewater Community Healthcare", "CAFCASS"]
    t0 = time.perf_counter()
    with services.db.session() as s:
        for i in range(rows):
            day = date(2025, 1, 1) + timedelta(days=rng.randrange(600))
            req = service.RaiseRequest(partnership="warrington", case_ref=f"LCS-{i:06d}", agency=rng.choice(agencies),
                                       category=rng.choice(list(Category)), tried="Talked to the duty manager.",
                                       outcome_wanted="Decision reviewed.")
            esc = service.raise_escalation(s, team_id=TEAM, user_id=f"UMGR{i % 50:05d}", request=req, route=route,
                                           today=day)
            if rng.random() < 0.4:
                service.advance(s, esc, actor=esc.raised_by, reason="No agreement", today=day + timedelta(days=3))
            if rng.random() < 0.6:
                service.resolve(s, esc, actor=esc.raised_by, outcome="Agreed", today=day + timedelta(days=9))
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--raises", type=int, default=40)
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    configure("json", "WARNING")
    scratch = create_scratch_database(os.environ.get("DATABASE_URL"), prefix="sgb_bench")
    url = scratch.url
    fake = LocalSlack(team_id=TEAM).start()
    fake.add_channel(CHANNEL)  # the fake refuses ids it does not know, as Slack does
    fake.add_user(MANAGER, BU)
    settings = load_settings(database_url=url, slack_bot_token="xoxb-bench", slack_signing_secret=SECRET,
                             slack_api_url=fake.api_url, log_format="json", log_level="WARNING")
    services = Services(settings=settings, db=Database(url))
    with services.db.session() as s:
        ws = get_workspace(s, TEAM)
        ws.partnership, ws.escalation_channel = "warrington", CHANNEL
        grant(s, TEAM, MANAGER, Role.MANAGER)
        grant(s, TEAM, BU, Role.BUSINESS_UNIT)
    out: dict[str, Any] = {"database": "postgresql" if scratch.is_postgres else "sqlite", "rule": bench_rule()}
    seeded = seed(services, args.rows)
    out["seed"] = {"rows": args.rows, "ms_per_raise_domain": 1000 * seeded / args.rows}
    out["http"] = bench_http(services, fake, args.raises)
    with services.db.session() as s:
        t0 = time.perf_counter()
        r = report.build(s, partnership="warrington", since=date(2025, 1, 1), today=date(2026, 11, 23))
        report.to_csv(r)
        out["report_ms"] = 1000 * (time.perf_counter() - t0)
        t0 = time.perf_counter()
        items = service.digest_items(s, TEAM)
        out["digest_ms"] = 1000 * (time.perf_counter() - t0)
        out["open_escalations"] = len(items)
    fake.stop()
    services.db.dispose()
    scratch.drop()
    if args.json:
        print(json.dumps(out))
    else:
        print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
