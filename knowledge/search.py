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
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.models import Entry
from knowledge.text import GENERIC, STOPWORDS, concepts_of, expand, fold, raw_tokens, stem, strip_places, terms

K1 = 1.2
B = 0.5
CONCEPT_CREDIT = 0.6
FUZZY_CREDIT = 0.85
GENERIC_WEIGHT = 0.35

FIELD_WEIGHTS = {"title": 3, "keywords": 2, "phrasings": 1, "answer": 1, "payload": 1}
QUESTION_SIDE = ("title", "keywords", "phrasings")
W_COVER, W_FOCUS, W_BM25, W_PHRASE = 0.25, 0.30, 0.15, 0.30


def entry_fields(e: Entry) -> dict[str, list[str]]:
    payload: list[str] = []
    for a in e.agencies:
        payload.append(a.name)
        payload.extend(a.groups)
    if e.group:
        payload.append(e.group.name)
        payload.append(e.group.purpose)
        if e.group.chair:
            payload.append("chair " + e.group.chair)
        if e.group.frequency:
            payload.append(e.group.frequency)
    if e.threshold:
        payload.append(e.threshold.name)
        payload.extend(level.name for level in e.threshold.levels)
    if e.contact:
        payload.append(e.contact.name)
    if e.timescale:
        payload.append(e.timescale.describe())
    if e.route:
        payload.extend(f"step {s.number} {s.title} {s.who}" for s in e.route.steps)
    return {
        "title": [e.title],
        "keywords": list(e.keywords),
        "phrasings": list(e.phrasings),
        "answer": [e.answer],
        "payload": payload,
    }


def canonical(stemmed: str) -> str:
    """One token per meaning: the first concept group if the word has one, else its stem."""
    c = concepts_of(stemmed)
    return c[0] if c else stemmed


def _canonical_set(text: str) -> frozenset[str]:
    return frozenset(canonical(stem(t)) for t in raw_tokens(strip_places(fold(text))) if t not in STOPWORDS)


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


