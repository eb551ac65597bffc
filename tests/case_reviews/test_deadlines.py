"""The deadline rule in England working days, around the holidays that move it."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import date

import pytest

from bot.case_reviews.deadlines import Timescales, compute, from_kb, next_open, statuses
from bot.case_reviews.states import State
from knowledge import load_knowledge_base


@dataclass(frozen=True)
class TS:
    amount: int
    unit: str
    direction: str


NATIONAL = Timescales(
    panel_notification=TS(5, "working_days", "after"),
    partners_informed=TS(5, "working_days", "after"),
    rapid_review=TS(15, "working_days", "after"),
    publication=TS(6, "months", "after"),
    report_before_publication=TS(7, "working_days", "before"),
)


@pytest.mark.parametrize(("aware", "due"), [
    (date(2025, 12, 19), date(2025, 12, 30)),  # Christmas Day and Boxing Day skipped
    (date(2025, 12, 23), date(2026, 1, 2)),  # ... and New Year's Day
    (date(2021, 12, 23), date(2022, 1, 4)),  # Christmas and New Year on weekends: substitute days 27, 28 Dec, 3 Jan
    (date(2026, 4, 1), date(2026, 4, 10)),  # Good Friday and Easter Monday
    (date(2026, 4, 30), date(2026, 5, 8)),  # early May bank holiday
    (date(2026, 5, 20), date(2026, 5, 28)),  # spring bank holiday
    (date(2026, 8, 27), date(2026, 9, 4)),  # summer bank holiday
    (date(2026, 5, 2), date(2026, 5, 11)),  # became aware on a Saturday before a bank holiday Monday
    (date(2026, 2, 2), date(2026, 2, 9)),  # an ordinary week
])
def test_panel_notification_and_partners_informed(aware, due):
    d = compute(NATIONAL, aware=aware)
    assert d.panel_notification_due == due
    assert d.partners_informed_due == due
    assert d.rapid_review_due is None and d.publication_due is None and d.report_to_panel_due is None


def test_rapid_review_fifteen_working_days_after_notification_across_easter():
    assert compute(NATIONAL, aware=date(2026, 3, 30), notified=date(2026, 4, 2)).rapid_review_due == date(2026, 4, 27)


def test_rapid_review_across_christmas_and_new_year():
    # 24 Dec 2025 + 15 working days: 29, 30, 31 Dec, 2 Jan, 5-9 Jan, 12-16 Jan, then Mon 19 Jan
    assert compute(NATIONAL, aware=date(2025, 12, 22), notified=date(2025, 12, 24)).rapid_review_due == date(
        2026, 1, 19)


def test_publication_six_calendar_months_and_report_seven_working_days_before():
    d = compute(NATIONAL, aware=date(2026, 1, 5), notified=date(2026, 1, 6), review_decision=date(2026, 3, 31))
    assert d.publication_due == date(2026, 9, 30)  # month ends clamp
    assert d.report_to_panel_due == date(2026, 9, 21)  # before the latest allowed publication date
    planned = compute(NATIONAL, aware=date(2026, 1, 5), review_decision=date(2026, 3, 31),
                      publication=date(2026, 6, 2))
    assert planned.report_to_panel_due == date(2026, 5, 21)  # back over the spring bank holiday
    assert compute(NATIONAL, aware=date(2025, 8, 1), review_decision=date(2025, 8, 31)).publication_due == date(
        2026, 2, 28)


def test_rule_follows_the_timescales_it_is_given():
    other = Timescales(TS(3, "working_days", "after"), TS(2, "calendar_days", "after"), TS(1, "working_days", "after"),
                       TS(1, "months", "after"), TS(1, "working_days", "before"))
    d = compute(other, aware=date(2026, 4, 2), notified=date(2026, 4, 2), review_decision=date(2026, 1, 31))
    assert d.panel_notification_due == date(2026, 4, 9)
    assert d.partners_informed_due == date(2026, 4, 4)
    assert d.rapid_review_due == date(2026, 4, 7)
    assert d.publication_due == date(2026, 2, 28)
    assert d.report_to_panel_due == date(2026, 2, 27)


def test_timescales_come_from_the_knowledge_base():
    scales = from_kb(load_knowledge_base())
    assert (scales.panel_notification.amount, scales.panel_notification.unit) == (5, "working_days")
    assert (scales.rapid_review.amount, scales.rapid_review.unit) == (15, "working_days")
    assert (scales.publication.amount, scales.publication.unit) == (6, "months")
    assert (scales.report_before_publication.amount, scales.report_before_publication.direction) == (7, "before")
    assert compute(scales, aware=date(2025, 12, 19)) == compute(NATIONAL, aware=date(2025, 12, 19))


def test_statuses_count_working_days_left_and_overdue():
    d = compute(NATIONAL, aware=date(2025, 12, 19))  # due Tue 30 Dec
    by_name = {s.name: s for s in statuses(d, State.NOTIFIED, date(2025, 12, 24))}
    assert by_name["panel_notification_due"].working_days_left == 2 and not by_name["panel_notification_due"].overdue
    late = {s.name: s for s in statuses(d, State.PARTNERS_CONSULTED, date(2026, 1, 2))}
    assert late["panel_notification_due"].working_days_left == -2 and late["panel_notification_due"].overdue
    assert not late["partners_informed_due"].open  # partners were consulted: that step is done
    assert next_open(d, State.PARTNERS_CONSULTED, date(2026, 1, 2)).name == "panel_notification_due"
    assert next_open(d, State.CLOSED, date(2026, 1, 2)) is None


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", "deadlines", *args], capture_output=True, text=True,
                          timeout=60)


def test_cli_json():
    out = _cli("--aware", "2026-04-01", "--notified", "2026-04-02", "--review-decision", "2026-05-01",
               "--publication", "2026-06-02", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {
        "panel_notification_due": "2026-04-10",
        "partners_informed_due": "2026-04-10",
        "rapid_review_due": "2026-04-27",
        "publication_due": "2026-11-01",
        "report_to_panel_due": "2026-05-21",
    }
    only_aware = json.loads(_cli("--aware", "2025-12-19", "--json").stdout)
    assert only_aware["panel_notification_due"] == "2025-12-30" and only_aware["rapid_review_due"] is None


def test_cli_table_and_bad_date():
    out = _cli("--aware", "2025-12-19")
    assert out.returncode == 0 and "Tue 30 Dec 2025" in out.stdout
    bad = _cli("--aware", "19/12/2025")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
