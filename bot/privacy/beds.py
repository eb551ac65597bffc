"""A child placed by a numbered bed, bay or cot in a hospital (round 35): "the baby in bed 4 on Ward 11", "bay 3,
bed 2 on ward 11 at alder hey", "cot 6 on the neonatal unit". A ward holds many children, its numbered bed one: a
bed word with its number, and a ward or unit word (vocabulary.yaml: hospital_beds, hospital_units) within the same
sentence, 80 characters either side. Not a hospital's bed count ("the unit has 12 beds": no number after the bed
word) nor a room with no ward near ("training in room 4"). Bed words found by the engine's literal search, each
window searched once per distinct text (Source.search): linear time.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from bot.privacy.lexicon import alternation, vocabulary
from bot.privacy.patterns import Source, Span

_REACH = 80


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], re.Pattern[str], frozenset[str]]:
    v = vocabulary()
    beds, units = alternation(v.hospital_beds), alternation(v.hospital_units)
    bed = re.compile(rf"(?:{beds})\s{{0,2}}(?:no\.?\s{{0,2}}|number\s{{1,3}}|#\s{{0,2}})?\d{{1,3}}[a-z]?\b(?![:.]\d)",
                     re.IGNORECASE)
    unit = re.compile(rf"(?<![\w&])(?:{units})(?![\w&])", re.IGNORECASE)
    gate = frozenset(w.split()[0] for w in v.hospital_beds)
    parking = re.compile(rf"\b(?:{alternation(v.parking_words)})\b", re.IGNORECASE)
    # each unit's last word as the message's words hold it ("a&e": "e"; "children's ward": "ward")
    units_gate = frozenset(re.findall(r"[a-z]+", w)[-1] for w in v.hospital_units)
    return bed, unit, gate, parking, units_gate


_STOP = re.compile(r"[.!?\n](?:\s|$)")


def bed_spans(src: Source, words: frozenset[str], digits: bool) -> Iterator[Span]:
    """A numbered bed with a ward or unit word in its sentence. The unit words, parking words and sentence ends are
    found once each over the message (at its first bed), then each bed looks them up (bisect): linear time."""
    bed, unit, gate, parking, units_gate = _patterns()
    if not digits or not words & gate or not words & units_gate:
        return
    text = src.text
    parks: list[int] | None = None
    stops: list[int] | None = None
    units: list[int] = []
    for m in src.at_words(bed, words & gate):
        if stops is None:  # (found at the first bed: a message with none never scans for them)
            stops = [s.start() for s in _STOP.finditer(text)]
            units = [u.start() for u in src.finditer(unit)]
        k = bisect.bisect_left(stops, m.start())
        lo = max(m.start() - _REACH, stops[k - 1] + 1 if k else 0)
        hi = min(m.end() + _REACH, stops[k] if k < len(stops) else len(text))
        u = bisect.bisect_left(units, lo)
        if not any(lo <= x < hi and not m.start() <= x < m.end() for x in units[u:u + 3]):
            continue
        head = m.group(0)[:3].lower()
        if head == "roo" and not any(src.lower.startswith("ward", x)
                                     for x in units[u:u + 3] if lo <= x < hi):
            continue  # a room: only on a ward ("side room 2 on ward 4"), not at a venue
        if head == "bay":
            if parks is None:
                parks = [p.start() for p in src.finditer(parking)]
            q = bisect.bisect_left(parks, lo)
            if q < len(parks) and parks[q] < hi:
                continue  # a car's bay
        yield "address", m.start(), m.end()
