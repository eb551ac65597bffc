"""England working days: weekends, bank holidays and substitute days."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.workdays import (
    add_working_days,
    bank_holiday_name,
    is_working_day,
    previous_working_day,
    working_days_between,
)


def test_christmas_and_new_year():
    # Wed 23 Dec 2026 + 5 working days: 24, 29, 30, 31 Dec and 4 Jan (25, 28 Dec and 1 Jan are holidays).
    assert not is_working_day(date(2026, 12, 25))
    assert not is_working_day(date(2026, 12, 28))  # Boxing Day falls on Saturday: Monday is the substitute
    assert not is_working_day(date(2027, 1, 1))
    assert add_working_days(date(2026, 12, 23), 5) == date(2027, 1, 4)


def test_easter_2027():
    assert bank_holiday_name(date(2027, 3, 26)) is not None  # Good Friday
    assert bank_holiday_name(date(2027, 3, 29)) is not None  # Easter Monday
    assert add_working_days(date(2027, 3, 25), 1) == date(2027, 3, 30)


def test_may_and_august_bank_holidays():
    assert not is_working_day(date(2026, 5, 4))  # Early May
    assert not is_working_day(date(2026, 5, 25))  # Spring
    assert not is_working_day(date(2026, 8, 31))  # Summer (England, not Scotland's first Monday)
    assert is_working_day(date(2026, 8, 3))
    assert add_working_days(date(2026, 8, 28), 1) == date(2026, 9, 1)


def test_holiday_on_weekend_gets_substitute_day():
    # Christmas Day 2027 is a Saturday: Monday 27 and Tuesday 28 December are substitute days.
    assert not is_working_day(date(2027, 12, 27))
    assert not is_working_day(date(2027, 12, 28))
    assert is_working_day(date(2027, 12, 29))


def test_counting_backwards_and_previous_working_day():
    assert add_working_days(date(2026, 6, 15), -7) == date(2026, 6, 4)
    assert previous_working_day(date(2026, 8, 31)) == date(2026, 8, 28)
    assert working_days_between(date(2026, 12, 23), date(2027, 1, 4)) == 5
    assert working_days_between(date(2027, 1, 4), date(2026, 12, 23)) == -5


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)), st.integers(1, 60))
def test_adding_then_counting_round_trips(start, n):
    end = add_working_days(start, n)
    assert is_working_day(end)
    assert working_days_between(start, end) == n


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)), st.integers(-800, 800))
def test_counting_agrees_with_checking_every_day(start, span):
    end = start + timedelta(days=span)
    lo, hi = sorted((start, end))
    every_day = sum(1 for i in range(1, (hi - lo).days + 1) if is_working_day(lo + timedelta(days=i)))
    assert working_days_between(start, end) == (every_day if end >= start else -every_day)
    assert is_working_day(start) == (start.weekday() < 5 and bank_holiday_name(start) is None)
