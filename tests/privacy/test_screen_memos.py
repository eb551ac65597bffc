"""The screen's memos (bot/privacy/source.py: Source.within, Source.local, Source.anywhere) skip work, never change
a finding: a window's remembered answer is the answer a fresh reading of that window gives, wherever it is, and a
pattern said to match nowhere matches in no window. A long message that repeats itself is what makes them
remember, so these build such messages from the screen's own cue words and compare every window with a fresh
reading on a new Source. scripts/check_screen_same.py compares whole findings against main's."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.privacy.combos import _event_patterns, _place_in
from bot.privacy.patterns import (
    _SCHOOL_BACK,
    DATE_IN_WORDS,
    SCHOOL_NAME,
    YEAR_GROUP,
    _pupil_in,
    _school_near,
    _sentence,
)
from bot.privacy.pointers import _RELATIVE_WORDS, _WORK_AHEAD, _WORK_BACK, _WORK_NEAR, RELATIVE_AT, _workplace
from bot.privacy.siblings import SIBLING_EVENT, SIBLING_SPECIFIC
from bot.privacy.source import Source

WORDS = ["his", "sister", "Twin", "twins", "in", "care", "was", "stabbed", "year", "yr", "7", "12", "at", "the", "boy",
         "who", "St", "Chad's", "Primary", "High", "School", "mum", "mums", "is", "a", "nurse", "Whiston", "hospital",
         "works", "Tesco", "Neston", "rock", "ferry", "partner", "drives", "42", "bus", "Kayla", "Jo", "Hill", "(IRO)",
         "of", "five", "ks1", "born", "3rd", "May", "2015", "Ward", "İlkay", "ΣΑΣ"]
SEPS = [" ", " ", " ", ", ", ". ", "\n", "? ", "-", "'s ", " (", ") "]
PATTERNS = [SIBLING_EVENT, SIBLING_SPECIFIC, SCHOOL_NAME, YEAR_GROUP, DATE_IN_WORDS, _event_patterns()["incident"]]


@st.composite
def messages(draw: st.DrawFn) -> str:
    """A short run of cue words, repeated (as a long message of one shape is), with a different run before it."""
    def run(size: int) -> str:
        pairs = draw(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), min_size=1, max_size=size))
        return "".join(w + s for w, s in pairs)
    return run(4) + run(10) * draw(st.integers(1, 25))


def _windows(text: str, step: int = 5) -> list[tuple[int, int]]:
    return [_sentence(text, i, min(len(text), i + 3)) for i in range(0, len(text), step)]


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return None if m is None else m.span()


@settings(max_examples=60)
@given(messages())
def test_a_remembered_window_is_what_a_fresh_search_finds(text: str) -> None:
    src = Source(text)
    for pattern in PATTERNS:
        anywhere = src.anywhere(pattern)
        for a, b in _windows(text):
            found = _span(src.within(pattern, a, b))
            assert found == _span(Source(text).search(pattern, a, b)), (pattern.pattern[:40], a, b)
            assert found is None or anywhere


@settings(max_examples=60)
@given(messages())
def test_a_remembered_reading_is_what_a_fresh_reading_gives(text: str) -> None:
    src = Source(text)
    for a, b in _windows(text):
        assert src.local(_school_near, a, b, _SCHOOL_BACK) == _school_near(Source(text), a, b)
        assert src.local(_place_in, a, b, 1) == _place_in(Source(text), a, b)
        if src.low is not None:  # (_schools reads it afresh when lower case changes the length)
            assert src.local(_pupil_in, a, b, 0) == _pupil_in(Source(text), a, b)
    words = frozenset(re.findall(r"[a-z]+", text.lower()))
    for rel in src.at_words(RELATIVE_AT, _RELATIVE_WORDS & words):
        args = (rel.start(), rel.end() + _WORK_NEAR + _WORK_AHEAD, rel.end() - rel.start(), rel.group(1) is not None)
        assert src.local(_workplace, args[0], args[1], _WORK_BACK, *args[2:]) == _workplace(Source(text), *args)
