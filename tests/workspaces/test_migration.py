"""Migration 0009 adds slack_sdk's tables and the workspace's install columns, keeping existing workspaces."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, inspect, text

from storage.db import normalise_url
from storage.migrate import downgrade, upgrade
from storage.scratch import ScratchDatabase, create_scratch_database

ROW = ("INSERT INTO workspaces (team_id, partnership, business_unit_channel, escalation_channel, updated_at, "
       "created_at) VALUES ('T1', 'halton', 'CBU1', NULL, '2026-03-03 10:00:00+00', '2026-03-03 10:00:00+00')")


@pytest.fixture
def baseline() -> Iterator[ScratchDatabase]:
    scratch = create_scratch_database(os.environ.get("DATABASE_URL"), prefix="sgb_ws_migration",
                                      target="0001_baseline")
    yield scratch
    scratch.drop()


def _run(url: str, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    engine = create_engine(normalise_url(url))
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql))
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


def _tables(url: str) -> set[str]:
    engine = create_engine(normalise_url(url))
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_and_downgrade_keep_the_workspace(baseline: ScratchDatabase) -> None:
    url = baseline.url
    _run(url, ROW)
    upgrade(url, "0009_workspace_installs")
    assert {"slack_bots", "slack_installations", "slack_oauth_states"} <= _tables(url)
    assert _run(url, "SELECT partnership, business_unit_channel, installed_by, paused_at FROM workspaces") == [
        ("halton", "CBU1", None, None)]
    upgrade(url, "heads")
    downgrade(url, "0009_workspace_installs@-1")
    assert not {"slack_bots", "slack_installations", "slack_oauth_states"} & _tables(url)
    assert _run(url, "SELECT team_id, partnership FROM workspaces") == [("T1", "halton")]
