"""One bounded memo for the pure look-ups the answerer repeats across questions (a word's spelling correction, a
term's postings cut to the asked areas, a pattern list's matches in one clause). A plain dict cleared when full:
nothing to evict one by one, and each call reads the dict once, so another of Bolt's threads clearing it between a
check and a read cannot raise."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

V = TypeVar("V")
_MISS = object()  # not yet made (None may be a remembered value)


def remembered(cache: dict, key: Hashable, limit: int, make: Callable[[], V]) -> V:  # type: ignore[type-arg]
    """`cache[key]`, made by `make()` the first time; the cache is emptied when it holds `limit` values."""
    got = cache.get(key, _MISS)
    if got is _MISS:
        if len(cache) >= limit:
            cache.clear()
        got = cache[key] = make()
    return got  # type: ignore[no-any-return]
