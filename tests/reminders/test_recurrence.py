"""The recurrence parser: the phrases business units use, and field-level errors for the rest."""

from __future__ import annotations

import itertools
from datetime import date, time

import pytest

from bot.reminders.recurrence import RecurrenceError, describe, meetings, parse


def _first(text: str, n: int = 3, start: date = date(2026, 1, 1)) -> list[str]:
    rule = parse(text)
    at = time.fromisoformat(rule["time"]) if rule["time"] else time(10, 0)
    return [f"{m:%a %d %b %Y %H:%M %Z}" for m in itertools.islice(meetings(rule, start, at), n)]


def test_every_two_months_second_tuesday_keeps_wall_clock_into_bst():
    assert _first("every 2 months on the second Tuesday at 10:00") == [
        "Tue 13 Jan 2026 10:00 GMT", "Tue 10 Mar 2026 10:00 GMT", "Tue 12 May 2026 10:00 BST"]


def test_quarterly_first_monday():
    assert _first("quarterly on the first Monday") == [
        "Mon 05 Jan 2026 10:00 GMT", "Mon 06 Apr 2026 10:00 BST", "Mon 06 Jul 2026 10:00 BST"]


def test_monthly_last_friday_at_1430():
    assert _first("monthly on the last Friday at 14:30") == [
        "Fri 30 Jan 2026 14:30 GMT", "Fri 27 Feb 2026 14:30 GMT", "Fri 27 Mar 2026 14:30 GMT"]


def test_every_six_months_anchors_on_first_date():
    assert _first("every 6 months", start=date(2026, 3, 16)) == [
        "Mon 16 Mar 2026 10:00 GMT", "Wed 16 Sep 2026 10:00 BST", "Tue 16 Mar 2027 10:00 GMT"]


def test_annually_on_1_july():
    assert _first("annually on 1 July", 2) == ["Wed 01 Jul 2026 10:00 BST", "Thu 01 Jul 2027 10:00 BST"]


@pytest.mark.parametrize("words", ["bi-monthly", "six-monthly", "quarterly", "monthly", "weekly", "annually"])
def test_knowledge_base_frequencies_parse(words):
    assert parse(words)["unit"] in {"weekly", "monthly", "yearly"}


def test_describe_round_trip():
    assert describe(parse("every 2 months on the second Tuesday at 10:00")) == "every 2 months on the second Tuesday"
    assert describe(parse("fortnightly on thursday at 2pm")) == "every 2 weeks on Thursday"


@pytest.mark.parametrize(("words", "message"), [
    ("every blue moon", "couldn't tell how often"),
    ("monthly on the fifth tuesday", "didn't understand"),
    ("annually on 31 February", "no 31 February"),
    ("monthly at 25:00", "not a time"),
    ("every week on the first monday", "weekly meeting takes a day"),
    ("monthly on 1 July", "only fits an annual"),
    ("monthly on the 32nd", "1 to 31"),
    ("monthly on the 0th", "last day in shorter months"),
    ("", "how often"),
])
def test_errors_say_what_is_wrong(words, message):
    with pytest.raises(RecurrenceError, match=message):
        parse(words)


def _days(text: str, start: date, n: int) -> list[str]:
    rule = parse(text)
    return [f"{m:%d %b %Y}" for m in itertools.islice(meetings(rule, start, time(10, 0)), n)]


def test_monthly_on_the_31st_is_the_last_day_of_shorter_months():
    assert _days("monthly on the 31st", date(2026, 1, 1), 5) == [
        "31 Jan 2026", "28 Feb 2026", "31 Mar 2026", "30 Apr 2026", "31 May 2026"]
    assert describe(parse("monthly on the 31st")) == "monthly on day 31 (or the month's last day)"


def test_monthly_on_the_30th_stays_on_the_30th_in_long_months_and_29th_in_a_leap_february():
    assert _days("monthly on the 30th", date(2028, 1, 1), 4) == [
        "30 Jan 2028", "29 Feb 2028", "30 Mar 2028", "30 Apr 2028"]


def test_every_n_months_from_the_31st_never_skips_a_short_month():
    assert _days("every 6 months", date(2026, 8, 31), 4) == [
        "31 Aug 2026", "28 Feb 2027", "31 Aug 2027", "29 Feb 2028"]
    assert _days("quarterly", date(2026, 1, 31), 4) == ["31 Jan 2026", "30 Apr 2026", "31 Jul 2026", "31 Oct 2026"]
    assert _days("monthly", date(2026, 1, 29), 3) == ["29 Jan 2026", "28 Feb 2026", "29 Mar 2026"]


def test_annually_from_29_february_is_28_february_in_ordinary_years():
    assert _days("annually", date(2028, 2, 29), 3) == ["29 Feb 2028", "28 Feb 2029", "28 Feb 2030"]
    assert _days("annually on 29 February", date(2026, 1, 1), 3) == ["28 Feb 2026", "28 Feb 2027", "29 Feb 2028"]
