"""A message that asks two things ("who decides on a rapid review, and how long can it take?") is answered one
question at a time when no single entry answers all of it: each question is searched with the rest of the message
as context (so "it" still has its subject), and every one must have a confident answer of its own."""

from __future__ import annotations

from typing import Protocol

from knowledge.confidence import SUGGEST_CONFIDENCE
from knowledge.evidence import Evidence
from knowledge.facts import missing_fact
from knowledge.models import Entry
from knowledge.partnerships import NATIONAL
from knowledge.search import Hit, Query
from knowledge.text import fold, raw_tokens
from knowledge.vocabulary import vocabulary


class Answerer(Protocol):
    """What this module needs of `knowledge.answering.Answerer` (named here so the two never import each other)."""

    evidence: Evidence

    def rank(self, question: str, area: str | None, named: bool,
             asked: tuple[str, str] | None = None) -> tuple[Query, list[Hit]]: ...

    def confident(self, hits: list[Hit]) -> bool: ...


# Each question is searched alone (an entry holding the words of both, "publish", "panel", "report", need not answer
# both). The leading entry answers a question of the message when, searched alone, that question ranks it within this
# share of its own best entry; otherwise that best entry is shown for it as well.
PART_NEAR = 0.85
LEADING = 2  # the message's leading entries a question short of the bar may be answered by


def _alone(answerer: Answerer, i: int, query: Query, area: str | None, named: bool,
           leading: frozenset[str] = frozenset()) -> tuple[list[Hit], bool]:
    """The hits for the i-th question, the rest of the message weighed as context, and whether the best is confident
    on its own; ([], False) without a confident one or, short of that, one of the message's `leading` entries."""
    part = query.parts[i]
    rest = " ".join(p for j, p in enumerate(query.parts) if j != i)
    q, hits = answerer.rank(part, area, named, asked=(part, f"{rest} {query.context}".strip()))
    sure = bool(hits) and answerer.confident(hits)
    if not hits or not (sure or (hits[0].entry.id in leading and hits[0].confidence >= SUGGEST_CONFIDENCE)) \
            or not answerer.evidence.about_subject(q, hits[0].entry):
        return [], False
    if answerer.evidence.unknown_acronyms(part) or missing_fact(part, hits[0].entry) is not None:
        return [], False
    return hits, sure


def _points_back(part: str) -> bool:
    """A question holding "it" or "they" ("can they drop it") asks of what the question before named."""
    v = vocabulary()
    return not (v.back_references | v.pointing_words).isdisjoint(raw_tokens(fold(part)))


def part_entries(answerer: Answerer, query: Query, hits: list[Hit], area: str | None, named: bool,
                 confident: bool) -> list[Entry] | None:
    """The entries answering each question of a message that asks several, in order, when that takes more than
    the leading entry (or the leading entry is not confident); None otherwise."""
    if len(query.parts) < 2 or not hits:
        return None
    top = hits[0].entry
    shown: list[Entry] = []
    # unsure of the whole, the message's two leading entries may each answer one question ("what training is on this
    # year, and are there short sessions to drop into"): a question short of the bar is answered by one of them,
    # when another question of the message is answered confidently
    leading = frozenset() if confident else frozenset(h.entry.id for h in hits[:LEADING])
    sure, weak = confident, False
    found = [_alone(answerer, i, query, area, named, leading) for i in range(len(query.parts))]
    for i, (own, alone) in enumerate(found):
        if not own and not confident and i and found[i - 1][1] and _points_back(query.parts[i]):
            own, alone = found[i - 1]  # "what was the total? and can they drop it": the subject of the question before
        if not own and not confident:
            return None
        sure, weak = sure or alone, weak or (bool(own) and not alone)
        near = next((h.ranking for h in own if h.entry.id == top.id), 0.0)
        e = top if confident and (not own or near >= PART_NEAR * own[0].ranking) else own[0].entry
        if all(x.id != e.id for x in shown):
            shown.append(e)
    if weak and not confident and (not sure or len(shown) < 2):
        return None  # no question of the message is answered confidently, or one entry short of the bar for all
    if confident and [x.id for x in shown] == [top.id]:
        return None  # the leading entry answers every question: nothing to add
    if area is None and len({x.partnership for x in shown} - {NATIONAL}) > 1:
        return None  # two areas' entries for a question with no area: ask which area instead
    return shown
