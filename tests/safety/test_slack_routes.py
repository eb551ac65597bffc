"""The 999 line through every way a worry reaches the app (red team, thirteenth session): a DM with a photo attached
(subtype file_share), a DM edited so that it now reads as a worry (message_changed; answered once, a typo fixed is
not answered again), and `/safeguarding` text whose first word happens to be a subcommand ("report", "admin",
"area", "topics", "help"), with the database up and down. Signed HTTP in, recorded Web API calls out. Each test was
seen failing on the commit before the change, except the guards: an edit that fixes a typo, a plain subcommand, and
the first words followed by punctuation ("report:", "help,"), which were answered already.
"""

from __future__ import annotations

import json
import time

import pytest

from bot import payloads
from tests.safety.test_slack import LEAD, database_down  # noqa: F401  (database_down is a fixture)

WORRY = "a year 4 girl told me her stepdad hits her with a belt, what do I do"


def _all(calls) -> str:  # type: ignore[no-untyped-def]
    return json.dumps([c.params if hasattr(c, "params") else c for c in calls], ensure_ascii=False)


def test_a_worried_dm_with_a_photo_attached_gets_999(slack, fake_slack) -> None:
    event = payloads.message_event(WORRY, user_id="UPRACT01", channel_id="DUPRACT01")
    event["subtype"] = "file_share"
    event["files"] = [{"id": "F0PHOTO1", "name": "arm.jpg"}]
    assert slack.event(event).status == 200
    post = fake_slack.wait_for("chat.postMessage", timeout=10)[-1]
    assert LEAD in str(post.get("text")), post


def _edit(new: str, old: str) -> dict:  # type: ignore[type-arg]
    now = f"{time.time():.6f}"
    return {"type": "message", "subtype": "message_changed", "channel": "DUPRACT01", "channel_type": "im", "ts": now,
            "message": {"type": "message", "user": "UPRACT01", "text": new, "ts": "1700000000.000200",
                        "edited": {"user": "UPRACT01", "ts": now}},
            "previous_message": {"type": "message", "user": "UPRACT01", "text": old, "ts": "1700000000.000200"}}


def test_a_dm_edited_into_a_worry_gets_999_once(slack, fake_slack) -> None:
    assert slack.event(_edit(WORRY, "quick question")).status == 200
    post = fake_slack.wait_for("chat.postMessage", timeout=10)[-1]
    assert LEAD in str(post.get("text")) and post["channel"] == "DUPRACT01", post


def test_an_edit_that_only_fixes_a_typo_is_not_answered_again(slack, fake_slack) -> None:
    assert slack.event(_edit(WORRY, WORRY.replace("told", "tod"))).status == 200  # a worry before and after
    assert slack.event(_edit("how often does the executive meet", "how often does the exec meet")).status == 200
    time.sleep(1.0)
    assert fake_slack.calls_to("chat.postMessage") == []


@pytest.mark.parametrize("text", [
    "report: a year 4 girl told me her stepdad hits her with a belt",
    "admin team say a 9 year old came in with cigarette burns on his arm",
    "area manager told me a toddler was left alone in the flat all night",
    "topics aside, a 13 year old says her uncle touches her",
    "help, a lad in year 10 says he is being made to sell drugs and they will hurt his mum",
])
def test_a_worry_whose_first_word_is_a_subcommand_gets_999(slack, fake_slack, text: str) -> None:
    assert slack.command("/safeguarding", text).status == 200
    out = _all(fake_slack.wait_for("response_url", timeout=15)[-1:])
    assert LEAD in out, out[:400]


def test_a_plain_subcommand_still_works(slack, fake_slack) -> None:
    assert slack.command("/safeguarding", "area halton").status == 200
    out = _all(fake_slack.wait_for("response_url", timeout=15)[-1:])
    assert "Your area is now *Halton*" in out and LEAD not in out, out[:400]


def test_with_the_database_down_a_worry_whose_first_word_is_a_subcommand_gets_999(database_down, fake_slack) -> None:  # noqa: F811
    assert database_down.command("/safeguarding", "area manager told me a toddler was left alone in the flat all "
                                 "night", user="UWORRY01").status == 200
    out = _all(fake_slack.wait_for("response_url", timeout=15)[-1:])
    assert LEAD in out and "temporarily unavailable" not in out, out[:400]
