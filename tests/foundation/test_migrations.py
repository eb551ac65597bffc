"""Migrations that change an existing table keep its rows, both ways, on SQLite and PostgreSQL.

Each test starts a private database at the revision before the migration, writes a row the old way, upgrades,
reads it the new way, then downgrades and reads it the old way again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, inspect, text

from storage.db import normalise_url
from storage.migrate import downgrade, upgrade
from storage.scratch import ScratchDatabase, create_scratch_database

BEFORE = "0003_case_reviews"
RENAME = "0007_case_review_ref"


@pytest.fixture
def old_schema() -> Iterator[ScratchDatabase]:
    scratch = create_scratch_database(os.environ.get("DATABASE_URL"), prefix="sgb_migration", target=BEFORE)
    yield scratch
    scratch.drop()


def _columns(url: str) -> set[str]:
    engine = create_engine(normalise_url(url))
    try:
        return {c["name"] for c in inspect(engine).get_columns("case_reviews")}
    finally:
        engine.dispose()


def _run(url: str, sql: str, **params: object) -> list[tuple]:
    engine = create_engine(normalise_url(url))
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), params)
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


CASE = ("INSERT INTO case_reviews (id, reference, partnership, state, notifier_id, notifying_agency, criteria, "
        "age_band, agencies_involved, incident_on, aware_on, updated_at, team_id, created_at) VALUES (7, "
        "'CR-2026-007', 'halton', 'notified', 'U1', 'police', '[]', 'under_1', '[]', '2026-03-02', '2026-03-03', "
        "'2026-03-03 10:00:00+00', 'T1', '2026-03-03 10:00:00+00')")
EVENT = ("INSERT INTO case_review_events (id, case_id, action, from_state, to_state, actor_id, team_id, created_at) "
         "VALUES (1, 7, 'notify', 'notified', 'notified', 'U1', 'T1', '2026-03-03 10:00:00+00')")


def test_case_review_reference_becomes_ref_and_back_with_the_row_kept(old_schema: ScratchDatabase) -> None:
    url = old_schema.url
    _run(url, CASE)
    _run(url, EVENT)

    upgrade(url, RENAME)
    assert "ref" in _columns(url) and "reference" not in _columns(url)
    assert _run(url, "SELECT ref, partnership FROM case_reviews") == [("CR-2026-007", "halton")]
    assert _run(url, "SELECT case_id FROM case_review_events") == [(7,)]  # the timeline still points at it
    with pytest.raises(Exception, match=r"(?i)unique"):  # the constraint came across with the column
        _run(url, CASE.replace("VALUES (7,", "VALUES (8,").replace("(id, reference,", "(id, ref,"))

    upgrade(url, "heads")  # and every other capability's revisions apply on top
    downgrade(url, BEFORE)
    assert "reference" in _columns(url) and "ref" not in _columns(url)
    assert _run(url, "SELECT reference FROM case_reviews") == [("CR-2026-007",)]
    assert _run(url, "SELECT case_id FROM case_review_events") == [(7,)]
