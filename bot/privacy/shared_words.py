"""One split of a message's lower-case copy serving the three word lists the screen used to make by three scans: the
name reader's words (TOKEN: letters joined by apostrophes and hyphens), Source's runs of letters and digits, and the
set of letter runs the cheap checks read (patterns.words_of).

One pattern yields both kinds of run: TOKEN_ASCII's words and runs of digits. TOKEN never matches a digit nor starts
inside a run of them, so the matches that begin with a letter are exactly TOKEN's words. When no letter touches a
digit and no run of letters is longer than 40 (TOKEN's pieces), every run of letters and digits is one match, or a
piece of a match between its apostrophes and hyphens ("mum's": "mum", "s"), so the runs are read off the matches.
Anything else (non-ASCII text, "year7", a 41-letter run) is left to the separate scans, as before (None here).
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate
from typing import NamedTuple, TypeVar

from bot.privacy.tokens import TOKEN_ASCII

_SHARED = re.compile(f"({TOKEN_ASCII.pattern}|[0-9]+)")
_MIXED = re.compile(r"[a-z][0-9]|[0-9][a-z]|[a-z]{41}")  # (where the matches would not be the runs)
_JOINED = re.compile(r"(?<=[a-z])['’\-]")  # an apostrophe or hyphen after a letter: inside a match, or just after one
_DIGIT_RUN, _LETTER_RUN = re.compile(r"[0-9]+"), re.compile(r"[a-z]+")
T = TypeVar("T")


class Split(NamedTuple):
    """The matches (TOKEN words and digit runs) with their starts; `joined`: the indexes of matches holding an
    apostrophe or hyphen (the only ones that are not a run themselves)."""

    found: list[str]
    starts: list[int]
    joined: list[int]


def shared_split(low: str) -> Split | None:
    """The matches of the shared pattern in `low` (a lower-case copy), or None where they are not the runs."""
    if not low.isascii() or _MIXED.search(low) is not None:
        return None
    # (one split: matches at odd places, what lies between at even ones; a match starts where the lengths of everything
    # before it add up to, so no match object is made per word)
    parts = _SHARED.split(low)
    found, starts = parts[1::2], list(accumulate(map(len, parts)))[:-1:2]
    joined = sorted({k for m in _JOINED.finditer(low) if (k := bisect.bisect_right(starts, p := m.start()) - 1) >= 0
                     and p < starts[k] + len(found[k])})
    return Split(found, starts, joined)


def token_words(low: str, split: Split) -> tuple[list[int], list[str]]:
    """TOKEN's words in `low` and their starts: the matches less the digit runs (each a whole match here)."""
    found, starts = split.found, split.starts
    if (first := _DIGIT_RUN.search(low)) is None:
        return starts, found
    skip = [bisect.bisect_left(starts, m.start()) for m in _DIGIT_RUN.finditer(low, first.start())]
    return _without(starts, skip), _without(found, skip)


def runs(split: Split) -> tuple[list[str], list[int]]:
    """The runs of letters and digits with their starts, in order: the matches, each joined one cut at its
    apostrophes and hyphens."""
    found, starts = split.found, split.starts
    if not split.joined:
        return found, starts
    words: list[str] = []
    places: list[int] = []
    last = 0
    for k in split.joined:
        words += found[last:k]
        places += starts[last:k]
        for m in _LETTER_RUN.finditer(found[k]):
            words.append(m.group())
            places.append(starts[k] + m.start())
        last = k + 1
    return words + found[last:], places + starts[last:]


def letter_words(split: Split) -> frozenset[str]:
    """The distinct runs of letters (patterns.words_of's set): read from the distinct matches, few beside the words."""
    out = set()
    for w in set(split.found):
        if "'" in w or "’" in w or "-" in w:
            out.update(_LETTER_RUN.findall(w))
        elif w[0] > "9":
            out.add(w)
    return frozenset(out)


def _without(items: list[T], skip: list[int]) -> list[T]:
    """`items` less those at the (ascending) indexes `skip`, copied slice by slice."""
    out: list[T] = []
    last = 0
    for k in skip:
        out += items[last:k]
        last = k + 1
    return out + items[last:]
