"""Search over knowledge base entries: BM25 over stemmed terms with fuzzy-corrected query words.

Pipeline for a question:
  1. fold case/punctuation, British spellings, section numbers (knowledge.text);
  2. drop place names (they pick the partnership, not the topic) and stopwords;
  3. correct typos against the index vocabulary with rapidfuzz (OSA edit distance: 1 edit for words
     up to 7 letters, 2 for longer ones, so "reveiw" -> "review" but "weather" stays "weather");
  4. each remaining word is a *slot* matched by its stem (full credit) or a concept group (partial);
     slot weight = idf, damped for generic question words ("responsible", "role");
  5. per entry: BM25 (normalised by the query's total weight), `coverage` (share of the query's
     weight matched anywhere), `focus` (share matched in the entry's question side: title, keywords,
     phrasings) and `phrase` (rapidfuzz similarity to the closest phrasing or title).
Unknown words keep their (maximal) weight in the denominator, which is what makes off-topic questions
("capital of France", "mileage expenses") score low instead of matching a stray common word.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.indexing import analyse_entries
from knowledge.memo import remembered
from knowledge.models import Entry
from knowledge.phrasing import PhraseScorer
from knowledge.roles import role_words, split_own_role
from knowledge.text import (
    GENERIC,
    ORDINARY,
    STOPWORDS,
    canonical,
    concepts_of,
    find_places,
    fold,
    long_years,
    raw_tokens,
    stem,
    strip_away,
    strip_been,
    strip_places,
)

K1 = 1.2
B = 0.5
CONCEPT_CREDIT = 0.6
FUZZY_CREDIT = 0.85
GENERIC_WEIGHT = 0.35
CONTEXT_WEIGHT = 0.35  # a word only in the clauses around the question (knowledge/question.split_context)
CONTEXT_SHARE = 0.30  # ... and all such words together weigh at most this share of the question's own words
# A word no entry holds weighs this (the idf of an unseen word at calibration, 233 entries), so the bar does not move
# when unrelated entries are added; never less than the rarest held word's idf.
UNKNOWN_WEIGHT = 6.15
# An ordinary English word ("finish", "ahead", "send") weighs this, matched or not: not a domain term, whatever its idf.
ORDINARY_WEIGHT = 1.0
# A practitioner's role typed as shorthand ("a new SW", "the IRO") that no entry holds says who is involved, not what
# is asked: it weighs as an ordinary word, not as an unknown one that would sink every entry.
ROLES = frozenset(stem(r) for r in role_words())
CORRECTION_CACHE = 20_000  # unknown words remembered with their correction (cleared when full)
GATHER_CACHE = 50_000  # (term, allowed areas) -> postings cut to those areas (cleared when full)


def _frozen(arrays: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
    """Cached postings are shared by every later question: read-only, so no caller can change another's scores."""
    for a in arrays:
        a.flags.writeable = False
    return arrays


W_COVER, W_FOCUS, W_BM25, W_PHRASE = 0.25, 0.30, 0.15, 0.30


# a question ending on a word pointing back at what was told ("is there a process for that?", "who deals with
# this?"): the situation told names the subject, so its words weigh this much (not only CONTEXT_WEIGHT)
_POINTS_BACK = re.compile(r"\b(?:(?:for|about)|(?:deal|deals|dealt)\s+with|handles?)\s+(?:that|this|it)\W*$", re.I)
BACK_WEIGHT = 0.6


@dataclass
class Slot:
    word: str  # surface word after correction
    stem: str
    concepts: tuple[str, ...]
    weight: float
    corrected_from: str | None = None


@dataclass
class Query:
    text: str
    folded: str
    slots: list[Slot]
    corrections: dict[str, str] = field(default_factory=dict)
    parts: list[str] = field(default_factory=list)  # the separate questions asked, when there are two or more
    context: str = ""  # the clauses around the question (who asks, why), weighed less

    @property
    def total_weight(self) -> float:
        return sum(s.weight for s in self.slots)

    @property
    def content(self) -> str:
        return " ".join(s.word for s in self.slots)


