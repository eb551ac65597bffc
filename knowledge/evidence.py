"""Is the best entry about what the question asks, or only about its question words?

Scores alone answer "how long does an EHCP assessment take" with the rapid review timescale: "how long"
and "assessment" carry it. Three checks on the top entry, each reading the index's postings (no re-analysis):

* `subject_share`: when the question asks *when / how long / how often* (the vocabulary's `asking_cues`, its words
  in `asking_words`),
  the share of the rest of the question the entry matches; below `SUBJECT_SHARE` it is not the subject (a word
  no entry holds, "remind me", "overdue", is left out: an unknown topic is caught by the acronym and scope checks);
* `unknown_acronyms`: an acronym typed in capitals that neither the vocabulary nor any entry knows
  ("EHCP", "SGO") names a topic the documents do not cover, so nothing is answered confidently;
* `unknown_sections`: a section of an Act no entry holds ("a section 136": the Mental Health Act's place of safety),
  asked in the clauses that ask, is a topic the documents do not cover: nothing is answered confidently;
* `support_without`: the share of the question an entry matches besides a phrase (another area's name).
"""

from __future__ import annotations

import re
from functools import cached_property

import numpy as np

from knowledge.intents import is_definition_request
from knowledge.models import Entry
from knowledge.roles import role_words
from knowledge.search import Hit, Query, SearchIndex, Slot
from knowledge.shown import fold_question
from knowledge.slots import found
from knowledge.text import ACRONYMS, PLACES, STOPWORDS, US_UK, concepts_of, fold, raw_tokens, stem
from knowledge.vocabulary import vocabulary

# Measured on every development set (knowledge/README.md): right answers to when/how long questions match
# at least 0.50 of the rest of the question, the near-domain traps 0.23-0.41.
SUBJECT_SHARE = 0.45
_SECTION_TOKEN_RE = re.compile(r"s\d{1,3}")  # a section number as text.fold writes it ("section 136" -> "s136")
_CAPS_RE = re.compile(r"(?<![-&\w])([A-Za-z]{2,6})(?![-&\w])")  # "i-ART", "CW&C" are parts of known names


def asks_time(question: str) -> bool:
    """The question asks a time or a frequency ("how long", "when", "within"); "early years" or "the annual report"
    only name its subject."""
    return found(vocabulary().asking_cues, fold_question(question)) is not None


class Evidence:
    def __init__(self, index: SearchIndex) -> None:
        self.index = index

    @cached_property
    def _docs(self) -> dict[str, int]:
        return {e.id: i for i, e in enumerate(self.index.entries)}

    @cached_property
    def _asking(self) -> frozenset[str]:
        return frozenset(c for w in vocabulary().asking_words for c in concepts_of(stem(w)))

    def covers(self, slot: Slot, entry: Entry) -> bool:
        """The entry holds the slot's word or one of its concepts."""
        d = self._docs.get(entry.id)
        if d is None:
            return False
        for term in (slot.stem, *slot.concepts):
            post = self.index.postings.get(term)
            if post is not None:
                j = int(np.searchsorted(post[0], d))
                if j < len(post[0]) and post[0][j] == d:
                    return True
        return False

    def subject_share(self, query: Query, entry: Entry) -> float | None:
        """Share of the non-asking part of a when/how long/how often question the entry matches (None: not one)."""
        rest = [s for s in query.slots if self._asking.isdisjoint(s.concepts)]
        if len(rest) == len(query.slots) or not rest or not asks_time(query.text):
            return None
        rest = [s for s in rest if self._held(s)]  # a filler no entry holds says nothing of the subject
        if not rest:
            return 0.0  # ... but a question of nothing held is about nothing here
        total = sum(s.weight for s in rest)
        return sum(s.weight for s in rest if self.covers(s, entry)) / total if total > 0 else None

    def _held(self, slot: Slot) -> bool:
        return slot.stem in self.index.stems or any(c in self.index.stems for c in slot.concepts)

    def about_subject(self, query: Query, entry: Entry) -> bool:
        share = self.subject_share(query, entry)
        return share is None or share >= SUBJECT_SHARE

    def unknown_acronyms(self, question: str) -> list[str]:
        """Acronyms typed in capitals that nothing here knows ("EHCP"); none in a message typed all in capitals."""
        words = _CAPS_RE.findall(question)
        caps = [w for w in words if sum(ch.isupper() for ch in w) >= 2]
        if not caps or len(caps) * 2 > len(words):
            return []
        renamed = not is_definition_request(question)  # "what does MASH stand for" is not what it is called here
        return [w for w in caps if not self._known(w.lower(), renamed)]

    def unknown_sections(self, message: str) -> list[str]:
        """Sections of an Act ("s136", "section 2") no entry holds, in the clauses that ask (as unknown acronyms): a
        section told only as background ("a disagreement about a section 136, what is the escalation process") does
        not stop the answer asked for."""
        return [t for t in raw_tokens(fold(message)) if _SECTION_TOKEN_RE.fullmatch(t) and t not in self.index.stems]

    def _known(self, low: str, renamed: bool = True) -> bool:
        if fold(low) != low:  # a name the vocabulary writes another way ("MASH": the front door), but not its meaning
            return renamed
        if low in STOPWORDS or low in ACRONYMS or low in US_UK or low in PLACES or low in role_words():
            return True  # a practitioner's own role ("the SW", "our DSL") is no unknown topic
        toks = raw_tokens(low)
        return not toks or stem(toks[0]) in self.index.stems

    @staticmethod
    def support_without(query: Query, top: Hit | None, phrase: str) -> float:
        """The share of the question the top entry matches besides the words of `phrase`."""
        if top is None or query.total_weight <= 0:
            return 0.0
        words = set(raw_tokens(phrase))
        own = sum(s.weight for s in query.slots if s.word in words or s.corrected_from in words)
        return max(0.0, top.coverage - own / query.total_weight)
