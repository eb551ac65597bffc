"""A child's first name given in brackets after the words describing them ("the boy I mentioned (Kez)"), and a name
after "lil" ("lil Mo"), which is said of a person only (round 27). Each reads a bounded window: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import Source, Span

BRACKETED = re.compile(r"\(\s{0,2}([A-Z][a-z'’\-]{1,20})\s{0,2}\)")
LIL = re.compile(r"\blil['’]?\s{1,2}([A-Z][a-z'’\-]{0,20})\b")
_CHILD = frozenset({"child", "boy", "girl", "lad", "lass", "kid", "teen", "teenager", "toddler", "baby", "pupil", "yp",
                    "youngster", "son", "daughter"})
_CUTS = ".?!;:\n()"
_WORD = re.compile(r"[a-z]+")


@cache
def _not_between() -> frozenset[str]:
    v = lexicon().vocab
    roles = frozenset(r.split()[-1] for r in v.professional_roles) - v.role_fillers - {"of", "on"}
    return roles | v.person_relations | v.services | v.org_words


def _child_name(word: str) -> bool:
    lex, w = lexicon(), word.lower()
    v = lex.vocab
    if w in v.acronyms or w in v.service_acronyms or w in lex.places or w in v.services or w in v.communities:
        return False
    return w in lex.first_names or w not in lex.english


def nickname_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    text = src.text
    if "lil" in words:
        for m in LIL.finditer(text):
            if m.group(1).lower() not in lexicon().vocab.acronyms:
                yield "name", m.start(1), m.end(1)
    if "(" not in text:
        return
    stops = _not_between()
    for m in BRACKETED.finditer(text):
        if not _child_name(m.group(1)):
            continue
        before = text[max(0, m.start() - 50):m.start()]
        cut = max(before.rfind(c) for c in _CUTS)
        seen = _WORD.findall(before[cut + 1:].lower())  # the clause's words before the bracket
        at = next((k for k, w in enumerate(seen) if w in _CHILD), None)
        if at is not None and stops.isdisjoint(seen[at + 1:]):
            yield "name", m.start(1), m.end(1)
