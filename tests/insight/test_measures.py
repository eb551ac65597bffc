"""The QA measures on seeded data whose answers were worked out by hand (working days, bank holidays, windows)."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from bot.case_reviews import service as cases
from bot.case_reviews.states import Action
from bot.escalations import service as escalations
from bot.escalations.fields import Category
from bot.escalations.routes import snapshot_route
from bot.insight import measures
from tests.conftest import TEAM_ID
from tests.escalations.conftest import london

BU = "UBUSUNIT1"
Q2 = measures.Period("halton", date(2026, 3, 1), date(2026, 5, 31))


def _case(s, aware: date, *, partnership: str = "halton", notified: date | None = None,
          rapid: date | None = None, not_notified: date | None = None):  # type: ignore[no-untyped-def]
    form = cases.Notification(partnership=partnership, notifying_agency="police", notifier_role=None,
                              incident_on=aware, aware_on=aware, criteria=["seriously_harmed"], age_band="5_10")
    with time_machine.travel(london(aware.year, aware.month, aware.day), tick=False):
        case = cases.notify(s, team_id=TEAM_ID, actor_id=BU, form=form)
    steps = [(Action.CONSULT_PARTNERS, aware)]
    if notified:
        steps.append((Action.SUBMIT_NOTIFICATION, notified))
    if rapid:
        steps.append((Action.COMPLETE_RAPID_REVIEW, rapid))
    if not_notified:
        steps.append((Action.DECIDE_NOT_TO_NOTIFY, not_notified))
    for action, day in steps:
        cases.apply_transition(s, case, action, actor_id=BU, happened_on=day, rationale="decided")
    return case


@pytest.fixture
def ten_cases(db):  # type: ignore[no-untyped-def]
    """Ten Halton cases aware in March-May 2026: nine told the Panel in time, one late."""
    with db.session() as s:
        refs = []
        # Aware Tue 31 Mar; Good Friday (3 Apr) and Easter Monday (6 Apr) are not working days, so the 5th working
        # day is Thu 9 Apr: notified that day is on time, though 9 calendar days later.
        refs.append(_case(s, date(2026, 3, 31), notified=date(2026, 4, 9)).ref)
        # Aware Mon 2 Mar, 5th working day Mon 9 Mar; notified Tue 10 Mar: late.
        refs.append(_case(s, date(2026, 3, 2), notified=date(2026, 3, 10)).ref)
        for day in (3, 4, 5, 10, 11, 12, 17, 18):  # eight more in May, each notified the next day
            refs.append(_case(s, date(2026, 5, day), notified=date(2026, 5, day + 1)).ref)
        # Not counted: decided not to notify; aware before the period; another partnership.
        _case(s, date(2026, 4, 1), not_notified=date(2026, 4, 2))
        _case(s, date(2026, 2, 2), notified=date(2026, 2, 3))
        _case(s, date(2026, 4, 1), partnership="wirral", notified=date(2026, 4, 20))
    return refs


def test_panel_notification_counts_working_days_across_easter(db, ten_cases):
    with db.session() as s:
        m = measures.build(s, Q2, cases.timescales(), date(2026, 6, 1))
    rate = m.case_reviews.panel_within
    assert (rate.met, rate.total) == (9, 10)
    assert rate.late == [ten_cases[1]]
    assert rate.words() == "9 of 10"
    assert dict(m.case_reviews.by_month) == {"2026-03": 2, "2026-04": 1, "2026-05": 8}


def test_rapid_review_within_fifteen_working_days_and_overdue_ones_count_as_late(db):
    with db.session() as s:
        # Notified Thu 9 Apr; 15 working days later is Thu 30 Apr: sent that day is on time.
        on_time = _case(s, date(2026, 4, 7), notified=date(2026, 4, 9), rapid=date(2026, 4, 30))
        # Notified Mon 4 May (a bank holiday is no working day; the date is what was recorded); due Tue 26 May
        # (15 working days after Mon 4 May skips the late May bank holiday, Mon 25 May); sent Wed 27 May: late.
        late = _case(s, date(2026, 5, 1), notified=date(2026, 5, 4), rapid=date(2026, 5, 27))
        # Notified Fri 8 May and nothing sent by 1 June (due Mon 1 June... still due today): not judged yet.
        _case(s, date(2026, 5, 7), notified=date(2026, 5, 8))
        m = measures.build(s, Q2, cases.timescales(), date(2026, 6, 1))
    rate = m.case_reviews.rapid_within
    assert (rate.met, rate.total, rate.late) == (1, 2, [late.ref])
    assert on_time.ref not in rate.late
    assert rate.hidden and rate.words() == "fewer than 5 cases (figure withheld)"


def test_open_cases_by_stage_with_working_days_in_the_stage(db):
    with db.session() as s:
        case = _case(s, date(2026, 5, 26), notified=date(2026, 5, 27))
        m = measures.build(s, Q2, cases.timescales(), date(2026, 6, 1))
    # In "panel_notified" since Wed 27 May: Thu, Fri, Mon = 3 working days on Mon 1 June.
    assert m.case_reviews.open_by_stage == {"panel_notified": [(case.ref, 3)]}


def test_small_numbers_are_withheld():
    assert [measures.shown(n) for n in (0, 1, 4, 5)] == ["0", "fewer than 5", "fewer than 5", "5"]
    assert measures.Rate(met=3, total=4).words() == "fewer than 5 cases (figure withheld)"
    assert measures.Rate(met=0, total=0).words() == "none in the period"


def _raise(s, kb, day: date, agency: str):  # type: ignore[no-untyped-def]
    request = escalations.RaiseRequest(partnership="warrington", case_ref="-", agency=agency,
                                       category=Category.THRESHOLD, tried="Talked.", outcome_wanted="Reviewed.")
    with time_machine.travel(london(day.year, day.month, day.day), tick=False):
        return escalations.raise_escalation(s, team_id=TEAM_ID, user_id="UMANAGER1", request=request,
                                            route=snapshot_route(kb, "warrington"), today=day)


def _at(day: date, act, *args, **kw):  # type: ignore[no-untyped-def]
    with time_machine.travel(london(day.year, day.month, day.day), tick=False):
        act(*args, **kw, today=day)


def test_escalation_steps_windows_and_overdue(db, services):
    kb = services.kb
    with db.session() as s:
        # Raised Mon 5 Jan (Day 1); step 1's window closes Day 1. Advanced Wed 7 Jan: 2 working days at step 1,
        # past its window. Step 2 (Days 3-9, closes Fri 15 Jan); resolved Mon 12 Jan: 3 working days, inside.
        a = _raise(s, kb, date(2026, 1, 5), "NSPCC")
        _at(date(2026, 1, 7), escalations.advance, s, a, actor="UMANAGER1", reason="No agreement")
        _at(date(2026, 1, 12), escalations.resolve, s, a, actor="UMANAGER1", outcome="Agreed")
        # Raised and resolved on Mon 5 Jan at step 1: 0 working days, inside its window.
        b = _raise(s, kb, date(2026, 1, 5), "Torus")
        _at(date(2026, 1, 5), escalations.resolve, s, b, actor="UMANAGER1", outcome="Agreed")
        # Raised Tue 6 Jan, advanced Wed 7 and Thu 8 Jan; step 3 (Days 9-14) closes Fri 23 Jan; still open on
        # Mon 2 Feb: 17 working days at step 3 and overdue.
        c = _raise(s, kb, date(2026, 1, 6), "NSPCC")
        _at(date(2026, 1, 7), escalations.advance, s, c, actor="UMANAGER1", reason="No agreement")
        _at(date(2026, 1, 8), escalations.advance, s, c, actor="UMANAGER1", reason="Still none")
        _raise(s, kb, date(2026, 2, 2), "Cheshire Constabulary")  # raised today: open, inside its window
        m = measures.escalations(s, measures.Period("warrington", date(2026, 1, 1), date(2026, 2, 28)),
                                 date(2026, 2, 2))
    assert dict(m.by_month) == {"2026-01": 3, "2026-02": 1}
    assert dict(m.by_agency) == {"NSPCC": 2, "Torus": 1, "Cheshire Constabulary": 1}
    assert dict(m.resolved_at_step) == {2: 1, 1: 1}
    assert sorted(m.steps[1].days) == [0, 0, 1, 2]
    assert (m.steps[1].within.met, m.steps[1].within.total) == (1, 3)  # b inside; a and c past Day 1
    assert m.steps[2].days == [3, 1] and m.steps[2].within.met == 2
    assert m.steps[3].days == [17] and m.steps[3].within.late == [c.ref]
    assert (m.resolved_within.met, m.resolved_within.total, m.resolved_within.late) == (1, 2, [a.ref])
    assert m.open_now == 2 and m.overdue == [(c.ref, 3)]
