"""Migrations create exactly the models' schema; references are unique under concurrency."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from storage.audit import entries, record
from storage.models import metadata
from storage.references import next_reference


def test_migrations_match_models(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_references_are_sequential_per_prefix_and_year(db):
    with db.session() as s:
        assert next_reference(s, "T1", "CR", 2026) == "CR-2026-001"
        assert next_reference(s, "T1", "CR", 2026) == "CR-2026-002"
        assert next_reference(s, "T1", "ESC", 2026) == "ESC-2026-001"
        assert next_reference(s, "T2", "CR", 2026) == "CR-2026-001"
        assert next_reference(s, "T1", "CR", 2027) == "CR-2027-001"


def test_concurrent_references_never_collide(db):
    with db.session() as s:  # the counter row exists before the race, as it does after the first case
        next_reference(s, "T1", "ESC", 2026)

    def take(_: int) -> str:
        for _attempt in range(20):
            try:
                with db.session() as s:
                    return next_reference(s, "T1", "ESC", 2026)
            except Exception:
                continue
        raise AssertionError("could not allocate")

    with ThreadPoolExecutor(max_workers=4) as pool:
        refs = list(pool.map(take, range(16)))
    assert len(set(refs)) == 16


def test_audit_log_keeps_dates_as_text(db):
    from datetime import date

    with db.session() as s:
        record(s, team_id="T1", actor_id="U1", action="case.transition", entity_type="case_review",
               entity_id="CR-2026-001", before={"state": "notified"}, after={"on": date(2026, 1, 5)})
    with db.session() as s:
        (row,) = entries(s, team_id="T1")
        assert row.after == {"on": "2026-01-05"}
