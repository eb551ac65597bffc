"""A first name owning a relative or a child's casework with its apostrophe left out (round 37): "jaydens mum rang",
"does tylers referral go to the front door", "is rubys plan still open". Fast notes drop the apostrophe, and the
word with its "s" is then in no name list, so names.py never reads it.

The word is taken only when it is a first name and "s", no English word, surname or place as it stands ("johns",
"summers", "williams" pass) and no relative's ("nans house", "grans flat"), not after "St" / "Saint" ("st marys
school"), and the next word is one a person owns (vocabulary relation_after_possessive: a relative, a plan, a
referral, a school). Cue words first (Source.at_words), one bounded match each: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import Source, Span

_OWNER = re.compile(r"[a-z][a-z\-]{2,30}s(?=\s{1,2}([a-z]{2,20})\b)", re.IGNORECASE)
_SAINT = re.compile(r"\b(?:st|saint)\.?\s{1,2}$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _owner(word: str) -> bool:
    """A first name with "s" added that is no word, surname or place as it stands."""
    if len(word) < 4 or not word.endswith("s"):
        return False
    lex = lexicon()
    v = lex.vocab
    stem = word[:-1]
    return (stem in lex.first_names and word not in lex.english and word not in lex.surnames
            and word not in lex.places and word not in v.local_places and word not in v.not_names
            and not {word, stem} & (v.person_relations | v.role_words | v.org_words | v.common_words))


def dropped_owner_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """Kind "name": a first name and "s", the apostrophe left out, before what a person owns."""
    owned = lexicon().vocab.relation_after_possessive
    if words.isdisjoint(owned):
        return
    cues = frozenset(w for w in words if _owner(w))
    if not cues:
        return
    text = src.text
    for m in src.at_words(_OWNER, cues):
        if m.group(1).lower() in owned and not _SAINT.search(text, max(0, m.start() - 7), m.start()):
            yield "name", m.start(), m.end()
