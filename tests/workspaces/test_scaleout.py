"""Scale out: two web processes taking requests in turn and two clock processes on one PostgreSQL, four installed
workspaces, a burst of questions, case review notifications and escalations while 200 deadline reminders fall
due. Counts only (the times are benchmarks/bench_scaleout.py's): nothing posted twice, nothing lost, every call
with its own workspace's token."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.localslack import LocalSlack
from storage.db import Database

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_scaleout import TEAMS, Load, run


def test_two_webs_and_two_clocks_duplicate_and_lose_nothing(database_url: str, db: Database,
                                                            fake_slack: LocalSlack) -> None:
    if db.is_sqlite:
        pytest.skip("several processes share one database: PostgreSQL's row locks (SKIP LOCKED) do the sharing")
    load = Load(webs=2, clocks=2, reminders=200, questions=24, escalations=2, case_reviews=2,
                channels=50)
    r = run(database_url, fake_slack, load, timeout=120)
    assert r.errors == []
    # each due reminder posted exactly once, with the token of the workspace it belongs to
    assert len(r.reminder_team) == 200
    assert r.posts_by_ref == {ref: [team] for ref, team in r.reminder_team.items()}
    # each question answered once, in its own workspace
    assert len(r.asker_team) == 24
    assert r.answers_by_user == {user: [team] for user, team in r.asker_team.items()}
    for team in TEAMS:
        # escalations numbered uniquely in each workspace, one row each, both cards updated once on the move
        assert sorted(ref[-3:] for ref in r.escalation_refs[team]) == ["001", "002"]
        assert r.escalation_rows[team] == 2
        assert r.updates_by_team[team] == 4
        # case reviews numbered uniquely in each workspace, each notified once to its business unit channel
        assert sorted(ref[-3:] for ref in r.case_review_refs[team]) == ["001", "002"]
        assert r.case_review_posts[team] == 2
    # no call went out with a token the fake did not issue to one of the four workspaces; only the OAuth
    # exchange (client credentials) and replies to response_url carry none
    assert set(r.calls_by_team) - {"(no token)"} == set(TEAMS)
    assert set(r.calls_by_team.get("(no token)", {})) <= {"oauth.v2.access", "response_url"}
