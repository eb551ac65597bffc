"""The one working-day calendar: weekends and England bank holidays (substitute days included), offline.

Every statutory deadline (case reviews, escalation windows, papers due) is counted here. Counting is arithmetic
on weekdays less the year's weekday bank holidays, not a walk over every day: a case review's deadlines count
months of days and were most of the CPU of saving one (before its acknowledgement).
"""

from __future__ import annotations

import threading
from datetime import date, timedelta
from functools import lru_cache

import holidays

_populate = threading.Lock()  # the holidays calendar fills in a year on first look: one thread at a time


@lru_cache(maxsize=1)
def _england() -> holidays.HolidayBase:
    # subdiv ENG: England and Wales share these; observed=True adds substitute days for weekend holidays.
    return holidays.country_holidays("GB", subdiv="ENG", observed=True)


def bank_holiday_name(day: date) -> str | None:
    return _england().get(day)


@lru_cache(maxsize=512)
def _weekday_holidays(year: int) -> frozenset[date]:
    """The year's bank holidays (substitute days included) that fall Monday to Friday."""
    cal = _england()
    with _populate:
        _ = date(year, 1, 1) in cal  # fills in the year
        return frozenset(d for d in list(cal) if d.year == year and d.weekday() < 5)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _weekday_holidays(day.year)


def _weekdays_through(day: date) -> int:
    """Monday-to-Friday days from 1 January of year 1 (a Monday, ordinal 1) up to and including `day`."""
    weeks, extra = divmod(day.toordinal(), 7)
    return weeks * 5 + min(extra, 5)


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
    off = sum(1 for year in range(lo.year, hi.year + 1) for day in _weekday_holidays(year) if lo < day <= hi)
    return sign * (_weekdays_through(hi) - _weekdays_through(lo) - off)
