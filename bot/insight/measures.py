"""The quality-assurance measures, computed once for every surface (CLI pack, Slack, dashboard).

Dates are the days things happened (Europe/London) and every "within N working days" uses the case-review
deadline rule and the escalation window rule themselves (`bot.case_reviews.deadlines`, `bot.escalations.windows`),
so a chart can never disagree with a card. Nothing here reads free text: references, agencies, steps, dates.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import median

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from bot.case_reviews.deadlines import Timescales, compute
from bot.case_reviews.states import State as CaseState
from bot.escalations.routes import RouteSnapshot
from bot.escalations.states import State as EscState
from bot.escalations.windows import window_close
from bot.reminders.deliveries import Source
from bot.timeutil import LONDON, to_london
from bot.workdays import next_working_day, working_days_between
from storage.answers import AnswerFeedback, question_counts
from storage.case_reviews import CaseReview
from storage.escalations import Escalation, EscalationEvent
from storage.reminders import ReminderOccurrence, ReminderSeries

SUPPRESS_BELOW = 5  # published safeguarding statistics hide counts of 1-4: they could identify a case
ON_TIME_MINUTES = 15  # a reminder posted within this of its due time was on time
CLOSED_CASE_STATES = frozenset({CaseState.CLOSED.value, CaseState.PUBLISHED.value})


@dataclass(frozen=True)
class Period:
    """The partnership (None: all, for admins) and the days, inclusive, that the measures cover."""

    partnership: str | None
    since: date
    until: date
    team_id: str | None = None

    def covers(self, day: date | None) -> bool:
        return day is not None and self.since <= day <= self.until

    def months(self) -> list[str]:
        out, day = [], self.since.replace(day=1)
        while day <= self.until:
            out.append(f"{day:%Y-%m}")
            day = (day + timedelta(days=32)).replace(day=1)
        return out


def suppressed(count: int) -> bool:
    """A count that must not be shown on its own (1-4); zero is safe to show."""
    return 0 < count < SUPPRESS_BELOW


def shown(count: int) -> str:
    return "fewer than 5" if suppressed(count) else str(count)


@dataclass
class Rate:
    """How many of `total` met a deadline; `late` names the references that did not (for the business unit)."""

    met: int = 0
    total: int = 0
    late: list[str] = field(default_factory=list)

    def add(self, ok: bool, ref: str) -> None:
        self.total += 1
        if ok:
            self.met += 1
        else:
            self.late.append(ref)

    @property
    def percent(self) -> float | None:
        return round(100 * self.met / self.total, 1) if self.total else None

    @property
    def hidden(self) -> bool:
        """Too few cases to show as a rate without pointing at one of them."""
        return 0 < self.total < SUPPRESS_BELOW

    def words(self) -> str:
        if not self.total:
            return "none in the period"
        if self.hidden:
            return "fewer than 5 cases (figure withheld)"
        return f"{self.met} of {self.total}"


@dataclass
class CaseReviewMeasures:
    by_month: Counter[str] = field(default_factory=Counter)  # month became aware -> notifications
    panel_within: Rate = field(default_factory=Rate)  # Panel told within the timescale of awareness
    rapid_within: Rate = field(default_factory=Rate)  # rapid review sent within the timescale of notification
    report_before: Rate = field(default_factory=Rate)  # report sent before publication, by the timescale
    decision_days: list[int] = field(default_factory=list)  # working days, Panel notified -> decision
    decisions: Counter[str] = field(default_factory=Counter)  # local | national | none
    open_by_stage: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # state -> (ref, days in it)

    @property
    def median_decision_days(self) -> float | None:
        return median(self.decision_days) if self.decision_days else None


def _case_stage_start(case: CaseReview) -> date:
    dates = [e.happened_on for e in case.events if e.happened_on and e.to_state == case.state]
    return max(dates) if dates else to_london(case.created_at).date()


def case_reviews(session: Session, period: Period, scales: Timescales, today: date) -> CaseReviewMeasures:
    """Case reviews aware, notified, decided or published in the period, and those open today."""
    stmt = select(CaseReview)
    if period.partnership:
        stmt = stmt.where(CaseReview.partnership == period.partnership)
    if period.team_id:
        stmt = stmt.where(CaseReview.team_id == period.team_id)
    out = CaseReviewMeasures(by_month=Counter({m: 0 for m in period.months()}))
    for case in session.scalars(stmt.order_by(CaseReview.ref)):
        due = compute(scales, aware=case.aware_on, notified=case.notified_on, review_decision=case.decision_on,
                      publication=case.published_on or case.planned_publication_on)
        if period.covers(case.aware_on):
            out.by_month[f"{case.aware_on:%Y-%m}"] += 1
            panel_due = due.panel_notification_due
            if case.notified_on is not None:
                out.panel_within.add(case.notified_on <= panel_due, case.ref)
            elif case.outcome is None and panel_due is not None and panel_due < today:
                out.panel_within.add(False, case.ref)  # still not told and past the deadline
        if period.covers(case.notified_on) and due.rapid_review_due is not None:
            if case.rapid_review_sent_on is not None:
                out.rapid_within.add(case.rapid_review_sent_on <= due.rapid_review_due, case.ref)
            elif due.rapid_review_due < today and case.state == CaseState.PANEL_NOTIFIED.value:
                out.rapid_within.add(False, case.ref)
        if period.covers(case.decision_on):
            out.decisions[case.review_type or "none"] += 1
            if case.notified_on is not None and case.decision_on is not None:
                out.decision_days.append(working_days_between(case.notified_on, case.decision_on))
        if period.covers(case.report_sent_on) and due.report_to_panel_due is not None:
            out.report_before.add(case.report_sent_on <= due.report_to_panel_due, case.ref)
        if case.state not in CLOSED_CASE_STATES and case.closed_on is None:
            days = max(0, working_days_between(_case_stage_start(case), today))
            out.open_by_stage.setdefault(case.state, []).append((case.ref, days))
    return out


@dataclass
class StepTime:
    """Working days each escalation spent at one step, and whether it stayed inside the step's window."""

    days: list[int] = field(default_factory=list)
    within: Rate = field(default_factory=Rate)

    @property
    def median_days(self) -> float | None:
        return median(self.days) if self.days else None


