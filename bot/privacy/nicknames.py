"""A child's first name given in brackets after the words describing them ("the boy I mentioned (Kez)"), and a name
after "lil" ("lil Mo"), which is said of a person only (round 27). Round 35: "Lil" capitalised, and street
nicknames: a size or age word (vocabulary.yaml nickname_prefixes) before one capital letter or a capitalised first
name or word in no list ("Big Mike", "Young T", "Lil J"); in lower case before a first name that is no English word,
or any first name with a bracket or what a person does after it ("big mike (mum's boyfriend)", "big mike is at the
house"). Not a landmark, charity or kind of person (nickname_not: "Big Ben", "Young Carers"). Each reads a bounded
window: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import Source, Span

BRACKETED = re.compile(r"\(\s{0,2}([A-Z][a-z'’\-]{1,20})\s{0,2}\)")
LIL = re.compile(r"\b[Ll]il['’]?\s{1,2}([A-Z][a-z'’\-]{0,20})\b")
NICK = re.compile(r"\b([a-z']{2,6})\s{1,2}([a-z][a-z\-]{0,20})\b(?:['’]s\b)?(\s{0,2}(?:\(|[a-z]{2,5}\b))?",
                  re.IGNORECASE)
_DOES = frozenset({"is", "was", "has", "had", "said", "says", "told", "been", "gave", "sells", "deals", "runs", "came",
                   "comes", "goes", "went", "took", "takes", "got", "gets", "keeps", "kept", "drives", "lives", "("})
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


def _nickname(name: str, after: str | None) -> bool:
    lex, w = lexicon(), name.lower().rstrip("'’")
    v = lex.vocab
    if w in v.nickname_not or w in v.acronyms or w in v.service_acronyms or w in lex.places or w in v.services \
            or w in v.org_words or w in v.communities:
        return False
    if name[:1].isupper():
        if name.isupper() and len(name) > 1:
            return False  # "Big MAC", "Young SEND": letters, not a name
        return len(name) == 1 or w in lex.first_names or not (w in lex.english or w in lex.rare_english)
    if w not in lex.first_names:
        return False
    return w not in lex.english or (after is not None and after.strip().lower() in _DOES)


def nickname_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    text = src.text
    prefixes = lexicon().vocab.nickname_prefixes
    if words & prefixes:
        for m in src.at_words(NICK, words & prefixes, as_typed=True):
            if m.group(1).lower().rstrip("'") in prefixes and _nickname(m.group(2), m.group(3)):
                yield "name", m.start(), m.end(2)
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
