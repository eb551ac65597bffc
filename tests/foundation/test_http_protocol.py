"""The HTTP endpoint speaks Slack's protocol: signatures, replay window, acks, url_verification."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from bot import payloads, texts
from storage.core import AuditLog, ProcessedEvent


def test_signed_slash_command_is_accepted_and_acknowledged_fast(slack, fake_slack):
    resp = slack.command("/safeguarding", "help")
    assert resp.status == 200
    assert resp.elapsed < 3.0  # Slack's acknowledgement limit
    reply = fake_slack.wait_for("response_url")[0]
    assert "Safeguarding assistant" in reply["text"]
    assert reply["response_type"] == "ephemeral"


def test_wrong_signature_is_rejected_without_side_effect(slack, fake_slack, db):
    resp = slack.command("/safeguarding", "area halton", secret="not-the-secret")
    assert resp.status == 401
    time.sleep(0.2)
    assert fake_slack.calls == []
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog)) == 0


def test_timestamp_older_than_five_minutes_is_rejected(slack, fake_slack, db):
    resp = slack.command("/safeguarding", "area halton", timestamp=int(time.time()) - 301)
    assert resp.status == 401
    time.sleep(0.2)
    assert fake_slack.calls == []
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog)) == 0


def test_unsigned_request_is_rejected(slack):
    body, ctype = payloads.command_body("/safeguarding", "help", team_id="T0001", user_id="U1",
                                        channel_id="C1", response_url="http://127.0.0.1:9/r")
    resp = slack.post(body, ctype, headers={"X-Slack-Signature": ""})
    assert resp.status == 401


def test_url_verification_echoes_challenge(slack):
    body, ctype = payloads.url_verification_body("challenge-abc")
    resp = slack.post(body, ctype)
    assert resp.status == 200
    assert "challenge-abc" in resp.text


def test_healthz_reveals_only_status(slack):
    resp = slack.get("/healthz")
    assert resp.status == 200
    assert resp.json == {"status": "ok"}


def test_no_other_endpoint_is_exposed(slack):
    assert slack.get("/").status == 404
    assert slack.get("/slack/events").status == 404
    body, ctype = payloads.url_verification_body("x")
    assert slack.post(body, ctype, path="/admin").status == 404


def test_redelivered_event_has_no_second_effect(slack, db):
    first = slack.dm("hello", event_id="Ev0DUPLICATE1")
    again = slack.dm("hello", event_id="Ev0DUPLICATE1", headers={"X-Slack-Retry-Num": "1",
                                                                  "X-Slack-Retry-Reason": "http_timeout"})
    assert first.status == 200 and again.status == 200
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ProcessedEvent)
                        .where(ProcessedEvent.event_id == "Ev0DUPLICATE1")) == 1


def test_an_event_is_acknowledged_while_the_write_lock_is_held_and_its_retry_still_dropped(slack, db, fake_slack):
    """The event-id claim waits at most a moment for the database (it used to wait out SQLite's lock timeout,
    past Slack's 3 s); its row is written when the lock frees, so Slack's retry is still dropped."""
    if not db.is_sqlite:
        pytest.skip("SQLite write lock")
    holder = db.engine.connect()
    try:
        holder.exec_driver_sql("SELECT 1")  # BEGIN IMMEDIATE taken by the 'begin' hook: the write lock is held
        first = slack.dm("what is a LADO", event_id="Ev0LOCKED01")
        assert first.status == 200
    finally:
        holder.rollback()
        holder.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with db.read() as s:
            if s.scalar(select(func.count()).select_from(ProcessedEvent)
                        .where(ProcessedEvent.event_id == "Ev0LOCKED01")):
                break
        time.sleep(0.05)
    again = slack.dm("what is a LADO", event_id="Ev0LOCKED01", headers={"X-Slack-Retry-Num": "1",
                                                                       "X-Slack-Retry-Reason": "http_timeout"})
    assert again.status == 200
    fake_slack.wait_for("chat.postMessage", timeout=10)
    time.sleep(0.5)
    assert len(fake_slack.calls_to("chat.postMessage")) == 1


def test_unknown_subcommand_text_never_shows_a_traceback(slack, fake_slack):
    resp = slack.command("/safeguarding", "\u202e\x00" + "x" * 5000)
    assert resp.status == 200
    reply = fake_slack.wait_for("response_url")[0]
    assert "Traceback" not in reply["text"]
    assert reply["text"] not in (texts.SOMETHING_WENT_WRONG,)
