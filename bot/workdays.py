"""The one working-day calendar: weekends and England bank holidays (substitute days included), offline.

Every statutory deadline (case reviews, escalation windows, papers due) is counted here.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=1)
def _england() -> holidays.HolidayBase:
    # subdiv ENG: England and Wales share these; observed=True adds substitute days for weekend holidays.
    return holidays.country_holidays("GB", subdiv="ENG", observed=True)


def bank_holiday_name(day: date) -> str | None:
    return _england().get(day)


@lru_cache(maxsize=8192)
def is_working_day(day: date) -> bool:
    """Cached: a case's deadlines and reminders ask about the same few weeks hundreds of times per change, and
    a holidays lookup costs ~2 us against ~0.1 us for the cache (the calendar never changes in a process)."""
    return day.weekday() < 5 and day not in _england()


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start` (n > 0) or before it (n < 0); `start` itself never counts."""
    if n == 0:
        return start
    step = timedelta(days=1 if n > 0 else -1)
    remaining = abs(n)
    day = start
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def next_working_day(day: date) -> date:
    """`day` itself if it is a working day, else the first one after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def previous_working_day(day: date) -> date:
    """`day` itself if it is a working day, else the last one before it (papers deadlines move earlier)."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`; negative when `end` is before `start`."""
    if end == start:
        return 0
    sign = 1 if end > start else -1
    lo, hi = (start, end) if sign > 0 else (end, start)
    count = sum(1 for i in range(1, (hi - lo).days + 1) if is_working_day(lo + timedelta(days=i)))
    return sign * count
