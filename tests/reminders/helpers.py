"""Shared set-up for reminder tests: series created through the service, dispatch through the real engine."""

from __future__ import annotations

from datetime import datetime

from bot.reminders.engine import DispatchStats, dispatch_once
from bot.reminders.service import SeriesInput, create_series, validate
from bot.slack import make_client
from bot.timeutil import LONDON
from tests.conftest import TEAM_ID

OWNER = "UOWNER01"


def london(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)  # type: ignore[misc]


def add_series(db, now: datetime, channel: str = "CGROUP01", **answers: str) -> int:
    spec, errors = validate(SeriesInput(channel_id=channel, **answers), now)
    assert errors == {}, errors
    with db.session() as s:
        return create_series(s, team_id=TEAM_ID, owner_id=OWNER, partnership=None, spec=spec, now=now).id


def client_for(settings):  # type: ignore[no-untyped-def]
    return make_client(settings)


def tick(db, settings, grace_hours: float = 6.0, **kw) -> DispatchStats:  # type: ignore[no-untyped-def]
    return dispatch_once(db, client_for(settings), grace_hours=grace_hours, **kw)


def posts(fake_slack, channel: str | None = None) -> list:  # type: ignore[type-arg]
    return [c for c in fake_slack.calls_to("chat.postMessage") if channel is None or c["channel"] == channel]
