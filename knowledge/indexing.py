"""Index construction for knowledge.search: every entry's texts analysed as integer arrays.

Per entry and field the index needs the weighted count of each term (stem or concept token), whether the
term is on the question side, the surface-token counts (for spelling correction) and the canonical token
set of each title and phrasing. Done text by text in Python that cost ~0.5 ms an entry (25-34 s at 50,000
entries), nearly all of it per-token work repeated for the same few thousand distinct words. Here the texts
are folded and tokenised in large chunks, each distinct token is analysed once (British spelling, stem,
concepts, acronym expansion), and the per-occurrence work is numpy over token ids. The results are the
same as analysing each entry on its own (`tests/knowledge/test_indexing.py` compares the two).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from knowledge.collector import collector_paused
from knowledge.models import Entry
from knowledge.text import (
    _ACRO_BY_FIRST,
    _PLACE_BY_FIRST,
    ACRONYMS,
    SEP,
    STOPWORDS,
    _british,
    _content_terms_of,
    canonical_token,
    fold,
)

FIELD_WEIGHTS = {"title": 3, "keywords": 2, "phrasings": 1, "answer": 1, "payload": 1}
QUESTION_SIDE = ("title", "keywords", "phrasings")
PHRASE_FIELDS = ("title", "phrasings")  # their texts' canonical sets are compared with the question
_FIELDS = list(FIELD_WEIGHTS)
_WEIGHT = np.array([FIELD_WEIGHTS[f] for f in _FIELDS], dtype=np.int64)
_ON_QSIDE = np.array([f in QUESTION_SIDE for f in _FIELDS], dtype=np.int64)
_FIELD_BITS = 3  # field number packed under the (term, document) key
_CHUNK = 20_000  # texts folded and tokenised as one string (bounds the memory of the token strings)


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


@dataclass
class Analysis:
    """What SearchIndex is built from. Rows are (term, document) pairs sorted by term, then document."""

    term_names: list[str]  # term number -> stem or concept token
    tid: np.ndarray  # term number per row
    docs: np.ndarray  # document number per row (int32)
    counts: np.ndarray  # field-weighted occurrences per row (float64)
    qside: np.ndarray  # 1.0 when the term occurs in the title, keywords or phrasings (float64)
    doc_len: np.ndarray  # weighted count of non-concept terms per document (float64)
    surface: Counter[str]  # surface tokens (stopwords and separators dropped) -> occurrences
    phrases: list[list[frozenset[str]]]  # per document: canonical token set of its title and each phrasing


class _Terms:
    """Term numbering, and each distinct token's terms as a CSR table."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.names: list[str] = []

    def number(self, terms: tuple[str, ...] | list[str]) -> list[int]:
        out = []
        for t in terms:
            i = self.ids.get(t)
            if i is None:
                i = self.ids[t] = len(self.names)
                self.names.append(t)
            out.append(i)
        return out


# `_TOKEN_RE.findall` on folded text, as bytes: every character but a-z and 0-9 (any non-ASCII one is encoded
# as "?") becomes a space, then split. Same tokens, about 2.5x faster on 55 MB.
_NOT_TOKEN = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))


def _tokenise(texts: list[str]) -> tuple[np.ndarray, list[str]]:
    """Token ids (British spelling applied) of the texts joined by SEP, and the id -> token table."""
    raw: dict[bytes, int] = {}
    parts: list[np.ndarray] = []
    sep = SEP.encode()
    for lo in range(0, len(texts), _CHUNK):
        folded = fold(f" {SEP} ".join(texts[lo : lo + _CHUNK]))
        toks = folded.encode("ascii", "replace").translate(_NOT_TOKEN).split()
        if lo:
            toks.insert(0, sep)
        for t in dict.fromkeys(toks):
            if t not in raw:
                raw[t] = len(raw)
        parts.append(np.fromiter(map(raw.__getitem__, toks), dtype=np.int32, count=len(toks)))
    british: dict[str, int] = {}
    to_british = np.array([british.setdefault(_british(t.decode()), len(british)) for t in raw], dtype=np.int32)
    ids = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
    return (to_british[ids] if len(ids) else ids), list(british)


def _matches(tokens: np.ndarray, vocab: dict[str, int], words: list[str], at: np.ndarray) -> np.ndarray:
    """Which of the positions `at` (where words[0] is) start the word sequence `words`."""
    ok = np.ones(len(at), dtype=bool)
    if any(w not in vocab for w in words):
        return ~ok
    for j, w in enumerate(words[1:], 1):
        inside = at + j < len(tokens)
        ok &= inside
        ok[inside] &= tokens[at[inside] + j] == vocab[w]
    return ok


