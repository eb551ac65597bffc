"""The reminder state tables: every transition they do not list is refused, and every write goes through them."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import time_machine
from sqlalchemy import select

from bot.reminders import deliveries
from bot.reminders.deliveries import Planned, Source
from bot.reminders.due import first_overdue_day
from bot.reminders.states import (
    OCCURRENCE_MOVES,
    SERIES_MOVES,
    SETTLED,
    Occurrence,
    Series,
    SeriesAction,
    TransitionError,
    check_occurrence,
    check_series,
    move_occurrence,
    moves_from,
)
from storage.reminders import ReminderOccurrence
from tests.conftest import TEAM_ID
from tests.reminders.helpers import london, tick

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("before", "after"), list(itertools.product([None, *Occurrence], Occurrence)))
def test_every_occurrence_transition_not_in_the_table_is_refused(before, after):  # type: ignore[no-untyped-def]
    if after in OCCURRENCE_MOVES[before]:
        assert check_occurrence(before, after) is after
    else:
        with pytest.raises(TransitionError):
            check_occurrence(before, after)


def test_the_occurrence_table_keeps_exactly_once():
    # a new row is only ever pending; only a claim reaches sending; nothing leaves a settled state
    assert OCCURRENCE_MOVES[None] == {Occurrence.PENDING}
    assert [s for s, to in OCCURRENCE_MOVES.items() if Occurrence.SENDING in to] == [Occurrence.PENDING]
    assert [s for s, to in OCCURRENCE_MOVES.items() if Occurrence.SENT in to] == [Occurrence.SENDING]
    assert {Occurrence.SENT, Occurrence.MISSED, Occurrence.FAILED, Occurrence.SKIPPED} == SETTLED
    assert set(OCCURRENCE_MOVES) == {None, *Occurrence}
    with pytest.raises(TransitionError):
        moves_from(Occurrence.PENDING, Occurrence.SENT, Occurrence.CANCELLED)  # bulk: one bad source refuses all


@pytest.mark.parametrize(("before", "action", "after"),
                         list(itertools.product([None, *Series], SeriesAction, Series)))
def test_every_series_transition_not_in_the_table_is_refused(before, action, after):  # type: ignore[no-untyped-def]
    if after in SERIES_MOVES.get((before, action), frozenset()):
        assert check_series(before, action, after) is after
    else:
        with pytest.raises(TransitionError):
            check_series(before, action, after, series_id=7)


def test_deleted_is_the_end_of_a_series_and_refusals_say_why():
    assert not [k for k in SERIES_MOVES if k[0] is Series.DELETED]
    with pytest.raises(TransitionError, match="already paused"):
        check_series(Series.PAUSED, SeriesAction.PAUSE, Series.PAUSED, series_id=7)
    with pytest.raises(TransitionError, match="#7 is not paused"):
        check_series(Series.ACTIVE, SeriesAction.RESUME, Series.ACTIVE, series_id=7)


def test_the_one_writer_never_reopens_a_sent_row_and_refuses_to_move_it(db, settings):
    now = london(2026, 3, 2, 10)
    plan = [Planned("k", now + timedelta(minutes=1), "CR-2026-001: due today.")]
    common = dict(team_id=TEAM_ID, source=Source.CASE_REVIEW, source_ref="CR-2026-001", channel_id="CBU00001",
                  thread_ts=None, owner_id=None)
    with db.session() as s:
        deliveries.lay(s, planned=plan, **common)
    with time_machine.travel(now + timedelta(minutes=2), tick=False):
        assert tick(db, settings).sent == 1
    with db.session() as s:
        deliveries.lay(s, planned=[Planned("k", now + timedelta(hours=2), "again")], **common)
        assert deliveries.cancel(s, ReminderOccurrence.source_ref == "CR-2026-001") == 0
        row = s.scalars(select(ReminderOccurrence)).one()
        assert (row.state, row.text) == ("sent", "CR-2026-001: due today.")
        for after in Occurrence:
            with pytest.raises(TransitionError):
                move_occurrence(row, after)
        assert row.state == "sent"
        with pytest.raises(TransitionError):
            deliveries.cancel(s, ReminderOccurrence.source_ref == "CR-2026-001", to=Occurrence.SENT)


# --- every write of a reminder state goes through bot.reminders.states -----------------------------------------

WRITERS = ("bot/reminders/states.py", "bot/reminders/deliveries.py")  # the table, and the one writer of rows
STATE_WRITE = re.compile(r"\.state\s*=(?!=)|\bstate\s*=(?!=)|values\(\s*state")


def _reminder_code() -> list[Path]:
    files = [*(ROOT / "bot" / "reminders").glob("*.py"), ROOT / "storage" / "reminders.py"]
    for folder in ("bot", "handlers", "storage", "scripts"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if "ReminderOccurrence" in text or "ReminderSeries" in text or "bot.reminders" in text:
                files.append(path)
    return sorted(set(files))


def test_no_reminder_state_is_written_outside_the_table():
    found = []
    for path in _reminder_code():
        rel = path.relative_to(ROOT).as_posix()
        if rel in WRITERS:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if STATE_WRITE.search(code) and "mapped_column" not in code:
                found.append(f"{rel}:{n}: {line.strip()}")
    assert found == []


def test_the_scan_finds_a_hand_written_state():  # the check above can fail
    assert STATE_WRITE.search('occ.state = "cancelled"')
    assert STATE_WRITE.search('stmt.values(state="missed")')
    assert STATE_WRITE.search('ReminderOccurrence(team_id=t, state="pending")')
    assert not STATE_WRITE.search('row.state == "paused"')


# --- the one "first overdue day" rule -----------------------------------------------------------------------------

@pytest.mark.parametrize(("due_on", "now", "first"), [
    ("2026-03-02", (2026, 3, 4, 8, 59), "2026-03-04"),  # before 09:00: today's 09:00 is still to come
    ("2026-03-02", (2026, 3, 4, 9, 0), "2026-03-05"),  # from 09:00 on: tomorrow, never a row already late
    ("2026-03-02", (2026, 3, 4, 16, 0), "2026-03-05"),
    ("2026-03-02", (2026, 3, 6, 16, 0), "2026-03-09"),  # Friday afternoon: Monday
    ("2026-03-04", (2026, 3, 2, 12, 0), "2026-03-05"),  # not yet due: the working day after the deadline
    ("2026-04-01", (2026, 4, 2, 16, 0), "2026-04-07"),  # Good Friday and Easter Monday are not working days
    ("2026-03-27", (2026, 3, 29, 8, 30), "2026-03-30"),  # Sunday of the March clock change
])
def test_first_overdue_day(due_on, now, first):  # type: ignore[no-untyped-def]
    assert first_overdue_day(date.fromisoformat(due_on), london(*now)) == date.fromisoformat(first)
