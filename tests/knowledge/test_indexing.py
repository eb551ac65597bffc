"""The array-based index build gives exactly what analysing each entry on its own gave.

`reference_entry` below is the per-entry analysis the index used before it was vectorised (knowledge/indexing.py);
the tests compare the two on the shipped knowledge base and on entries written to hit the edge cases (acronyms
written out, place names that overlap, stopword-only phrasings, curly quotes, hyphens, section numbers).
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.base import load_knowledge_base
from knowledge.indexing import FIELD_WEIGHTS, QUESTION_SIDE, analyse_entries, entry_fields
from knowledge.models import Entry
from knowledge.text import (
    _HYPHEN_RE,
    _SECTION_RE,
    FOLDS,
    SEP,
    STOPWORDS,
    canonical_token,
    drop_places,
    expand,
    fold,
    raw_tokens,
    terms,
)


def reference_entry(e: Entry) -> tuple[Counter[str], set[str], list[str], list[frozenset[str]]]:
    """Weighted term counts, question-side terms, surface tokens and phrasing sets of one entry (the old code)."""
    fields = entry_fields(e)
    toks = raw_tokens(f" {SEP} ".join(t for texts in fields.values() for t in [*texts, ""]))
    tf: Counter[str] = Counter()
    qside: set[str] = set()
    phrases: list[frozenset[str]] = []
    seps = [i for i, t in enumerate(toks) if t == SEP]
    pos = k = 0
    for fname, texts in fields.items():
        k += len(texts) + 1
        end = seps[k - 1] + 1 if k <= len(seps) else len(toks)
        field_toks, pos = toks[pos:end], end
        ts = terms(expand(field_toks))
        for t, c in Counter(ts).items():
            tf[t] += c * FIELD_WEIGHTS[fname]
        if fname in QUESTION_SIDE:
            qside.update(ts)
            if fname != "keywords":
                current: list[str] = []
                for t in field_toks:
                    if t != SEP:
                        current.append(t)
                        continue
                    if current:
                        phrases.append(frozenset(map(canonical_token, drop_places(current))) - {""})
                    current = []
    return tf, qside, toks, phrases


def _compare(entries: list[Entry]) -> None:
    a = analyse_entries(entries)
    surface: Counter[str] = Counter()
    for i, e in enumerate(entries):
        tf, qside, toks, phrases = reference_entry(e)
        surface.update(toks)
        rows = a.docs == i
        got = {a.term_names[t]: (c, q) for t, c, q in zip(a.tid[rows], a.counts[rows], a.qside[rows], strict=True)}
        assert got == {t: (float(c), float(t in qside)) for t, c in tf.items()}, e.id
        assert a.doc_len[i] == tf.total() - sum(c for t, c in tf.items() if t.startswith("~")), e.id
        assert a.phrases[i] == phrases, e.id
        assert [list(p) for p in a.phrases[i]] == [list(p) for p in phrases], e.id  # same iteration order too
    for w in (STOPWORDS | {SEP}) & surface.keys():
        del surface[w]
    assert a.surface == surface
    assert list(a.tid) == sorted(a.tid)  # postings come out grouped by term, documents ascending
    for t in set(a.tid.tolist()):
        docs = a.docs[a.tid == t]
        assert list(docs) == sorted(set(docs.tolist()))


def test_shipped_knowledge_base_is_analysed_as_entry_by_entry() -> None:
    _compare(list(load_knowledge_base()))


def test_edge_cases_are_analysed_as_entry_by_entry() -> None:
    base = next(e for e in load_knowledge_base() if e.route is None and not e.agencies)
    texts = [
        ("LADO and the local authority designated officer: local authority designated officer again",
         ["Who is the LADO in Cheshire West and Chester?", "the the of", "", "West Cheshire west and chester"],
         ["cspr", "child safeguarding practice review", "multi-agency", "s.47", "sec 47", "section47"]),
        ("Escalation \u2018in\u2019 Halton \u2013 Warrington\u2019s route", ["Runcorn and Widnes", "Wirral's panel"],
         []),
        ("Caf\u00e9 na\u00efve \u0130stanbul QA&S T&F e-learning", ["bi-monthly, bi monthly", "i-art ART"], ["x"]),
    ]
    entries = [
        base.model_copy(update={"id": f"{base.id}.edge{i}", "title": title, "phrasings": phrasings,
                                "keywords": keywords})
        for i, (title, phrasings, keywords) in enumerate(texts)
    ]
    _compare([*entries, base])


def test_no_entries() -> None:
    a = analyse_entries([])
    assert len(a.tid) == 0 and a.phrases == [] and not a.surface


_OLD_SECTION = re.compile(r"\b(?:s|sec|section|s\.)\s*\.?\s*(\d{1,3})\b")
_OLD_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
_OLD_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})


def old_fold(text: str) -> str:
    t = text.lower().translate(_OLD_QUOTES)
    for _written, _folded, pattern, sub in FOLDS:  # whole-word folds, as fold() applies them
        t = pattern.sub(sub, t)
    t = t.replace("&", " and ")
    t = re.sub(r"'s\b", "", t).replace("'", "")
    t = _OLD_HYPHEN.sub(" ", t)
    t = _OLD_SECTION.sub(lambda m: f" s{m.group(1)} ", t)
    return re.sub(r"\b(\d+)s\b", r"\1", t)  # main's number plurals ("18s"), unchanged by the rewrite


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("sSecton.-' 4705ab&\u2019\u2013\u00e9_\n")), max_size=40))
def test_fold_matches_the_old_patterns(text: str) -> None:
    assert fold(text) == old_fold(text)


@pytest.mark.parametrize("text", ["s47", "s.47", "s. 47", "sec 47", "section 47", "ss47", "class 5", "xs 5", "s..5",
                                  "sect 4", "s 1000", "s_47", "\u00e9s 4", "multi-agency", "a--b", "a-b-c"])
def test_fold_examples(text: str) -> None:
    assert fold(text) == old_fold(text)
    assert _SECTION_RE.pattern != _OLD_SECTION.pattern and _HYPHEN_RE.pattern != _OLD_HYPHEN.pattern
