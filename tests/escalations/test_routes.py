"""Routes come from the knowledge base for every partnership, and are copied into the escalation when raised:
a later edit of the knowledge base (proved with a modified copy) never moves an open escalation's windows."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
import time_machine
import yaml
from sqlalchemy import select

from bot.escalations.routes import snapshot_route
from bot.liveknowledge import LiveKnowledge
from bot.partnerships import set_channel_partnership
from knowledge import load_knowledge_base
from knowledge.base import DATA_DIR
from knowledge.partnerships import PARTNERSHIPS
from storage.escalations import Escalation
from tests.conftest import TEAM_ID
from tests.escalations.conftest import ESC_CHANNEL, MANAGER, eventually, london, raise_one


def _esc(db, ref: str) -> Escalation:
    with db.session() as s:
        esc = s.scalars(select(Escalation).where(Escalation.ref == ref)).one()
        s.expunge(esc)
    return esc


@pytest.mark.parametrize("slug", list(PARTNERSHIPS))
def test_each_partnership_raises_on_its_own_route(slug, slack, fake_slack, workspace, db, services):
    channel = f"C{slug[:6].upper().replace('-', '')}01"
    with db.session() as s:
        set_channel_partnership(s, TEAM_ID, channel, slug)
    route = snapshot_route(services.kb, slug)
    assert route is not None and route.steps
    with time_machine.travel(london(2026, 2, 2, 10), tick=True):
        view = slack.open_modal("/escalate", user=MANAGER, channel=channel)
        assert view["blocks"][1]["element"]["initial_option"]["value"] == slug
        ref = raise_one(slack, fake_slack, partnership=slug, channel=channel)
    esc = _esc(db, ref)
    assert esc.partnership == slug and esc.route == route.to_json()
    card = str(fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == ESC_CHANNEL)[-1]["blocks"])
    assert f"Step 1: {route.steps[0].title}" in card
    assert route.document in card
    if route.steps[0].window is None:
        assert esc.step_due_on is None and "No deadline" in card
    else:
        assert esc.step_due_on == date(2026, 2, 2)


def test_practitioner_route_answer_for_every_partnership(slack, fake_slack, workspace, db, services):
    for n, slug in enumerate(PARTNERSHIPS, 1):
        with db.session() as s:
            set_channel_partnership(s, TEAM_ID, f"CROUTE{n:04d}", slug)
        slack.command("/escalate", "route", user="UPRACT09", channel=f"CROUTE{n:04d}")
        blocks = str(fake_slack.wait_for("response_url", count=n)[-1]["blocks"])
        route = snapshot_route(services.kb, slug)
        assert route.title in blocks
        assert all(step.title in blocks for step in route.steps)


def _modified_kb(tmp_path):  # type: ignore[no-untyped-def]
    """A copy of the knowledge base where an admin changed Warrington's windows and gave Wirral one."""
    data = tmp_path / "kb"
    shutil.copytree(DATA_DIR, data)
    for name, edit in (("warrington.yaml", _shorten_warrington), ("wirral.yaml", _window_wirral)):
        doc = yaml.safe_load((data / name).read_text())
        route = next(e for e in doc["entries"] if e.get("kind") == "escalation")["route"]
        edit(route["steps"])
        (data / name).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    return load_knowledge_base(data)


def _shorten_warrington(steps):  # type: ignore[no-untyped-def]
    steps[1]["window"] = {"start_day": 2, "end_day": 3}
    steps[1]["title"] = "Renamed by a later edit"


def _window_wirral(steps):  # type: ignore[no-untyped-def]
    steps[0]["window"] = {"start_day": 1, "end_day": 5}


def test_a_later_kb_edit_never_moves_an_open_escalation(slack, fake_slack, workspace, db, services, tmp_path):
    with time_machine.travel(london(2026, 2, 2, 10), tick=True):
        old = raise_one(slack, fake_slack)
        eventually(lambda: _esc(db, old).card_ts)
    services.__dict__["knowledge"] = LiveKnowledge(db, base=_modified_kb(tmp_path))  # the admin's edit lands
    assert snapshot_route(services.kb, "warrington").steps[1].title == "Renamed by a later edit"
    with time_machine.travel(london(2026, 2, 3, 10), tick=True):
        slack.command("/escalate", f"advance {old} No agreement at worker level", user=MANAGER)
        reply = fake_slack.wait_for("response_url")[-1]["text"]
        new = raise_one(slack, fake_slack)
    assert "Manager to opposite manager" in reply
    esc = _esc(db, old)
    assert esc.step_due_on == date(2026, 2, 12)  # Day 9 of the route as it was on 2 Feb, not Day 3
    assert esc.route["steps"][1]["window"] == {"start_day": 3, "end_day": 9, "working_days": True,
                                               "wording": "Days three to nine"}
    assert _esc(db, new).route["steps"][1]["title"] == "Renamed by a later edit"


def test_an_admin_window_in_the_kb_gives_the_card_a_deadline(slack, fake_slack, workspace, db, services, tmp_path):
    services.__dict__["knowledge"] = LiveKnowledge(db, base=_modified_kb(tmp_path))
    with db.session() as s:
        set_channel_partnership(s, TEAM_ID, "CWIRRAL02", "wirral")
    with time_machine.travel(london(2026, 2, 2, 10), tick=True):
        ref = raise_one(slack, fake_slack, partnership="wirral", channel="CWIRRAL02")
        slack.command("/escalate", "route", user="UPRACT09", channel="CWIRRAL02")
        answer = str(fake_slack.wait_for("response_url")[-1]["blocks"])
    assert _esc(db, ref).step_due_on == date(2026, 2, 6)
    card = str(fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == ESC_CHANNEL)[-1]["blocks"])
    assert "Window closes *Fri 6 Feb 2026*" in card and "Days 1-5" in card
    assert "Days 1-5" in answer and "counted as working days from the day it was raised" in answer
