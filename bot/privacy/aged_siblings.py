"""One child of a family told from the others by age (round 35): "both girls in the family, the 14yo is at risk and
now the 9yo...", "it's the baby, the 6 month old, not the 3 older ones", "oldest boy is 16 and caring for his 3
siblings". An age given to one child ("the 9yo", "the 6 month old", "the eldest is 16") in a sentence that sets out
the family's children (vocabulary.yaml sibling_sets: "siblings", "both girls", "the older ones", "in the family")
singles that child out of a known set. Not an age with no family set ("a 14yo can consent"), nor the set alone
("siblings should be placed together"). Ages found by the engine (a digit after "the" or a position word), each
sentence window searched once per distinct text (Source.search): linear time.
"""

from __future__ import annotations

import functools
import heapq
import re
from collections.abc import Iterator

from bot.privacy.lexicon import alternation, vocabulary
from bot.privacy.patterns import Source, Span

_REACH = 120
_STOP = re.compile(r"[.!?\n](?:\s|$)")


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    v = vocabulary()
    units = alternation(v.age_units).replace(r"\ ", r"[\s\-]{0,2}")
    # ("the(?<!\wthe)" is "\bthe", in a form the engine finds by its fast search for a literal start)
    aged = re.compile(rf"the(?<!\wthe)\s{{1,3}}\d{{1,2}}\s{{0,2}}(?:{units})\b", re.IGNORECASE)
    placed = re.compile(
        r"(?:eldest|oldest|youngest|middle)(?:\s{1,3}(?:one|boy|girl|lad|lass|child|kid|son|daughter))?"
        r"\s{1,3}(?:is|was|,)\s{0,3}\d{1,2}\b(?!\s{0,2}(?:[:.]\d|%|am|pm))"
        r"(?!\s{0,2}(?:weeks?|days?|months?|hours?|minutes?|mins?|times?|x)\b(?![\s\-]{0,2}old))",
        re.IGNORECASE)
    sets = re.compile(rf"\b(?:{alternation(v.sibling_sets)})\b", re.IGNORECASE)
    return aged, placed, sets, frozenset(w.split()[-1] for w in v.sibling_sets)


_PLACES = frozenset({"eldest", "oldest", "youngest", "middle"})


def aged_sibling_spans(src: Source, words: frozenset[str], digits: bool) -> Iterator[Span]:
    if not digits:
        return
    aged, placed, sets, gate = _patterns()
    if not words & gate:
        return  # no word that ends a family set ("siblings", "ones", "family", "kids")
    text = src.text
    for m in heapq.merge(src.finditer(aged), src.at_words(placed, words & _PLACES), key=lambda m: m.start()):
        lo, hi = max(0, m.start() - _REACH), min(len(text), m.end() + _REACH)
        stops = [s.end() for s in _STOP.finditer(text, lo, m.start())]
        lo = stops[-1] if stops else lo
        end = _STOP.search(text, m.end(), hi)
        hi = end.start() if end else hi
        if src.search(sets, lo, m.start()) or src.search(sets, m.end(), hi):
            yield "sibling", m.start(), m.end()
