"""Scale out on one PostgreSQL: N web processes (`safeguarding-bot serve --http`, OAuth installs) taking requests
in turn (round-robin by the sender, one port each, on loopback) and M clock processes (`safeguarding-bot clock`),
four installed workspaces each with its own token, during a burst of questions and escalations (raised, then
moved to step 2) while 1,000 due deadline reminders (case reviews' and escalations') wait for the clocks. The
local fake Slack (this process) records every call and its token; this prints, per workspace, what was posted
and how often. It asserts nothing (tests/workspaces/test_scaleout.py runs it smaller and checks the counts).

    createdb -h 127.0.0.1 scale14   # or psql: CREATE DATABASE scale14
    DATABASE_URL=postgresql://127.0.0.1:5432/scale14 .venv/bin/python benchmarks/bench_scaleout.py --webs 3
    DATABASE_URL=postgresql://127.0.0.1:5432/scale14 .venv/bin/python benchmarks/bench_scaleout.py --webs 1
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import QUESTIONS, ROOT, free_port, pct, start_server
from sqlalchemy import func, select

from bot import payloads
from bot.authz import Role, grant
from bot.escalations.ids import VALUE, ActionId, BlockId
from bot.localslack import LocalSlack
from bot.partnerships import get_workspace
from bot.reminders.due import schedule_due
from bot.timeutil import now as london_now
from storage.case_reviews import CaseReview
from storage.db import Database
from storage.escalations import Escalation
from storage.reminders import ReminderOccurrence
from tests.case_reviews.helpers import form
from tests.slackclient import SignedSlack, date_value, select_value
from tests.workspaces.conftest import Browser

SECRET = "bench-signing-secret-" + "0" * 11
CLIENT_ID, CLIENT_SECRET = "7777.6666", "bench-client-secret-" + "0" * 12
TEAMS = {"TSCALEA01": "halton", "TSCALEB02": "wirral", "TSCALEC03": "warrington",
         "TSCALED04": "cheshire-west-and-chester"}


@dataclass
class Load:
    webs: int = 3
    clocks: int = 2
    reminders: int = 1000
    questions: int = 200
    escalations: int = 3  # per workspace, each raised then moved to step 2
    case_reviews: int = 3  # per workspace, notified through the modal
    channels: int = 200


@dataclass
class Result:
    """What the fake Slack saw, keyed so a test can check each count."""

    posts_by_ref: dict[str, list[str]] = field(default_factory=dict)  # reminder ref -> teams of the tokens used
    reminder_team: dict[str, str] = field(default_factory=dict)  # reminder ref -> its own workspace
    answers_by_user: dict[str, list[str]] = field(default_factory=dict)  # asker -> teams of the tokens used
    asker_team: dict[str, str] = field(default_factory=dict)
    escalation_refs: dict[str, list[str]] = field(default_factory=dict)  # team -> refs in the raise DMs
    escalation_rows: dict[str, int] = field(default_factory=dict)  # team -> escalations in the database
    case_review_refs: dict[str, list[str]] = field(default_factory=dict)  # team -> refs in the database
    case_review_posts: Counter[str] = field(default_factory=Counter)  # team -> notifications in its BU channel
    updates_by_team: Counter[str] = field(default_factory=Counter)  # chat.update calls per token's team
    calls_by_team: dict[str, Counter[str]] = field(default_factory=dict)  # team -> method -> calls
    claimed_by: Counter[str] = field(default_factory=Counter)  # clock process -> reminders it claimed
    acks: list[float] = field(default_factory=list)
    burst_seconds: float = 0.0
    reminders_seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def oauth_env(api_url: str, db_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")}
    return {**env, "SLACK_CLIENT_ID": CLIENT_ID, "SLACK_CLIENT_SECRET": CLIENT_SECRET,
            "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": api_url, "DATABASE_URL": db_url,
            "LOG_LEVEL": "WARNING", "LOG_FORMAT": "json"}


def _manager(team: str) -> str:
    return "UMGR" + team[-3:]


def _lay_reminders(db: Database, load: Load, result: Result) -> None:
    """Deadline reminders already due, through the one due-reminder API the capabilities use."""
    due = london_now() - timedelta(minutes=1)
    teams = list(TEAMS)
    with db.session() as s:
        for i in range(load.reminders):
            team, source = teams[i % len(teams)], ("case_review", "escalation")[i % 2]
            ref = f"SCALE-{i:05d}"
            schedule_due(s, team_id=team, source=source, source_ref=ref, key="due", due_at=due,
                         channel_id=f"CSCALE{i % load.channels:04d}", thread_ts=None, text=f"{ref}: due today")
            result.reminder_team[ref] = team


def _set_up_escalations(db: Database) -> None:
    with db.session() as s:
        for team in TEAMS:
            ws = get_workspace(s, team)
            ws.escalation_channel, ws.business_unit_channel = "CESC" + team[-3:], "CBU" + team[-3:]
            grant(s, team, _manager(team), Role.MANAGER)


def _wait_view(fake: LocalSlack, body: str, timeout: float = 30) -> dict[str, Any]:
    trigger = urllib.parse.parse_qs(body).get("trigger_id") or [
        json.loads(urllib.parse.parse_qs(body)["payload"][0])["trigger_id"]]
    deadline = time.time() + timeout
    while time.time() < deadline:
        for call in fake.calls_to("views.open"):
            if call.get("trigger_id") == trigger[0]:
                return call["view"] if isinstance(call["view"], dict) else json.loads(call["view"])
        time.sleep(0.05)
    raise TimeoutError("no modal opened")


def _escalate(slack: SignedSlack, fake: LocalSlack, partnership: str, result: Result) -> None:
    """Raise through the modal, then move to step 2 through the card's button and its modal."""
    team, user = slack.team_id, _manager(slack.team_id)
    body, ctype = payloads.command_body("/escalate", "", team_id=team, user_id=user, channel_id="CESC" + team[-3:],
                                        response_url=fake.response_url(f"esc{time.time_ns()}"))
    result.acks.append(slack.post(body, ctype).elapsed)
    view = _wait_view(fake, body)

    def txt(v: str) -> dict[str, Any]:
        return {VALUE: {"type": "plain_text_input", "value": v}}

    chosen = {"type": "plain_text", "text": partnership}
    values = {BlockId.PARTNERSHIP: {VALUE: {"type": "static_select", "selected_option": {"text": chosen,
                                                                                          "value": partnership}}},
              BlockId.CASE_REF: txt("LCS-204518"), BlockId.AGENCY_OTHER: txt("Cheshire Constabulary"),
              BlockId.CATEGORY: {VALUE: {"type": "static_select", "selected_option": {
                  "text": {"type": "plain_text", "text": "threshold"}, "value": "threshold"}}},
              BlockId.TRIED: txt("Discussed twice with the duty manager."),
              BlockId.OUTCOME_WANTED: txt("Strategy discussion held this week.")}
    body, ctype = payloads.view_submission_body(view, values, team_id=team, user_id=user)
    acked = slack.post(body, ctype)
    result.acks.append(acked.elapsed)
    if acked.text:
        raise RuntimeError(f"raise refused: {acked.text[:200]}")
    ref = ""
    deadline = time.time() + 30
    while not ref and time.time() < deadline:
        seen = set(result.escalation_refs.get(team, []))  # numbered per workspace
        for p in fake.calls_to("chat.postMessage"):
            words = str(p.get("text", "")).split()
            if p["channel"] == user and len(words) > 1 and words[1].rstrip(":") not in seen:
                ref = words[1].rstrip(":")
                break
        time.sleep(0.05)
    result.escalation_refs.setdefault(team, []).append(ref)
    time.sleep(0.3)  # the card's ts is saved after its post
    action = {"type": "button", "action_id": ActionId.ADVANCE.value, "block_id": "b", "value": ref}
    body, ctype = payloads.block_actions_body(action, team_id=team, user_id=user, channel_id="CESC" + team[-3:],
                                              response_url=fake.response_url(f"adv{time.time_ns()}"))
    result.acks.append(slack.post(body, ctype).elapsed)
    view = _wait_view(fake, body)
    body, ctype = payloads.view_submission_body(view, {BlockId.TEXT: txt("No agreement at step 1.")},
                                                team_id=team, user_id=user)
    acked = slack.post(body, ctype)
    result.acks.append(acked.elapsed)
    if acked.text:
        raise RuntimeError(f"advance refused: {acked.text[:300]}")


