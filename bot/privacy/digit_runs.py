"""Where the message's runs of digits start, found once per message (held on its Source) for every detector that
tries a pattern only at numbers, and the few places a record code (patterns.CODE_REF) can start, read from them.
Both are given lazily: a message of nothing but digits ("1 " 20,000 times) is left to the regex engine after a few
hundred places (Source.at_starts), so its places past those are never made. Kept apart from patterns.py (full)."""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from itertools import compress

from bot.privacy.source import Source

_DIGIT_RUN = re.compile(r"\d+")
_KEY = ("digit runs",)


def digit_runs(src: Source) -> Iterator[int]:
    """Where each maximal run of digits (\\d, as the patterns read them) starts in the text, in order (kept for the
    message once a caller has read them all)."""
    if (found := src._memo.get(_KEY)) is not None:
        return iter(found)  # type: ignore[call-overload]
    if (split := src.split()) is not None:
        # (read off the message's one split, which serves only where every digit is ASCII: each run of them is one
        # match there, the matches that sort before ":")
        found = src._memo[_KEY] = list(compress(split.starts, map(":".__gt__, split.found)))
        return iter(found)
    return _scan(src)


def _scan(src: Source) -> Iterator[int]:
    seen = []
    for m in _DIGIT_RUN.finditer(src.text):
        seen.append(m.start())
        yield seen[-1]
    src._memo[_KEY] = seen


def code_starts(src: Source) -> Iterator[int]:
    """Every place a match of CODE_REF can start, in order: a run of digits, the letters just before one ("AB1234",
    six at most), or a run of at most eight letters and digits just before a "-" or "/" ("CP-22-0198", "AB/12").
    Each way through CODE_REF starts at one of these (tests/privacy/test_screen_speed7.py), so the engine need not
    try it at every character of a message that holds a "/" or a three-digit number."""
    text, ready, last = src.text, [], -1
    for pos, is_digit in heapq.merge(((d, True) for d in digit_runs(src)), _marks(text)):
        while ready and ready[0] < pos - 8:  # (every place still to come is at least pos - 8)
            if (p := heapq.heappop(ready)) > last:
                last = p
                yield p
        heapq.heappush(ready, _run_start(text, pos, 6 if is_digit else 8))
        if is_digit:
            heapq.heappush(ready, pos)
    while ready:
        if (p := heapq.heappop(ready)) > last:
            last = p
            yield p


def _marks(text: str) -> Iterator[tuple[int, bool]]:
    """Each "-" and "/" in the text, in order."""
    return heapq.merge(*(_finds(text, mark) for mark in "-/"))


def _finds(text: str, mark: str) -> Iterator[tuple[int, bool]]:
    i = text.find(mark)
    while i >= 0:
        yield i, False
        i = text.find(mark, i + 1)


def _run_start(text: str, end: int, most: int) -> int:
    """Where the run of letters and digits ending just before `end` starts, if it is 1 to `most` characters long;
    else -1."""
    j = end
    while j > 0 and end - j <= most and text[j - 1].isalnum():
        j -= 1
    return j if 0 < end - j <= most else -1