def _acronym_rows(tokens: np.ndarray, vocab: dict[str, int], text_of: np.ndarray,
                  table: _Terms) -> tuple[np.ndarray, np.ndarray]:
    """(text, term) rows for acronyms whose expansion is written out: once per text, as `expand` adds them."""
    texts: list[np.ndarray] = []
    terms: list[np.ndarray] = []
    for first, phrases in _ACRO_BY_FIRST.items():
        at = np.flatnonzero(tokens == vocab[first]) if first in vocab else np.zeros(0, dtype=np.int64)
        for words, acro in phrases:
            found = np.unique(text_of[at[_matches(tokens, vocab, words, at)]])
            for term in table.number(_content_terms_of(acro)):
                texts.append(found)
                terms.append(np.full(len(found), term, dtype=np.int64))
    if not texts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(texts), np.concatenate(terms)


def _place_positions(tokens: np.ndarray, vocab: dict[str, int]) -> np.ndarray:
    """Positions `drop_places` removes: at each position the first place (longest first) written there,
    taken left to right, a place starting inside one already taken being skipped."""
    starts: list[np.ndarray] = []
    lengths: list[np.ndarray] = []
    for first, places in _PLACE_BY_FIRST.items():
        if first not in vocab:
            continue
        at = np.flatnonzero(tokens == vocab[first])
        length = np.zeros(len(at), dtype=np.int64)
        for words in places:
            length[(length == 0) & _matches(tokens, vocab, words, at)] = len(words)
        starts.append(at[length > 0])
        lengths.append(length[length > 0])
    if not starts:
        return np.zeros(0, dtype=np.int64)
    at, length = np.concatenate(starts), np.concatenate(lengths)
    order = np.argsort(at, kind="stable")
    taken_at: list[int] = []
    taken_len: list[int] = []
    reach = -1
    for i, n in zip(at[order].tolist(), length[order].tolist(), strict=True):
        if i >= reach:
            taken_at.append(i)
            taken_len.append(n)
            reach = i + n
    t_len = np.asarray(taken_len, dtype=np.int64)
    return np.repeat(np.asarray(taken_at, dtype=np.int64) - (np.cumsum(t_len) - t_len), t_len) + np.arange(t_len.sum())


def _phrase_sets(tokens: np.ndarray, vocab: dict[str, int], bounds: tuple[np.ndarray, np.ndarray, np.ndarray],
                 text_doc: np.ndarray, text_field: np.ndarray, n: int) -> list[list[frozenset[str]]]:
    """Canonical token sets of each title and phrasing (place names dropped, as in questions)."""
    starts, ends, text_of = bounds
    canon = np.array([canonical_token(t) for t in vocab], dtype=object)
    wanted = np.flatnonzero(np.isin(text_field, [_FIELDS.index(f) for f in PHRASE_FIELDS]) & (ends > starts))
    lengths = ends[wanted] - starts[wanted]
    at = np.repeat(starts[wanted] - (np.cumsum(lengths) - lengths), lengths) + np.arange(lengths.sum())
    at = at[~np.isin(at, _place_positions(tokens, vocab))]
    per_text = np.bincount(np.searchsorted(wanted, text_of[at]), minlength=len(wanted))
    hi = np.cumsum(per_text).tolist()
    words = canon[tokens[at]].tolist()
    # built as the per-text code did, stopwords' "" included then removed, so each set iterates in the same
    # order (the phrase score sums over it: another order can move its last bit)
    stop = frozenset({""})
    sets = [frozenset(words[a:b]) - stop for a, b in zip([0, *hi][:-1], hi, strict=True)]
    per_doc = np.cumsum(np.bincount(text_doc[wanted], minlength=n)).tolist()
    return [sets[a:b] for a, b in zip([0, *per_doc][:-1], per_doc, strict=True)]


