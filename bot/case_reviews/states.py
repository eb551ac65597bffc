"""The route a notified serious incident follows, as one explicit transition table.

Sources: CWAC 000 s.8 (teleconference, Serious Incident Notification, Rapid Review Panel), Halton 002 s.5
(notify within 5 working days, rapid review within 15, decision and rationale, report 7 working days before
publication, publication within six months), Warrington 003 s.6, Wirral 004 2.35-2.37.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    NOTIFIED = "notified"
    PARTNERS_CONSULTED = "partners_consulted"
    PANEL_NOTIFIED = "panel_notified"
    RAPID_REVIEW_SENT = "rapid_review_sent"
    LOCAL_REVIEW = "local_review"
    NATIONAL_REVIEW = "national_review"
    REPORT_SENT = "report_sent"
    PUBLISHED = "published"
    CLOSED = "closed"


class Action(StrEnum):
    CONSULT_PARTNERS = "consult_partners"
    SUBMIT_NOTIFICATION = "submit_notification"
    DECIDE_NOT_TO_NOTIFY = "decide_not_to_notify"
    COMPLETE_RAPID_REVIEW = "complete_rapid_review"
    DECIDE_LOCAL_REVIEW = "decide_local_review"
    DECIDE_NATIONAL_REVIEW = "decide_national_review"
    DECIDE_NO_FURTHER_REVIEW = "decide_no_further_review"
    SEND_REPORT = "send_report"
    PUBLISH = "publish"
    CLOSE = "close"


@dataclass(frozen=True)
class Transition:
    action: Action
    source: State
    target: State
    label: str  # the button
    date_label: str  # what the date in the modal is
    date_field: str  # the CaseReview column the date goes into
    needs_rationale: bool = False
    outcome: str | None = None  # recorded when the transition closes the case or fixes the review type
    asks_publication_date: bool = False


TRANSITIONS: tuple[Transition, ...] = (
    Transition(Action.CONSULT_PARTNERS, State.NOTIFIED, State.PARTNERS_CONSULTED,
               "Partners consulted", "Date the safeguarding partners discussed the case", "partners_consulted_on"),
    Transition(Action.SUBMIT_NOTIFICATION, State.PARTNERS_CONSULTED, State.PANEL_NOTIFIED,
               "Notification sent to Panel", "Date the Serious Incident Notification was submitted",
               "notified_on"),
    Transition(Action.DECIDE_NOT_TO_NOTIFY, State.PARTNERS_CONSULTED, State.CLOSED,
               "Decided not to notify", "Date of the decision not to notify", "closed_on",
               needs_rationale=True, outcome="not_notified"),
    Transition(Action.COMPLETE_RAPID_REVIEW, State.PANEL_NOTIFIED, State.RAPID_REVIEW_SENT,
               "Rapid review sent to Panel", "Date the rapid review was sent to the Panel", "rapid_review_sent_on"),
    Transition(Action.DECIDE_LOCAL_REVIEW, State.RAPID_REVIEW_SENT, State.LOCAL_REVIEW,
               "Local review (LCSPR)", "Date of the decision to hold a local review", "decision_on",
               needs_rationale=True, outcome="local", asks_publication_date=True),
    Transition(Action.DECIDE_NATIONAL_REVIEW, State.RAPID_REVIEW_SENT, State.NATIONAL_REVIEW,
               "National review", "Date the Panel decided on a national review", "decision_on",
               needs_rationale=True, outcome="national"),
    Transition(Action.DECIDE_NO_FURTHER_REVIEW, State.RAPID_REVIEW_SENT, State.CLOSED,
               "No further review", "Date of the decision", "decision_on",
               needs_rationale=True, outcome="no_further_review"),
    Transition(Action.SEND_REPORT, State.LOCAL_REVIEW, State.REPORT_SENT,
               "Report sent to Panel, SoS, Ofsted",
               "Date the final report went to the Panel, Secretary of State and Ofsted", "report_sent_on",
               asks_publication_date=True),
    Transition(Action.PUBLISH, State.REPORT_SENT, State.PUBLISHED,
               "Published", "Date the report (or improvement information) was published", "published_on"),
    Transition(Action.CLOSE, State.PUBLISHED, State.CLOSED, "Close case", "Date closed", "closed_on",
               outcome="published"),
    Transition(Action.CLOSE, State.NATIONAL_REVIEW, State.CLOSED, "Close case", "Date closed", "closed_on",
               outcome="national_review"),
)

_BY_KEY: dict[tuple[State, Action], Transition] = {(t.source, t.action): t for t in TRANSITIONS}

STATE_LABELS: dict[State, str] = {
    State.NOTIFIED: "Notified to the business unit",
    State.PARTNERS_CONSULTED: "Safeguarding partners consulted",
    State.PANEL_NOTIFIED: "Serious Incident Notification submitted to the Panel",
    State.RAPID_REVIEW_SENT: "Rapid review sent to the Panel",
    State.LOCAL_REVIEW: "Local child safeguarding practice review under way",
    State.NATIONAL_REVIEW: "National review (commissioned by the Panel)",
    State.REPORT_SENT: "Final report sent to the Panel, Secretary of State and Ofsted",
    State.PUBLISHED: "Published",
    State.CLOSED: "Closed",
}

OUTCOME_LABELS: dict[str, str] = {
    "not_notified": "decided not to notify the Panel",
    "no_further_review": "no further review",
    "national_review": "national review",
    "published": "review published",
}


class TransitionNotAllowed(ValueError):
    """The case has moved on (a stale card) or the action never applies in this state."""


def allowed_transitions(state: State | str) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == State(state)]


def transition_for(state: State | str, action: Action | str) -> Transition:
    try:
        return _BY_KEY[(State(state), Action(action))]
    except (KeyError, ValueError):
        raise TransitionNotAllowed(f"{action} is not allowed from {state}") from None


def is_open(state: State | str) -> bool:
    return State(state) != State.CLOSED
