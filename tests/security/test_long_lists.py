"""Lists never drop items silently: at 100+ items every reply stays inside Slack's limits (50 blocks a message,
3,000 characters a section), no line is cut, and whatever is not shown is counted with where to see it."""

from __future__ import annotations

import json
import re
import time
from datetime import date, timedelta
from typing import Any

import time_machine

from bot.case_reviews import service as cr_service
from bot.case_reviews.service import Notification
from bot.escalations import service as esc_service
from bot.escalations.fields import Category
from bot.escalations.routes import snapshot_route
from bot.reminders.service import SeriesInput, create_series, validate
from knowledge import load_knowledge_base
from tests.case_reviews.helpers import BU, BU_CHANNEL, configure, london
from tests.conftest import ADMIN, TEAM_ID
from tests.escalations.conftest import MANAGER, OTHER_MANAGER, workspace  # noqa: F401  (fixture)
from tests.reminders.helpers import tick

CASES = 120
SERIES = 520  # more than one message holds (over 490 lines of 10 a section used to be dropped at 50 blocks)


def _replies(slack, fake_slack, command: str, text: str, user: str, channel: str = BU_CHANNEL) -> list[Any]:
    """Every reply to one command (a long list comes as several pages): waits until no more arrive."""
    before = len(fake_slack.calls_to("response_url"))
    assert slack.command(command, text, user=user, channel=channel).status == 200
    fake_slack.wait_for("response_url", count=before + 1, timeout=15)
    seen = -1
    while seen != len(fake_slack.calls_to("response_url")):
        seen = len(fake_slack.calls_to("response_url"))
        time.sleep(0.5)
    return fake_slack.calls_to("response_url")[before:]


def _blocks(call: Any) -> list[dict[str, Any]]:
    b = call.get("blocks")
    return json.loads(b) if isinstance(b, str) else (b or [])


def _texts(blocks: list[dict[str, Any]]) -> list[str]:
    out = []
    for b in blocks:
        if b.get("type") in ("section", "header"):
            out.append(b["text"]["text"])
        elif b.get("type") == "context":
            out.extend(e["text"] for e in b["elements"])
    return out


def _within_limits(blocks: list[dict[str, Any]]) -> None:
    assert len(blocks) <= 50
    for b in blocks:
        if b.get("type") == "section":
            assert len(b["text"]["text"]) <= 3000
        assert "…" not in "".join(_texts([b])).replace("…and", "")  # no line cut short


def _seed_cases(db, n: int = CASES) -> None:  # type: ignore[no-untyped-def]
    configure(db)
    with db.session() as s:
        for i in range(n):
            aware = date(2026, 1, 5) + timedelta(days=i % 60)
            form = Notification(partnership="halton", notifying_agency="police", notifier_role=None,
                                incident_on=aware, aware_on=aware, criteria=["abuse_or_neglect", "died"],
                                age_band="5_10")
            cr_service.notify(s, team_id=TEAM_ID, actor_id="UPRACT01", form=form)


def test_case_review_list_shows_50_and_counts_the_rest_then_list_all_shows_every_one(slack, fake_slack, db):
    with time_machine.travel(london(2026, 3, 16, 10), tick=True):
        _seed_cases(db)
        (reply,) = _replies(slack, fake_slack, "/case-review", "list", BU)
        blocks = _blocks(reply)
        _within_limits(blocks)
        text = "\n".join(_texts(blocks))
        assert f"Open case reviews ({CASES})" in text
        assert len(re.findall(r"CR-2026-\d{3}", text)) == 50
        assert f"…and {CASES - 50} more — `/case-review list all`" in text

        pages = _replies(slack, fake_slack, "/case-review", "list all", BU)
    refs: list[str] = []
    for page in pages:
        _within_limits(_blocks(page))
        refs += re.findall(r"CR-2026-\d{3}", "\n".join(_texts(_blocks(page))))
    assert sorted(refs) == [f"CR-2026-{i:03d}" for i in range(1, CASES + 1)]  # each exactly once


def test_escalation_list_counts_what_it_does_not_show(slack, fake_slack, db, workspace):  # noqa: F811
    kb = load_knowledge_base()
    route = snapshot_route(kb, "warrington")
    assert route is not None
    with time_machine.travel(london(2026, 3, 16, 10), tick=True), db.session() as s:
        for i in range(105):
            request = esc_service.RaiseRequest(partnership="warrington", case_ref=f"LCS-{i:05d}", agency="Police",
                                               category=next(iter(Category)), tried="Discussed twice.",
                                               outcome_wanted="A strategy discussion.")
            # another manager's (the list names the viewer's own card-less ones first: tests/faults/test_mid_change.py)
            esc_service.raise_escalation(s, team_id=TEAM_ID, user_id=OTHER_MANAGER, request=request, route=route)
    (reply,) = _replies(slack, fake_slack, "/escalate", "list", MANAGER)
    _within_limits(_blocks(reply))
    text = "\n".join(_texts(_blocks(reply)))
    assert len(re.findall(r"ESC-\d{4}-\d{3}", text)) == 45 and "…and 60 more — `/escalate list all`" in text
    pages = _replies(slack, fake_slack, "/escalate", "list all", MANAGER)
    refs = [r for p in pages for r in re.findall(r"ESC-\d{4}-\d{3}", "\n".join(_texts(_blocks(p))))]
    assert len(refs) == len(set(refs)) == 105


def test_reminder_list_with_long_names_loses_no_line(slack, fake_slack, db):
    now = london(2026, 3, 2, 10)
    with time_machine.travel(now, tick=True):
        spec, errors = validate(SeriesInput(channel_id=BU_CHANNEL, name="Group", recurrence="monthly on the first "
                                            "Monday", first_date="2026-04-06", at_time="10:00", days_before="7,1"), now)
        assert spec is not None, errors
        with db.session() as s:  # names of up to 200 characters, as stored before the 150 limit
            for i in range(SERIES):
                spec.name = (f"Group {i:03d} " + "quarterly multi-agency practice review subgroup " * 5)[:200]
                create_series(s, team_id=TEAM_ID, owner_id=ADMIN, partnership=None, spec=spec, now=now)
        pages = _replies(slack, fake_slack, "/reminders", "list all", ADMIN)
    shown = []
    for page in pages:
        _within_limits(_blocks(page))
        shown += re.findall(r"Group (\d{3}) ", "\n".join(_texts(_blocks(page))))
    assert len(pages) > 1 and sorted(shown) == [f"{i:03d}" for i in range(SERIES)]


def test_weekly_digest_with_100_open_items_shows_them_all_within_limits(slack, fake_slack, db, settings):
    with time_machine.travel(london(2026, 3, 16, 9, 5), tick=True):  # Monday 09:05
        _seed_cases(db, 100)
        tick(db, settings)
    (post,) = [c for c in fake_slack.calls_to("chat.postMessage") if c["channel"] == BU_CHANNEL]
    blocks = _blocks(post)
    _within_limits(blocks)
    text = "\n".join(_texts(blocks))
    assert "Open case reviews and escalations (100)" in text
    assert sorted(set(re.findall(r"CR-2026-\d{3}", text))) == [f"CR-2026-{i:03d}" for i in range(1, 101)]
