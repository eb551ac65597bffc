"""Slack answering 429 or errors on an outbound path: retried with backoff, never a crashed listener."""

from __future__ import annotations

import time

from tests.case_reviews.helpers import BU_CHANNEL, PRACT, configure, form


def _dm_answers(fake_slack, user: str) -> list:  # type: ignore[type-arg]
    return [c for c in fake_slack.calls_to("chat.postMessage") if c["channel"] == "D" + user]


def test_answer_dm_is_retried_after_429(slack, fake_slack):
    fake_slack.rate_limit_next("chat.postMessage", retry_after=1)
    assert slack.dm("what does LADO stand for", user="URETRY01").status == 200
    calls = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == "DURETRY01", count=2, timeout=10)
    assert [c["_status"] for c in calls] == [429, 200]
    assert calls[1].at - calls[0].at >= 0.9  # Retry-After honoured


def test_case_card_survives_server_errors(slack, fake_slack, db):
    configure(db)
    fake_slack.http_error_next("chat.postMessage", status=503, times=2)
    view = slack.open_modal("/case-review", user=PRACT)
    assert "errors" not in slack.submit(view, form(), user=PRACT).text
    card = fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == BU_CHANNEL and c["_status"] == 200,
                               timeout=15)
    assert card


def test_a_slack_error_never_crashes_the_listener(slack, fake_slack, errors_logged):
    fake_slack.fail_next("chat.postMessage", "internal_error")
    assert slack.dm("what does LADO stand for", user="UERR0001").status == 200
    fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == "DUERR0001")
    time.sleep(0.3)
    assert slack.dm("what is a rapid review", user="UERR0002").status == 200  # the app keeps serving
    fake_slack.wait_for("chat.postMessage", lambda c: c["channel"] == "DUERR0002" and c["_ok"])
    logged = errors_logged()  # the refused post, named by its type; nothing else went wrong
    assert len(logged) == 1 and '"SlackApiError"' in logged[0] and "on_dm" in logged[0], logged
