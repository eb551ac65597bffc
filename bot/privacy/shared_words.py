"""One split of a message's lower-case copy serving the three word lists the screen used to make by three scans: the
name reader's words (TOKEN: letters joined by apostrophes and hyphens), Source's runs of letters and digits, and the
set of letter runs the cheap checks read (patterns.words_of).

One pattern yields both kinds of run: TOKEN_ASCII's words and runs of digits. TOKEN never matches a digit nor starts
inside a run of them, so the matches that begin with a letter are exactly TOKEN's words. Every run of letters and
digits is then one match, or a piece of one between its apostrophes and hyphens ("mum's": "mum", "s"), or matches
touching ("4th", "s47": a letter run and a digit run): the few matches of those two kinds are cut and joined again
by a scan of their own characters. Text with a letter or digit outside ASCII, or a run of more than 40 letters
(TOKEN's pieces), is left to the separate scans, as before (None here).
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate
from typing import NamedTuple, TypeVar

from bot.privacy.tokens import TOKEN_ASCII

_SHARED = re.compile(f"({TOKEN_ASCII.pattern}|[0-9]+)")
_LONG = re.compile(r"[a-z]{41}")  # (TOKEN cuts it in pieces, touching: left to the separate scans)
_JOINED = re.compile(r"(?<=[a-z])['’\-]")  # an apostrophe or hyphen after a letter: inside a match, or just after one
_LINK = re.compile(r"(?<=[a-z])[0-9]|(?<=[0-9])[a-z]")  # a match touching the one before it: one run
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_DIGIT_RUN, _LETTER_RUN, _RUN = re.compile(r"[0-9]+"), re.compile(r"[a-z]+"), re.compile(r"[a-z0-9]+")
T = TypeVar("T")


class Split(NamedTuple):
    """The matches (TOKEN words and digit runs) with their starts; `odd`: the indexes of matches that are not a run
    themselves (holding an apostrophe or hyphen, or touching a neighbour), ascending."""

    found: list[str]
    starts: list[int]
    odd: list[int]


def shared_split(low: str) -> Split | None:
    """The matches of the shared pattern in `low` (a lower-case copy), or None where they cannot serve."""
    if (not low.isascii() and any(c.isalnum() for c in set(_NON_ASCII.findall(low)))) or _LONG.search(low):
        return None  # (non-ASCII dashes, quotes and pound signs are no part of any word or run: served)
    # (one split: matches at odd places, what lies between at even ones; a match starts where the lengths of everything
    # before it add up to, so no match object is made per word)
    parts = _SHARED.split(low)
    found, starts = parts[1::2], list(accumulate(map(len, parts)))[:-1:2]
    odd = {k for m in _JOINED.finditer(low) if (k := bisect.bisect_right(starts, p := m.start()) - 1) >= 0
           and p < starts[k] + len(found[k])}
    for m in _LINK.finditer(low):
        k = bisect.bisect_left(starts, m.start())  # (a match starts there: the one before ends just before it)
        odd.update((k - 1, k))
    return Split(found, starts, sorted(odd))


def token_words(low: str, split: Split) -> tuple[list[int], list[str]]:
    """TOKEN's words in `low` and their starts: the matches less the digit runs (each a whole match here)."""
    found, starts = split.found, split.starts
    if (first := _DIGIT_RUN.search(low)) is None:
        return starts, found
    skip = [bisect.bisect_left(starts, m.start()) for m in _DIGIT_RUN.finditer(low, first.start())]
    return _without(starts, skip), _without(found, skip)


def runs(low: str, split: Split) -> tuple[list[str], list[int]]:
    """The runs of letters and digits with their starts, in order: the matches, each stretch of odd ones scanned
    again (no run crosses a stretch's ends: a match touching one at an end would be odd and in it)."""
    found, starts, odd = split.found, split.starts, split.odd
    if not odd:
        return found, starts
    words: list[str] = []
    places: list[int] = []
    last, k = 0, 0
    while k < len(odd):
        first = k
        while k + 1 < len(odd) and odd[k + 1] == odd[k] + 1:
            k += 1
        a, b = odd[first], odd[k]
        words += found[last:a]
        places += starts[last:a]
        for m in _RUN.finditer(low, starts[a], starts[b] + len(found[b])):
            words.append(m.group())
            places.append(m.start())
        last, k = b + 1, k + 1
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
