"""subject_starts looks for articles and sentence stops only in the windows before a child's word (speed): it must
give the places the whole-message scan gave (the plain definition below), in the same order."""

from __future__ import annotations

import bisect
import heapq
import random

from bot.privacy.subject_starts import ARTICLE, DIGIT, STOP, WORD_REACH, subject_starts


def _plain(low: str, places: list[int]) -> list[int]:
    out = [0] if places and places[0] <= WORD_REACH else []
    pending: list[int] = []
    for p in heapq.merge(*((m.start() for m in pattern.finditer(low)) for pattern in (ARTICLE, DIGIT, STOP))):
        while pending and pending[0] < p:
            out.append(pending.pop(0))
        if low[p].isdigit():
            pending.append(p)
        elif (k := bisect.bisect_left(places, p)) < len(places) and places[k] <= p + WORD_REACH:
            pending.extend((p + 1, p + 2) if low[p] in ".!?\n" else (p,))
        pending.sort()
    return out + pending


PIECES = ["the", "this", "that", "a", "an", "than", "at", "child", "boy", "x" * 20, "x" * 7, "7", "14", ".", "!",
          "\n", "?", "then", "tha", "the\n", "a.", "hat"]


def test_subject_starts_match_the_whole_scan() -> None:
    rng = random.Random(3)
    checked = 0
    for _ in range(3000):
        low = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 60))).replace("  ", " ")
        heads = rng.choice([("child", "boy"), ("that", "a ")])  # (a child's word may itself be read as an article)
        places = [i for i in range(len(low)) if low.startswith(heads, i) and (i == 0 or low[i - 1] == " ")]
        want = _plain(low, places)
        checked += len(want)
        assert list(subject_starts(low, places)) == want, (low, places)
    assert checked > 10_000
