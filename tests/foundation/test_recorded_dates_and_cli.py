"""Defects found by using it: recorded dates are the day the action happened, and the operator commands say
what they mean (no Alembic set-up lines from `reminders tick`; `deadlines` names the option to give)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import time_machine
from sqlalchemy import select

from bot.escalations.report import build
from storage.escalations import Escalation
from tests.case_reviews.helpers import BU, PRACT, configure, dumps, form
from tests.escalations.conftest import MANAGER, london, raise_one, workspace  # noqa: F401  (fixture)
from tests.slackclient import date_value


def test_withdrawn_on_a_sunday_before_day_one_records_the_sunday(slack, fake_slack, db, workspace):  # noqa: F811
    with time_machine.travel(london(2026, 2, 7, 11), tick=True) as traveller:  # Saturday: Day 1 is Monday 9 Feb
        ref = raise_one(slack, fake_slack)
        traveller.move_to(london(2026, 2, 8, 11))  # Sunday
        slack.command("/escalate", f"withdraw {ref}", user=MANAGER)
        assert fake_slack.wait_for("response_url")[-1]["text"] == f"{ref} is withdrawn."
    with db.session() as s:
        esc = s.scalars(select(Escalation)).one()
        assert (esc.day_one, esc.closed_on) == (date(2026, 2, 9), date(2026, 2, 8))


def test_resolved_on_a_sunday_counts_zero_days_in_the_report(slack, fake_slack, db, workspace):  # noqa: F811
    with time_machine.travel(london(2026, 2, 7, 11), tick=True) as traveller:
        ref = raise_one(slack, fake_slack)
        traveller.move_to(london(2026, 2, 8, 11))
        slack.command("/escalate", f"resolve {ref} Agreed at the strategy discussion.", user=MANAGER)
        fake_slack.wait_for("response_url", lambda c: "resolved" in str(c.get("text")))
    with db.session() as s:
        assert s.scalars(select(Escalation)).one().closed_on == date(2026, 2, 8)
        report = build(s, partnership="warrington", since=date(2026, 2, 1), today=date(2026, 2, 9))
    assert (report.median_days_to_resolution, report.median_working_days_to_resolution) == (0, 0)  # never negative


def test_case_history_shows_the_day_the_bot_was_notified(slack, fake_slack, db):
    configure(db)
    with time_machine.travel(london(2026, 4, 1, 10), tick=True):  # notified Wed 1 Apr, aware Mon 30 Mar
        view = slack.open_modal("/case-review", user=PRACT)
        slack.submit(view, form(cr_incident=date_value("2026-03-28"), cr_aware=date_value("2026-03-30")), user=PRACT)
        fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == PRACT)
        slack.command("/case-review", "show CR-2026-001", user=BU)
        shown = dumps(fake_slack.wait_for("response_url")[-1])
    history = shown[shown.index("History"):]
    assert "Wed 1 Apr 2026: notify" in history and "Mon 30 Mar 2026: notify" not in history


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env})


def test_reminders_tick_prints_its_figures_and_no_alembic_lines(tmp_path, fake_slack):
    out = _cli("reminders", "tick", DATABASE_URL=f"sqlite:///{tmp_path}/t.db", SLACK_BOT_TOKEN="xoxb-test",
               SLACK_API_URL=fake_slack.api_url, LOG_LEVEL="INFO")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("materialised 0, sent 0")
    assert "alembic" not in out.stderr.lower() and "Running upgrade" not in out.stderr
    assert "Context impl" not in out.stderr


def test_deadlines_names_the_option_to_give():
    out = _cli("deadlines", "--aware", "2026-03-02")
    assert out.returncode == 0, out.stderr
    assert "Rapid review to the Panel        — (give --notified)" in out.stdout
    assert "needs an earlier date" not in out.stdout