@dataclass
class EscalationMeasures:
    by_month: Counter[str] = field(default_factory=Counter)
    by_agency: Counter[str] = field(default_factory=Counter)
    resolved_at_step: Counter[int] = field(default_factory=Counter)
    steps: dict[int, StepTime] = field(default_factory=dict)
    resolved_within: Rate = field(default_factory=Rate)  # resolved with every step inside its window
    open_now: int = 0
    overdue: list[tuple[str, int]] = field(default_factory=list)  # (ref, step) past the step's window today


def _london_day(moment: datetime) -> date:
    return to_london(moment).date()


def _spans(esc: Escalation, events: list[EscalationEvent], today: date) -> list[tuple[int, date, date]]:
    """(step, first day, last day) of each step the escalation stood at, from its history."""
    spans: list[tuple[int, date, date]] = []
    step, start = None, esc.day_one
    for event in events:
        if event.kind == "raise":
            step, start = event.step, esc.day_one
        elif event.kind == "advance" and step is not None:
            began = next_working_day(_london_day(event.at))
            spans.append((step, start, began))
            step, start = event.step, began
    if step is not None:
        end = esc.closed_on if esc.closed_on else today
        spans.append((step, start, max(start, end)))
    return spans


def escalations(session: Session, period: Period, today: date) -> EscalationMeasures:
    """Escalations raised (Day 1) in the period, with the time they spent at each step; open ones as of today."""
    stmt = select(Escalation).where(Escalation.day_one >= period.since, Escalation.day_one <= period.until)
    if period.partnership:
        stmt = stmt.where(Escalation.partnership == period.partnership)
    if period.team_id:
        stmt = stmt.where(Escalation.team_id == period.team_id)
    rows = list(session.scalars(stmt.order_by(Escalation.day_one, Escalation.ref)))
    history: dict[int, list[EscalationEvent]] = defaultdict(list)
    if rows:
        ids = [e.id for e in rows]
        for chunk in range(0, len(ids), 500):
            q = select(EscalationEvent).where(EscalationEvent.escalation_id.in_(ids[chunk:chunk + 500]))
            for event in session.scalars(q.order_by(EscalationEvent.id)):
                history[event.escalation_id].append(event)
    out = EscalationMeasures(by_month=Counter({m: 0 for m in period.months()}))
    for esc in rows:
        out.by_month[f"{esc.day_one:%Y-%m}"] += 1
        out.by_agency[esc.agency] += 1
        route = RouteSnapshot.from_json(esc.route)
        all_inside = True
        for step, start, end in _spans(esc, history[esc.id], today):
            timing = out.steps.setdefault(step, StepTime())
            timing.days.append(working_days_between(start, end))
            due = window_close(esc.day_one, start, route.step(step).window) if step <= route.last_step else None
            if due is not None:
                finished = esc.state != EscState.OPEN.value or step != esc.step
                inside = end <= due
                if finished or not inside:  # an open step still inside its window is not judged yet
                    timing.within.add(inside, esc.ref)
                all_inside = all_inside and inside
        if esc.state == EscState.RESOLVED.value:
            out.resolved_at_step[esc.step] += 1
            out.resolved_within.add(all_inside, esc.ref)
        elif esc.state == EscState.OPEN.value:
            out.open_now += 1
            if esc.step_due_on is not None and esc.step_due_on < today:
                out.overdue.append((esc.ref, esc.step))
    return out


