"""The message's one split (shared_words.py, speed step 8) must give the name reader's words, Source's runs and the
cheap checks' word set exactly as the three separate scans did: TOKEN's words and spans, the runs of letters and
digits with their places, and patterns.words_of. Checked on hand-made edges and on random strings of the characters
that make matches odd (apostrophes, hyphens, letters touching digits, runs past 40 letters, non-ASCII marks)."""

from __future__ import annotations

import random
import re
from itertools import accumulate

import pytest

from bot.privacy import find_identifiers
from bot.privacy import shared_words as sw
from bot.privacy.patterns import words_of
from bot.privacy.source import Source
from bot.privacy.tokens import word_pattern
from bot.privacy.wordshapes import shared_spans, word_spans

_RUN = re.compile(r"([a-z0-9]+)")
EDGES = ["Mum's boyfriend, lily-mae's nan and the kids' dad", "a'b'c'd'e-f-g-h-i", "4th yr7 s47 10am 7yo 3rd",
         "x" * 45 + "-" + "y" * 41 + "'s", "don’t — £5 “quoted” ’tis", "'lead and trail' -x- --", "'", "-a", "1",
         "Ks1 at 9.30am, Y10's form; 2nd-3rd Jan; a1b2c3-d4", "re: kb/jw + KM's mum 07700 900123"]


def _runs(low: str) -> tuple[dict[str, list[int]], list[str]]:
    parts = _RUN.split(low)
    runs: dict[str, list[int]] = {}
    for run, start in zip(parts[1::2], list(accumulate(map(len, parts)))[:-1:2], strict=True):
        runs.setdefault(run, []).append(start)
    return runs, sorted(runs)


def _same(text: str) -> bool:
    """Whether the split served `text`; asserts it gave what the separate scans give."""
    src = Source(text)
    if (split := src.split()) is None:
        return False
    low = text.lower()
    assert sw.letter_words(split) == words_of(text), text
    assert src._runs() == _runs(low), text
    assert shared_spans(src, text) == word_spans(word_pattern(low), low), text
    return True


def test_edges_give_the_separate_scans_words_runs_and_word_set(monkeypatch: pytest.MonkeyPatch) -> None:
    for limit in ("_FEW", "_DIGIT_SHARE", "_MARK_SHARE"):
        monkeypatch.setattr(sw, limit, 0)  # (short strings are all odd matches: served here all the same)
    served = [_same(text) for text in EDGES]
    assert sum(served) >= len(EDGES) - 2  # (the 41-letter run is left to the separate scans)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_strings_of_odd_matches(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    for limit in ("_FEW", "_DIGIT_SHARE", "_MARK_SHARE"):
        monkeypatch.setattr(sw, limit, 0)  # (every string served, however many odd matches it holds)
    rng = random.Random(seed)
    pieces = ["a" * rng.randint(38, 43), "4th", "S47", "’s", "x2y", "é", "½", "£5", "-", "'", " ", "Mum's", "b'", "9 "]
    served = 0
    for _ in range(3000):
        served += _same("".join(rng.choice("ab zAB1'-.’e—£é5") for _ in range(rng.randint(0, 30))))
        served += _same("".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))))
    assert served > 2000


def test_dense_odd_matches_are_left_to_the_separate_scans() -> None:
    assert Source("x-" * 2000).split() is None and Source("7yo " * 2000).split() is None
    assert Source("1 " * 2000).split() is None  # (digit runs everywhere: no words to share)
    assert Source("é lives here").split() is None  # (a letter outside ASCII: TOKEN's Unicode words)
    assert Source("don’t — £5, she said. " + "The plan was agreed today. " * 4).split() is not None


def test_screen_reads_the_same_through_the_split() -> None:
    """A name, a relative's possessive and a year group read through the shared split as before."""
    kinds = {f.kind for f in find_identifiers("Kayla's nan said the 4th-floor flat is fine — Kacper Nowak, yr7")}
    assert "name" in kinds
