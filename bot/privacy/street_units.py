"""A street or estate named with its house, room or flat number beside it but not in front of it (round 39).

patterns.py reads "12 Elm Road" and "flat 3, Elm Court"; a number given after the street ("on orford lane, room 9",
"X row, number 2", "the Y estate, block c number 31") or before it with "on" ("no. 12 on the Z estate") is as much
an address. Read from each unit word with its number (vocabulary street_unit_words: no, number, room, flat...):
the 45 characters before it end in a word and a street type (vocabulary street types and "estate", a comma or a
block between), or the words after it are "on / in / at (the) X <street type>". The word before the street type
is no generic word ("the main road", "the same street": generic_street_words) nor a small word. Bounded windows
at each unit word: linear time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from bot.privacy.lexicon import alternation, vocabulary
from bot.privacy.patterns import Source, Span

_BACK = 45
_SMALL = frozenset({"the", "a", "an", "this", "that", "on", "in", "at", "of", "to", "and", "or", "her", "his",
                    "their", "our", "my", "your", "same", "one", "no"})


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str], frozenset[str]]:
    v = vocabulary()
    types = alternation(v.street_types_named | v.street_types_place | v.street_types_numbered | {"estate"})  # (kinds)
    units = alternation(v.street_unit_words)
    unit = re.compile(rf"\b(?:{units})\.?\s{{0,2}}#?\d{{1,4}}[a-z]?\b(?![:.,/]\d)", re.IGNORECASE)
    before = re.compile(rf"\b([a-z][a-z'’\-]+)\s{{1,2}}(?:{types})\b\.?"
                        r"(?:\s{0,2},?\s{0,2}(?:block|blk)\s{0,2}[a-z0-9]{1,2}\b\s{0,2}[,\-–]?|\s{0,2}[,\-–])\s{0,3}$",
                        re.IGNORECASE)
    after = re.compile(rf"\s{{1,2}}(?:on|in|at)\s{{1,2}}(?:the\s{{1,2}})?([a-z][a-z'’\-]+)\s{{1,2}}(?:{types})\b",
                       re.IGNORECASE)
    kinds = v.street_types_named | v.street_types_place | v.street_types_numbered | {"estate"}
    return unit, before, after, frozenset(w.split()[0] for w in v.street_unit_words), frozenset(kinds)


def street_unit_spans(src: Source, words: frozenset[str], digits: bool) -> Iterator[Span]:
    if not digits:
        return
    unit, before, after, gate, kinds = _patterns()
    if words.isdisjoint(gate) or words.isdisjoint(kinds):  # (no unit word, or no street to give it)
        return
    low, generic = src.lower, vocabulary().generic_street_words
    for m in src.at_words(unit, words & gate):
        lead = low[max(0, m.start() - 12):m.start()].rstrip()
        # (the look back only where a comma, dash or block stands right before the unit: "room 4" alone is common)
        back = src.search(before, max(0, m.start() - _BACK), m.start()) if lead.endswith((",", "-", "–")) or (
            "bl" in lead) else None
        ahead = None
        if back is None and low.startswith((" on ", " in ", " at ", "  "), m.end()):
            ahead = src.search(after, m.end(), min(len(low), m.end() + 40))
            ahead = ahead if ahead is not None and ahead.start() == m.end() else None
        found = back or ahead
        if found is None:
            continue
        name = found.group(1)
        if name in generic or name in _SMALL:
            continue
        yield "address", (back.start() if back else m.start()), (m.end() if back else ahead.end())  # type: ignore[union-attr]


# A house known by its name, in quotes after "address" ("address: 'The Old Forge', Little Brampton"), round 47: a
# named house is an address as much as a number and street. One to four capitalised words inside the quotes, not a
# placeholder ("Unknown", "Withheld").
_HOUSE_NAME = re.compile(r"\b[Aa]ddress(?:\s{1,2}is)?\s{0,2}[:\-–—]?\s{0,3}['\"‘“]"
                         r"(?!(?:Unknown|Not|None|No|Withheld|Confidential|Redacted|Same|Removed)\b)"
                         r"(?:[Tt]he\s{1,2})?[A-Z][a-z'’]{1,20}"
                         r"(?:\s{1,2}[A-Z][a-z'’]{1,20}){0,3}['\"’”]")


def house_name_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    if "address" not in words:
        return
    for m in src.at_words(_HOUSE_NAME, frozenset({"address"}), as_typed=True):
        yield "address", m.start(), m.end()


# A house number before "the" and a word that names one close or house ("6 the willows", "5 the coppice", round 53):
# an address as much as "6 Willow Road". Read from each such word (vocabulary named_place_words); not a year group,
# class or time before the number ("year 6 the oaks class", "at 3 the manor").
_WORD = re.compile(r"[a-z]+\b")
_NUMBER_THE = re.compile(r"(?:([a-z]+)\s{1,2})?(?<![\w/£$.:,])(\d{1,3}[a-z]?(?:/\d{1,3})?)\s{1,2}the\s{1,2}$",
                         re.IGNORECASE)
_NOT_HOUSE = frozenset({"year", "yr", "y", "class", "room", "page", "step", "stage", "level", "at", "by", "until",
                        "till", "before", "after", "around", "about", "aged", "age", "ages", "ks", "key",
                        "week", "day", "top", "under", "over", "only", "all", "and", "or", "nearly", "almost", "have",
                        "has", "had", "got", "scored", "won", "lost", "beat", "minus", "plus"})


def numbered_close_spans(src: Source, words: frozenset[str], digits: bool) -> Iterator[Span]:
    """'6 the willows': a house number, "the" and a word that names one close or house (`digits`: the message holds
    one, found once for every reader)."""
    cues = vocabulary().named_place_words & words
    if not cues or not digits:
        return
    for m in src.at_words(_WORD, cues):
        before = _NUMBER_THE.search(src.text, max(0, m.start() - 30), m.start())
        if before is not None and (before.group(1) or "").lower() not in _NOT_HOUSE:
            yield "address", before.start(2), m.end()
