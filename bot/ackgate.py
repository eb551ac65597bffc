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
from collections.abc import Iterator
from contextlib import contextmanager

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
