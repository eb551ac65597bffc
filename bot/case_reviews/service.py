"""Case review flows on a Session: notify, move along the route, correct dates, list. No Slack here."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.case_reviews.deadlines import Deadlines, DeadlineStatus, Timescales, compute, from_kb, next_open
from bot.case_reviews.states import STATE_LABELS, Action, State, Transition, transition_for
from bot.summary import OpenItem
from bot.timeutil import date_range_problem
from bot.timeutil import today as london_today
from storage import audit
from storage.case_reviews import CaseReview, CaseReviewEvent
from storage.references import next_reference

ENTITY = "case_review"
PREFIX = "CR"

# The dates a person can correct, in route order (each may not be before the one above it).
DATE_FIELDS: tuple[str, ...] = (
    "incident_on", "aware_on", "partners_consulted_on", "notified_on", "rapid_review_sent_on", "decision_on",
    "report_sent_on", "published_on", "closed_on",
)
DATE_LABELS: dict[str, str] = {
    "incident_on": "Incident happened",
    "aware_on": "Local authority became aware",
    "partners_consulted_on": "Safeguarding partners consulted",
    "notified_on": "Serious Incident Notification submitted",
    "rapid_review_sent_on": "Rapid review sent to the Panel",
    "decision_on": "Review decision",
    "planned_publication_on": "Planned publication",
    "report_sent_on": "Report sent to Panel, SoS and Ofsted",
    "published_on": "Published",
    "closed_on": "Closed",
}


@dataclass
class Notification:
    """A validated Case Review Notification form (free text already screened)."""

    partnership: str
    notifying_agency: str
    notifier_role: str | None
    incident_on: date
    aware_on: date
    criteria: list[str]
    age_band: str
    agencies_involved: list[str] = field(default_factory=list)
    summary: str | None = None


def timescales(kb: object | None = None) -> Timescales:
    if kb is None:
        from knowledge import load_knowledge_base

        kb = load_knowledge_base()
    return from_kb(kb)


def deadlines_of(case: CaseReview, scales: Timescales) -> Deadlines:
    local = case.review_type == "local"
    return compute(scales, aware=case.aware_on, notified=case.notified_on,
                   review_decision=case.decision_on if local else None,
                   publication=case.planned_publication_on if local else None)


def snapshot(case: CaseReview) -> dict[str, object]:
    """Ids, states and dates only: what the audit log keeps of a case."""
    out: dict[str, object] = {"state": case.state, "outcome": case.outcome, "review_type": case.review_type}
    for name in (*DATE_FIELDS, "planned_publication_on"):
        out[name] = getattr(case, name)
    return out


def notify(session: Session, *, team_id: str, actor_id: str, form: Notification) -> CaseReview:
    ref = next_reference(session, team_id, PREFIX, london_today().year)
    case = CaseReview(
        team_id=team_id, ref=ref, partnership=form.partnership, state=State.NOTIFIED.value,
        notifier_id=actor_id, notifying_agency=form.notifying_agency, notifier_role=form.notifier_role,
        criteria=list(form.criteria), age_band=form.age_band, agencies_involved=list(form.agencies_involved),
        summary=form.summary, incident_on=form.incident_on, aware_on=form.aware_on,
    )
    session.add(case)
    session.flush()
    session.add(CaseReviewEvent(team_id=team_id, case_id=case.id, action="notify", from_state="",
                                to_state=State.NOTIFIED.value, happened_on=london_today(), actor_id=actor_id))
    audit.record(session, team_id=team_id, actor_id=actor_id, action="case_review.notify", entity_type=ENTITY,
                 entity_id=ref, after={"state": case.state, "partnership": case.partnership,
                                       "incident_on": case.incident_on, "aware_on": case.aware_on,
                                       "criteria": ",".join(case.criteria)})
    return case


_REF = re.compile(r"^CR-\d{4}-\d{3,6}$")
_WORD = re.compile(r"^[a-z_]{1,32}$")


def get_case(session: Session, team_id: str, ref: str, *, for_update: bool = False) -> CaseReview | None:
    """Only ever within the asking workspace: a reference from another workspace finds nothing."""
    stmt = select(CaseReview).where(CaseReview.team_id == team_id, CaseReview.ref == ref.strip().upper())
    if for_update:
        stmt = stmt.with_for_update()
    return session.scalars(stmt).one_or_none()


def shown_ref(ref: str) -> str:
    """A reference fit to say back: the CR shape in code type, or nothing of what was typed or pressed."""
    ref = (ref or "").strip().upper()
    return f"`{ref}`" if _REF.match(ref) else "with that reference"


def refuse(session: Session, *, team_id: str, actor_id: str, ref: str, attempted: str) -> None:
    """Only a reference of the CR shape and a known word are kept: never the characters someone typed."""
    ref = ref.strip().upper()
    audit.record(session, team_id=team_id, actor_id=actor_id, action="case_review.refused", entity_type=ENTITY,
                 entity_id=ref if _REF.match(ref) else "invalid",
                 after={"attempted": attempted if _WORD.match(attempted) else "invalid"})


def check_transition_date(case: CaseReview, transition: Transition, happened_on: date, today: date) -> str | None:
    """A field message when the date cannot be right, else None."""
    if happened_on > today:
        return "This date is in the future. Record a step once it has happened."
    floor = latest_recorded(case)
    if happened_on < floor:
        return f"This is before the case's last recorded date ({floor.isoformat()}); use 'Correct dates' first."
    return None


def latest_recorded(case: CaseReview) -> date:
    return max(d for d in (getattr(case, n) for n in DATE_FIELDS) if d is not None)


def apply_transition(
    session: Session,
    case: CaseReview,
    action: Action | str,
    *,
    actor_id: str,
    happened_on: date,
    rationale: str | None = None,
    planned_publication_on: date | None = None,
) -> Transition:
    """Move the case one step (raises TransitionNotAllowed on a stale or impossible step) and audit it."""
    t = transition_for(case.state, action)
    before = snapshot(case)
    setattr(case, t.date_field, happened_on)
    if t.outcome in ("local", "national"):
        case.review_type = t.outcome
    elif t.action == Action.DECIDE_NO_FURTHER_REVIEW:
        case.review_type = "none"
    if t.target == State.CLOSED:
        case.outcome = t.outcome
        case.closed_on = happened_on
    if t.asks_publication_date and planned_publication_on is not None:
        case.planned_publication_on = planned_publication_on
    case.state = t.target.value
    session.add(CaseReviewEvent(team_id=case.team_id, case_id=case.id, action=t.action.value,
                                from_state=t.source.value, to_state=t.target.value, happened_on=happened_on,
                                rationale=rationale or None, actor_id=actor_id))
    audit.record(session, team_id=case.team_id, actor_id=actor_id, action=f"case_review.{t.action.value}",
                 entity_type=ENTITY, entity_id=case.ref, before=before, after=snapshot(case))
    session.flush()
    return t


def check_corrections(case: CaseReview, values: dict[str, date | None], today: date) -> dict[str, str]:
    """Field messages for corrected dates: none in the future (but planned publication), route order kept."""
    merged = {n: values.get(n, getattr(case, n)) for n in (*DATE_FIELDS, "planned_publication_on")}
    errors: dict[str, str] = {}
    for name in ("incident_on", "aware_on"):
        if merged[name] is None:
            errors[name] = "This date is required."
    previous: tuple[str, date] | None = None
    for name in DATE_FIELDS:
        value = merged[name]
        if value is None:
            continue
        if problem := date_range_problem(value, today):
            errors.setdefault(name, problem)
        elif previous and value < previous[1]:
            errors.setdefault(name, f"This can't be before '{DATE_LABELS[previous[0]]}' ({previous[1].isoformat()}).")
        previous = (name, value)
    pub = merged["planned_publication_on"]
    if pub is not None and (problem := date_range_problem(pub, today, allow_future=True)):
        errors["planned_publication_on"] = problem
    elif pub is not None and merged["decision_on"] is not None and pub < merged["decision_on"]:
        errors["planned_publication_on"] = "Publication can't be planned before the review decision."
    return {n: m for n, m in errors.items() if n in values}


def correct_dates(session: Session, case: CaseReview, *, actor_id: str, values: dict[str, date | None]) -> dict:
    """Apply corrected dates (already checked); returns {field: [before, after]} of what changed."""
    changes = {n: [getattr(case, n), v] for n, v in values.items() if getattr(case, n) != v}
    if not changes:
        return {}
    before = snapshot(case)
    for name, (_old, new) in changes.items():
        setattr(case, name, new)
    session.add(CaseReviewEvent(
        team_id=case.team_id, case_id=case.id, action="correct_dates", from_state=case.state, to_state=case.state,
        actor_id=actor_id, changes={n: [o.isoformat() if o else None, v.isoformat() if v else None]
                                    for n, (o, v) in changes.items()}))
    audit.record(session, team_id=case.team_id, actor_id=actor_id, action="case_review.correct_dates",
                 entity_type=ENTITY, entity_id=case.ref, before=before, after=snapshot(case))
    session.flush()
    return changes


def notifier_open_refs(session: Session, team_id: str, user_id: str, limit: int = 5) -> list[str]:
    """The person's own open notifications, newest first: the form names them, so a notifier who never heard
    back (their confirmation and its fallback both refused) sees the reference before notifying again."""
    return list(session.scalars(
        select(CaseReview.ref).where(CaseReview.team_id == team_id, CaseReview.notifier_id == user_id,
                                     CaseReview.state != State.CLOSED.value).order_by(CaseReview.id.desc()).limit(limit)
    ))


def open_cases(
    session: Session, team_id: str, scales: Timescales, today: date
) -> list[tuple[CaseReview, DeadlineStatus | None]]:
    """Open cases, nearest deadline first (cases with no deadline pending last)."""
    cases = session.scalars(
        select(CaseReview).where(CaseReview.team_id == team_id, CaseReview.state != State.CLOSED.value)
    ).all()
    rows = [(c, next_open(deadlines_of(c, scales), c.state, today)) for c in cases]
    rows.sort(key=lambda r: (r[1] is None, r[1].due if r[1] else date.max, r[0].ref))
    return rows


def digest_items(session: Session, team_id: str, *, scales: Timescales | None = None,
                 today: date | None = None) -> list[OpenItem]:
    """Open cases with their next deadline, for the weekly digest."""
    scales = scales or timescales()
    day = today or london_today()
    return [
        OpenItem(ref=c.ref, kind=ENTITY, title=STATE_LABELS[State(c.state)], partnership=c.partnership,
                 next_deadline=nxt.due if nxt else None, deadline_label=nxt.label if nxt else "",
                 overdue=bool(nxt and nxt.overdue))
        for c, nxt in open_cases(session, team_id, scales, day)
    ]

