"""The safety reply through the real app: signed HTTP in (slash command, DM, @mention), recorded Web API
calls out; and with the database down, a worried practitioner still gets 999 and the front doors."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from bot.app import create_app
from bot.partnerships import set_user_partnership
from bot.services import Services
from storage.db import Database
from tests.conftest import TEAM_ID, served
from tests.faults.proxy import TcpProxy
from tests.slackclient import SignedSlack

LEAD = "If a child is in immediate danger, call 999"
ISSUE_EXAMPLES = [
    "a boy says his dad hits him, what do I do",
    "a parent turned up drunk to collect their toddler",
    "a child on my caseload has died, what happens now",
    "a teacher at my school has been accused of hitting a pupil",
]
ALL_DOORS = ("Cheshire West and Chester: i-ART", "Halton: Halton Borough Council children's social care",
             "Warrington: Warrington Borough Council Children's Social Care",
             "Wirral: Wirral local authority children's social care")


def _text(call: Any) -> str:
    blocks = call.get("blocks") or []
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    return "\n".join(b["text"]["text"] for b in blocks if b.get("type") == "section" and "text" in b)


def _via(slack: SignedSlack, fake_slack, how: str, text: str, n: int) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Send `text` the way named and return (notification text, full reply text) of the n-th reply."""
    if how == "command":
        assert slack.command("/safeguarding", text, user="UWORRY01").status == 200
        call = fake_slack.wait_for("response_url", count=n, timeout=15)[-1]
    elif how == "dm":
        assert slack.dm(text, user="UWORRY01").status == 200
        call = fake_slack.wait_for("chat.postMessage", count=n, timeout=15)[-1]
    else:
        assert slack.mention(f"<@UBOT0001> {text}", user="UWORRY01").status == 200
        call = fake_slack.wait_for("chat.postMessage", count=n, timeout=15)[-1]
    return str(call.get("text") or ""), _text(call)


def _assert_safety_reply(note: str, body: str, doors: tuple[str, ...]) -> None:
    lines = body.split("\n")
    assert LEAD in lines[0] and LEAD in note, body
    head = "\n".join(lines[1:6])
    for door in doors:
        assert door in head, (door, body)
    assert "cypolicy@" not in head


@pytest.mark.parametrize("how", ["command", "dm", "mention"])
def test_issue_examples_lead_with_999_and_every_front_door(slack, fake_slack, how: str) -> None:
    for n, question in enumerate(ISSUE_EXAMPLES, 1):
        note, body = _via(slack, fake_slack, how, question, n)
        _assert_safety_reply(note, body, ALL_DOORS)
        if "accused" in question:
            assert body.index("LADO") < body.index("_Source:")
        if "died" in question:
            assert "/case-review" in body and "child death" in body.lower()


def test_known_area_gets_its_own_front_door_and_lado_first(slack, fake_slack, db) -> None:
    with db.session() as s:
        set_user_partnership(s, TEAM_ID, "UWORRY01", "cheshire-west-and-chester")
    note, body = _via(slack, fake_slack, "dm", ISSUE_EXAMPLES[3], 1)
    _assert_safety_reply(note, body, ("i-ART",))
    assert body.index("LADO") < body.index("2017-18")


@pytest.fixture
def database_down(database_url, db, settings, fake_slack) -> Iterator[SignedSlack]:  # type: ignore[no-untyped-def]
    """The app served against a database that fails every session (SQLite: write lock held; PostgreSQL:
    the connection cut by a TCP proxy), as in tests/faults/test_database_down.py."""
    holder = proxy = None
    if db.is_sqlite:
        broken = Database(database_url, lock_timeout=0.3)
        # an exclusive lock: reads fail too (WAL readers pass a plain write lock since db.read())
        # waits for a write still finishing from the test before (a reply worker's), rather than failing setup
        holder = sqlite3.connect(str(make_url(database_url).database), isolation_level=None, timeout=10)
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
    else:
        url = make_url(database_url)
        proxy = TcpProxy((url.host or "127.0.0.1", url.port or 5432)).start()
        broken = Database(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
        proxy.cut()
    services = Services(settings=settings, db=broken)
    try:
        with served(create_app(services), services, fake_slack) as client:
            yield client
    finally:
        if holder is not None:
            holder.rollback()
            holder.close()
        broken.dispose()


@pytest.mark.parametrize("how", ["command", "dm", "mention"])
def test_database_down_still_gives_999_and_the_front_doors(database_down, fake_slack, caplog, how: str) -> None:
    logging.getLogger().addHandler(caplog.handler)  # configure() replaced the root handlers
    caplog.set_level(logging.INFO)
    try:
        note, body = _via(database_down, fake_slack, how, ISSUE_EXAMPLES[0], 1)
        _assert_safety_reply(note, body, ALL_DOORS)
        assert "temporarily unavailable" not in body
        assert "answers.safety_without_database" in caplog.text  # the database really failed
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text  # no listener error
        assert "dad hits" not in caplog.text  # nothing typed reaches the logs
        if how == "command":  # a question that is not a worry still gets the outage message
            database_down.command("/safeguarding", "how often does the executive meet", user="UWORRY01")
            outage = fake_slack.wait_for("response_url", count=2, timeout=15)[-1]["text"]
            assert "temporarily unavailable" in outage and "Nothing was saved" in outage
    finally:
        logging.getLogger().removeHandler(caplog.handler)


@pytest.mark.parametrize("how", ["dm", "command"])
def test_wording_only_the_backstop_reads_still_gets_999(slack, fake_slack, how: str) -> None:
    """Misspelt text-speak that no cue lists: the statistical backstop raises it through the real app."""
    from knowledge.safety import get_detector

    text = "hes allways hungrey and his close are to small and smell, hes 6"
    assert not get_detector().detect(text, use_model=False).is_worry  # the lexicon alone would miss it
    note, body = _via(slack, fake_slack, how, text, 1)
    _assert_safety_reply(note, body, ALL_DOORS)


@pytest.mark.parametrize("how", ["dm", "command"])
def test_a_general_question_in_worry_words_gets_no_999_but_one_child_now_does(slack, fake_slack, how: str) -> None:
    """Issue #10: policy hypotheticals, timescales and reviews of past cases are answered without the alarm;
    the same words about one child now still lead with 999 and the front doors."""
    general = ["if a head teacher is accused of hitting a pupil, who leads?",
               "how long do we have to notify the panel after a child dies in care?",
               "in the review of the baby who died from a head injury, what were the key findings?"]
    for n, text in enumerate(general, 1):
        note, body = _via(slack, fake_slack, how, text, n)
        assert LEAD not in note and LEAD not in body, (text, body)
    now = "who leads when a teacher is accused? one of our TAs was seen dragging a year 1 boy across the hall today"
    note, body = _via(slack, fake_slack, how, now, len(general) + 1)
    _assert_safety_reply(note, body, ALL_DOORS)
    assert "LADO" in body


def test_a_social_worker_who_saw_an_injury_gets_the_ordinary_worry_route(slack, fake_slack) -> None:
    """"social worker" plus an injury is a worker reporting, not an allegation: no "LADO first" line."""
    note, body = _via(slack, fake_slack, "dm", "social worker noticed fingertip bruising on the toddler at the "
                      "home visit yesterday", 1)
    _assert_safety_reply(note, body, ALL_DOORS)
    assert "allegation about someone who works with children" not in body
    note, body = _via(slack, fake_slack, "dm", "the child's social worker grabbed him by the arm and left marks", 2)
    assert "allegation about someone who works with children" in body
