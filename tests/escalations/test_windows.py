"""Step windows to dates: the Warrington timeline (Day 1; Days 3-9; 9-14; 16-21) in working days."""

from __future__ import annotations

from datetime import date

from bot.escalations.windows import day_n, day_one, window_close, window_open
from bot.workdays import add_working_days
from knowledge.models import StepWindow

MON = date(2026, 2, 2)  # Day 1


def test_day_one_is_the_next_working_day():
    assert day_one(MON) == MON
    assert day_one(date(2026, 2, 7)) == date(2026, 2, 9)  # Saturday -> Monday
    assert day_one(date(2026, 4, 3)) == date(2026, 4, 7)  # Good Friday -> Tuesday after Easter Monday


def test_on_pace_steps_close_on_the_documents_days():
    assert window_close(MON, MON, StepWindow(start_day=1, end_day=1)) == MON
    assert window_close(MON, MON, StepWindow(start_day=3, end_day=9)) == date(2026, 2, 12)
    assert window_close(MON, date(2026, 2, 11), StepWindow(start_day=9, end_day=14)) == date(2026, 2, 19)
    assert window_close(MON, date(2026, 2, 20), StepWindow(start_day=16, end_day=21)) == date(2026, 3, 2)
    assert day_n(MON, 21) == add_working_days(MON, 20)


def test_a_late_step_keeps_its_full_length_from_the_day_it_started():
    late = date(2026, 2, 17)  # Day 12, after step 3's window opened on Day 9
    assert window_close(MON, late, StepWindow(start_day=9, end_day=14)) == add_working_days(late, 5)
    assert window_open(MON, late, StepWindow(start_day=9, end_day=14)) == late


def test_bank_holidays_are_skipped():
    easter_week = date(2026, 3, 30)
    assert window_close(easter_week, easter_week, StepWindow(start_day=3, end_day=9)) == date(2026, 4, 13)


def test_calendar_day_windows_and_no_window():
    assert window_close(MON, MON, StepWindow(start_day=1, end_day=7, working_days=False)) == date(2026, 2, 8)
    assert window_close(MON, MON, None) is None