def _sorted_keys(tokens: np.ndarray, token_terms: tuple[np.ndarray, np.ndarray, np.ndarray], text_of: np.ndarray,
                 n: int, acronyms: tuple[np.ndarray, np.ndarray], docfield: np.ndarray) -> np.ndarray:
    """One sortable key per (term, document, field) occurrence: term * (n << FIELD_BITS) + document << FIELD_BITS
    + field, sorted. Filled a term slot at a time into one array (the peak memory is about two keys a row)."""
    width, flat, offset = token_terms
    acro_text, acro_term = acronyms
    scale = max(n, 1) << _FIELD_BITS
    w_tok = width[tokens]
    key = np.empty(int(w_tok.sum(dtype=np.int64)) + len(acro_text), dtype=np.int64)
    at = 0
    for j in range(int(width.max(initial=0))):
        pos = np.flatnonzero(w_tok > j)
        part = flat[offset[tokens[pos]] + j] * scale + docfield[text_of[pos]]
        key[at : at + len(part)] = part
        at += len(part)
    key[at:] = acro_term * scale + docfield[acro_text]
    key.sort()
    return key


def analyse_entries(entries: list[Entry]) -> Analysis:
    """Term counts, question-side flags, document lengths, surface counts and phrase sets of the entries."""
    with collector_paused():
        return _analyse(entries)


def _analyse(entries: list[Entry]) -> Analysis:
    n = len(entries)
    texts: list[str] = []
    per_field: list[int] = []  # texts in each (entry, field), entries in order
    for e in entries:
        for field_texts in entry_fields(e).values():
            texts.extend(field_texts)
            texts.append("")  # each field ends with an empty text, as the joined entry string did
            per_field.append(len(field_texts) + 1)
    tokens, vocab_list = _tokenise(texts)
    vocab = {t: i for i, t in enumerate(vocab_list)}
    per_field_arr = np.asarray(per_field, dtype=np.int64)
    n_fields = np.arange(len(per_field_arr))
    doc_of = np.repeat(n_fields // len(_FIELDS), per_field_arr)
    field_of = np.repeat(n_fields % len(_FIELDS), per_field_arr)
    is_sep = tokens == vocab.get(SEP, -1)
    text_of = np.cumsum(is_sep, dtype=np.int32)  # the k-th SEP ends text k
    seps = np.flatnonzero(is_sep)
    if len(seps) != max(len(texts) - 1, 0):
        raise ValueError("a knowledge text contains the separator token")
    starts = np.concatenate([[0], seps + 1])
    ends = np.concatenate([seps, [len(tokens)]])

    # each distinct token's terms, with an acronym's expansion words (added wherever the acronym is written)
    table = _Terms()
    per_token: list[list[int]] = []
    for t in vocab_list:
        ts = list(_content_terms_of(t))
        if t in ACRONYMS:
            for w in ACRONYMS[t].split():
                ts.extend(_content_terms_of(w))
        per_token.append(table.number(ts))
    width = np.array([len(ts) for ts in per_token], dtype=np.int32)
    flat = np.array([x for ts in per_token for x in ts], dtype=np.int64)
    offset = np.cumsum(width) - width
    docfield = (doc_of << _FIELD_BITS) | field_of  # per text
    key = _sorted_keys(tokens, (width, flat, offset), text_of, n,
                       _acronym_rows(tokens, vocab, text_of, table), docfield)
    pair = key >> _FIELD_BITS
    new = np.ones(len(pair), dtype=bool)
    np.not_equal(pair[1:], pair[:-1], out=new[1:])
    begin = np.flatnonzero(new)
    del new
    pair = pair[begin]
    fld = (key & ((1 << _FIELD_BITS) - 1)).astype(np.int8)
    del key
    counts = np.add.reduceat(_WEIGHT[fld], begin).astype(np.float64) if len(begin) else np.zeros(0)
    qside = np.maximum.reduceat(_ON_QSIDE[fld], begin).astype(np.float64) if len(begin) else np.zeros(0)
    del fld, begin
    tid, docs = pair // max(n, 1), (pair % max(n, 1)).astype(np.int32)
    concept = np.array([t.startswith("~") for t in table.names], dtype=bool)
    plain = ~concept[tid] if len(tid) else np.zeros(0, dtype=bool)
    doc_len = np.bincount(docs[plain], weights=counts[plain], minlength=n).astype(np.float64)

    seen = np.bincount(tokens, minlength=len(vocab_list)).tolist()
    surface = Counter({t: c for t, c in zip(vocab_list, seen, strict=True) if c and t not in STOPWORDS and t != SEP})
    phrases = _phrase_sets(tokens, vocab, (starts, ends, text_of), doc_of, field_of, n)
    return Analysis(table.names, tid, docs, counts, qside, doc_len, surface, phrases)
