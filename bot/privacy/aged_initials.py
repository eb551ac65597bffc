"""Initials typed in lower case, labelled straight after by an age or a year group (round 29): "lm (year 3) was
upset", "jb (8) wouldn't let go", "dw, yr 9, missing twice", "rk (aged 11)".

kin.py reads capitals before an age as a child ("KF (yr 3)"); in lower case two or three letters were a candidate
only in a name's position, so the label after them went unread. An age or year group said of letters names a
person; a subject, service or word ("pe (yr 9)", "art, yr 7", "5s (aged 3 to 4)") passes: the letters must be in
no English word list (the rarer list's two-letter units, "kb", "lm", are no subject of an age) and no acronym,
term or service list. Found from the age's shape (a digit is needed), then the few
characters before it: linear time. Round 35: a first name and a surname typed in lower case straight before the age
("dmitri kowalczyk, 15, found with a blade", "amira haddad (14)"): a first name (or a word in no list) and a surname
(or a word in no list), neither an English word, rare word, place, acronym or term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import Source, Span

AGE_LABEL = re.compile(
    r"(?:\(\s{0,2}|,\s{0,2})(?:(?:year|yr|y)\s{0,2}(?:[1-9]|1[0-3])\b|aged?\s{0,2}\d{1,2}\b|\d{1,2}\s{0,2}"
    r"(?:yo\b|y/o|yrs?\b)?)\s{0,2}[),]", re.IGNORECASE)
LETTERS_BEFORE = re.compile(r"(?:^|(?<=[\s:;(\-–]))([a-z]{2,3})\s{0,2}$")
NAME_BEFORE = re.compile(r"(?:^|(?<=[\s:;(\-–]))([a-z][a-z'’]{1,20})\s([a-z][a-z'’\-]{1,24})\s{0,2}$")
_NOT_LETTERS = frozenset({"pe", "re", "dt", "it", "ict", "art", "mfl", "rs", "cs", "pp", "no", "nos", "ks", "yr", "yrs",
                          "age", "ages", "aged", "are", "was", "and", "or", "the", "of", "in", "to", "for", "at", "on"})


def aged_initial_spans(src: Source, digits: bool) -> Iterator[Span]:
    """Two or three lower-case letters, in no word or term list, straight before an age or a year group."""
    if not digits:
        return
    text, lex = src.text, lexicon()
    v = lex.vocab
    for m in AGE_LABEL.finditer(text):
        before = LETTERS_BEFORE.search(text, max(0, m.start() - 6), m.start())
        if before is None:
            if (named := NAME_BEFORE.search(text, max(0, m.start() - 48), m.start())) and _lower_name(*named.groups()):
                yield "name", named.start(1), named.end(2)
            continue
        w = before.group(1)
        if (w in _NOT_LETTERS or w in lex.english or w in v.acronyms
                or w in v.service_acronyms or w in v.not_names):
            continue
        yield "initials", before.start(1), before.end(1)


def _lower_name(first: str, last: str) -> bool:
    lex = lexicon()
    v = lex.vocab

    def listed(w: str) -> bool:
        return (w in lex.english or w in lex.rare_english or w in lex.places or w in v.acronyms
                or w in v.service_acronyms or w in v.not_names or w in v.local_places)
    return (not listed(first) and not listed(last) and (first in lex.first_names or first not in lex.proper_nouns)
            and (last in lex.surnames or last not in lex.proper_nouns))
