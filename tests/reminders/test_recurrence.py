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
    ("monthly on the 31st", "1 to 28"),
    ("", "how often"),
])
def test_errors_say_what_is_wrong(words, message):
    with pytest.raises(RecurrenceError, match=message):
        parse(words)
