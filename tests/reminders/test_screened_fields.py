"""A reminder's name and link are posted to its channel at every occurrence: the form refuses a family's name in either
(round 34, the red team's findings 7 and 9: a surname in capitals before a family word, letters typed apart, and a
link's file name of words joined by underscores or hyphens were accepted and stored)."""

from __future__ import annotations

import json

import pytest
import time_machine
from sqlalchemy import select

from bot.authz import Role, grant
from bot.partnerships import set_channel_partnership
from bot.reminders.ids import Action, Block
from storage.reminders import ReminderSeries
from tests.conftest import ADMIN, TEAM_ID
from tests.reminders.helpers import london
from tests.slackclient import date_value, state, text_value

CHANNEL = "CQA000002"


def _values(name: str, link: str) -> dict:  # type: ignore[type-arg]
    return state(**{
        Block.NAME: text_value(name, Action.NAME),
        Block.CHANNEL: (Action.CHANNEL, {"type": "conversations_select", "selected_conversation": CHANNEL}),
        Block.RECURRENCE: text_value("every month on the first Monday", Action.RECURRENCE),
        Block.FIRST_DATE: date_value("2026-02-02", Action.FIRST_DATE),
        Block.TIME: (Action.TIME, {"type": "timepicker", "selected_time": "10:00"}),
        Block.DAYS_BEFORE: text_value("7,1", Action.DAYS_BEFORE),
        Block.PAPERS: text_value("", Action.PAPERS),
        Block.LINK: text_value(link, Action.LINK),
    })


@pytest.mark.parametrize(("name", "link", "needle"), [
    ("Core group for the KOWAL children", "", "KOWAL"),
    ("Core group for A m e l i a  W o j c i k", "", "W o j"),
    ("Core group for Ame\u200blia Woj\u200bcik", "", "cik"),
    ("Core group meeting", "https://files.example.org/cp/Amelia_Wojcik_14_Rowan_Close_plan.docx", "Wojcik"),
    ("Core group meeting", "https://files.example.org/cp/14-Rowan-Close-home-visit.docx", "Rowan"),
])
def test_the_form_refuses_a_family_name_in_the_name_or_the_link(slack, fake_slack, db, name, link, needle) -> None:
    with db.session() as s:
        set_channel_partnership(s, TEAM_ID, CHANNEL, "halton")
        grant(s, TEAM_ID, ADMIN, Role.ADMIN)
    with time_machine.travel(london(2026, 1, 2, 11)):
        view = slack.open_modal("/reminders", "add", user=ADMIN, channel=CHANNEL)
        resp = slack.submit(view, _values(name, link), user=ADMIN)
    assert "errors" in resp.text, resp.text
    with db.session() as s:
        stored = json.dumps([[r.name, r.link] for r in s.scalars(select(ReminderSeries))], ensure_ascii=False)
    assert needle not in stored, stored


def test_the_form_still_takes_a_published_link_of_joined_words(slack, fake_slack, db) -> None:
    with db.session() as s:
        set_channel_partnership(s, TEAM_ID, CHANNEL, "halton")
        grant(s, TEAM_ID, ADMIN, Role.ADMIN)
    link = "https://www.example.org.uk/wp-content/uploads/2024/03/Neglect-Strategy-and-Toolkit.pdf"
    with time_machine.travel(london(2026, 1, 2, 11)):
        view = slack.open_modal("/reminders", "add", user=ADMIN, channel=CHANNEL)
        resp = slack.submit(view, _values("Neglect strategy group", link), user=ADMIN)
    assert "errors" not in resp.text, resp.text
