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
from itertools import accumulate, compress
from typing import NamedTuple

from bot.privacy.tokens import TOKEN_ASCII

_SHARED = re.compile(f"({TOKEN_ASCII.pattern}|[0-9]+)")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LETTER_RUN, _RUN, _DIGIT = re.compile(r"[a-z]+"), re.compile(r"[a-z0-9]+"), re.compile(r"[0-9]")
_FEW = 8  # (at most one match in _FEW odd: a prose message has about one in 30)
# (at most one character in _DIGIT_SHARE a digit, one in _MARK_SHARE an apostrophe or hyphen: prose has under 1 in 20
# and 1 in 150; a message of numbers or marks is left to the separate scans before its split is made)
_DIGIT_SHARE, _MARK_SHARE = 12, 50
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


class Split(NamedTuple):
    """The matches (TOKEN words and digit runs) with their starts; `odd`: the indexes of matches that are not a run
    themselves (holding an apostrophe or hyphen, or touching a neighbour), ascending."""

    found: list[str]
    starts: list[int]
    odd: list[int]


def shared_split(low: str) -> Split | None:
    """The matches of the shared pattern in `low` (a lower-case copy), or None where they cannot serve. The odd
    matches are found from the split itself, not by more scans of the message: an apostrophe or hyphen by str.find
    (a few hundred a message), touching matches by the empty strings between them (list.index, in C)."""
    if not low.isascii() and any(c.isalnum() for c in set(_NON_ASCII.findall(low))):
        return None  # (non-ASCII dashes, quotes and pound signs are no part of any word or run: served)
    size = len(low)
    if sum(map(low.count, "0123456789")) * _DIGIT_SHARE > size or sum(map(low.count, "'’-")) * _MARK_SHARE > size:
        return None  # (numbers or marks everywhere, no prose: its digit runs and odd matches would cost more, unused)
    # (one split: matches at odd places, what lies between at even ones; a match starts where the lengths of everything
    # before it add up to, so no match object is made per word)
    parts = _SHARED.split(low)
    found, between = parts[1::2], parts[2:-1:2]  # (between[k - 1]: what lies between matches k - 1 and k)
    if (sum(map(low.count, "'’-")) + between.count("")) * _FEW > len(found):
        return None  # odd matches everywhere ("x-" or "7yo " over and over): cutting each again costs more
    starts = list(accumulate(map(len, parts)))[:-1:2]
    odd: set[int] = set()
    for mark in "'’-":
        p = low.find(mark)
        while p >= 0:
            if (k := bisect.bisect_right(starts, p) - 1) >= 0 and p < starts[k] + len(found[k]):
                odd.add(k)
            p = low.find(mark, p + 1)
    k = _index(between, 0)
    while k >= 0:
        if found[k][-1] in _LETTERS and found[k + 1][0] in _LETTERS:
            return None  # a run of more than 40 letters, which TOKEN cuts in pieces: left to the separate scans
        odd.update((k, k + 1))
        k = _index(between, k + 1)
    return Split(found, starts, sorted(odd))


def _index(items: list[str], start: int) -> int:
    """Where the next empty string is in `items` from `start`, or -1."""
    try:
        return items.index("", start)
    except ValueError:
        return -1


def token_words(low: str, split: Split) -> tuple[list[int], list[str]]:
    """TOKEN's words in `low` and their starts: the matches less the digit runs (each a whole match here)."""
    found, starts = split.found, split.starts
    if _DIGIT.search(low) is None:
        return starts, found
    words = list(map(":".__lt__, found))  # (a digit run sorts before ":", a word after it)
    return list(compress(starts, words)), list(compress(found, words))


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
