"""The QA report on a fixture of escalations: counts, medians, open past their window; the CLI as a subprocess."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import date

import pytest
import time_machine

from bot.escalations import report, service
from bot.escalations.fields import Category
from bot.escalations.routes import snapshot_route
from bot.summary import OpenItem
from tests.conftest import TEAM_ID
from tests.escalations.conftest import london

SINCE = date(2026, 1, 1)
TODAY = date(2026, 2, 2)


def _raise(s, kb, day: date, agency: str, category: Category, partnership: str = "warrington"):  # type: ignore[no-untyped-def]
    request = service.RaiseRequest(partnership=partnership, case_ref="LCS-1001", agency=agency, category=category,
                                   tried="Talked to the duty manager.", outcome_wanted="Decision reviewed.")
    with time_machine.travel(london(day.year, day.month, day.day), tick=False):
        return service.raise_escalation(s, team_id=TEAM_ID, user_id="UMANAGER1", request=request,
                                        route=snapshot_route(kb, partnership), today=day)


@pytest.fixture
def fixture_escalations(db, services):  # type: ignore[no-untyped-def]
    kb = services.kb
    with db.session() as s:
        a = _raise(s, kb, date(2026, 1, 5), "NSPCC", Category.THRESHOLD)
        service.advance(s, a, actor="UMANAGER1", reason="No agreement", today=date(2026, 1, 7))
        service.resolve(s, a, actor="UMANAGER1", outcome="Accepted", today=date(2026, 1, 12))
        b = _raise(s, kb, date(2026, 1, 5), "Torus", Category.PLAN)
        service.resolve(s, b, actor="UMANAGER1", outcome="Plan reviewed", today=date(2026, 1, 7))
        c = _raise(s, kb, date(2026, 1, 6), "NSPCC", Category.INFORMATION_SHARING)
        service.advance(s, c, actor="UMANAGER1", reason="No agreement", today=date(2026, 1, 7))
        service.advance(s, c, actor="UMANAGER1", reason="Still none", today=date(2026, 1, 8))
        d = _raise(s, kb, date(2026, 1, 20), "Torus", Category.THRESHOLD)
        service.withdraw(s, d, actor="UMANAGER1", today=date(2026, 1, 21))
        _raise(s, kb, date(2025, 12, 15), "NSPCC", Category.OTHER)  # before --since
        _raise(s, kb, date(2026, 1, 5), "Halton Borough Council", Category.OTHER, partnership="halton")
        _raise(s, kb, TODAY, "Cheshire Constabulary", Category.THRESHOLD)
        return {"a": a.ref, "c": c.ref, "c_due": c.step_due_on}


def test_report_figures(db, fixture_escalations):
    with db.session() as s:
        r = report.build(s, partnership="warrington", since=SINCE, today=TODAY)
    assert r.total == 5
    assert dict(r.by_state) == {"resolved": 2, "open": 2, "withdrawn": 1}
    assert dict(r.by_agency) == {"NSPCC": 2, "Torus": 2, "Cheshire Constabulary": 1}
    assert dict(r.by_category) == {"threshold": 3, "plan": 1, "information_sharing": 1}
    assert dict(r.by_highest_step) == {1: 3, 2: 1, 3: 1}
    assert r.median_days_to_resolution == 4.5  # 7 and 2 calendar days
    assert r.median_working_days_to_resolution == 3.5  # 5 and 2 working days
    assert fixture_escalations["c_due"] == date(2026, 1, 23)  # Day 14 counted from Tue 6 Jan
    assert r.open_past_window == [(fixture_escalations["c"], 3, date(2026, 1, 23))]
    text = report.to_text(r)
    assert "median_days_to_resolution: 4.5" in text and "Threshold or referral decision: 3" in text
    assert "LCS-1001" not in text and "Talked" not in text  # figures only


def test_digest_items_are_open_escalations_nearest_first(db, fixture_escalations):
    with time_machine.travel(london(2026, 2, 2, 10), tick=False), db.session() as s:
        items = service.digest_items(s, TEAM_ID)
    assert [i.ref for i in items] == ["ESC-2025-001", fixture_escalations["c"], "ESC-2026-006", "ESC-2026-005"]
    c = items[1]
    assert c == OpenItem(ref=fixture_escalations["c"], kind="escalation", title="Step 3: WSP representative and "
                         "WSP manager", partnership="warrington", next_deadline=date(2026, 1, 23),
                         deadline_label="Step window closes", overdue=True)
    assert not items[2].overdue
    halton = next(i for i in items if i.partnership == "halton")
    assert halton.next_deadline is None and halton.deadline_label == "No window in the route"


def test_cli_report_as_a_subprocess(db, database_url, fixture_escalations):
    env = {**os.environ, "DATABASE_URL": database_url}
    args = [sys.executable, "-m", "bot.cli", "escalations", "report", "--partnership", "warrington",
            "--since", "2026-01-01"]
    proc = subprocess.run([*args, "--csv"], capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr
    table = {(r["section"], r["item"]): r["value"] for r in csv.DictReader(io.StringIO(proc.stdout))}
    assert table[("summary", "escalations")] == "5"
    assert table[("agency", "NSPCC")] == "2" and table[("highest_step", "step 3")] == "1"
    assert table[("summary", "median_days_to_resolution")] == "4.5"
    assert ("open_past_window", fixture_escalations["c"]) in table
    text = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)
    assert text.returncode == 0 and "Escalations in Warrington raised since Thu 1 Jan 2026" in text.stdout
    bad = subprocess.run([*args[:-1], "01/01/2026"], capture_output=True, text=True, timeout=60, env=env)
    assert bad.returncode == 2 and "--since" in bad.stderr
