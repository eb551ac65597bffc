"""A message and its lower-case copy, and the ways the screen's patterns are run over it cheaply (moved out of
patterns.py, which re-exports Source)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from itertools import accumulate
from typing import TypeVar

from bot.privacy.reach import _reach_ahead, _reach_back, _relaxed  # (re-exported: detectors import them from here)
from bot.privacy.shared_words import Split, runs, shared_split

T = TypeVar("T")


class Source:
    """A message and its lower-case copy: case-insensitive patterns run on the copy as plain lower-case patterns,
    which Python's regex engine matches about three times faster. Offsets are the same in both (when lower-casing
    would change the length, which a few non-English letters do, the patterns run case-insensitively instead)."""

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        self.low = low if len(low) == len(text) else None
        self._memo: dict[tuple[object, ...], object] = {}
        self._lower: str | None = None

    @property
    def lower(self) -> str:
        """text.lower(), made once (the lower-case copy, or when that changes the length, the lower-cased text)."""
        if self._lower is None:
            self._lower = self.low if self.low is not None else self.text.lower()
        return self._lower

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        if self.low is not None and pattern.flags & _IGNORECASE:
            return _lowered(pattern).finditer(self.low)
        return pattern.finditer(self.text)

    def search(self, pattern: re.Pattern[str], start: int, end: int, *, as_typed: bool = False
               ) -> re.Match[str] | None:
        """pattern.search over a window (a cue's sentence; case-insensitive patterns on the lower-case copy, as
        finditer), remembered by the window's own characters: a search's answer depends only on the text from a few
        characters before `start` (the pattern's look-behinds and \\b) up to `end`, so a window this message has
        searched before, at any offset, is answered from memory (one anchored match if something was found). A long
        message that repeats itself ("his sister " 4,000 times: 4,000 cues, each searching the 240 characters around
        it) then costs one search per distinct window, not per cue. `as_typed`: search the text as typed even when
        `pattern` ignores case (for a caller that always searched it so)."""
        compiled, text = (_lowered(pattern), self.low) if (self.low is not None and pattern.flags & _IGNORECASE
                                                           and not as_typed) else (pattern, self.text)
        lo = max(0, start - _reach_back(compiled))
        key = (id(compiled), text[lo:end], start - lo)
        if (k := self._memo.get(key, _UNSEEN)) is _UNSEEN:
            m = compiled.search(text, start, end)
            self._memo[key] = None if m is None else m.start() - start
            return m
        return None if k is None else compiled.match(text, start + k, end)  # type: ignore[operator]

    def anywhere(self, pattern: re.Pattern[str]) -> bool:
        """Whether `search` could find `pattern` in any window of this message: False only when the pattern with its
        assertions left out (\\b, look-behinds and look-aheads, which a window's end can change) matches nowhere in
        the whole message. A window's match consumes the same characters in the whole message with fewer conditions,
        so False is never wrong. One scan, for a detector about to try many cues (kept for the message)."""
        compiled, text = (_lowered(pattern), self.low) if (self.low is not None and pattern.flags & _IGNORECASE) \
            else (pattern, self.text)
        key = (_relaxed, "", id(compiled))
        if (found := self._memo.get(key)) is None:
            found = self._memo[key] = _relaxed(compiled).search(text) is not None
        return found  # type: ignore[return-value]

    def local(self, fn: Callable[..., T], start: int, end: int, back: int, *args: object, typed: bool = False) -> T:
        """fn(self, start, end, *args), remembered as `search` is: for a function of the message's characters (as
        typed and in lower case; `typed`: as typed only) from `back` before `start` up to `end` alone, whose answer
        holds no offsets but from `start`."""
        lo = max(0, start - back)
        low = None if typed or self.low is None else self.low[lo:end]
        key = (fn, self.text[lo:end], low, start - lo, args)
        if (found := self._memo.get(key, _UNSEEN)) is _UNSEEN:
            found = self._memo[key] = fn(self, start, end, *args)
        return found  # type: ignore[return-value]

    def at_starts(self, pattern: re.Pattern[str], starts: Iterator[int]) -> Iterator[re.Match[str]]:
        """Matches of `pattern` that start at one of `starts` (ascending), not overlapping: for patterns that can
        only start at a few places (a digit run, a letter before a full stop), found faster than the regex engine
        would find them by trying every character. Past _MAX_STARTS places closer than one in _DENSE characters (a
        message of nothing but digits) the engine's own scan is faster than a Python loop, so the rest is left to it."""
        compiled, text = (_lowered(pattern), self.low) if (self.low is not None and pattern.flags & _IGNORECASE) \
            else (pattern, self.text)
        end = -1
        for n, pos in enumerate(starts):
            if n >= _MAX_STARTS and pos < n * _DENSE:
                yield from compiled.finditer(text, max(pos, end))
                return
            if pos >= end and (m := compiled.match(text, pos)):
                end = m.end()
                yield m

    def word_starts(self, words: frozenset[str]) -> list[int]:
        """Where any of `words` stands as a whole word in the lower-case copy (no letter or digit either side), in
        order (kept for the message)."""
        key = ("word starts", words)
        if (found := self._memo.get(key)) is None:
            low = self.low if self.low is not None else self.lower
            found = self._memo[key] = sorted(i for word in words for i in self._starts_of(word)
                                             if not low[i + len(word):i + len(word) + 1].isalnum())
        return found  # type: ignore[return-value]

    def run_starts(self, words: frozenset[str]) -> list[int]:
        """Where a run of letters and digits opening with one of `words` starts in the lower-case copy, in order (kept
        for the message): every place a pattern whose matches open so at a word's start can match (at_starts)."""
        return self._cue_starts(words, None)

    def at_words(self, pattern: re.Pattern[str], cues: frozenset[str], *, as_typed: bool = False,
                 near: tuple[frozenset[str], int] | None = None) -> Iterator[re.Match[str]]:
        """Matches of `pattern` that start at one of the cue words (pass only cues the text holds, `cues & words`):
        an alternation of many words tried at every character is the slowest thing Python's regex engine does,
        str.find for the few cue words present is among the fastest. `as_typed`: match on the text as typed, not
        the lower-case copy, for a pattern whose shape holds case ("goes by Smokey": a capitalised name). `near`:
        (words, n) when every match holds one of `words` as a whole word starting within n characters of its start:
        a cue with none of them there is not tried ("the" is in every sentence, "the lad" in few)."""
        if self.low is None:
            yield from (pattern.finditer(self.text) if as_typed else self.finditer(pattern))
            return
        compiled, text = (_lowered(pattern), self.low) if pattern.flags & _IGNORECASE and not as_typed \
            else (pattern, self.text)
        starts, end = self._cue_starts(cues, near), -1
        if len(starts) <= MANY_CUES or (ahead := _reach_ahead(compiled)) > _MEMO_AHEAD:
            for pos in starts:
                if pos >= end and (m := compiled.match(text, pos)):
                    end = m.end()
                    yield m
            return
        # many cue words: a match tried once per distinct text around its cue (all a match there can read), and the
        # same match again given as what re.Match tells of it (_Seen)
        back, memo, tag = _reach_back(compiled), self._memo, (_AT_WORD, id(compiled))
        for pos in starts:
            if pos < end:
                continue
            lo = max(0, pos - back)
            key = (tag, text[lo:pos + ahead], pos - lo)
            if (regs := memo.get(key, _UNSEEN)) is _UNSEEN:
                m = compiled.match(text, pos)
                regs = memo[key] = None if m is None else tuple((a - pos, b - pos) if a >= 0 else None
                                                                for a, b in m.regs)
                if m is not None:
                    end = m.end()
                    yield m
            elif regs is not None:
                end = pos + regs[0][1]  # type: ignore[index]
                yield _Seen(text, pos, regs)  # type: ignore[misc, arg-type]

    def read_at_words(self, pattern: re.Pattern[str], cues: frozenset[str], read: Callable[..., T] | None = None,
                      reach: tuple[int, int] = (0, 0), *, as_typed: bool = False,
                      near: tuple[frozenset[str], int] | None = None) -> Iterator[tuple[int, int, T | None]]:
        """(start, end, read(self, match)) for each match at_words finds (None without `read`), remembered once the
        cue words are many by the text around each cue: what the pattern can read there, and `reach` (characters
        before its start, after it) for `read`, which must look no further and answer with no offsets but from the
        match's start. A cue repeated through a long message ("gf " 13,000 times) is then matched and read once per
        distinct text around it, with no match object built for the rest."""
        if self.low is None:
            for m in (pattern.finditer(self.text) if as_typed else self.finditer(pattern)):
                yield m.start(), m.end(), read(self, m) if read else None
            return
        compiled, text = (_lowered(pattern), self.low) if pattern.flags & _IGNORECASE and not as_typed \
            else (pattern, self.text)
        starts, end = self._cue_starts(cues, near), -1
        back, ahead = max(_reach_back(compiled), reach[0]), max(_reach_ahead(compiled), reach[1])
        if len(starts) <= MANY_CUES or ahead > _MEMO_AHEAD:
            for pos in starts:
                if pos >= end and (m := compiled.match(text, pos)):
                    end = m.end()
                    yield pos, end, read(self, m) if read else None
            return
        memo, tag, raw = self._memo, (_AT_WORD, id(compiled), read), self.text if read and text is not self.text \
            else None
        for pos in starts:
            if pos < end:
                continue
            lo, hi = max(0, pos - back), pos + ahead
            key = (tag, text[lo:hi], raw[lo:hi] if raw is not None else None, pos - lo)
            if (seen := memo.get(key)) is None:
                m = compiled.match(text, pos)
                seen = memo[key] = (None, None) if m is None else (m.end() - pos, read(self, m) if read else None)
            if seen[0] is not None:
                end = pos + seen[0]
                yield pos, end, seen[1]

    def _cue_starts(self, cues: frozenset[str], near: tuple[frozenset[str], int] | None) -> list[int]:
        """Where a cue word starts in the lower-case copy (not inside a longer word), in order; with `near`, only
        where one of its words follows within its reach (see at_words)."""
        key = ("cue starts", frozenset(cues), near)  # a caller may pass a plain set of words
        if (found := self._memo.get(key)) is not None:
            return found  # type: ignore[return-value]
        starts: set[int] = set()
        for word in cues:
            starts.update(self._starts_of(word))
        if near is not None and starts:
            places, most = self.word_starts(near[0]), near[1]
            starts = {p for p in starts if (k := bisect.bisect_left(places, p)) < len(places) and places[k] <= p + most}
        found = self._memo[key] = sorted(starts)
        return found

    def _starts_of(self, word: str) -> list[int]:
        """Where `word` starts in the lower-case copy (`lower` where case changes its length), not inside a longer
        word: found once per word, since many detectors' cue sets and word lists share words ("his", "the", "at").
        A word opening with a letter or digit can only start a run of them: its places are read from the message's
        runs (_runs, one scan for all words) instead of a str.find per occurrence of its letters ("a", "he")."""
        key = ("starts of", word)
        if (found := self._memo.get(key)) is None:
            low = self.low if self.low is not None else self.lower
            head = _ALNUM_RUN.match(word)
            if head is None:
                places, i = [], low.find(word)
                while i >= 0:
                    if i == 0 or not low[i - 1].isalnum():
                        places.append(i)
                    i = low.find(word, i + 1)
            elif head.end() == len(word):  # the runs that begin with the word ("he": "he", "her", "help")
                runs, texts = self._runs()
                k, ends = bisect.bisect_left(texts, word), []
                while k < len(texts) and texts[k].startswith(word):
                    ends.append(runs[texts[k]])
                    k += 1
                places = [*ends[0]] if len(ends) == 1 else sorted(i for run in ends for i in run)
            else:  # "year 7": the run is the word's own first run, the rest read at each of its places
                places = [i for i in self._runs()[0].get(head.group(), ()) if low.startswith(word, i)]
            found = self._memo[key] = places
        return found  # type: ignore[return-value]

    def split(self) -> Split | None:
        """The message's one split into words and digit runs (shared_words.py: the name reader's words, the runs and
        the cheap checks' word set read off it), made once; None where it cannot serve them."""
        if (found := self._memo.get((_SPLIT,), _UNSEEN)) is _UNSEEN:
            found = self._memo[(_SPLIT,)] = None if self.low is None else shared_split(self.low)
        return found  # type: ignore[return-value]

    def _runs(self) -> tuple[dict[str, list[int]], list[str]]:
        """Each run of letters and digits in the lower-case copy with where it starts, and the distinct runs sorted
        (kept for the message): a place no letter or digit precedes, with a word's first letter, starts a run."""
        if (found := self._memo.get((_RUNS,))) is None:
            if (split := self.split()) is not None:
                words, starts = runs(self.low, split)  # type: ignore[arg-type]  # (read off the split the name reader's words came from)
            else:
                low = self.low if self.low is not None else self.lower
                # (one split: runs at odd places, what lies between at even ones; a run starts where the lengths of
                # everything before it add up to, so no match object is made per run)
                parts = (_ASCII_SPLIT if low.isascii() else _ALNUM_SPLIT).split(low)  # (the same runs, faster)
                words, starts = parts[1::2], list(accumulate(map(len, parts)))[:-1:2]
            found_runs: dict[str, list[int]] = {}
            for run, start in zip(words, starts, strict=True):
                if (places := found_runs.get(run)) is None:
                    found_runs[run] = [start]
                else:
                    places.append(start)
            found = self._memo[(_RUNS,)] = (found_runs, sorted(found_runs))
        return found  # type: ignore[return-value]


class _Seen:
    """A match at_words found before at the same text around another cue: what re.Match tells of it, here."""

    __slots__ = ("_pos", "_regs", "_text")

    def __init__(self, text: str, pos: int, regs: tuple[tuple[int, int] | None, ...]) -> None:
        self._text, self._pos, self._regs = text, pos, regs

    def start(self, group: int = 0) -> int:
        span = self._regs[group]
        return -1 if span is None else self._pos + span[0]

    def end(self, group: int = 0) -> int:
        span = self._regs[group]
        return -1 if span is None else self._pos + span[1]

    def span(self, group: int = 0) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, group: int = 0) -> str | None:
        span = self._regs[group]
        return None if span is None else self._text[self._pos + span[0]:self._pos + span[1]]

    def groups(self) -> tuple[str | None, ...]:
        return tuple(self.group(k) for k in range(1, len(self._regs)))


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


_UNSEEN, _AT_WORD, _RUNS, _SPLIT = object(), object(), object(), object()
# a run of letters and digits: [^\W_] is exactly what str.isalnum() accepts, one character at a time
_ALNUM_RUN = re.compile(r"[^\W_]+")
_ALNUM_SPLIT, _ASCII_SPLIT = re.compile(r"([^\W_]+)"), re.compile(r"([a-z0-9]+)")  # (ASCII lower case)
_MAX_STARTS, _DENSE = 500, 16  # (_DENSE: characters a place, below which at_starts gives up on places)
_MEMO_AHEAD = 400  # (a pattern that reads further is tried afresh at every cue)
MANY_CUES = 32  # cues a detector tries one by one before asking whether any could succeed (Source.anywhere)
_IGNORECASE = int(re.IGNORECASE)  # (an int: `flags & re.IGNORECASE` goes through the enum, slowly, per search)
