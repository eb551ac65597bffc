"""Escalation flows: raise, advance, note, resolve, withdraw, list; plain functions over a Session.

Who may act is decided here (`may_act`) so the command, the buttons and the modals share one rule.
Every change writes an event (kept for the card) and an audit record (ids, states and dates only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot import timeutil
from bot.authz import Permission, Role, allowed_for
from bot.escalations import reminders
from bot.escalations.fields import Category
from bot.escalations.routes import RouteSnapshot
from bot.escalations.states import Action, State, next_state
from bot.escalations.windows import day_one, window_close
from bot.summary import OpenItem
from bot.workdays import next_working_day
from storage import audit
from storage.escalations import Escalation, EscalationEvent
from storage.references import next_reference

PREFIX = "ESC"
REF_PATTERN = re.compile(r"^ESC-\d{4}-\d{3,}$")
ENTITY = "escalation"


@dataclass(frozen=True)
class RaiseRequest:
    partnership: str
    case_ref: str
    agency: str
    category: Category
    tried: str
    outcome_wanted: str
    start_step: int = 1


class EscalationNotFound(LookupError):
    """No escalation with that reference in this workspace."""


def route_of(esc: Escalation) -> RouteSnapshot:
    return RouteSnapshot.from_json(esc.route)


def safe_ref(ref: str | None) -> str:
    """A reference fit for the audit log: crafted payloads may carry anything, so only the ESC shape is kept."""
    ref = (ref or "").strip().upper()
    return ref if REF_PATTERN.match(ref) else "invalid"


def find(session: Session, team_id: str, ref: str, *, lock: bool = False) -> Escalation:
    """The escalation in *this* workspace; another workspace's reference is simply not found."""
    stmt = select(Escalation).where(Escalation.team_id == team_id, Escalation.ref == safe_ref(ref))
    if lock:
        stmt = stmt.with_for_update()
    esc = session.scalars(stmt).one_or_none()
    if esc is None:
        raise EscalationNotFound(ref)
    return esc


def may_act(esc: Escalation, user_id: str, roles: frozenset[Role], assigned: str | None) -> bool:
    """The raiser, or someone who manages any escalation of the partnership their roles are assigned to."""
    if esc.raised_by == user_id:
        return True
    return allowed_for(roles, Permission.ESCALATION_MANAGE_ANY, assigned, esc.partnership)


def refuse(session: Session, *, team_id: str, actor_id: str, action: str, ref: str | None) -> None:
    """A refused action changes nothing but is recorded."""
    audit.record(session, team_id=team_id, actor_id=actor_id, action=f"escalation.{action}_refused",
                 entity_type=ENTITY, entity_id=safe_ref(ref))


def _event(session: Session, esc: Escalation, actor: str, kind: Action, text: str | None = None) -> None:
    session.add(EscalationEvent(team_id=esc.team_id, escalation_id=esc.id, actor_id=actor, kind=kind.value,
                                step=esc.step, text=text))


def _snapshot(esc: Escalation) -> dict[str, object]:
    return {"state": esc.state, "step": esc.step, "step_due_on": esc.step_due_on}


def raise_escalation(
    session: Session, *, team_id: str, user_id: str, request: RaiseRequest, route: RouteSnapshot,
    today: date | None = None,
) -> Escalation:
    state = next_state(None, Action.RAISE)
    today = today or timeutil.today()
    first = day_one(today)
    start = request.start_step if 1 <= request.start_step <= route.last_step else 1
    esc = Escalation(
        team_id=team_id,
        ref=next_reference(session, team_id, PREFIX, today.year),
        partnership=request.partnership,
        raised_by=user_id,
        case_ref=request.case_ref.strip(),
        agency=request.agency.strip(),
        category=request.category.value,
        tried=request.tried.strip(),
        outcome_wanted=request.outcome_wanted.strip(),
        state=state.value,
        step=start,
        highest_step=start,
        route=route.to_json(),
        day_one=first,
        step_started_on=first,
        step_due_on=window_close(first, first, route.step(start).window),
    )
    session.add(esc)
    session.flush()
    _event(session, esc, user_id, Action.RAISE)
    audit.record(session, team_id=team_id, actor_id=user_id, action="escalation.raised", entity_type=ENTITY,
                 entity_id=esc.ref, after={**_snapshot(esc), "partnership": esc.partnership,
                                           "category": esc.category, "route": route.entry_id})
    reminders.schedule_step_reminders(session, esc, route)
    return esc