class SearchIndex:
    def __init__(self, entries: list[Entry]) -> None:
        self.entries = list(entries)
        self.n = len(self.entries)
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self.qside: list[frozenset[str]] = []
        self.doc_len: list[float] = []
        self.phrases: list[list[frozenset[str]]] = []
        surface: Counter[str] = Counter()
        for i, e in enumerate(self.entries):
            tf: Counter[str] = Counter()
            qside: set[str] = set()
            for fname, texts in entry_fields(e).items():
                w = FIELD_WEIGHTS[fname]
                for text in texts:
                    toks = raw_tokens(text)
                    surface.update(t for t in toks if t not in STOPWORDS)
                    ts = terms(expand(toks))
                    for t in ts:
                        tf[t] += w
                    if fname in QUESTION_SIDE:
                        qside.update(ts)
            for t, c in tf.items():
                self.postings[t].append((i, float(c)))
            self.qside.append(frozenset(qside))
            self.doc_len.append(float(sum(v for k, v in tf.items() if not k.startswith("~"))))
            self.phrases.append([_canonical_set(p) for p in [e.title, *e.phrasings]])
        self.avgdl = (sum(self.doc_len) / self.n) if self.n else 1.0
        self.df = {t: len(p) for t, p in self.postings.items()}
        self.unknown_idf = self._idf(0)
        self.surface_df = surface
        self.vocab = sorted(w for w in surface if w.isalpha() and len(w) >= 3)
        self.stems = set(self.postings)
        self.by_partnership: dict[str, set[int]] = defaultdict(set)
        for i, e in enumerate(self.entries):
            self.by_partnership[e.partnership].add(i)

    def _idf(self, df: int) -> float:
        return math.log(1.0 + (self.n - df + 0.5) / (df + 0.5))

    def idf(self, term: str) -> float:
        return self._idf(self.df.get(term, 0))

    # -- query analysis ---------------------------------------------------------------------------
    def _correct(self, word: str) -> str | None:
        if not word.isalpha() or len(word) < 4:
            return None
        # Short words collide with other real words ("book"/"took", "park"/"part"): only fix swapped letters.
        max_d = 1 if len(word) <= 8 else 2
        best = process.extract(word, self.vocab, scorer=OSA.distance, score_cutoff=max_d, limit=8)
        if len(word) <= 5:
            best = [b for b in best if sorted(b[0]) == sorted(word)]
        if not best:
            return None
        best.sort(key=lambda r: (r[1], -self.surface_df[r[0]], abs(len(r[0]) - len(word))))
        return best[0][0]

    def analyse(self, question: str) -> Query:
        folded = strip_places(fold(question))
        toks = raw_tokens(folded)
        # join split words ("safe guarding" -> "safeguarding") when the join is known
        joined: list[str] = []
        i = 0
        while i < len(toks):
            pair = toks[i] + toks[i + 1] if i + 1 < len(toks) else ""
            if pair and pair in self.surface_df and toks[i] not in self.surface_df:
                joined.append(pair)
                i += 2
                continue
            joined.append(toks[i])
            i += 1
        slots: list[Slot] = []
        corrections: dict[str, str] = {}
        seen: set[str] = set()
        for w in joined:
            if w in STOPWORDS:
                continue
            s = stem(w)
            corrected_from = None
            if s not in self.stems and not concepts_of(s):
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
            else:
                weight = self.unknown_idf
            if s in GENERIC:
                weight *= GENERIC_WEIGHT
            slots.append(Slot(w, s, concepts, weight, corrected_from))
        return Query(question, folded, slots, corrections)

    def _dice(self, qw: dict[str, float], qsum: float, phrase: frozenset[str]) -> float:
        """Weighted Dice overlap between the query and one phrasing (canonical tokens, idf weights)."""
        if not phrase or qsum <= 0:
            return 0.0
        pw = {t: qw.get(t) or self.idf(t) for t in phrase}
        common = sum(qw[t] for t in phrase if t in qw)
        return 2 * common / (qsum + sum(pw.values()))

    # -- scoring ----------------------------------------------------------------------------------
    def search(self, question: str | Query, allowed: set[str] | None = None, limit: int = 10) -> list[Hit]:
        q = question if isinstance(question, Query) else self.analyse(question)
        total = q.total_weight
        if not q.slots or total <= 0:
            return []
        allowed_docs: set[int] | None = None
        if allowed is not None:
            allowed_docs = set()
            for p in allowed:
                allowed_docs |= self.by_partnership.get(p, set())
        score: dict[int, float] = defaultdict(float)
        cover: dict[int, float] = defaultdict(float)
        focus: dict[int, float] = defaultdict(float)
        for slot in q.slots:
            base = FUZZY_CREDIT if slot.corrected_from else 1.0
            best: dict[int, tuple[float, float, float]] = {}
            alts = [(slot.stem, 1.0)] + [(c, CONCEPT_CREDIT) for c in slot.concepts]
            for term, credit in alts:
                for doc, tf in self.postings.get(term, ()):
                    if allowed_docs is not None and doc not in allowed_docs:
                        continue
                    norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * self.doc_len[doc] / self.avgdl))
                    val = credit * norm / (K1 + 1)
                    fcredit = credit if term in self.qside[doc] else 0.0
                    prev = best.get(doc)
                    if prev is None:
                        best[doc] = (val, credit, fcredit)
                    else:
                        best[doc] = (max(prev[0], val), max(prev[1], credit), max(prev[2], fcredit))
            for doc, (val, credit, fcredit) in best.items():
                score[doc] += slot.weight * val * base
                cover[doc] += slot.weight * credit * base
                focus[doc] += slot.weight * fcredit * base
        pool = sorted(score, key=lambda d: -(cover[d] + focus[d] + score[d]))[: max(limit * 4, 40)]
        hits = [Hit(self.entries[d], score[d] / total, cover[d] / total, focus[d] / total) for d in pool]
        qw: dict[str, float] = {}
        for slot in q.slots:
            key = canonical(slot.stem)
            qw[key] = max(qw.get(key, 0.0), slot.weight)
        qsum = sum(qw.values())
        for h, d in zip(hits, pool, strict=True):
            h.phrase = max((self._dice(qw, qsum, p) for p in self.phrases[d]), default=0.0)
        hits.sort(key=lambda h: -h.confidence)
        return hits[:limit]
