"""What a message tells of a child apart from the questions asked beside it.

A practitioner often asks two things at once: a worry with a second question about the partnership's business ("a
baby has a bruise on his cheek, what did Ofsted say?"), or the other way round, an admin question and then a child
added ("where do I save the minutes template? also a yr 10 girl was given vodka by a man ..."). The question's frames
would outweigh the worry, so the detector (knowledge/safety.py) judges what was told on its own, when it is told as
something that happened.
"""

from __future__ import annotations

from typing import Any, Protocol

from knowledge.safety_frames import FrameReader
from knowledge.safety_patterns import Matcher, clauses, segment_openings, segment_pieces, segments


class Detector(Protocol):
    """The parts of knowledge.safety.Detector read here, named so that this module need not import that one (which
    imports this: no cycle)."""

    lex: Any
    reader: FrameReader
    _cues: Matcher
    _anchors: Matcher
    _situation: Matcher
    _other_questions: Matcher

    def _topic_only(self, seg: list[str]) -> bool: ...


def told_apart_from_questions(det: Detector, text: str) -> str:
    """What a message tells of someone apart from its questions, with no worry word or one in them, about the
    partnership's business or whom to contact ("..., what did Ofsted say?", "who's the Channel chair? yr 10 ...")"""
    pieces = segment_pieces(text)
    asks = {k for k, (_piece, toks) in enumerate(pieces)
            if (det.reader.opens_as_question(toks) and det._other_questions.find(toks)
                and (not det._cues.find(toks) or det._topic_only(toks))  # "the CSE numbers": a topic's name
                and not det.reader.found_outside(det._anchors, toks) and not det._situation.find(toks))}
    told = [(piece, toks) for k, (piece, toks) in enumerate(pieces) if k not in asks]
    return " ".join(p for p, _t in told) if asks and det._anchors.find([t for _p, ts in told for t in ts]) else ""


def told_after_question(det: Detector, text: str) -> str:
    """What a message tells after an admin question about no one ("where do I save the minutes template? also a yr 10
    girl ...", "do we inform the LADO before or after the head? there's a coach who ..."): the text from the first
    segment that follows a question mark or opens with an added item's marker ("also", "btw", "lastly"), when every
    segment before it is about no one (no person, no situation sign, no worry word but a topic's: "LADO", "Prevent")
    and one of them asks. A told part after a quiz or a review with no marker ("for the quiz: what counts as neglect?
    a yr 4 boy ...") is the case put for the question, and is not taken."""
    opens = segment_openings(text)
    toks = [t for _s, _p, t in opens]
    # each segment read once, then running totals: a message of many segments costs linear time, not quadratic
    asks = [bool(det.reader.opens_as_question(t)) for t in toks]
    someone = [names_someone(det, t) for t in toks]
    context = [det.reader.in_context([t]) for t in toks]
    anchored_from = [False] * (len(toks) + 1)  # a person named in this segment or a later one
    for k in range(len(toks) - 1, -1, -1):
        anchored_from[k] = anchored_from[k + 1] or bool(det._anchors.find(toks[k]))
    asked = told = framed = False  # over the segments before the cut
    for k in range(1, len(opens)):
        asked, told, framed = asked or asks[k - 1], told or someone[k - 1], framed or context[k - 1]
        start, sep, seg = opens[k]
        added = det.reader._added.find(seg, start_only=True) or det.reader._next_item.find(seg, start_only=True)
        if not (sep.strip().startswith("?") or added):
            continue
        if not asked or told or (not added and framed):
            return ""  # someone told of before the cut, or a quiz setting the case: the whole message
        if anchored_from[k]:
            return text[start:]
    return ""


def names_someone(det: Detector, toks: list[str]) -> bool:
    """The segment names a person, a situation sign or a worry word heavier than a topic's ("LADO", "Prevent")."""
    topic = det.lex.frames.topic_weight
    return (det.reader.found_outside(det._anchors, toks) or bool(det._situation.find(toks))
            or any(p.weight > topic for p, _i, _e in det._cues.find(toks)))


def told_as_real(det: Detector, told: str) -> bool:
    """Told as something that happened (`FrameReader.told_as_real`), or opening, past an added item's marker, with one
    child and what is happening to them ("also one of our yr 9s is in a coma ...")."""
    segs = segments(told)
    if det.reader.told_as_real(clauses(told), segs):
        return True
    first = segs[0] if segs else []
    ends = [e for _p, _i, e in det.reader._added.find(first, start_only=True)]
    return bool(det.reader._turns_to.find(first[max(ends, default=0):], start_only=True))
