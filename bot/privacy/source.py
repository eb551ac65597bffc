"""A message and its lower-case copy, and the ways the screen's patterns are run over it cheaply (moved out of
patterns.py, which re-exports Source)."""

from __future__ import annotations

import re
from collections.abc import Iterator


class Source:
    """A message and its lower-case copy: case-insensitive patterns run on the copy as plain lower-case patterns,
    which Python's regex engine matches about three times faster. Offsets are the same in both (when lower-casing
    would change the length, which a few non-English letters do, the patterns run case-insensitively instead)."""

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        self.low = low if len(low) == len(text) else None

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        if self.low is not None and pattern.flags & _IGNORECASE:
            return _lowered(pattern).finditer(self.low)
        return pattern.finditer(self.text)

    def search(self, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
        if self.low is not None and pattern.flags & _IGNORECASE:
            return _lowered(pattern).search(self.low, start, end)
        return pattern.search(self.text, start, end)

    def at_starts(self, pattern: re.Pattern[str], starts: Iterator[int]) -> Iterator[re.Match[str]]:
        """Matches of `pattern` that start at one of `starts` (ascending), not overlapping: for patterns that can
        only start at a few places (a digit run, a letter before a full stop), found faster than the regex engine
        would find them by trying every character. Past _MAX_STARTS places (a message of nothing but digits) the
        regex engine's own scan is faster than a Python loop, so the rest is left to it."""
        compiled, text = (_lowered(pattern), self.low) if (self.low is not None and pattern.flags & _IGNORECASE) \
            else (pattern, self.text)
        end = -1
        for n, pos in enumerate(starts):
            if n == _MAX_STARTS:
                yield from compiled.finditer(text, max(pos, end))
                return
            if pos >= end and (m := compiled.match(text, pos)):
                end = m.end()
                yield m

    def at_words(self, pattern: re.Pattern[str], cues: frozenset[str], *, as_typed: bool = False
                 ) -> Iterator[re.Match[str]]:
        """Matches of `pattern` that start at one of the cue words (pass only cues the text holds, `cues & words`):
        an alternation of many words tried at every character is the slowest thing Python's regex engine does,
        str.find for the few cue words present is among the fastest. `as_typed`: match on the text as typed, not
        the lower-case copy, for a pattern whose shape holds case ("goes by Smokey": a capitalised name)."""
        if self.low is None:
            yield from (pattern.finditer(self.text) if as_typed else self.finditer(pattern))
            return
        low = self.low
        starts: set[int] = set()
        for word in cues:
            i = low.find(word)
            while i >= 0:
                if i == 0 or not low[i - 1].isalnum():
                    starts.add(i)
                i = low.find(word, i + 1)
        compiled, text = (_lowered(pattern), low) if pattern.flags & _IGNORECASE and not as_typed \
            else (pattern, self.text)
        end = -1
        for pos in sorted(starts):
            if pos >= end and (m := compiled.match(text, pos)):
                end = m.end()
                yield m


def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern for lower-case text: letters lower-cased, case-insensitivity dropped. Remembered by the
    pattern's identity, not its hash: hashing a compiled pattern hashes its whole program (5-15 µs for the screen's
    long alternations), which a cache keyed by the pattern paid on every search of every sentence."""
    if (found := _LOWERED.get(id(pattern))) is not None:
        return found[1]
    if re.search(r"\\[SWDBAZ]|\\[xuUN]|\(\?P", pattern.pattern):
        raise ValueError("pattern cannot be lower-cased safely")
    low = re.compile(pattern.pattern.lower(), pattern.flags & ~re.IGNORECASE)
    _LOWERED[id(pattern)] = (pattern, low)  # (the pattern kept with it, so its id is never another's)
    return low


_LOWERED: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}
_MAX_STARTS = 500
_IGNORECASE = int(re.IGNORECASE)  # (an int: `flags & re.IGNORECASE` goes through the enum, slowly, per search)
