"""A short-lived cache for role and partnership lookups, emptied by any change to workspace configuration.

Every command asks who the person is and which partnership the channel belongs to (4-5 queries, a third of
a request's CPU). Those answers change only when an admin grants, revokes or sets a partnership or channel,
so they are kept for TTL seconds. A flush or commit that touches a configuration table in this process moves
a generation counter (storage.core.on_config_change): entries from an older generation are never served, and
a lookup that raced a change is not stored.

Other processes (several web workers, the clock, a CLI command) learn of a change through
storage.core.ConfigStamp: the same flush moves that one row in the same transaction, and a watched cache
compares it at most every STAMP_CHECK_SECONDS, so a grant or revoke made elsewhere holds here within about a
second, not TTL seconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from cachetools import TTLCache
from sqlalchemy.exc import SQLAlchemyError

from storage.core import on_config_change

TTL_SECONDS = 10.0
STAMP_CHECK_SECONDS = 1.0  # how stale another process's change may be here
_generation = [0]
_gen_lock = threading.Lock()
T = TypeVar("T")


def generation() -> int:
    return _generation[0]


def invalidate() -> None:
    """Every cached lookup in this process is stale from now on."""
    with _gen_lock:
        _generation[0] += 1


on_config_change(invalidate)  # this process's own changes empty the cache at once


class LookupCache:
    def __init__(self, ttl: float = TTL_SECONDS, maxsize: int = 20_000, *,
                 check_seconds: float = STAMP_CHECK_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self._cache: TTLCache[Hashable, tuple[int, Any]] = TTLCache(maxsize=maxsize, ttl=ttl)
        self._lock = threading.Lock()
        self._stamp: Callable[[], int | None] | None = None
        self._seen: int | None = None
        self._check_seconds = check_seconds
        self._clock = clock
        self._next_check = float("-inf")

    def watch(self, stamp: Callable[[], int | None]) -> None:
        """Compare `stamp()` (the committed ConfigStamp) at most every check_seconds; a new value empties the
        cache, because another process changed the configuration."""
        self._stamp = stamp

    def _sync(self) -> None:
        if self._stamp is None:
            return
        now = self._clock()
        if now < self._next_check:
            return
        self._next_check = now + self._check_seconds
        try:
            value = self._stamp()
        except SQLAlchemyError:
            return  # the lookup itself reads the database next and reports the outage
        if value != self._seen:
            self._seen = value
            invalidate()

    def get(self, key: Hashable, load: Callable[[], T]) -> T:
        self._sync()
        gen = generation()
        with self._lock:
            hit = self._cache.get(key)
        if hit is not None and hit[0] == gen:
            return hit[1]  # type: ignore[no-any-return]
        value = load()
        with self._lock:
            if generation() == gen:
                self._cache[key] = (gen, value)
        return value
