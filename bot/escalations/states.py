"""The escalation state machine as one explicit table: open (at step n) -> resolved | withdrawn.

Advancing keeps the state `open` and moves to the next step of the snapshot route; the step number
lives on the row, the table says which actions each state accepts.
"""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"
    WITHDRAWN = "withdrawn"


class Action(StrEnum):
    RAISE = "raise"
    ADVANCE = "advance"
    NOTE = "note"
    RESOLVE = "resolve"
    WITHDRAW = "withdraw"


# (state before, action) -> state after. `None` is "no escalation yet".
TRANSITIONS: dict[tuple[State | None, Action], State] = {
    (None, Action.RAISE): State.OPEN,
    (State.OPEN, Action.ADVANCE): State.OPEN,
    (State.OPEN, Action.NOTE): State.OPEN,
    (State.OPEN, Action.RESOLVE): State.RESOLVED,
    (State.OPEN, Action.WITHDRAW): State.WITHDRAWN,
}

CLOSED = frozenset({State.RESOLVED, State.WITHDRAWN})


class TransitionError(ValueError):
    """The action is not possible from the escalation's current state or step; the message says why."""


def next_state(state: State | None, action: Action, *, step: int = 1, steps: int = 1) -> State:
    """The state after `action`; advancing past the route's last step is refused too."""
    after = TRANSITIONS.get((state, action))
    if after is None:
        where = f"an escalation that is {state.value}" if state else "an escalation that does not exist"
        raise TransitionError(f"You can't {action.value} {where}.")
    if action == Action.ADVANCE and step >= steps:
        raise TransitionError(f"Step {step} is the last step of this route: resolve or withdraw the escalation.")
    return after


def allowed_actions(state: State, *, step: int, steps: int) -> list[Action]:
    """The buttons a card offers, in order."""
    out: list[Action] = []
    for action in (Action.ADVANCE, Action.NOTE, Action.RESOLVE, Action.WITHDRAW):
        if (state, action) in TRANSITIONS and not (action == Action.ADVANCE and step >= steps):
            out.append(action)
    return out