def advance(session: Session, esc: Escalation, *, actor: str, reason: str, today: date | None = None) -> None:
    """Move to the next step; its window starts now (see windows.py for how it closes)."""
    route = route_of(esc)
    after = next_state(State(esc.state), Action.ADVANCE, step=esc.step, steps=route.last_step)
    before = _snapshot(esc)
    started = next_working_day(today or timeutil.today())
    esc.state = after.value
    esc.step += 1
    esc.highest_step = max(esc.highest_step, esc.step)
    esc.step_started_on = started
    esc.step_due_on = window_close(esc.day_one, started, route.step(esc.step).window)
    _event(session, esc, actor, Action.ADVANCE, reason.strip())
    audit.record(session, team_id=esc.team_id, actor_id=actor, action="escalation.advanced", entity_type=ENTITY,
                 entity_id=esc.ref, before=before, after=_snapshot(esc))
    reminders.schedule_step_reminders(session, esc, route)


def add_note(session: Session, esc: Escalation, *, actor: str, text: str) -> None:
    next_state(State(esc.state), Action.NOTE)
    _event(session, esc, actor, Action.NOTE, text.strip())
    audit.record(session, team_id=esc.team_id, actor_id=actor, action="escalation.noted", entity_type=ENTITY,
                 entity_id=esc.ref, after={"step": esc.step})


def _close(session: Session, esc: Escalation, action: Action, *, actor: str, text: str | None,
           today: date | None) -> None:
    after = next_state(State(esc.state), action)
    before = _snapshot(esc)
    esc.state = after.value
    esc.closed_on = today or timeutil.today()  # the day it happened, even a Sunday before Day 1
    if action == Action.RESOLVE:
        esc.outcome = (text or "").strip()
    _event(session, esc, actor, action, (text or "").strip() or None)
    audit.record(session, team_id=esc.team_id, actor_id=actor, action=f"escalation.{after.value}",
                 entity_type=ENTITY, entity_id=esc.ref, before=before,
                 after={**_snapshot(esc), "closed_on": esc.closed_on})
    reminders.cancel_reminders(session, esc)


def resolve(session: Session, esc: Escalation, *, actor: str, outcome: str, today: date | None = None) -> None:
    _close(session, esc, Action.RESOLVE, actor=actor, text=outcome, today=today)


def withdraw(session: Session, esc: Escalation, *, actor: str, reason: str | None = None,
             today: date | None = None) -> None:
    _close(session, esc, Action.WITHDRAW, actor=actor, text=reason, today=today)


def apply(session: Session, esc: Escalation, action: Action, *, actor: str, text: str | None) -> None:
    """One entry point for the buttons' modals and the subcommands."""
    if action == Action.ADVANCE:
        advance(session, esc, actor=actor, reason=text or "")
    elif action == Action.NOTE:
        add_note(session, esc, actor=actor, text=text or "")
    elif action == Action.RESOLVE:
        resolve(session, esc, actor=actor, outcome=text or "")
    elif action == Action.WITHDRAW:
        withdraw(session, esc, actor=actor, reason=text)
    else:
        raise ValueError(action)


def events(session: Session, esc: Escalation) -> list[EscalationEvent]:
    return list(session.scalars(
        select(EscalationEvent).where(EscalationEvent.escalation_id == esc.id).order_by(EscalationEvent.id)
    ))


def _nearest_first(rows: list[Escalation]) -> list[Escalation]:
    return sorted(rows, key=lambda e: (e.step_due_on is None, e.step_due_on or date.max, e.ref))


def list_open(session: Session, team_id: str, user_id: str, partnership: str | None = None) -> list[Escalation]:
    """The user's own open escalations, plus every open one of `partnership` when given; nearest window first."""
    who = Escalation.raised_by == user_id
    if partnership is not None:
        who = or_(who, Escalation.partnership == partnership)
    rows = session.scalars(
        select(Escalation).where(Escalation.team_id == team_id, Escalation.state == State.OPEN.value, who)
    ).all()
    return _nearest_first(list(rows))


def digest_items(session: Session, team_id: str) -> list[OpenItem]:
    """Open escalations for the weekly digest: reference, step, window end; never the free text."""
    today = timeutil.today()
    rows = session.scalars(
        select(Escalation).where(Escalation.team_id == team_id, Escalation.state == State.OPEN.value)
    ).all()
    items = []
    for esc in _nearest_first(list(rows)):
        step = route_of(esc).step(esc.step)
        items.append(OpenItem(
            ref=esc.ref, kind="escalation", title=f"Step {esc.step}: {step.title}", partnership=esc.partnership,
            next_deadline=esc.step_due_on,
            deadline_label="Step window closes" if esc.step_due_on else "No window in the route",
            overdue=esc.step_due_on is not None and esc.step_due_on < today,
        ))
    return items


def set_messages(session: Session, esc: Escalation, *, dm: tuple[str, str] | None = None,
                 card: tuple[str, str] | None = None) -> None:
    """Remember where the cards are so every change updates them in place."""
    if dm:
        esc.dm_channel, esc.dm_ts = dm
    if card:
        esc.card_channel, esc.card_ts = card