@dataclass
class QuestionMeasures:
    by_week: dict[date, Counter[str]] = field(default_factory=dict)  # Monday -> outcome -> questions
    by_topic: Counter[str] = field(default_factory=Counter)  # answered questions by the answer's topic
    unanswered_by_topic: Counter[str] = field(default_factory=Counter)  # the rest, by the nearest topic ("" none)
    outcomes: Counter[str] = field(default_factory=Counter)  # answer | did_you_mean | cannot_answer | ...
    safety: int = 0  # replies that led with 999 and the front door
    rated: int = 0
    not_helpful: int = 0

    @property
    def not_helpful_percent(self) -> float | None:
        return round(100 * self.not_helpful / self.rated, 1) if self.rated else None


def _bounds(period: Period) -> tuple[datetime, datetime]:
    start = datetime.combine(period.since, datetime.min.time(), tzinfo=LONDON)
    end = datetime.combine(period.until + timedelta(days=1), datetime.min.time(), tzinfo=LONDON)
    return start, end


def questions(session: Session, period: Period) -> QuestionMeasures:
    """How questions were answered, from the counts (no text: the unanswered questions themselves, redacted,
    are the business unit's `kb gaps`), and how answers were rated."""
    start, end = _bounds(period)
    out = QuestionMeasures()
    for row in question_counts(session, since=period.since, until=period.until, team_id=period.team_id,
                               partnership=period.partnership):
        out.by_week.setdefault(row.week, Counter())[row.outcome] += row.count
        out.outcomes[row.outcome] += row.count
        out.safety += row.count if row.safety else 0
        if row.outcome == "answer" and row.topic:
            out.by_topic[row.topic] += row.count
        elif row.outcome != "answer" and not row.safety:  # a worry's reply is the 999 line, not a gap
            out.unanswered_by_topic[row.topic] += row.count
    fb = select(AnswerFeedback.helpful).where(AnswerFeedback.created_at >= start, AnswerFeedback.created_at < end)
    if period.team_id:
        fb = fb.where(AnswerFeedback.team_id == period.team_id)
    if period.partnership:  # entry ids start with the partnership slug; national entries count for everyone
        fb = fb.where(AnswerFeedback.entry_id.startswith(f"{period.partnership}.")
                      | AnswerFeedback.entry_id.startswith("national."))
    for (helpful,) in session.execute(fb):
        out.rated += 1
        out.not_helpful += 0 if helpful else 1
    return out


@dataclass
class ReminderMeasures:
    on_time: int = 0
    late: int = 0
    failed: int = 0  # failed or missed: never reached the channel

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.failed


def reminders(session: Session, period: Period) -> ReminderMeasures:
    """Reminders due in the period: posted on time, late, or never (failed or missed). For one partnership: its
    series' reminders and those of its case reviews and escalations (which have no series)."""
    start, end = _bounds(period)
    stmt = (select(ReminderOccurrence.state, ReminderOccurrence.due_at, ReminderOccurrence.sent_at)
            .outerjoin(ReminderSeries, ReminderSeries.id == ReminderOccurrence.series_id)
            .where(ReminderOccurrence.due_at >= start, ReminderOccurrence.due_at < end,
                   ReminderOccurrence.state.in_(("sent", "failed", "missed"))))
    if period.partnership:  # a series' own partnership, or the case review's or escalation's it reminds about
        occ, p = ReminderOccurrence, period.partnership
        stmt = stmt.where(or_(
            ReminderSeries.partnership == p,
            and_(occ.source == Source.CASE_REVIEW.value, exists().where(
                CaseReview.team_id == occ.team_id, CaseReview.ref == occ.source_ref, CaseReview.partnership == p)),
            and_(occ.source == Source.ESCALATION.value, exists().where(
                Escalation.team_id == occ.team_id, Escalation.ref == occ.source_ref, Escalation.partnership == p))))
    if period.team_id:
        stmt = stmt.where(ReminderOccurrence.team_id == period.team_id)
    out = ReminderMeasures()
    for state, due_at, sent_at in session.execute(stmt):
        if state != "sent" or sent_at is None:
            out.failed += 1
        elif to_london(sent_at) - to_london(due_at) <= timedelta(minutes=ON_TIME_MINUTES):
            out.on_time += 1
        else:
            out.late += 1
    return out


@dataclass
class Measures:
    period: Period
    today: date
    case_reviews: CaseReviewMeasures
    escalations: EscalationMeasures
    questions: QuestionMeasures
    reminders: ReminderMeasures


def build(session: Session, period: Period, scales: Timescales, today: date) -> Measures:
    """Every measure of the period, read in one session."""
    return Measures(period=period, today=today, case_reviews=case_reviews(session, period, scales, today),
                    escalations=escalations(session, period, today), questions=questions(session, period),
                    reminders=reminders(session, period))
