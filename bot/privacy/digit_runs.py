"""Where the message's runs of digits start, found once per message (held on its Source) for every detector that
tries a pattern only at numbers, and the few places a record code (patterns.CODE_REF) can start, read from them.
Kept apart from patterns.py, which imports it (and is full)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.source import Source

_DIGIT_RUN = re.compile(r"\d+")
_KEY = ("digit runs",)


def digit_runs(src: Source) -> list[int]:
    """Where each maximal run of digits (\\d, as the patterns read them) starts in the text, in order."""
    if (found := src._memo.get(_KEY)) is None:
        found = src._memo[_KEY] = [m.start() for m in _DIGIT_RUN.finditer(src.text)]
    return found  # type: ignore[return-value]


def code_starts(src: Source) -> Iterator[int]:
    """Every place a match of CODE_REF can start, in order: a run of digits, the letters just before one ("AB1234",
    six at most), or a run of at most eight letters and digits just before a "-" or "/" ("CP-22-0198", "AB/12").
    Each way through CODE_REF starts at one of these (tests/privacy/test_screen_speed7.py), so the engine need not
    try it at every character of a message that holds a "/" or a three-digit number."""
    text = src.text
    places = set(digit_runs(src))
    for d in digit_runs(src):
        places.add(_run_start(text, d, 6))
    for mark in "-/":
        i = text.find(mark)
        while i >= 0:
            places.add(_run_start(text, i, 8))
            i = text.find(mark, i + 1)
    places.discard(-1)
    return iter(sorted(places))


def _run_start(text: str, end: int, most: int) -> int:
    """Where the run of letters and digits ending just before `end` starts, if it is 1 to `most` characters long;
    else -1."""
    j = end
    while j > 0 and end - j <= most and text[j - 1].isalnum():
        j -= 1
    return j if 0 < end - j <= most else -1
