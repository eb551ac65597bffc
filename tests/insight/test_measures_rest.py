"""The measures test_measures.py leaves out, on hand-worked data: review decisions and the time to them, reports
sent before publication, questions by topic, and reminders posted on time, late or never."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

from bot.case_reviews import service as cases
from bot.case_reviews.states import Action
from bot.escalations import service as escalations
from bot.escalations.fields import Category
from bot.escalations.routes import snapshot_route
from bot.insight import measures
from storage.answers import CountKey, add_question_counts
from storage.reminders import ReminderOccurrence, ReminderSeries
from tests.conftest import TEAM_ID
from tests.insight.test_measures import BU, Q2, _case


def _decided(s, action: Action, decided: date, *, report: date | None = None,  # type: ignore[no-untyped-def]
             publication: date | None = None):
    """Aware Mon 2 Mar 2026, Panel told Tue 3 Mar, rapid review Fri 20 Mar, then `action` on `decided`."""
    case = _case(s, date(2026, 3, 2), notified=date(2026, 3, 3), rapid=date(2026, 3, 20))
    cases.apply_transition(s, case, action, actor_id=BU, happened_on=decided, rationale="decided",
                           planned_publication_on=publication)
    if report:
        cases.apply_transition(s, case, Action.SEND_REPORT, actor_id=BU, happened_on=report)
    return case


def test_decisions_by_type_time_to_decision_and_reports_before_publication(db):
    with db.session() as s:
        # Publication planned Fri 29 May; 7 working days before it, skipping the bank holiday on Mon 25 May, is
        # Tue 19 May: a report sent that day is on time, one sent Wed 20 May is late.
        on_time = _decided(s, Action.DECIDE_LOCAL_REVIEW, date(2026, 4, 2), report=date(2026, 5, 19),
                           publication=date(2026, 5, 29))
        late = _decided(s, Action.DECIDE_LOCAL_REVIEW, date(2026, 4, 2), report=date(2026, 5, 20),
                        publication=date(2026, 5, 29))
        # Tue 3 Mar to Thu 2 Apr is 22 working days (20 left in March, then 1 and 2 April); Tue 3 Mar to Tue 7 Apr
        # is 23, because Good Friday and Easter Monday are not working days.
        _decided(s, Action.DECIDE_NATIONAL_REVIEW, date(2026, 4, 7))
        _decided(s, Action.DECIDE_NO_FURTHER_REVIEW, date(2026, 4, 7))
        _decided(s, Action.DECIDE_NO_FURTHER_REVIEW, date(2026, 6, 2))  # decided after the period: not counted
        m = measures.build(s, Q2, cases.timescales(), date(2026, 6, 1)).case_reviews
    assert dict(m.decisions) == {"local": 2, "national": 1, "none": 1}
    assert sorted(m.decision_days) == [22, 22, 23, 23] and m.median_decision_days == 22.5
    assert (m.report_before.met, m.report_before.total, m.report_before.late) == (1, 2, [late.ref])
    assert on_time.ref not in m.report_before.late


def test_questions_by_topic_count_answered_questions_of_the_partnership_only(db):
    week = date(2026, 5, 18)
    with db.session() as s:
        add_question_counts(s, Counter({
            CountKey(TEAM_ID, "halton", week, "Groups", "answer", False): 4,
            CountKey(TEAM_ID, "halton", week + timedelta(days=7), "Groups", "answer", False): 2,
            CountKey(TEAM_ID, "halton", week, "Escalation", "answer", True): 3,
            CountKey(TEAM_ID, "halton", week, "Groups", "did_you_mean", False): 5,  # not answered: no topic count
            CountKey(TEAM_ID, "wirral", week, "Groups", "answer", False): 9,  # another partnership's
            CountKey(TEAM_ID, "halton", date(2026, 6, 8), "Groups", "answer", False): 8,  # after the period
        }))
        q = measures.questions(s, Q2)
    assert dict(q.by_topic) == {"Groups": 6, "Escalation": 3}
    assert dict(q.unanswered_by_topic) == {"Groups": 5}  # the "did you mean": under the topic it was nearest
    assert dict(q.outcomes) == {"answer": 9, "did_you_mean": 5} and q.safety == 3
    assert {day: dict(c) for day, c in q.by_week.items()} == {week: {"answer": 7, "did_you_mean": 5},
                                                             week + timedelta(days=7): {"answer": 2}}


def test_reminders_posted_on_time_late_or_never(db, services):  # type: ignore[no-untyped-def]
    due = datetime(2026, 5, 11, 8, 0, tzinfo=UTC)  # 09:00 in London (BST)
    with db.session() as s:
        series = {p: ReminderSeries(team_id=TEAM_ID, kind="meeting", name="Group", partnership=p, channel_id="C1",
                                    owner_id=BU, first_date=date(2026, 5, 11), at_time="09:00", state="active")
                  for p in ("halton", "wirral")}
        s.add_all(series.values())
        s.flush()
        rows = [("halton", due, "sent", due + timedelta(minutes=15)),  # on time: within 15 minutes
                ("halton", due + timedelta(days=1), "sent", due + timedelta(days=1, minutes=16)),  # late
                ("halton", due + timedelta(days=2), "failed", None),
                ("halton", due + timedelta(days=3), "missed", None),
                ("halton", due + timedelta(days=4), "pending", None),  # not due yet when looked at: not counted
                ("halton", datetime(2026, 6, 1, 8, tzinfo=UTC), "sent", datetime(2026, 6, 1, 8, tzinfo=UTC)),
                ("wirral", due, "failed", None)]
        for n, (p, at, state, sent) in enumerate(rows):
            s.add(ReminderOccurrence(team_id=TEAM_ID, series_id=series[p].id, source="series",
                                     source_ref=str(series[p].id), key=f"k{n}", due_at=at, attempt_at=at,
                                     channel_id="C1", text="Group", state=state, sent_at=sent))
        # A case review's and an escalation's reminders have no series: they count for the case's partnership.
        halton_case = _case(s, date(2026, 5, 4), notified=date(2026, 5, 5))
        wirral_case = _case(s, date(2026, 5, 4), partnership="wirral")
        request = escalations.RaiseRequest(partnership="halton", case_ref="-", agency="Torus housing",
                                           category=Category.THRESHOLD, tried="Talked.", outcome_wanted="Reviewed.")
        esc = escalations.raise_escalation(s, team_id=TEAM_ID, user_id=BU, request=request,
                                           route=snapshot_route(services.kb, "halton"), today=date(2026, 5, 4))
        for n, (source, ref) in enumerate((("case_review", halton_case.ref), ("case_review", wirral_case.ref),
                                           ("escalation", esc.ref), ("escalation", "ESC-NONE"))):
            s.add(ReminderOccurrence(team_id=TEAM_ID, source=source, source_ref=ref, key=f"c{n}", due_at=due,
                                     attempt_at=due, channel_id="C1", text="Due", state="sent", sent_at=due))
        s.flush()
        r = measures.reminders(s, Q2)
        everyone = measures.reminders(s, measures.Period(None, Q2.since, Q2.until))
    assert (r.on_time, r.late, r.failed, r.total) == (3, 1, 2, 6)
    assert (everyone.on_time, everyone.failed) == (5, 3)  # all partnerships: every row, the escalation's too


def test_a_rapid_review_never_sent_and_past_its_deadline_counts_as_late(db):
    with db.session() as s:
        # Notified Thu 9 Apr, due Thu 30 Apr (15 working days, none a bank holiday): sent that day, on time.
        _case(s, date(2026, 4, 7), notified=date(2026, 4, 9), rapid=date(2026, 4, 30))
        # Notified Thu 9 Apr too and still not sent on Mon 1 June: late, though nothing was recorded late.
        unsent = _case(s, date(2026, 4, 7), notified=date(2026, 4, 9))
        m = measures.build(s, Q2, cases.timescales(), date(2026, 6, 1)).case_reviews
    assert (m.rapid_within.met, m.rapid_within.total, m.rapid_within.late) == (1, 2, [unsent.ref])


def test_unanswered_questions_are_shown_by_the_topic_they_came_nearest_to(db):
    from bot.insight.blocks import unanswered_topics

    week = date(2026, 5, 18)
    with db.session() as s:
        add_question_counts(s, Counter({
            CountKey(TEAM_ID, "halton", week, "Processes", "did_you_mean", False): 7,
            CountKey(TEAM_ID, "halton", week, "Glossary", "cannot_answer", False): 2,
            CountKey(TEAM_ID, "halton", week, "", "cannot_answer", False): 4,
            CountKey(TEAM_ID, "halton", week, "", "answer", True): 6,  # a worry: the 999 reply is no gap
        }))
        q = measures.questions(s, Q2)
    assert dict(q.unanswered_by_topic) == {"Processes": 7, "Glossary": 2, "": 4}
    assert unanswered_topics(q.unanswered_by_topic) == "Processes 7; Glossary 2; nothing close 4"
    assert unanswered_topics(Counter()) == "none"
