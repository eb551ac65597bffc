"""A name given outright where the name reader (names.py) reads it word by word and misses it (round 28): a child's
full name in lower case set off after a child word ("the pupil, hunter ormesher, has..."), its first name also a
word ("hunter", "ivy") and its surname in no list, so neither word alone is a name to the reader; and a family's
surname given after "surname" with where it is used ("the family's surname in our records is Brannock").

Set-off words that are no name pass ("the girl, mark my words, will...", "the child, in my view, is..."): the first
word must be a first name and the last one no English word. Each pattern is tried only at its cue words
(Source.at_words), with bounded quantifiers: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.lexicon import Lexicon, fold, lexicon
from bot.privacy.patterns import Source, Span
from bot.privacy.tokens import _DETERMINERS, _FUNCTION, _SMALL

_CHILD_WORDS = frozenset({"child", "infant", "baby", "boy", "girl", "pupil", "yp", "toddler", "newborn", "son",
                          "daughter", "teen", "teenager", "youngster", "lad", "lass", "student"})
SET_OFF_NAME = re.compile(
    r"(?:child|infant|baby|boy|girl|pupil|yp|toddler|newborn|son|daughter|teen|teenager|youngster|lad|lass|student)"
    r"\s{0,2}(?:,|\(|-|–)\s{0,2}([a-z][a-z'’]{1,20})\s{1,2}([a-z][a-z'’]{1,30}(?:-[a-z][a-z'’]{1,30})?)"
    r"\s{0,2}(?:,|\)|-|–)", re.IGNORECASE)
_SURNAME_CUES = frozenset({"surname", "surnames", "family", "last", "maiden"})
GIVEN_SURNAME = re.compile(
    r"(?:surnames?|family(?:['’]s)?\s{1,3}(?:sur)?name|last\s{1,3}name|maiden\s{1,3}name)\s{1,3}"
    r"(?:(?:on|in|for|of|at|used\s{1,3}by|given\s{1,3}(?:to|by|on))\s{1,3}(?:[\w'’\-]{1,20}\s{1,3}){1,4}?)?"
    r"(?:is|was)\s{1,3}([A-Za-z][\w'’\-]{1,30})", re.IGNORECASE)


def _ordinary(word: str, lex: Lexicon) -> bool:
    """An English word, or one with an English word for a part ("well-known")."""
    return any(p in lex.english or p in lex.rare_english for p in word.split("-"))


def _set_off_names(src: Source, words: frozenset[str], lex: Lexicon) -> Iterator[Span]:
    for m in src.at_words(SET_OFF_NAME, _CHILD_WORDS & words):
        first, last = fold(m.group(1)), fold(m.group(2)).replace("’", "'")
        if (first in lex.first_names and first not in lex.vocab.role_words and first not in lex.vocab.not_names
                and not _ordinary(last, lex)):
            yield "name", m.start(1), m.end(2)


def _given_surnames(src: Source, words: frozenset[str], lex: Lexicon) -> Iterator[Span]:
    for m in src.at_words(GIVEN_SURNAME, _SURNAME_CUES & words, as_typed=True):  # (a capital is part of the shape)
        word = fold(m.group(1)).replace("’", "'").removesuffix("'s")
        listed = (m.group(1)[0].isupper() and word in lex.surnames and word not in lex.vocab.not_names
                  and word not in _FUNCTION and word not in _SMALL and word not in _DETERMINERS)
        unknown = not _ordinary(word, lex) and word.replace("-", "").replace("'", "").isalpha()
        if listed or unknown:
            yield "family_name", m.start(1), m.end(1)


def named_outright_detectors(src: Source, words: frozenset[str]) -> list[Iterator[Span]]:
    """Lazy detectors of names given outright; `words` are the text's lower-case words."""
    lex = lexicon()
    out: list[Iterator[Span]] = []
    if words & _CHILD_WORDS and ("," in src.text or "(" in src.text or "-" in src.text or "–" in src.text):
        out.append(_set_off_names(src, words, lex))
    if words & _SURNAME_CUES and words & {"surname", "surnames", "name"}:
        out.append(_given_surnames(src, words, lex))
    return out
