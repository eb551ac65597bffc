"""When a match is good enough to answer, and which of two near-equal matches goes first.

Chosen by measurement on every development set (knowledge/README.md, "How a question is answered" 3 and 7): an
absolute bar, plus a clear lead over the runner-up; a close call asks "did you mean". Pure functions of the hits.
"""

from __future__ import annotations

from knowledge.partnerships import NATIONAL
from knowledge.search import Hit

ANSWER_CONFIDENCE = 0.40
ANSWER_COVERAGE = 0.45
SUGGEST_CONFIDENCE = 0.30
# A close call asks "did you mean"; a clearly leading match is answered even below the absolute bar.
MARGIN_CONFIDENCE = 0.40
MARGIN_COVERAGE = 0.34
ANSWER_MARGIN = 0.15
LOCAL_TIE = 0.05  # in a known area, its best entry this close (confidence) to a national top goes first


def confident(hits: list[Hit]) -> bool:
    """A clear answer: strong on its own, or leading the runner-up (another entry) by a clear margin."""
    if not hits:
        return False
    top = hits[0]
    if top.confidence >= ANSWER_CONFIDENCE and top.coverage >= ANSWER_COVERAGE:
        return True
    runner = next((h.confidence for h in hits[1:] if h.entry.id != top.entry.id), 0.0)
    return (top.confidence >= MARGIN_CONFIDENCE and top.coverage >= MARGIN_COVERAGE
            and top.confidence - runner >= ANSWER_MARGIN)


def local_first(hits: list[Hit], area: str) -> None:
    """A near tie between a national entry and the area's own goes to the area's (its see-also shows the national
    facts): decided by a margin of confidence, not by a boost that corpus statistics can tip either way. The local
    entry must not have been stepped back by an intent preference (its boost at least the national one's)."""
    if not hits or hits[0].entry.partnership != NATIONAL:
        return
    local = next((i for i, h in enumerate(hits) if h.entry.partnership == area), None)
    # an entry the question's intent stepped back ("who is the LADO": not the area's referral figures) stays back
    if local is not None and hits[local].boost >= hits[0].boost and \
            hits[local].confidence >= hits[0].confidence - LOCAL_TIE:
        hits.insert(0, hits.pop(local))
