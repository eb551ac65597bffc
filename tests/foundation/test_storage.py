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


def test_concurrent_references_never_collide_even_for_the_first_of_a_year(db):
    def take(_: int) -> str:  # no retries: every allocation must succeed first time
        with db.session() as s:
            return next_reference(s, "T1", "ESC", 2026)

    with ThreadPoolExecutor(max_workers=8) as pool:
        refs = list(pool.map(take, range(32)))
    assert sorted(refs) == [f"ESC-2026-{i:03d}" for i in range(1, 33)]


def test_audit_log_keeps_dates_as_text(db):
    from datetime import date

    with db.session() as s:
        record(s, team_id="T1", actor_id="U1", action="case.transition", entity_type="case_review",
               entity_id="CR-2026-001", before={"state": "notified"}, after={"on": date(2026, 1, 5)})
    with db.session() as s:
        (row,) = entries(s, team_id="T1")
        assert row.after == {"on": "2026-01-05"}


def test_a_reference_number_is_not_held_until_the_callers_transaction_ends(db):
    """PostgreSQL: the counter is bumped in its own short transaction, so a slow unit of work (a case with its
    audit row and reminders) does not hold up everyone else's number; a failed one leaves its number unused.
    SQLite serialises writers anyway and takes the number inside the caller's transaction (never skipped)."""
    import threading

    import pytest

    if db.is_sqlite:
        with pytest.raises(RuntimeError), db.session() as s:
            assert next_reference(s, "T1", "CR", 2026) == "CR-2026-001"
            raise RuntimeError("the case could not be saved")
        with db.session() as s:
            assert next_reference(s, "T1", "CR", 2026) == "CR-2026-001"  # rolled back with it: no gap
        return
    first_taken, other_done = threading.Event(), threading.Event()
    other: list[str] = []

    def meanwhile() -> None:
        first_taken.wait(5)
        with db.session() as s:
            other.append(next_reference(s, "T1", "CR", 2026))
        other_done.set()

    thread = threading.Thread(target=meanwhile)
    thread.start()
    with pytest.raises(RuntimeError), db.session() as s:
        assert next_reference(s, "T1", "CR", 2026) == "CR-2026-001"
        first_taken.set()
        assert other_done.wait(5), "the second number waited for the first unit of work to end"
        raise RuntimeError("the case could not be saved")
    thread.join()
    assert other == ["CR-2026-002"]
    with db.session() as s:
        assert next_reference(s, "T1", "CR", 2026) == "CR-2026-003"  # 001 stays unused
