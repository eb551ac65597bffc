"""The dashboard's period filter: calendar quarters, April-March years, custom dates; wrong input is a sentence."""

from __future__ import annotations

from datetime import date

from bot.insight.page import Choice, choose_period, quarters

TODAY = date(2026, 2, 10)  # in the January-March quarter and the year that began in April 2025


def test_quarters_default_to_the_last_whole_one():
    assert quarters(TODAY)[:3] == [date(2026, 1, 1), date(2025, 10, 1), date(2025, 7, 1)]
    assert choose_period({}, TODAY) == Choice("quarter", date(2025, 10, 1), date(2025, 12, 31))
    assert choose_period({"period": "quarter", "quarter": "2026-01"}, TODAY) == Choice(
        "quarter", date(2026, 1, 1), date(2026, 3, 31))
    assert isinstance(choose_period({"period": "quarter", "quarter": "2026-02"}, TODAY), str)


def test_years_run_april_to_march():
    assert choose_period({"period": "year"}, TODAY) == Choice("year", date(2025, 4, 1), date(2026, 3, 31))
    assert choose_period({"period": "year", "year": "2023"}, TODAY) == Choice("year", date(2023, 4, 1),
                                                                               date(2024, 3, 31))
    assert isinstance(choose_period({"period": "year", "year": "2019"}, TODAY), str)


def test_custom_dates_are_checked_and_never_echoed():
    ok = choose_period({"period": "custom", "since": "2025-12-01", "until": "2026-01-31"}, TODAY)
    assert ok == Choice("custom", date(2025, 12, 1), date(2026, 1, 31))
    for bad in ({"since": "2026-01-31", "until": "2025-12-01"}, {"since": "<b>x</b>", "until": "2026-01-01"},
                {"since": "1990-01-01", "until": "2026-01-01"}, {"since": "2026-01-01"}):
        problem = choose_period({"period": "custom", **bad}, TODAY)
        assert isinstance(problem, str) and "<b>" not in problem
    assert isinstance(choose_period({"period": "decade"}, TODAY), str)
