"""Posting claimed reminders in parallel across channels and one at a time within a channel.

Slack lets an app post about one message per second to a channel (short bursts allowed) and answers 429
with Retry-After when it posts faster; the wait applies to that channel. So each channel gets a lane: its
rows are posted in claim order by one worker, paced to the channel's rate, and a 429 (retried inside the
Web API client after Retry-After) holds up that lane only. Lanes run side by side on a pool of threads,
since a post is a network round trip (100-200 ms), not work for the CPU.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Generic, Protocol, TypeVar

from bot.logs import get_logger
from bot.slacklimits import Buckets

log = get_logger(__name__)

LANES = 64  # channels posted to at once
CHANNEL_RATE = 0.9  # posts per second per channel (Slack allows about 1, with margin), after ...
CHANNEL_BURST = 3.0  # ... a short burst


class HasChannel(Protocol):
    @property
    def channel_id(self) -> str: ...


T = TypeVar("T", bound=HasChannel)


class Lanes(Generic[T]):
    """put() items as they are claimed; each channel's items go to `post` in order, one at a time."""

    def __init__(self, post: Callable[[T], None], *, lanes: int = LANES, rate: float | None = CHANNEL_RATE,
                 burst: float = CHANNEL_BURST) -> None:
        """`rate=None` leaves pacing to Slack's 429s alone (tests whose fake Slack does not pace)."""
        self._post = post
        self._pool = ThreadPoolExecutor(max_workers=lanes, thread_name_prefix="reminder-lane")
        self._cond = threading.Condition()
        self._queues: dict[str, deque[T]] = {}
        self._pending = 0
        self._pace = Buckets()
        self._rate, self._burst = rate, burst

    @property
    def pending(self) -> int:
        with self._cond:
            return self._pending

    def put(self, item: T) -> None:
        with self._cond:
            self._pending += 1
            queue = self._queues.get(item.channel_id)
            if queue is not None:  # the lane is running: it will reach this item in turn
                queue.append(item)
                return
            self._queues[item.channel_id] = deque([item])
        try:
            self._pool.submit(self._drain, item.channel_id)
        except RuntimeError:  # the pool is shut (the interpreter is exiting): nothing will drain this lane, so
            # forget its items (their rows stay "sending" and are reconciled later) or close() would wait forever
            with self._cond:
                self._pending -= len(self._queues.pop(item.channel_id, ()))
                self._cond.notify_all()
            raise

    def _drain(self, channel: str) -> None:
        while True:
            with self._cond:
                queue = self._queues[channel]
                if not queue:
                    del self._queues[channel]
                    return
                item = queue.popleft()
            while self._rate and (wait := self._pace.take(channel, self._rate, self._burst)) > 0:
                time.sleep(wait)
            try:
                self._post(item)
            except Exception as exc:  # the row stays "sending" and is reconciled later; the lane goes on
                log.error("reminders.lane_error", error=type(exc).__name__)
            finally:
                with self._cond:
                    self._pending -= 1
                    self._cond.notify_all()

    def wait_below(self, limit: int) -> None:
        """Block until fewer than `limit` items are claimed but not yet posted."""
        with self._cond:
            while self._pending >= max(1, limit):
                self._cond.wait()

    def close(self) -> None:
        """Wait for every lane to finish."""
        self.wait_below(1)
        self._pool.shutdown(wait=True)
