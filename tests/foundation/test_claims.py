"""Batched processed_events claims (bot/claims.py): what the HTTP gate's replay check waits on."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from bot.claims import ClaimWriter
from storage.core import ProcessedEvent
from storage.db import Database


def _count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(ProcessedEvent)) or 0)


def test_many_claims_at_once_each_win_once_and_a_second_process_loses(db):
    writer = ClaimWriter()
    keys = [f"sig:{i:04d}" for i in range(60)]
    with ThreadPoolExecutor(30) as pool:
        futures = list(pool.map(lambda k: writer.claim(db, "T0001", k), keys))
    assert all(f.result(timeout=10) for f in futures)
    assert _count(db) == 60
    other = ClaimWriter()  # another process's writer: only the database knows what this one claimed
    again = [other.claim(db, "T0001", k) for k in keys[:3]] + [other.claim(db, "T0002", keys[0])]
    assert [f.result(timeout=10) for f in again] == [False, False, False, True]


def test_the_same_key_twice_in_one_batch_wins_once(db):
    writer = ClaimWriter()
    with db.session() as s:  # an open write holds the writer, so the next claims queue up into one batch
        s.add(ProcessedEvent(team_id="T0001", event_id="sig:held"))
        s.flush()
        held = writer.claim(db, "T0001", "sig:held")
        time.sleep(0.3)
        futures = [writer.claim(db, "T0001", "sig:same") for _ in range(20)]
    assert held.result(timeout=10) is False
    assert sum(f.result(timeout=10) for f in futures) == 1
    assert _count(db) == 2


def test_a_database_fault_lets_the_request_through(tmp_path):
    unmigrated = Database(f"sqlite:///{tmp_path}/empty.db")  # no processed_events table: every insert fails
    try:
        assert ClaimWriter().claim(unmigrated, "T0001", "sig:x").result(timeout=10) is True
    finally:
        unmigrated.dispose()