def _notify_case_review(slack: SignedSlack, fake: LocalSlack, partnership: str, result: Result) -> None:
    """A practitioner notifies a serious incident through the modal (the tests' form, today's dates)."""
    team, user = slack.team_id, "UCR" + slack.team_id[-3:]
    body, ctype = payloads.command_body("/case-review", "", team_id=team, user_id=user, channel_id="CGEN" + team[-3:],
                                        response_url=fake.response_url(f"cr{time.time_ns()}"))
    result.acks.append(slack.post(body, ctype).elapsed)
    view = _wait_view(fake, body)
    today = london_now().date()
    values = form(cr_partnership=select_value(partnership), cr_incident=date_value(str(today - timedelta(days=1))),
                  cr_aware=date_value(str(today)))
    body, ctype = payloads.view_submission_body(view, values, team_id=team, user_id=user)
    acked = slack.post(body, ctype)
    result.acks.append(acked.elapsed)
    if acked.text:
        raise RuntimeError(f"case review refused: {acked.text[:300]}")


def _burst(bases: list[str], fake: LocalSlack, load: Load, result: Result) -> None:
    """Questions (DMs) and escalations from all four workspaces at once, each request to the next web process."""
    teams = list(TEAMS)
    turn = iter(range(10**9))
    lock = threading.Lock()

    def next_base() -> str:
        with lock:
            return bases[next(turn) % len(bases)]

    def ask(i: int) -> None:
        team = teams[i % len(teams)]
        user = f"UQ{team[-3:]}{i:05d}"
        result.asker_team[user] = team
        resp = SignedSlack(next_base(), SECRET, fake, team_id=team).dm(QUESTIONS[i % len(QUESTIONS)], user=user)
        result.acks.append(resp.elapsed)

    def escalations(team: str) -> None:
        for _ in range(load.escalations):
            try:
                # Warrington's route has steps to move through (Halton's and Wirral's documents give one)
                _escalate(SignedSlack(next_base(), SECRET, fake, team_id=team), fake, "warrington", result)
            except (RuntimeError, TimeoutError) as exc:
                result.errors.append(f"{team}: {exc}")

    def case_reviews(team: str) -> None:
        for _ in range(load.case_reviews):
            try:
                _notify_case_review(SignedSlack(next_base(), SECRET, fake, team_id=team), fake, TEAMS[team], result)
            except (RuntimeError, TimeoutError) as exc:
                result.errors.append(f"{team}: {exc}")

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=8) as pool:
        jobs = [pool.submit(escalations, team) for team in teams]
        jobs += [pool.submit(case_reviews, team) for team in teams]
        jobs += [pool.submit(ask, i) for i in range(load.questions)]
        for job in jobs:
            job.result()
    result.burst_seconds = time.perf_counter() - t0


