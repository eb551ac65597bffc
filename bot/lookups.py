"""A short-lived cache for role and partnership lookups, emptied by any change to workspace configuration.

Every command asks who the person is and which partnership the channel belongs to (4-5 queries, a third of
a request's CPU). Those answers change only when an admin grants, revokes or sets a partnership or channel,
so they are kept for TTL seconds. A flush or commit that touches a configuration table in this process moves
a generation counter: entries from an older generation are never served, and a lookup that raced a change is
not stored. Another process's change shows here within TTL seconds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from cachetools import TTLCache
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

from storage.core import ChannelSetting, RoleMembership, UserSetting, Workspace

TTL_SECONDS = 10.0
CONFIG_TABLES: tuple[type, ...] = (RoleMembership, ChannelSetting, UserSetting, Workspace)
_FLAG = "sg_config_changed"
_generation = [0]
_gen_lock = threading.Lock()
T = TypeVar("T")


def generation() -> int:
    return _generation[0]


def invalidate() -> None:
    """Every cached lookup in this process is stale from now on."""
    with _gen_lock:
        _generation[0] += 1


class LookupCache:
    def __init__(self, ttl: float = TTL_SECONDS, maxsize: int = 20_000) -> None:
        self._cache: TTLCache[Hashable, tuple[int, Any]] = TTLCache(maxsize=maxsize, ttl=ttl)
        self._lock = threading.Lock()

    def get(self, key: Hashable, load: Callable[[], T]) -> T:
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


def _touches_config(session: Session) -> bool:
    return any(isinstance(obj, CONFIG_TABLES) for obj in (*session.new, *session.dirty, *session.deleted))


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _ctx: Any) -> None:
    if _touches_config(session):
        session.info[_FLAG] = True
        invalidate()


@event.listens_for(Session, "do_orm_execute")
def _bulk_change(state: ORMExecuteState) -> None:
    mapper = state.bind_mapper
    if (state.is_update or state.is_delete) and mapper is not None and issubclass(mapper.class_, CONFIG_TABLES):
        state.session.info[_FLAG] = True
        invalidate()


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.info.pop(_FLAG, False):
        invalidate()  # again at commit: a reader that began before it must not keep the old answer