@dataclass
class Hit:
    entry: Entry
    score: float  # normalised BM25, 0..~1
    coverage: float  # share of query weight matched anywhere in the entry, 0..1
    focus: float = 0.0  # share matched in the entry's title/keywords/phrasings, 0..1
    phrase: float = 0.0  # best weighted overlap with a phrasing or the title, 0..1
    boost: float = 1.0  # ranking preference set by the caller (local vs national)

    @property
    def ranking(self) -> float:
        return self.confidence * self.boost

    @property
    def confidence(self) -> float:
        return (W_COVER * self.coverage + W_FOCUS * self.focus + W_BM25 * min(1.0, self.score * 1.5)
                + W_PHRASE * self.phrase)


def _dropped_one(typed: str, word: str) -> bool:
    """`typed` is `word` with one letter left out."""
    return len(word) == len(typed) + 1 and any(word[:i] + word[i + 1:] == typed for i in range(len(word)))


class SearchIndex:
    """Postings as numpy arrays over entries grouped by partnership.

    Entries are stored partnership by partnership, so an area is one contiguous range of document
    numbers: a question scores only its area's and national ranges (cost follows the asker's area,
    not the whole knowledge base), with array operations instead of a Python loop per posting.
    """

    def __init__(self, entries: list[Entry]) -> None:
        order = {p: i for i, p in enumerate(sorted({e.partnership for e in entries}))}
        self.entries = sorted(entries, key=lambda e: order[e.partnership])  # stable: file order within an area
        self.n = len(self.entries)
        self.ranges: dict[str, tuple[int, int]] = {}
        for i, e in enumerate(self.entries):
            start, _end = self.ranges.get(e.partnership, (i, i))
            self.ranges[e.partnership] = (start, i + 1)
        a = analyse_entries(self.entries)
        self.phrases = a.phrases
        self.avgdl = float(a.doc_len.mean()) if self.n else 1.0
        self.doc_len = doc_len = a.doc_len
        # term -> (document numbers ascending, BM25 tf part / (K1 + 1), term is on the question side)
        f, docs = a.counts, a.docs
        norm = f / (f + K1 * (1 - B + B * doc_len[docs] / self.avgdl))
        bounds = np.flatnonzero(np.diff(a.tid, prepend=-1, append=len(a.term_names)))
        names = [a.term_names[t] for t in a.tid[bounds[:-1]].tolist()]
        self.postings: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {
            t: (docs[lo:hi], norm[lo:hi], a.qside[lo:hi])
            for t, lo, hi in zip(names, bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)
        }
        self.df = {t: len(p[0]) for t, p in self.postings.items()}
        surface = a.surface
        self.unknown_idf = max(UNKNOWN_WEIGHT, self._idf(1))
        self.surface_df = surface
        self.vocab = sorted(w for w in surface if w.isalpha() and len(w) >= 3)
        self.stems = set(self.postings)
        self.idfs = {t: self._idf(d) for t, d in self.df.items()}  # looked up per phrasing word per question
        self.phrasings = PhraseScorer(self.phrases, self.idfs, self.unknown_idf)
        self._corrected: dict[str, str | None] = {}
        self._gathered: dict[tuple[str, tuple[tuple[int, int, int], ...]], tuple[np.ndarray, ...] | None] = {}

    def _idf(self, df: int) -> float:
        return math.log(1.0 + (self.n - df + 0.5) / (df + 0.5))

    def idf(self, term: str) -> float:
        return self.idfs.get(term, self.unknown_idf)

    # -- query analysis ---------------------------------------------------------------------------
    def _correct(self, word: str) -> str | None:
        if not word.isalpha() or len(word) < 4:
            return None
        # a message's words are analysed again for each of its questions
        return remembered(self._corrected, word, CORRECTION_CACHE, lambda: self._nearest(word))

    def _nearest(self, word: str) -> str | None:
        # Short words collide with other real words ("book"/"took", "park"/"part"): only fix swapped letters, or
        # (five letters) one dropped letter ("reviw" -> "review"), never a changed one.
        max_d = 1 if len(word) <= 9 else 2
        best = process.extract(word, self.vocab, scorer=OSA.distance, score_cutoff=max_d, limit=8)
        if len(word) <= 5:
            best = [b for b in best if sorted(b[0]) == sorted(word) or (len(word) == 5 and _dropped_one(word, b[0]))]
        if not best:
            return None
        best.sort(key=lambda r: (r[1], -self.surface_df[r[0]], abs(len(r[0]) - len(word))))
        return best[0][0]

    def analyse(self, question: str, context: str = "") -> Query:
        """The question's slots; words only in `context` (who is asking and why, before the question) are kept
        at CONTEXT_WEIGHT so they can support an entry without outvoting what is asked."""
        beside = bool(find_places(f"{question} {context}"))  # a served place: other areas are where from
        question, own = split_own_role(question)  # "... as a brand new DSL": who asks, read as context
        context = f"{context} {own}".strip()
        query = self._analyse(question, beside)
        if context:
            extra = self._analyse(context, beside)
            seen = {s.stem for s in query.slots}
            added = [s for s in extra.slots if s.stem not in seen]  # _analyse gives each stem once
            raw = sum(s.weight for s in added)
            factor = min(CONTEXT_WEIGHT, CONTEXT_SHARE * query.total_weight / raw) if raw > 0 else 0.0
            if query.total_weight <= 0:  # "is there anything I need to do?": the situation told is all there is
                factor = 1.0
            elif _POINTS_BACK.search(question):  # "... is there a process for that?": the situation is the subject
                factor = max(factor, BACK_WEIGHT)
            for s in added:
                s.weight *= factor
            query.slots.extend(added)
            query.corrections.update(extra.corrections)
            query.context = context
        return query

    def _analyse(self, question: str, away: bool = False) -> Query:
        folded = fold(long_years(question))
        # a move into a served place first ("moved from flintshire into chester"), then where the asker was before
        # ("the GCP2 we used in stockport"): neither says what is asked
        folded = strip_places(strip_been(strip_away(folded) if away else folded))
        toks = raw_tokens(folded)
        # join split words ("safe guarding" -> "safeguarding") when the join is known; never a stopword with the
        # next word ("day to day" is not "today")
        joined: list[str] = []
        i = 0
        while i < len(toks):
            pair = toks[i] + toks[i + 1] if i + 1 < len(toks) else ""
            if pair and pair in self.surface_df and toks[i] not in self.surface_df and toks[i] not in STOPWORDS:
                joined.append(pair)
                i += 2
                continue
            joined.append(toks[i])
            i += 1
        slots: list[Slot] = []
        corrections: dict[str, str] = {}
        seen: set[str] = set()
        for w in joined:
            if w in STOPWORDS or (w.isdigit() and len(w) >= 4 and w not in self.stems):
                continue  # an unknown long number (a phone number, a reference) says nothing about the topic
            s = stem(w)
            corrected_from = None
            if s not in self.stems and s not in ORDINARY and s not in GENERIC and s not in ROLES and not concepts_of(s):
                fixed = self._correct(w)
                if fixed and fixed != w:
                    corrections[w] = fixed
                    corrected_from, w, s = w, fixed, stem(fixed)
            if s in seen:
                continue
            seen.add(s)
            concepts = concepts_of(s)
            known = [c for c in concepts if c in self.stems]
            if s in self.stems:
                weight = self.idf(s)
            elif known:
                weight = max(self.idf(c) for c in known)
            elif s in ROLES:
                weight = ORDINARY_WEIGHT
            else:
                weight = self.unknown_idf
            if s in GENERIC:
                weight *= GENERIC_WEIGHT
            if s in ORDINARY:
                weight = ORDINARY_WEIGHT
            slots.append(Slot(w, s, concepts, weight, corrected_from))
        return Query(question, folded, slots, corrections)

    # -- scoring ----------------------------------------------------------------------------------
    def _spans(self, allowed: set[str] | None) -> list[tuple[int, int, int]]:
        """(first doc, end doc, offset in the scored block) for each allowed area's range."""
        ranges = sorted(self.ranges[p] for p in allowed if p in self.ranges) if allowed is not None else [(0, self.n)]
        spans, off = [], 0
        for start, end in ranges:
            spans.append((start, end, off))
            off += end - start
        return spans

    def _gather(self, term: str, spans: list[tuple[int, int, int]]) -> tuple[np.ndarray, ...] | None:
        """A term's postings inside the allowed ranges, with document numbers made local to the block: cut once per
        term and area (a question's words recur across questions; the arrays are only read)."""
        return remembered(self._gathered, (term, tuple(spans)), GATHER_CACHE, lambda: self._cut(term, spans))

    def _cut(self, term: str, spans: list[tuple[int, int, int]]) -> tuple[np.ndarray, ...] | None:
        post = self.postings.get(term)
        if post is None:
            return None
        docs, norm, qs = post
        if len(spans) == 1 and spans[0][0] == 0 and spans[0][1] == self.n:
            return _frozen((docs[:], norm[:], qs[:]))  # read-only views: the index's own arrays stay as built
        parts = []
        for start, end, off in spans:
            lo, hi = np.searchsorted(docs, (start, end))
            if hi > lo:
                parts.append((docs[lo:hi] - (start - off), norm[lo:hi], qs[lo:hi]))
        if len(parts) <= 1:
            return _frozen(parts[0]) if parts else None
        return _frozen(tuple(np.concatenate(x) for x in zip(*parts, strict=True)))

    def search(self, question: str | Query, allowed: set[str] | None = None, limit: int = 10,
               pool: int = 40) -> list[Hit]:
        """The `limit` best entries; the `pool` best by the cheap scores are compared with phrasings first."""
        q = question if isinstance(question, Query) else self.analyse(question)
        total = q.total_weight
        if not q.slots or total <= 0:
            return []
        spans = self._spans(allowed)
        m = sum(end - start for start, end, _off in spans)
        if m == 0:
            return []
        score = np.zeros(m)
        cover = np.zeros(m)
        focus = np.zeros(m)
        for slot in q.slots:
            base = FUZZY_CREDIT if slot.corrected_from else 1.0
            val = np.zeros(m)
            cred = np.zeros(m)
            fcred = np.zeros(m)
            first = True
            for term, credit in [(slot.stem, 1.0), *((c, CONCEPT_CREDIT) for c in slot.concepts)]:
                got = self._gather(term, spans)
                if got is None:
                    continue
                d, norm, qs = got  # doc numbers are unique within a term
                if first:  # the arrays are still zero and every credit is >= 0: the maximum is the value
                    val[d] = credit * norm
                    cred[d] = credit
                    fcred[d] = credit * qs
                    first = False
                    continue
                val[d] = np.maximum(val[d], credit * norm)
                cred[d] = np.maximum(cred[d], credit)
                fcred[d] = np.maximum(fcred[d], credit * qs)
            w = slot.weight * base
            score += w * val
            cover += w * cred
            focus += w * fcred
        rank = cover + focus + score
        k = min(max(limit * 4, pool), int(np.count_nonzero(rank)))
        if k == 0:
            return []
        top = np.argpartition(-rank, k - 1)[:k] if k < m else np.arange(m)
        top = top[np.argsort(-rank[top], kind="stable")][:k]
        starts = np.array([s for s, _e, _o in spans])
        offs = np.array([o for _s, _e, o in spans])
        which = np.searchsorted(offs, top, side="right") - 1
        pool = (top - offs[which] + starts[which]).tolist()
        hits = [Hit(self.entries[d], float(score[j]) / total, float(cover[j]) / total, float(focus[j]) / total)
                for d, j in zip(pool, top.tolist(), strict=True)]
        qw: dict[str, float] = {}
        for slot in q.slots:
            key = canonical(slot.stem)
            qw[key] = max(qw.get(key, 0.0), slot.weight)
        qsum = sum(qw.values())
        # a message asking two things is also compared with phrasings one question at a time (the mean over its
        # questions): a phrasing states one question, so the whole message's length would sink a good match
        part_weights = []
        for words in (frozenset(raw_tokens(p)) for p in q.parts):
            pw = {canonical(s.stem): qw[canonical(s.stem)] for s in q.slots
                  if s.word in words or s.corrected_from in words}
            if len(pw) >= 2:
                part_weights.append((pw, sum(pw.values())))
        for h, d in zip(hits, pool, strict=True):
            h.phrase = self.phrasings.score(d, qw, qsum)
            if part_weights:  # an entry answering every part matches a phrasing for each
                each = sum(self.phrasings.score(d, pw, ps) for pw, ps in part_weights) / len(part_weights)
                h.phrase = max(h.phrase, each)
        hits.sort(key=lambda h: -h.confidence)
        return hits[:limit]
