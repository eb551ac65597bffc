"""A first name that is also a month or season, straight before a surname (round 39): "is jan kowalczyk the same
lad", "April Nowak's mum". names.py never takes "jan", "may" or "april" for a name alone (vocabulary not_name_times
and months written short: "due in jan", "may attend"); the surname after it decides. Read where such a word stands
before a word that is no English word, place, term or organisation word and is either in the surname lists or in no
list at all, typed in the same case as the first ("jan 2024", "summer fete" pass). Not after a professional's title
or role ("DS Jan Kowalczyk": a worker in role, roles.py's policy). Found from the few such words a message holds
(str.find through Source.at_words): linear time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from bot.privacy.lexicon import alternation, fold, lexicon
from bot.privacy.patterns import Source, Span
from bot.privacy.roles import role_governed

_BEFORE = 24
# Months as written short, which are also first names ("jan", "dec"): the rest of vocabulary not_names is kept out
# for reasons of its own ("Sarah Jones" is the sector's sample name)
_MONTHS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


@functools.cache
def _pattern() -> tuple[re.Pattern[str], frozenset[str]]:
    lex = lexicon()
    v = lex.vocab
    firsts = frozenset(w for w in lex.first_names & (v.not_name_times | _MONTHS) if w.isalpha() and len(w) > 2)
    return re.compile(rf"\b(?:{alternation(firsts)})\s([^\W\d_][^\W\d]{{1,30}}(?:['’][a-z]{{1,2}})?)(?![\w\-])",
                      re.IGNORECASE), firsts


@functools.cache
def _first_only() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex.first_names - lex.surnames)


def _surname(word: str) -> bool:
    lex = lexicon()
    v = lex.vocab
    w = fold(word.lower().replace("’", "'"))
    w = w[:-2] if w.endswith("'s") else w
    if w in lex.english or w in lex.rare_english or w in lex.places or w in v.common_words or (
            w in lex.proper_nouns and w not in lex.frequent_surnames):  # ("may nguyen": a frequent surname, round 42)
        return False
    return not (w in v.acronyms or w in v.not_names or w in v.not_name_times or w in v.org_words
                or w in _first_only())


def month_name_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    pattern, firsts = _pattern()
    if words.isdisjoint(firsts):
        return
    text, v = src.text, lexicon().vocab
    workers = v.professional_titles | frozenset(r for r in v.professional_roles if " " not in r)
    governed = None
    for m in src.at_words(pattern, words & firsts, as_typed=True):  # (\W: not lower-cased)
        first, last = text[m.start():m.start(1) - 1], text[m.start(1):m.end(1)]
        if first[0].isupper() != last[0].isupper() or not _surname(last) or (
                f"{first} {last}".lower() in v.published_people):  # ("Jan Horwath": an official, names.py's rule)
            continue
        before = text[max(0, m.start() - _BEFORE):m.start()].lower().split()
        if before and before[-1].strip(".,:") in workers:
            continue
        if governed is None:
            governed = role_governed(text)
        if governed(m.start()):  # ("Summer Ahmed, the virtual school head": in role after the name, round 41)
            continue
        yield "name", m.start(), m.end()
