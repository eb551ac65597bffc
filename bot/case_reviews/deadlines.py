"""Statutory deadlines of a case, computed from the knowledge base's timescales in England working days.

`compute()` is pure: it takes the timescales as arguments so the rule can be tested (and checked from
outside with `safeguarding-bot deadlines`) without loading the knowledge base.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any, Protocol

from dateutil.relativedelta import relativedelta

from bot.case_reviews.states import State
from bot.workdays import add_working_days, working_days_between

KB_IDS = {
    "panel_notification": "national.timescale.panel-notification",
    "partners_informed": "national.timescale.partners-informed",
    "rapid_review": "national.timescale.rapid-review",
    "publication": "national.timescale.publication",
    "report_before_publication": "national.timescale.report-before-publication",
}


class TimescaleLike(Protocol):
    amount: int
    unit: str
    direction: str


@dataclass(frozen=True)
class Timescales:
    panel_notification: TimescaleLike
    partners_informed: TimescaleLike
    rapid_review: TimescaleLike
    publication: TimescaleLike
    report_before_publication: TimescaleLike


@dataclass(frozen=True)
class Deadlines:
    panel_notification_due: date | None
    partners_informed_due: date | None
    rapid_review_due: date | None
    publication_due: date | None
    report_to_panel_due: date | None

    def as_json(self) -> dict[str, str | None]:
        return {k: (v.isoformat() if v else None) for k, v in asdict(self).items()}


# Deadline name -> what a person reads, and the states in which it is still to be met.
LABELS: dict[str, str] = {
    "panel_notification_due": "Notification to the Panel",
    "partners_informed_due": "Safeguarding partners informed",
    "rapid_review_due": "Rapid review to the Panel",
    "publication_due": "Publication (at the latest)",
    "report_to_panel_due": "Report to Panel, SoS and Ofsted",
}
OPEN_IN: dict[str, frozenset[State]] = {
    "panel_notification_due": frozenset({State.NOTIFIED, State.PARTNERS_CONSULTED}),
    "partners_informed_due": frozenset({State.NOTIFIED}),
    "rapid_review_due": frozenset({State.PANEL_NOTIFIED}),
    "publication_due": frozenset({State.LOCAL_REVIEW, State.REPORT_SENT}),
    "report_to_panel_due": frozenset({State.LOCAL_REVIEW}),
}


def apply(timescale: TimescaleLike, base: date) -> date:
    """Move `base` by the timescale; working days skip weekends and England bank holidays."""
    sign = 1 if timescale.direction == "after" else -1
    if timescale.unit == "working_days":
        return add_working_days(base, sign * timescale.amount)
    if timescale.unit == "calendar_days":
        return base + timedelta(days=sign * timescale.amount)
    if timescale.unit == "months":
        return base + relativedelta(months=sign * timescale.amount)
    raise ValueError(f"unknown timescale unit {timescale.unit!r}")


def compute(
    scales: Timescales,
    *,
    aware: date,
    notified: date | None = None,
    review_decision: date | None = None,
    publication: date | None = None,
) -> Deadlines:
    """Every deadline that its starting event allows; the report is due before the planned publication
    date, or before the latest allowed publication date while none is planned."""
    publication_due = apply(scales.publication, review_decision) if review_decision else None
    publish_on = publication or publication_due
    return Deadlines(
        panel_notification_due=apply(scales.panel_notification, aware),
        partners_informed_due=apply(scales.partners_informed, aware),
        rapid_review_due=apply(scales.rapid_review, notified) if notified else None,
        publication_due=publication_due,
        report_to_panel_due=apply(scales.report_before_publication, publish_on) if publish_on else None,
    )


def from_kb(kb: Any) -> Timescales:
    """The timescales as the knowledge base writes them (the one place they are written)."""
    return Timescales(**{name: kb.timescale(entry_id) for name, entry_id in KB_IDS.items()})


@dataclass(frozen=True)
class DeadlineStatus:
    name: str
    label: str
    due: date
    open: bool
    working_days_left: int  # negative when overdue; 0 on the day

    @property
    def overdue(self) -> bool:
        return self.open and self.working_days_left < 0


def statuses(deadlines: Deadlines, state: State | str, today: date) -> list[DeadlineStatus]:
    """Each known deadline with whether it is still to be met and how many working days remain."""
    out = []
    for name, due in asdict(deadlines).items():
        if due is None:
            continue
        left = working_days_between(today, due)
        out.append(DeadlineStatus(name, LABELS[name], due, State(state) in OPEN_IN[name], left))
    return out


def next_open(deadlines: Deadlines, state: State | str, today: date) -> DeadlineStatus | None:
    pending = [s for s in statuses(deadlines, state, today) if s.open]
    return min(pending, key=lambda s: s.due) if pending else None
