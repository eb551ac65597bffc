"""Where combos.py's event "subject" pattern can start (moved out of combos.py, at the length limit, with a speed
step): an article's word, a number's first digit, a sentence's first character or the one after it; but for a
number, only where a child's word follows within WORD_REACH characters. Articles and sentence stops are looked for
only in the windows before a child's word, not in the whole message ("the" and "." are everywhere, a child's word
is not): the same places, found in a few short scans."""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterator

WORD_REACH = 56  # (at most 53: "the", two words of up to 20 letters, the spaces: the word a match names starts)
# (the article's space looked at, not taken: a newline after it starts a sentence too; three scans, each led by a
# letter or class the regex engine skips ahead to: one alternation of them is tried at every character)
ARTICLE, DIGIT, STOP = (re.compile(r"t(?<!\wt)h(?:e|is|at)(?=\s)|a(?<!\wa)n?(?=\s)"), re.compile(r"\d(?<!\w\d)"),
                        re.compile(r"[.!?\n]"))
_PAST = 8  # (a window runs this far past its child's word: an article at the word itself is read whole)


def subject_starts(low: str, places: list[int]) -> Iterator[int]:
    """Where a "subject" match can start, in order (see combos._subjects); `places`: the child words' starts."""
    if places and places[0] <= WORD_REACH:
        yield 0
    windows = _windows(places, len(low))
    pending: list[int] = []  # (places found before the scan reached them: at most two)
    for p in heapq.merge(_within(ARTICLE, low, windows), (m.start() for m in DIGIT.finditer(low)),
                         _within(STOP, low, windows)):
        while pending and pending[0] < p:
            yield pending.pop(0)
        if low[p].isdigit():
            pending.append(p)
        elif (k := bisect.bisect_left(places, p)) < len(places) and places[k] <= p + WORD_REACH:
            pending.extend((p + 1, p + 2) if low[p] in ".!?\n" else (p,))
        pending.sort()
    yield from pending


def _windows(places: list[int], n: int) -> list[tuple[int, int]]:
    """The stretches [q - WORD_REACH, q + _PAST) around each child's word q, those that touch joined, in order."""
    out: list[tuple[int, int]] = []
    for q in places:
        lo, hi = max(0, q - WORD_REACH), min(n, q + _PAST)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _within(pattern: re.Pattern[str], low: str, windows: list[tuple[int, int]]) -> Iterator[int]:
    """Where `pattern` matches inside the windows (its look-behind reads before a window: finditer's pos)."""
    for lo, hi in windows:
        for m in pattern.finditer(low, lo, hi):
            yield m.start()
