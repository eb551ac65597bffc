"""Follow-up work waits while other requests are unanswered (bot/ackgate.py), and never forever."""

from __future__ import annotations

import threading

from bot.ackgate import AckGate


def test_no_request_open_follow_up_goes_at_once() -> None:
    gate = AckGate()
    assert gate.open == 0
    assert gate.after_acks(timeout=5) is True


def test_follow_up_waits_until_the_open_requests_are_answered() -> None:
    gate = AckGate()
    opened, release, followed = threading.Event(), threading.Event(), []

    def request() -> None:
        with gate.request():
            opened.set()
            release.wait(5)
            followed.append(("answered", gate.open))

    t = threading.Thread(target=request)
    t.start()
    opened.wait(5)
    assert gate.open == 1
    waiter = threading.Thread(target=lambda: followed.append(("follow-up", gate.after_acks(timeout=5))))
    waiter.start()
    waiter.join(0.2)
    assert followed == []  # still waiting: the request is not answered yet
    release.set()
    t.join(5)
    waiter.join(5)
    assert followed == [("answered", 1), ("follow-up", True)]
    assert gate.open == 0


def test_follow_up_goes_ahead_after_the_bound_under_steady_load() -> None:
    gate = AckGate()
    with gate.request():
        assert gate.after_acks(timeout=0.05) is False
    assert gate.open == 0


def test_a_failing_request_is_still_counted_out() -> None:
    gate = AckGate()
    try:
        with gate.request():
            raise RuntimeError("listener fault")
    except RuntimeError:
        pass
    assert gate.open == 0 and gate.after_acks(timeout=5) is True