def _team_of(fake: LocalSlack, call: Any) -> str:
    """The workspace of the call's token; "?" for a token the fake never issued (the OAuth exchange and
    response_url carry none)."""
    token = call.get("token")
    return (fake.oauth.team_of(token) or "?") if token else "(no token)"


def _tally(fake: LocalSlack, db: Database, result: Result) -> None:
    posts_by_ref: dict[str, list[str]] = defaultdict(list)
    answers: dict[str, list[str]] = defaultdict(list)
    for call in list(fake.calls):
        team = _team_of(fake, call)
        result.calls_by_team.setdefault(team, Counter())[call.method] += 1
        if call.method == "chat.update":
            result.updates_by_team[team] += 1
        if call.method != "chat.postMessage":
            continue
        text = str(call.get("text", ""))
        if text.startswith("SCALE-"):
            posts_by_ref[text.split(":")[0]].append(team)
        elif str(call.get("channel", "")).startswith("CBU") and "CR-" in text:
            result.case_review_posts[team] += 1
        elif str(call.get("channel", "")).startswith("DUQ"):
            answers[call["channel"][1:]].append(team)
    result.posts_by_ref, result.answers_by_user = dict(posts_by_ref), dict(answers)
    with db.session() as s:
        result.claimed_by.update(s.scalars(select(ReminderOccurrence.claimed_by).where(
            ReminderOccurrence.claimed_by.is_not(None), ReminderOccurrence.source_ref.like("SCALE-%"))))
        for team in TEAMS:
            result.escalation_rows[team] = s.scalar(
                select(func.count()).select_from(Escalation).where(Escalation.team_id == team)) or 0
            result.case_review_refs[team] = list(s.scalars(select(CaseReview.ref).where(CaseReview.team_id == team)))


