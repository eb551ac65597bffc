"""The QA pack on a schedule: a `qa_pack` reminder series in the business-unit channel, posted once by the one
engine with the charts in its thread; set, changed and stopped by the business unit; laid by default when an
admin names the business-unit channel."""

from __future__ import annotations

import time_machine
from sqlalchemy import select

from bot.localslack import LocalSlack
from bot.reminders.states import Kind, Series
from storage.core import AuditLog
from storage.reminders import ReminderSeries
from tests.case_reviews.helpers import BU, BU_CHANNEL
from tests.conftest import ADMIN, TEAM_ID
from tests.insight.test_slack_report import PRACT, halton  # noqa: F401  (the fixture: Halton, cases Mar-May 2026)
from tests.reminders.helpers import london, posts, tick


def _run(slack, fake: LocalSlack, command: str, text: str, user: str, at, channel: str = "CGENERAL1") -> str:  # type: ignore[no-untyped-def]
    fake.add_user(user)
    before = len(fake.calls_to("response_url"))
    with time_machine.travel(at, tick=True):
        assert slack.command(command, text, user=user, channel=channel).status == 200
        seen = fake.wait_for("response_url", count=before + 1, timeout=30)
    return str(seen[-1]["text"]) + str(seen[-1].get("blocks") or "")


def summary_ts(fake: LocalSlack, call: dict) -> str:  # type: ignore[type-arg]
    """The ts Slack gave the summary message (the fake keeps what it posted)."""
    [message] = [m for m in fake.messages if m["channel"] == BU_CHANNEL and m["text"] == call["text"]]
    return str(message["ts"])


def _packs(db) -> list[ReminderSeries]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return list(s.scalars(select(ReminderSeries).where(ReminderSeries.kind == Kind.QA_PACK.value)))


def test_a_scheduled_pack_is_posted_once_with_its_charts_in_the_thread(slack, fake_slack, halton, settings,  # noqa: F811
                                                                       errors_logged):
    reply = _run(slack, fake_slack, "/safeguarding", "report schedule", BU, london(2026, 6, 1, 10))
    assert "posted in <#CBU00001> quarterly on the first Monday at 09:00" in reply
    assert "Next: Mon 6 Jul 2026 at 09:00" in reply
    [series] = _packs(halton)
    assert (series.partnership, series.channel_id, series.owner_id) == ("halton", BU_CHANNEL, BU)

    listed = _run(slack, fake_slack, "/reminders", "list", BU, london(2026, 6, 1, 10, 5), channel=BU_CHANNEL)
    assert f"#{series.id} QA pack: Halton" in listed and "quarterly on the first Monday" in listed

    for second in (5, 40):  # two clocks' ticks after 09:00: one post
        with time_machine.travel(london(2026, 7, 6, 9, 0, second), tick=False):
            tick(halton, settings)
    [summary] = [p for p in posts(fake_slack, BU_CHANNEL) if p["text"].startswith("Quality")]  # and the digest
    assert summary["text"] == "Quality assurance: Halton, Apr to Jun 2026"
    assert "Panel notified within 5 working days" in str(summary["blocks"])
    in_thread = [f for f in fake_slack.files if f["channel"] == BU_CHANNEL]
    assert len(in_thread) == 5 and {f["thread_ts"] for f in in_thread} == {summary_ts(fake_slack, summary)}
    assert sum(f["filename"].endswith(".png") for f in in_thread) == 4
    assert in_thread[-1]["filename"] == "qa-figures.csv"
    assert errors_logged() == []


def test_the_business_unit_changes_and_stops_it_a_practitioner_may_not(slack, fake_slack, halton):  # noqa: F811
    _run(slack, fake_slack, "/safeguarding", "report schedule", BU, london(2026, 6, 1, 10))
    changed = _run(slack, fake_slack, "/safeguarding", "report schedule monthly", BU, london(2026, 6, 2, 10))
    assert "every month" in changed or "monthly" in changed
    assert [s.rule["interval"] for s in _packs(halton)] == [1]  # the same series, changed
    bad = _run(slack, fake_slack, "/safeguarding", "report schedule whenever", BU, london(2026, 6, 2, 10))
    assert bad.startswith(":warning:") and "Nothing was changed" in bad

    refused = _run(slack, fake_slack, "/safeguarding", "report schedule off", PRACT, london(2026, 6, 2, 11))
    assert "quarterly" not in refused and [s.state for s in _packs(halton)] == [Series.ACTIVE.value]
    with halton.session() as s:
        assert (PRACT, "insight.refused") in [(a.actor_id, a.action) for a in s.scalars(select(AuditLog))]

    edit = _run(slack, fake_slack, "/reminders", f"edit {_packs(halton)[0].id}", BU, london(2026, 6, 2, 11),
                channel=BU_CHANNEL)
    assert "/safeguarding report schedule" in edit and fake_slack.calls_to("views.open") == []

    stopped = _run(slack, fake_slack, "/safeguarding", "report schedule off", BU, london(2026, 6, 2, 12))
    assert "is stopped" in stopped and [s.state for s in _packs(halton)] == [Series.DELETED.value]


def test_naming_the_business_unit_channel_lays_the_quarterly_pack_once(slack, fake_slack, halton):  # noqa: F811
    with halton.session() as s:
        s.execute(ReminderSeries.__table__.delete())
    reply = _run(slack, fake_slack, "/safeguarding", "admin business-unit <#CQA000001>", ADMIN,
                 london(2026, 11, 30, 10))
    assert "quarterly QA pack will be posted there too" in reply
    [series] = _packs(halton)
    assert series.channel_id == "CQA000001" and series.next_due_at is not None
    again = _run(slack, fake_slack, "/safeguarding", "admin business-unit <#CBU00001>", ADMIN,
                 london(2026, 11, 30, 11))
    assert "QA pack" not in again
    assert [(s.channel_id, s.state) for s in _packs(halton)] == [("CBU00001", Series.ACTIVE.value)]  # followed
    _run(slack, fake_slack, "/safeguarding", "report schedule off", BU, london(2026, 11, 30, 12))
    _run(slack, fake_slack, "/safeguarding", "admin business-unit <#CQA000001>", ADMIN, london(2026, 11, 30, 13))
    assert [s.state for s in _packs(halton)] == [Series.DELETED.value]  # a stopped pack stays stopped
    assert TEAM_ID
