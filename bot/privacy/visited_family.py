"""A family named by a plural in no word list, typed in lower case after "the", where the writer went, rang or heard
from (round 29): "went out to the wiśniewskis", "waiting to hear back from the przybylskis", "visit to the kaminskis".

kin.py reads such a plural as a family when it does what people do after it ("the kowalczyks have moved"); one
that is only gone to, heard from or asked about was left a word. A surname missing from the name lists is the usual
case for families new to the country. Here: a contact word before "the" (to, from, with, about, at, re, visit...),
then a lower-case plural of four letters or more that is no English, rare or inflected word, place, proper noun,
acronym, role or practice term in its plural or singular (tokens.Classifier.common: "the flats", "the iros", "the
lados" pass). Cue words first (Source.at_words), one bounded match each: linear time. Round 35: known or
remembered too ("anyone know the kowalskis?"), and a surname that is also a rare word made plural before what a
family does ("the begums have asked us").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import Source, Span
from bot.privacy.tokens import Classifier

_CUES = frozenset({"to", "from", "with", "about", "at", "re", "visit", "visited", "visiting", "see", "saw", "seen",
                   "of", "know", "knows", "knew", "remember", "remembers"})
VISITED = re.compile(
    r"(?:to|from|with|about|at|re|visit|visited|visiting|see|saw|seen|of|know|knows|knew|remember|remembers)\s{1,3}the\s{1,3}([^\W\d_][^\W\d_'’\-]{3,24}s)"
    r"\b(?!['’])", re.IGNORECASE)


@functools.cache
def _classifier() -> Classifier:
    return Classifier(lexicon())


def visited_family_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """A lower-case plural in no word list after a contact word and "the"."""
    if "the" not in words:
        return
    yield from _acting_plurals(src)
    cues = _CUES & words
    if not cues:
        return
    c, v = _classifier(), lexicon().vocab
    text = src.text
    for m in src.at_words(VISITED, cues, as_typed=True):  # (as typed: a letter class the lower-case copy lacks)
        a, b = m.span(1)
        w = text[a:b]
        if not w.islower() or w.endswith("ss"):
            continue  # capitalised: kin.py reads it ("the Nowaks"); "the cafcass": no plural ends in a double s
        stem = w[:-1]
        if c.common(w) or c.common(stem) or c.known(stem) or stem in v.service_acronyms or stem in v.acronyms:
            continue  # a word, place, acronym or term ("the iros"); a surname in the lists is kin.py's
        yield "family_name", a, b


# Round 35: a surname that is also a rare word ("begum"), made plural in lower case after "the" and doing what a
# family does ("the begums have asked us"): the rare word is no plural subject of those verbs in practice prose.
ACTING = re.compile(r"the(?<!\wthe)\s{1,3}([a-z]{3,24}s)\s{1,3}(?:have|had|has|are|were|said|say|asked|want|wanted|"
                    r"refused|"
                    r"declined|moved|live|lived|don't|dont|didn't|didnt|won't|wont|haven't|havent)\b")


def _acting_plurals(src: Source) -> Iterator[Span]:
    low = src.low
    if low is None:
        return
    lex = lexicon()
    v = lex.vocab
    for m in ACTING.finditer(low):
        w = m.group(1)
        stem = w[:-2] if w.endswith("es") and w[:-2] in lex.surnames else w[:-1]
        if (stem in lex.surnames and w not in lex.english and stem not in lex.english and not w.endswith("ss")
                and stem not in v.not_names and stem not in v.role_words and stem not in lex.places):
            a, b = m.span(1)
            if src.text[a:b].islower():
                yield "family_name", a, b
