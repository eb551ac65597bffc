"""`/safeguarding report` through signed HTTP and the fake Slack: who may ask, what is sent, what Slack refuses."""

from __future__ import annotations

import urllib.request
from datetime import date

import pytest
import time_machine
from sqlalchemy import select

from bot.authz import Role, grant
from bot.localslack import LocalSlack
from storage.core import AuditLog
from tests.case_reviews.helpers import BU, configure
from tests.conftest import TEAM_ID
from tests.escalations.conftest import london
from tests.insight.test_measures import _case

LEAD, ADMIN, PRACT = "ULEAD0001", "UADMIN001", "UPRACT01"
PERIOD = "2026-03-01 2026-05-31"


@pytest.fixture
def halton(db):  # type: ignore[no-untyped-def]
    configure(db)  # the workspace's partnership is Halton; BU holds the business-unit role
    with db.session() as s:
        grant(s, TEAM_ID, LEAD, Role.SAFEGUARDING_LEAD)
        grant(s, TEAM_ID, ADMIN, Role.ADMIN)
        _case(s, date(2026, 3, 31), notified=date(2026, 4, 9))  # on time across Easter
        for day in (4, 5, 6, 11, 12):
            _case(s, date(2026, 5, day), notified=date(2026, 5, day + 1))
        _case(s, date(2026, 3, 2), notified=date(2026, 3, 10))  # late
    return db


def _ask(slack, fake: LocalSlack, text: str, user: str, replies: int = 2) -> list[str]:  # type: ignore[no-untyped-def]
    """The replies to one command (two when the pack is built: "Building..." and "Sent...")."""
    fake.add_user(user)
    before = len(fake.calls_to("response_url"))
    with time_machine.travel(london(2026, 6, 1, 9), tick=True):
        assert slack.command("/safeguarding", text, user=user).status == 200
        seen = fake.wait_for("response_url", count=before + replies, timeout=30)
    return [c["text"] for c in seen[before:]]


def test_a_business_unit_member_gets_the_summary_charts_and_csv_in_a_dm(slack, fake_slack, halton, errors_logged):
    replies = _ask(slack, fake_slack, f"report {PERIOD}", BU)
    assert "Building the QA pack for Halton, 1 Mar 2026 to 31 May 2026" in replies[0]
    assert replies[1].startswith("Sent: the summary, 4 charts and the CSV")
    dm = "D" + BU
    summary = [c for c in fake_slack.calls_to("chat.postMessage") if c["channel"] == dm]
    assert len(summary) == 1 and "Panel notified within 5 working days:* 6 of 7" in str(summary[0]["blocks"])
    images = [f for f in fake_slack.files if f["filename"].endswith(".png")]
    assert [f["channel"] for f in fake_slack.files] == [dm] * 5
    assert len(images) == 4 and all(f["data"].startswith(b"\x89PNG") for f in images)
    assert all(f["alt_txt"] and len(f["alt_txt"]) <= 1000 for f in images)
    assert images[0]["title"] == "Panel notified within 5 working days: 6 of 7"
    csv = next(f for f in fake_slack.files if f["filename"] == "qa-figures.csv")["data"].decode()
    assert csv.splitlines()[0] == "chart,row,column,value"
    assert "case-review-timeliness,Panel told within 5 working days,on time,6" in csv
    assert errors_logged() == []


def test_a_lead_may_ask_a_practitioner_may_not_and_nobody_sees_another_partnership(slack, fake_slack, halton):
    _ask(slack, fake_slack, f"report {PERIOD}", LEAD)
    assert len(fake_slack.files) == 5
    fake_slack.files.clear()
    refused = _ask(slack, fake_slack, f"report {PERIOD}", PRACT, replies=1)[-1]
    assert "business unit" in refused.lower() or "not allowed" in refused.lower() or "can't" in refused.lower()
    other = _ask(slack, fake_slack, f"report {PERIOD} wirral", BU, replies=1)[-1]
    everyone = _ask(slack, fake_slack, f"report {PERIOD} all", LEAD, replies=1)[-1]
    assert fake_slack.files == [] and other == everyone == refused
    with halton.session() as s:
        actions = [(a.actor_id, a.action) for a in s.scalars(select(AuditLog).order_by(AuditLog.id))]
    assert actions.count((PRACT, "insight.refused")) == 1 and (BU, "insight.refused") in actions
    _ask(slack, fake_slack, f"report {PERIOD} all", ADMIN)  # admins see every partnership
    assert len(fake_slack.files) == 5


def test_a_period_that_cannot_be_read_is_explained(slack, fake_slack, halton):
    fake_slack.add_user(BU)
    slack.command("/safeguarding", "report 2026-05-31 2026-03-01", user=BU)
    assert "forwards" in fake_slack.wait_for("response_url")[-1]["text"]
    assert fake_slack.files == []


def test_slack_refusing_an_upload_is_told_plainly_and_is_not_a_fault(slack, fake_slack, halton, errors_logged):
    fake_slack.fail_next("files.completeUploadExternal", "internal_error")
    replies = _ask(slack, fake_slack, f"report {PERIOD}", BU)
    assert "Nothing was changed; try again" in replies[-1]
    assert errors_logged() == []


def _post(url: str, data: bytes) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, method="POST"), timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as err:
        return err.code


def test_the_fake_refuses_what_slack_refuses_for_uploads(fake_slack):
    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError

    client = WebClient(token="xoxb-test", base_url=fake_slack.api_url)
    fake_slack.add_channel("CQA00001")
    with pytest.raises(SlackApiError, match="invalid_arguments"):
        client.files_getUploadURLExternal(filename="a.png", length=3, alt_txt="x" * 1001)
    up = client.files_getUploadURLExternal(filename="a.png", length=3)
    with pytest.raises(SlackApiError, match="file_not_found"):  # completed before the bytes arrived
        client.files_completeUploadExternal(files=[{"id": up["file_id"]}], channel_id="CQA00001")
    assert _post(up["upload_url"], b"toolong") == 400 and _post(up["upload_url"], b"abc") == 200
    with pytest.raises(SlackApiError, match="channel_not_found"):
        client.files_completeUploadExternal(files=[{"id": up["file_id"]}], channel_id="CNOWHERE1")
    done = client.files_completeUploadExternal(files=[{"id": up["file_id"], "title": "A"}], channel_id="CQA00001")
    assert done["files"][0]["id"] == up["file_id"] and fake_slack.files[0]["data"] == b"abc"
