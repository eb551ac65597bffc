"""Spotting a worry about a child's safety, so the answer can lead with 999 and the front door."""

from __future__ import annotations

import re

from knowledge.text import fold

# A child (or a pronoun standing for one in a worry sentence).
_CHILD = (
    r"(child|children|kid|kids|baby|babies|infant|toddler|boy|girl|teen|teenager|young person|young people|"
    r"pupil|pupils|student|son|daughter|sibling|youngster|he|she|they|them|him|her)"
)
_HARM = (
    r"(hurt|hurting|harmed|harming|hit|hitting|beaten|beat|abused|abusing|being abused|neglected|"
    r"injured|injury|injuries|bruis\w*|burn\w*|assaulted|raped|touched|groomed|grooming|exploited|"
    r"trafficked|starv\w*|unsafe|in danger|at risk|scared|frightened|afraid|self harm\w*|suicid\w*|"
    r"kicked|punched|slapped|locked|left alone|home alone|missing|ran away|run away|not safe)"
)

# Patterns that read as a worry only when the sentence is about a child or harm ("I'm worried about my
# expenses", "urgent: book a room" are not safety questions).
_WEAK = [
    re.compile(r"\b(disclos\w*|told me|has told|confided|came to me|said (that )?(he|she|they))\b"),
    re.compile(r"\b(i am|im|i'm|we are|were) (really |very |quite )?(worried|concerned|scared|anxious)\b"),
    re.compile(r"\b(worried|concerned|worry|concern) (about|for) (a|my|the|this|one of|our)\b"),
    re.compile(r"\b(emergency|urgent(ly)?|right now)\b"),
]
_CHILD_OR_HARM = re.compile(
    r"\b(child|children|kid|kids|baby|babies|infant|toddler|boy|girl|teen|teenager|young person|young people|"
    r"pupil|pupils|student|son|daughter|sibling|youngster|he|she|him|her|his)\b|" + rf"\b{_HARM}\b"
)
_PATTERNS = [
    re.compile(
        rf"\b{_CHILD}\b.{{0,60}}\b(is|are|was|were|has been|have been|being|getting|got|gets|keeps)\b"
        rf".{{0,25}}\b{_HARM}\b"
    ),
    re.compile(rf"\b(my|a|the|this|our|one of my|one of our)\b.{{0,20}}\b{_CHILD}\b.{{0,40}}\b{_HARM}\b"),
    re.compile(r"\bimmediate danger\b"),
    re.compile(r"\b(marks|bruises|injuries) on (a|the|my|his|her|their)\b"),
]


def is_safety_worry(question: str) -> bool:
    """True when the question reads as a worry about a particular child's safety."""
    t = fold(question).replace("-", " ")
    t = re.sub(r"\s+", " ", t).replace("non emergency", "")
    if any(p.search(t) for p in _PATTERNS):
        return True
    return bool(_CHILD_OR_HARM.search(t)) and any(p.search(t) for p in _WEAK)


SAFETY_LEAD = ":rotating_light: *If a child is in immediate danger, call 999 now.*"
