"""A short first name that is also a word, in the one position only a person's name takes (round 26): capitalised in
mid-sentence and owning a child's casework ("is Bo's CP plan still on", "has Al's PEP been done"). Short words
are in no name list (or in every word list), so names.py never looks at them; this reads only the few places a
"'s" follows a capitalised word of two to four letters: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import Source, Span

_OWNER = re.compile(r"(?<![\w'’&.\-])([A-Z][a-z]{1,3})$")
_OWNED = re.compile(r"([\w\-]{2,20})(?:\s{1,3}([\w\-]{2,20}))?")
# A child's care status or plan before a case noun ("LAC review", "CP plan", "core group").
_CARE = frozenset({"lac", "cla", "cp", "cin", "pep", "ehcp", "core", "icpc", "rcpc", "care", "health", "child",
                   "permanence", "pathway", "placement", "contact", "family", "statutory", "initial", "annual"})
# Words owned only by a child in care work, alone: a plan, a review or a worker assigned to them.
_OWNED_ALONE = frozenset({"pep", "ehcp", "interpreter", "foster", "carers", "keyworker", "advocate", "iro"})


@cache
def _not_owners() -> frozenset[str]:
    lex = lexicon()
    v = lex.vocab
    return frozenset(v.role_words | v.person_relations | v.org_words | v.acronyms | v.service_acronyms | v.not_names
                     | lex.places | v.local_places | v.titles | v.professional_titles
                     | {"it", "he", "she", "we", "you", "one", "who", "god", "day", "week", "year", "term", "this",
                        "that", "what", "here", "now", "then", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan",
                        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today", "let"})


def short_owner_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """Kind "name": a capitalised two-to-four-letter word, not opening its sentence, before "'s" and a piece of
    a child's casework."""
    text = src.text
    if "'s " not in text and "’s " not in text:
        return
    cases = lexicon().vocab.case_nouns
    skip = _not_owners()
    for mark in ("'s ", "’s "):
        at = text.find(mark)
        while at >= 0:
            m = _OWNER.search(text, max(0, at - 5), at)
            if m is not None and m.start() >= 2 and text[m.start() - 1] == " " and (
                    text[m.start() - 2].islower() or text[m.start() - 2] in ",:(") and m.group(1).lower() not in skip:
                owned = _OWNED.match(text, at + 3)
                before = text[max(0, m.start() - 5):m.start()].lower()
                # ("the Wood's Review": a named report, its noun capitalised, not one child's casework)
                if owned is not None and not before.endswith(("the ", "a ")) and not owned.group(0).istitle():
                    first, second = owned.group(1).lower(), (owned.group(2) or "").lower()
                    plan = second in cases or second == "group"  # ("CP plan", "core group")
                    if first in _OWNED_ALONE or first in cases or (first in _CARE and plan):
                        yield "name", m.start(), at + 2
            at = text.find(mark, at + 3)
