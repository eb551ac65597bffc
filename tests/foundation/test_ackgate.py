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


def test_the_request_thread_is_released_by_the_ack_not_by_polling() -> None:
    import time

    from slack_bolt import BoltResponse

    from bot.ackgate import AckWaitingExecutor, SignalledAck, expect_ack

    pool = AckWaitingExecutor(max_workers=2)
    release = threading.Event()

    def listener(ack: SignalledAck) -> None:
        time.sleep(0.05)  # the listener reads and checks before it acks
        ack()
        release.wait(5)  # the follow-up work (the answer) is still going when the request thread goes on

    acked = SignalledAck()
    expect_ack(acked)
    future = pool.submit(listener, acked)
    assert isinstance(acked.response, BoltResponse) and not future.done()  # submit returned at the ack
    release.set()

    def fails(_ack: SignalledAck) -> None:
        time.sleep(0.05)
        raise RuntimeError("before acking")

    failed = SignalledAck()
    expect_ack(failed)
    future = pool.submit(fails, failed)
    assert future.done() and failed.response is None  # the listener's end released it; Bolt handles the rest
    pool.shutdown(wait=True)


def test_bolts_ack_poll_never_sleeps(services, fake_slack, monkeypatch) -> None:
    import logging
    import time
    import urllib.parse

    import slack_bolt.listener.thread_runner as runner
    from slack_bolt import Ack, App, BoltRequest
    from slack_sdk import WebClient

    from bot.ackgate import AckWaitingExecutor
    from handlers.middleware import register

    app = App(client=WebClient(token="xoxb-test", base_url=fake_slack.api_url), signing_secret="unused",
              token_verification_enabled=False, request_verification_enabled=False,
              logger=logging.getLogger("slack_bolt"),  # as bot/app.py: Bolt's loggers keep the cap (no body logs)
              listener_executor=AckWaitingExecutor(max_workers=4))
    register(app, services)

    @app.command("/slow")
    def slow(ack: Ack) -> None:
        time.sleep(0.05)  # a modal's answer is known only after its database work
        ack()

    slept: list[float] = []

    class Clock:
        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(time, name)

        @staticmethod
        def sleep(seconds: float) -> None:
            slept.append(seconds)
            time.sleep(seconds)

    monkeypatch.setattr(runner, "time", Clock())
    body = urllib.parse.urlencode({"command": "/slow", "text": "", "team_id": "T1", "user_id": "U1",
                                   "channel_id": "C1", "response_url": fake_slack.response_url("t")})
    response = app.dispatch(BoltRequest(body=body, headers={"content-type": ["application/x-www-form-urlencoded"]}))
    assert response.status == 200
    assert slept == []
