"""The state machine on its own: the explicit table, and advancing bounded by the route's steps."""

from __future__ import annotations

import pytest

from bot.escalations.states import TRANSITIONS, Action, State, TransitionError, allowed_actions, next_state


def test_table_is_exactly_open_to_step_n_to_resolved_or_withdrawn():
    assert TRANSITIONS == {
        (None, Action.RAISE): State.OPEN,
        (State.OPEN, Action.ADVANCE): State.OPEN,
        (State.OPEN, Action.NOTE): State.OPEN,
        (State.OPEN, Action.RESOLVE): State.RESOLVED,
        (State.OPEN, Action.WITHDRAW): State.WITHDRAWN,
    }


@pytest.mark.parametrize("closed", [State.RESOLVED, State.WITHDRAWN])
@pytest.mark.parametrize("action", list(Action))
def test_closed_escalations_accept_nothing(closed, action):
    with pytest.raises(TransitionError):
        next_state(closed, action, step=1, steps=4)


def test_advance_stops_at_the_last_step():
    assert next_state(State.OPEN, Action.ADVANCE, step=3, steps=4) == State.OPEN
    with pytest.raises(TransitionError, match="last step"):
        next_state(State.OPEN, Action.ADVANCE, step=4, steps=4)


def test_raise_only_from_nothing():
    assert next_state(None, Action.RAISE) == State.OPEN
    with pytest.raises(TransitionError):
        next_state(State.OPEN, Action.RAISE)


def test_buttons_follow_the_table():
    assert allowed_actions(State.OPEN, step=1, steps=4) == [Action.ADVANCE, Action.NOTE, Action.RESOLVE,
                                                            Action.WITHDRAW]
    assert allowed_actions(State.OPEN, step=1, steps=1) == [Action.NOTE, Action.RESOLVE, Action.WITHDRAW]
    assert allowed_actions(State.RESOLVED, step=2, steps=4) == []
