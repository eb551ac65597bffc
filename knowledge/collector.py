"""Pausing Python's cyclic garbage collector around work that makes very many short-lived objects and no cycles:
the index build (knowledge/indexing.py: ~1M small lists and sets at 50,000 entries, a third of the build time spent
in collections) and screening one message (bot/privacy: a 40,000-character message ran about nine collections, 4-5
ms of its CPU). What the work leaves is collected once the collector runs again."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for the block, then back on; left off if something else had turned it off (another thread's
    block may turn it on again at its end: only the saving is lost)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
