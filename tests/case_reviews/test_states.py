"""The route's transition table on its own."""

from __future__ import annotations

import pytest

from bot.case_reviews.states import (
    TRANSITIONS,
    Action,
    State,
    TransitionNotAllowed,
    allowed_transitions,
    transition_for,
)


def _targets(state: State) -> dict[Action, State]:
    return {t.action: t.target for t in allowed_transitions(state)}


def test_the_route_as_the_documents_describe_it():
    assert _targets(State.NOTIFIED) == {Action.CONSULT_PARTNERS: State.PARTNERS_CONSULTED}
    assert _targets(State.PARTNERS_CONSULTED) == {Action.SUBMIT_NOTIFICATION: State.PANEL_NOTIFIED,
                                                  Action.DECIDE_NOT_TO_NOTIFY: State.CLOSED}
    assert _targets(State.PANEL_NOTIFIED) == {Action.COMPLETE_RAPID_REVIEW: State.RAPID_REVIEW_SENT}
    assert _targets(State.RAPID_REVIEW_SENT) == {Action.DECIDE_LOCAL_REVIEW: State.LOCAL_REVIEW,
                                                 Action.DECIDE_NATIONAL_REVIEW: State.NATIONAL_REVIEW,
                                                 Action.DECIDE_NO_FURTHER_REVIEW: State.CLOSED}
    assert _targets(State.LOCAL_REVIEW) == {Action.SEND_REPORT: State.REPORT_SENT}
    assert _targets(State.REPORT_SENT) == {Action.PUBLISH: State.PUBLISHED}
    assert _targets(State.PUBLISHED) == {Action.CLOSE: State.CLOSED}
    assert _targets(State.NATIONAL_REVIEW) == {Action.CLOSE: State.CLOSED}
    assert _targets(State.CLOSED) == {}


def test_every_state_is_reachable_and_every_open_state_can_move():
    reached = {State.NOTIFIED} | {t.target for t in TRANSITIONS}
    assert reached == set(State)
    for state in State:
        assert bool(allowed_transitions(state)) == (state != State.CLOSED)


def test_decisions_and_closing_without_notifying_ask_for_a_rationale():
    needs = {t.action for t in TRANSITIONS if t.needs_rationale}
    assert needs == {Action.DECIDE_NOT_TO_NOTIFY, Action.DECIDE_LOCAL_REVIEW, Action.DECIDE_NATIONAL_REVIEW,
                     Action.DECIDE_NO_FURTHER_REVIEW}
    for t in TRANSITIONS:
        if t.target == State.CLOSED:
            assert t.outcome, t


@pytest.mark.parametrize(("state", "action"), [
    (State.NOTIFIED, Action.SUBMIT_NOTIFICATION),  # partners first
    (State.PANEL_NOTIFIED, Action.DECIDE_LOCAL_REVIEW),  # rapid review first
    (State.CLOSED, Action.CLOSE),
    (State.LOCAL_REVIEW, Action.PUBLISH),  # report goes 7 working days before publication
    ("no_such_state", Action.CLOSE),
    (State.NOTIFIED, "no_such_action"),
])
def test_disallowed_transitions_raise(state, action):
    with pytest.raises(TransitionNotAllowed):
        transition_for(state, action)
