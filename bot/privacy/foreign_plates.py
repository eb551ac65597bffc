"""A vehicle's plate in another country's format, after the vehicle (round 35): "the polish registered car WZ
4812K", "a van with irish plates 191-D-12345", "romanian car B 123 ABC". patterns.py and pointers.py read British
plates; a plate from abroad has letters and digits in other groups. Read only straight after a vehicle word
(vocabulary.yaml vehicle_words, vehicle_makes; "plates", "registered"; "reg", "is", "with" may stand between):
capitals in groups with at least three digits, not a case reference's shape ("CR-2026-007"). One bounded match at
each cue: linear time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from bot.privacy.lexicon import alternation, vocabulary
from bot.privacy.patterns import Source, Span

_AHEAD = 45
FOREIGN = re.compile(
    r"(?<![\w\-])(?:[A-Z]{1,3}[\s\-]\d{2,5}[\s\-]?[A-Z0-9]{0,3}|\d{2,3}[\s\-][A-Z]{1,2}[\s\-]\d{1,6}"
    r"|[A-Z]{1,3}[\s\-][A-Z]{1,3}[\s\-]?\d{1,5}[A-Z]{0,2})(?![\w\-])")
_BETWEEN = re.compile(r"[\s,:\-]{1,3}(?:(?:reg|registration|plates?|number|no\.?|is|was|with|of)[\s,:\-#]{1,3}){0,3}",
                      re.IGNORECASE)
_REFERENCE = re.compile(r"[A-Z]{1,4}-(?:19|20)\d{2}-\d{1,6}")  # "CR-2026-007": a case reference's shape


@functools.cache
def _cues() -> tuple[re.Pattern[str], frozenset[str]]:
    v = vocabulary()
    words = v.vehicle_words | v.vehicle_makes | frozenset({"plates", "plated", "registered"})
    return re.compile(rf"\b(?:{alternation(words)})\b", re.IGNORECASE), frozenset(w.split()[0] for w in words)


def foreign_plate_spans(src: Source, words: frozenset[str], digits: bool) -> Iterator[Span]:
    if not digits:
        return
    cue, gate = _cues()
    if not words & gate:
        return
    text = src.text
    for m in src.at_words(cue, words & gate):
        gap = _BETWEEN.match(text, m.end(), min(len(text), m.end() + _AHEAD))
        plate = gap and FOREIGN.match(text, gap.end(), min(len(text), gap.end() + 20))
        if not plate or _REFERENCE.fullmatch(g := plate.group()):
            continue
        if sum(ch.isdigit() for ch in g) >= 3 and sum(ch.isalnum() for ch in g) >= 5:
            yield "vehicle", plate.start(), plate.end()
