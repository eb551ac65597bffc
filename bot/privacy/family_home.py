"""A family counted by its children and placed where it lives (round 39): "the family with six kids on marsh lane",
"5 boys under 8 and mum 20, the ones in the flats behind the chippy". A street with no number, or "the flats
behind X", holds many families; the one there with that many children is known to every neighbour.

Read from each counted set of children (family_set.COUNTED: a number or "all / both" and kids, children, boys,
girls...), in its sentence: a street named by a word and a street type after "on / in / off" (vocabulary street
types; not a generic word: "the main road", generic_street_words), or flats, houses or an estate placed by a
landmark ("behind / opposite / above / next to / near" and a word). Not a count spoken of in general ("families
with 3 or more children on low incomes": no street or landmark). Each sentence read once: linear time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from itertools import islice

from bot.privacy.family_set import COUNTED, COUNTED_HEADS
from bot.privacy.headed import at_heads
from bot.privacy.lexicon import alternation, vocabulary
from bot.privacy.patterns import Source, Span, _sentence
from bot.privacy.source import MANY_CUES

_GATE = frozenset({"kids", "children", "siblings", "sibs", "brothers", "sisters", "boys", "girls"})
_LANDMARK = re.compile(r"\b(?:flats|flat|houses|house|estate|maisonettes?|bungalows?|block)\s{1,3}"
                       r"(?:behind|opposite|above|next\s{1,3}to|near|by|over)\s{1,3}(?:the\s{1,3})?[a-z][\w'’\-]{2,30}",
                       re.IGNORECASE)


@functools.cache
def _street() -> re.Pattern[str]:
    v = vocabulary()
    types = alternation(v.street_types_named | v.street_types_place | v.street_abbreviations)
    return re.compile(rf"\b(?:on|in|off)\s{{1,3}}(?:the\s{{1,3}})?([a-z][\w'’\-]{{2,30}})\s{{1,3}}(?:{types})\b",
                      re.IGNORECASE)


def family_home_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    if words.isdisjoint(_GATE):
        return
    text, generic = src.text, vocabulary().generic_street_words
    done = -1
    for m in islice(at_heads(src, COUNTED, COUNTED_HEADS), MANY_CUES):
        if m.start() < done or m.group().lower().endswith("them"):  # ("both of them": not only children)
            continue
        a, b = _sentence(text, m.start(), m.end())
        done = b
        street = next((s for s in _street().finditer(text, a, b) if s.group(1).lower() not in generic), None)
        place = street or _LANDMARK.search(text, a, b)
        if place is not None:
            yield "sibling", m.start(), m.end()
            yield "sibling", place.start(), place.end()
