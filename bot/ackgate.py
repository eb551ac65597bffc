"""Acknowledgements before follow-up work: requests still waiting for their ack go first.

Slack gives an app 3 seconds to acknowledge a request; the card, the confirmation DM and the reminders a form
submission implies can come a moment later. The server is one Python process, so the threads doing follow-up
work for earlier submissions share the interpreter with those still working towards an ack: 50 forms submitted
together took up to 2 s to be acknowledged while the first ones' cards were rendered. A listener calls
`after_acks()` right after its ack: it waits while any other request is still being handled by the HTTP server
(not yet answered), for at most `MAX_WAIT`, so a burst is acknowledged first and then followed up.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from slack_bolt import Ack, BoltResponse

T = TypeVar("T")

MAX_WAIT = 1.0  # seconds; under steady load follow-up work is delayed at most this long


class AckGate:
    """Counts requests the HTTP server is handling; follow-up work waits until none are (bounded)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._open = 0

    @property
    def open(self) -> int:
        with self._cond:
            return self._open

    @contextmanager
    def request(self) -> Iterator[None]:
        """Around one HTTP request, from arrival until its response (the ack) is returned."""
        with self._cond:
            self._open += 1
        try:
            yield
        finally:
            with self._cond:
                self._open -= 1
                if self._open == 0:
                    self._cond.notify_all()

    def after_acks(self, timeout: float = MAX_WAIT) -> bool:
        """Wait until no request is being handled (the caller's own is answered within Bolt's 10 ms poll);
        False if `timeout` passed first (the follow-up goes ahead anyway)."""
        with self._cond:
            return self._cond.wait_for(lambda: self._open == 0, timeout)


# -- the HTTP thread is woken by the ack, not by polling ---------------------------------------------------------
# Bolt runs a listener on its executor and the HTTP thread polls `ack.response` every 10 ms until the listener
# has acked: 5 ms added to every acknowledgement on average, and under load every waiting HTTP thread woke 100
# times a second to take the interpreter lock from the threads doing real work. `SignalledAck` sets an event when
# its response is set (by `ack()` or by Bolt's error handling); `AckWaitingExecutor.submit`, called by Bolt's
# runner on the HTTP thread right before its poll loop, waits for that event (or the listener's end), so Bolt's
# loop then finds the response at once. Middleware puts the request's SignalledAck on `context["ack"]` and
# calls `expect_ack` (handlers/middleware.py): Bolt's `next()` only marks the chain to go on, so the listener is
# submitted after the middleware has returned, on the same thread.
ACK_TIMEOUT = 3.0  # Bolt's own ack_timeout
_expected = threading.local()
_after = threading.local()


class Replayed(BaseException):
    """Raised by `ack()` when the request turns out to be a replay: the rest of the listener must not run.

    A BaseException, so neither `handlers.common.guarded` nor Bolt's error handler (both catch Exception) tells
    anyone "something went wrong"; the listener thread's future holds it and nothing reads it."""


@contextmanager
def checked_after_ack(check: Callable[[], bool] | None) -> Iterator[None]:
    """The request handled on this thread inside the block is run only if `check()` is True, asked right after
    its ack is sent (the HTTP gate's replay claim for a slash command: bot/http_guard.py)."""
    _after.check = check
    try:
        yield
    finally:
        _after.check = None


class SignalledAck(Ack):
    """Bolt's Ack, with an event set once there is a response to send, and the request's post-ack check."""

    def __init__(self) -> None:
        self.acked = threading.Event()
        self._check: Callable[[], bool] | None = getattr(_after, "check", None)
        _after.check = None  # the request's own ack only
        super().__init__()

    def __call__(self, *args: Any, **kwargs: Any) -> BoltResponse:
        """Send the ack; then, before the listener goes on, the request's check (a replay stops it here)."""
        response = super().__call__(*args, **kwargs)
        check, self._check = self._check, None
        if check is not None and not check():
            raise Replayed
        return response

    @property  # type: ignore[override]
    def response(self) -> BoltResponse | None:
        return self._response

    @response.setter
    def response(self, value: BoltResponse | None) -> None:
        self._response = value
        if value is not None:
            self.acked.set()


def expect_ack(ack: SignalledAck) -> None:
    """The next listener submitted from this thread (within ACK_TIMEOUT) is this request's."""
    _expected.ack = (ack, time.monotonic())


class AckWaitingExecutor(ThreadPoolExecutor):
    """Bolt's listener executor: a listener submitted from a request's thread is waited for until it acks."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future = super().submit(fn, *args, **kwargs)
        expected: tuple[SignalledAck, float] | None = getattr(_expected, "ack", None)
        _expected.ack = None  # the request's first listener only (a lazy one would be the second)
        if expected is not None and time.monotonic() - expected[1] < ACK_TIMEOUT:
            ack = expected[0]
            future.add_done_callback(lambda _: ack.acked.set())  # finished without acking: Bolt decides
            ack.acked.wait(ACK_TIMEOUT)
        return future