def _watch_reminders(fake: LocalSlack, result: Result, t0: float, timeout: float) -> None:
    """When the last of the due reminders reached Slack, counted from the clocks' start."""
    while time.perf_counter() - t0 < timeout:
        posted = {str(c.get("text", "")).split(":")[0] for c in fake.calls_to("chat.postMessage")}
        if len(posted & result.reminder_team.keys()) >= len(result.reminder_team):
            result.reminders_seconds = time.perf_counter() - t0
            return
        time.sleep(0.2)


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


def run(db_url: str, fake: LocalSlack, load: Load, timeout: float = 300) -> Result:
    """Start the processes, install, burst, wait for the clocks to finish the queue, stop, count."""
    result = Result()
    fake.strict_ids = False
    ports = [free_port() for _ in range(load.webs)]
    bases = [f"http://127.0.0.1:{p}" for p in ports]
    fake.oauth.register_app(CLIENT_ID, CLIENT_SECRET, *(f"{b}/slack/oauth_redirect" for b in bases))
    env = oauth_env(fake.api_url, db_url)
    procs: list[subprocess.Popen[bytes]] = []
    db = Database(db_url)
    try:
        for port in ports:
            procs.append(start_server(port, fake.api_url, db_url, threads=8, env=env))
        for i, (team, partnership) in enumerate(TEAMS.items()):
            page = Browser(bases[i % len(bases)], fake).install(team, "UINSTALL" + team[-3:], partnership)
            if page.status != 200:
                raise RuntimeError(f"install of {team} failed: {page.status} {page.text[:200]}")
        _set_up_escalations(db)
        _lay_reminders(db, load, result)
        t0 = time.perf_counter()
        watcher = threading.Thread(target=_watch_reminders, args=(fake, result, t0, timeout), daemon=True)
        watcher.start()
        procs += [subprocess.Popen([sys.executable, "-m", "bot.cli", "clock"], env=env, cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(load.clocks)]
        _burst(bases, fake, load, result)
        deadline = time.time() + timeout
        while time.time() < deadline:
            posted = {str(c.get("text", "")).split(":")[0] for c in fake.calls_to("chat.postMessage")}
            answered = {str(c.get("channel")) for c in fake.calls_to("chat.postMessage")}
            notified = sum(str(c.get("channel")).startswith("CBU") and "CR-" in str(c.get("text"))
                           for c in fake.calls_to("chat.postMessage"))
            if (len(posted & result.reminder_team.keys()) >= load.reminders
                    and sum(f"D{u}" in answered for u in result.asker_team) >= load.questions
                    and notified >= len(TEAMS) * load.case_reviews):
                break
            time.sleep(0.5)
        watcher.join(5)
        time.sleep(3)  # anything posted twice would arrive now
    finally:
        _stop(procs)
    _tally(fake, db, result)
    db.dispose()
    return result


def report(load: Load, r: Result) -> None:
    acks = sorted(r.acks) or [0.0]
    requests = len(r.acks)
    load_avg = os.getloadavg()
    print(f"webs={load.webs} clocks={load.clocks} workspaces={len(TEAMS)} load_average={load_avg[0]:.1f},"
          f"{load_avg[1]:.1f},{load_avg[2]:.1f} cores={os.cpu_count()}")
    print(f"burst: {requests} requests in {r.burst_seconds:.1f} s = {requests / max(r.burst_seconds, 1e-9):.1f}/s; "
          f"ack p50 {1000 * pct(acks, 0.5):.0f} ms, p99 {1000 * pct(acks, 0.99):.0f} ms, max {1000 * acks[-1]:.0f} ms")
    print(f"reminders: all {len(r.reminder_team)} posted {r.reminders_seconds:.1f} s after the clocks were started "
          "(their start-up included)")
    for team in TEAMS:
        refs = [ref for ref, t in r.reminder_team.items() if t == team]
        once = sum(r.posts_by_ref.get(ref) == [team] for ref in refs)
        askers = [u for u, t in r.asker_team.items() if t == team]
        answered = sum(r.answers_by_user.get(u) == [team] for u in askers)
        esc = r.escalation_refs.get(team, [])
        crs = r.case_review_refs.get(team, [])
        calls = dict(sorted(r.calls_by_team.get(team, {}).items()))
        print(f"  {team}: reminders {once}/{len(refs)} posted exactly once with its own token; "
              f"questions {answered}/{len(askers)} answered once with its own token; escalations raised "
              f"{len(set(esc))} distinct refs of {len(esc)} ({r.escalation_rows.get(team, 0)} rows), "
              f"chat.update {r.updates_by_team.get(team, 0)}; case reviews {len(set(crs))} distinct refs of "
              f"{len(crs)} rows, {r.case_review_posts.get(team, 0)} notifications posted; calls {calls}")
    print(f"claimed per clock process: {sorted(r.claimed_by.values(), reverse=True)}")
    wrong = sum(1 for ref, teams in r.posts_by_ref.items() if teams != [r.reminder_team.get(ref)])
    print(f"reminders posted twice or with another workspace's token: {wrong}; never posted: "
          f"{sum(1 for ref in r.reminder_team if ref not in r.posts_by_ref)}; errors: {r.errors or 'none'}")
    print(f"calls without a token: {dict(r.calls_by_team.get('(no token)', {}))}; with a token never issued: "
          f"{sum(r.calls_by_team.get('?', Counter()).values())}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--webs", type=int, default=3)
    ap.add_argument("--clocks", type=int, default=2)
    ap.add_argument("--reminders", type=int, default=1000)
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--escalations", type=int, default=3, help="per workspace")
    ap.add_argument("--case-reviews", type=int, default=3, help="per workspace")
    args = ap.parse_args()
    db_url = os.environ.get("DATABASE_URL", "")
    if not db_url.startswith("postgresql"):
        raise SystemExit("set DATABASE_URL to an empty PostgreSQL database (several processes share it)")
    subprocess.run([sys.executable, "-m", "bot.cli", "db", "upgrade"], env={**os.environ}, check=True, cwd=ROOT,
                   capture_output=True)
    fake = LocalSlack().start()
    load = Load(webs=args.webs, clocks=args.clocks, reminders=args.reminders, questions=args.questions,
                escalations=args.escalations, case_reviews=args.case_reviews)
    try:
        report(load, run(db_url, fake, load))
    finally:
        fake.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
