"""Word-shape tests the name reader asks of one word at a time, kept apart so names.py stays one reading.

Lower-case initials, contractions, hyphenated names, two-word places, capitalised words and each word's positions
in a message.
"""
from __future__ import annotations

import bisect
import re
from functools import cache
from itertools import accumulate, compress, count, repeat
from operator import add, itemgetter

from bot.privacy.lexicon import Lexicon, fold, lexicon
from bot.privacy.patterns import URL
from bot.privacy.shared_words import token_words
from bot.privacy.source import Source
from bot.privacy.tokens import _base

_CAPITAL, _NOT_ASCII = re.compile(r"[A-Z](?![a-z])"), re.compile(r"[^\x00-\x7f]")


def capitalised_words(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """The words that may start with a capital with no lower-case letter after it, in order: where an ASCII capital
    is so or any other character is (found by two scans: most words are neither). Each place's word is found by
    bisection, or when there are many (a message of 20,000 capitals) by a dict of word starts built in C."""
    places = [*map(re.Match.start, _CAPITAL.finditer(text)), *map(re.Match.start, _NOT_ASCII.finditer(text))]
    if len(places) > 64 and len(places) * 6 > len(spans):  # (a bisection costs about six dict entries)
        starts = dict(zip(map(itemgetter(0), spans), range(len(spans)), strict=True))
        out = set(map(starts.get, places))
        out.discard(None)
        return sorted(out)  # type: ignore[type-var]
    n = len(spans)
    return sorted({i for p in places if (i := bisect.bisect_left(spans, (p, 0))) < n and spans[i][0] == p})


def blank_links(text: str) -> tuple[str, list[int]]:
    """`text` with each link's characters blanked (same offsets; its words are no names), and where each link ended."""
    ends: list[int] = []
    if "://" not in text and "www." not in text.lower():
        return text, ends

    def blank(m: re.Match[str]) -> str:
        ends.append(m.end())
        return " " * len(m.group(0))
    return URL.sub(blank, text), ends


def word_norms(text: str, lowered: str, spans: list[tuple[int, int]], words: list[str]) -> tuple[list[str], list[str]]:
    """The words of `lowered` (text.lower(), or `text` where that changes offsets) folded as the lists are looked up
    (lexicon.fold), and the same with a possessive or contraction's ending cut (tokens._base)."""
    if not lowered.isascii():
        words = _folded_words(text, lowered, spans, words)
    if lowered is text:
        words = [fold(w) for w in words]
    return words, _base_words(words)


def _folded_words(text: str, lowered: str, spans: list[tuple[int, int]], norms: list[str]) -> list[str]:
    """`norms` (the words of `lowered`, text.lower() at the same offsets) with each word that holds a non-ASCII
    character folded from the text as typed: found from those characters (few), not by a look at every word."""
    out, starts = list(norms), None
    for p in map(re.Match.start, _NOT_ASCII.finditer(lowered)):
        starts = starts or [a for a, _ in spans]
        if (i := bisect.bisect_right(starts, p) - 1) >= 0 and p < spans[i][1] and out[i] is norms[i]:
            out[i] = fold(text[spans[i][0]:spans[i][1]])
    return out


def _base_words(norms: list[str]) -> list[str]:
    """Each word with a possessive or contraction's ending cut (tokens._base) where it holds an apostrophe: those few
    found in C, not by a Python step per word."""
    out = list(norms)
    for i in compress(count(), map(str.__contains__, norms, repeat("'"))):
        out[i] = _base(out[i])
    return out


def word_positions(bases: list[str]) -> dict[str, list[int]]:
    """Each distinct word and where it occurs: the detectors look up the few words they want instead of each
    scanning every word of the message."""
    at: dict[str, list[int]] = {}
    for i, b in enumerate(bases):
        if (places := at.get(b)) is None:  # (no new list made per word, as setdefault would: speed)
            at[b] = [i]
        else:
            places.append(i)
    return at


def word_spans(pattern: re.Pattern[str], text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Each match of `pattern` (which never matches nothing) in `text`: its span and its text, as finditer finds them,
    read from one re.split (the words at odd places) with each word's start the summed lengths before it: no match
    object per word (speed: 7,000 words in 40,000 characters)."""
    if (split := _SPLITS.get(pattern.pattern)) is None:
        split = _SPLITS[pattern.pattern] = re.compile(f"({pattern.pattern})", pattern.flags)
    parts = split.split(text)
    words = parts[1::2]
    starts = list(accumulate(map(len, parts)))[:-1:2]
    return list(zip(starts, map(add, starts, map(len, words)), strict=True)), words


_SPLITS: dict[str, re.Pattern[str]] = {}


def shared_spans(src: Source | None, text: str) -> tuple[list[tuple[int, int]], list[str]] | None:
    """word_spans(TOKEN_ASCII, text.lower()) read off the message's one split (shared_words.py), when `text` is the
    message `src` holds (no link blanked) and the split serves; else None."""
    if src is None or src.text is not text or (split := src.split()) is None:
        return None
    starts, words = token_words(src.low, split)  # type: ignore[arg-type]
    return list(zip(starts, map(add, starts, map(len, words)), strict=True)), words


@cache
def not_lower_initials() -> frozenset[str]:
    """Short words that are a title or a role, never a child's initials unless joined by "and" ("mr", "sw")."""
    v = lexicon().vocab
    return v.titles | v.professional_titles | v.service_acronyms | v.role_words | v.initial_roles


def is_lower_initials(word: str, lex: Lexicon) -> bool:
    """'kb', 'jw': two or three lower-case letters with no vowel that are no word or known abbreviation."""
    return (2 <= len(word) <= 3 and word.isalpha() and word.isascii() and not any(ch in "aeiouy" for ch in word)
            and word not in lex.english and word not in lex.vocab.acronyms)


NEGATIVES = frozenset({"i", "don", "doesn", "didn", "isn", "wasn", "can", "won", "aren", "couldn", "wouldn",
                        "shouldn"})


def is_contraction(word: str, ordinary: frozenset[str]) -> bool:
    """"we're", "doesn't", "i'll": an ordinary word and a contracted ending."""
    head, _, tail = word.partition("'")
    return tail in ("re", "ll", "m", "ve", "d", "t") and (head in ordinary or head in NEGATIVES)


def hyphenated_candidate(word: str, names: frozenset[str], ordinary: frozenset[str]) -> bool:
    """'lily-mae', 'okafor-williams' yes; 'x-x-x', 'step-down' no."""
    parts = [p for p in word.split("-") if p]
    return any(p in names or (len(p) > 1 and p not in ordinary) for p in parts)


@cache
def place_phrases() -> dict[str, frozenset[str]]:
    """Two-word place names ('west kirby', 'great sankey'): first word -> second words."""
    out: dict[str, set[str]] = {}
    lex = lexicon()
    # a faraway place named like a person ("Harold Wood", "Edith Weston") stays a possible name: a miss costs more
    far = {p for p in lex.place_phrases if not (p.split()[0] in lex.first_names and p.split()[1] in lex.surnames)}
    for place in lex.place_names | far:
        parts = place.split()
        if len(parts) >= 2:
            out.setdefault(parts[0], set()).add(parts[1])
    return {k: frozenset(v) for k, v in out.items()}
