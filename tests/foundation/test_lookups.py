"""Role and partnership lookups: cached between requests, never stale after an admin change, read unlocked."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event

from bot.authz import Role, grant
from bot.lookups import LookupCache
from storage.db import Database
from tests.conftest import ADMIN, TEAM_ID


def _reply(fake_slack, n=1):
    return fake_slack.wait_for("response_url", count=n)[-1]["text"]


def _statements(db: Database) -> list[str]:
    seen: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    return seen


def test_repeated_lookups_are_served_from_the_cache(services, db):
    with db.session() as s:
        grant(s, TEAM_ID, "UMANAGER1", Role.MANAGER)
    services.lookups = LookupCache(clock=lambda: 50.0)  # a clock that stands still: one stamp check in all
    services.lookups.watch(services._config_stamp)
    seen = _statements(db)
    for _ in range(3):
        with db.read() as s:
            assert Role.MANAGER in services.roles_of(s, TEAM_ID, "UMANAGER1")
            services.partnership_of(s, TEAM_ID, "CGENERAL1", "UMANAGER1")
    selects = [q for q in seen if q.lstrip().upper().startswith("SELECT")]
    stamps = [q for q in selects if "config_stamps" in q]
    assert len(stamps) == 1  # another process's changes are looked for once a second, not on every lookup
    assert 1 <= len(selects) - len(stamps) <= 4  # the first round only (roles + up to three partnership rows)


def test_grant_revoke_and_channel_changes_show_at_once(slack, fake_slack, services, db):
    with db.read() as s:  # warm the cache with the old answers
        assert Role.MANAGER not in services.roles_of(s, TEAM_ID, "UMANAGER1")
        assert services.partnership_of(s, TEAM_ID, "CHALTON01", "UMANAGER1") is None
    slack.command("/safeguarding", "admin grant <@UMANAGER1|sam> manager", user=ADMIN)
    assert "now has" in _reply(fake_slack, 1)
    slack.command("/safeguarding", "admin channel halton", user=ADMIN, channel="CHALTON01")
    assert "Halton" in _reply(fake_slack, 2)
    with db.read() as s:
        assert Role.MANAGER in services.roles_of(s, TEAM_ID, "UMANAGER1")
        assert services.partnership_of(s, TEAM_ID, "CHALTON01", "UMANAGER1") == "halton"
    slack.command("/safeguarding", "admin revoke <@UMANAGER1|sam> manager", user=ADMIN)
    assert "no longer has" in _reply(fake_slack, 3)
    with db.read() as s:
        assert Role.MANAGER not in services.roles_of(s, TEAM_ID, "UMANAGER1")
    # and the person's next command is decided on the new roles: managers-only /escalate refuses again
    slack.command("/safeguarding", "admin roles", user="UMANAGER1")
    assert "permission" in _reply(fake_slack, 4)


def test_a_question_is_answered_while_another_process_holds_the_write_lock(slack, fake_slack, db):
    if not db.is_sqlite:
        pytest.skip("SQLite's write lock")
    path = db.url.removeprefix("sqlite:///")
    holder = sqlite3.connect(path, isolation_level=None, timeout=0.1)
    holder.execute("BEGIN IMMEDIATE")
    try:
        resp = slack.command("/safeguarding", "what is a LADO")
        assert resp.status == 200
        reply = fake_slack.wait_for("response_url", timeout=5)[0]
        assert "temporarily unavailable" not in str(reply.get("text")).lower()
        assert reply.get("blocks")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
