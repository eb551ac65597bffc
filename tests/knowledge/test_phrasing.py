"""The phrase score looks only at the phrases sharing a token with the question: the same float, to the last bit,
as scoring every phrase in turn (`reference` below is the loop the search used before)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.answering import get_answerer
from knowledge.phrasing import PhraseScorer


def reference(scorer: PhraseScorer, d: int, qw: dict[str, float], qsum: float) -> float:
    best = 0.0
    if qsum <= 0:
        return best
    keys = qw.keys()
    for p in scorer.phrases[d]:
        if not p:
            continue
        toks = tuple(p)
        ws = tuple(scorer.idfs.get(t, scorer.unknown_idf) for t in p)
        if keys.isdisjoint(toks):
            continue
        common = sum([qw[t] for t in toks if t in qw])
        v = 2 * common / (qsum + sum([qw.get(t) or w for t, w in zip(toks, ws, strict=True)]))
        if v > best:
            best = v
    return best


_INDEX = get_answerer().index
_WORDS = [*sorted({t for doc in _INDEX.phrases for p in doc for t in p}), "zzunknown", "~c0"]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, _INDEX.n - 1),
       st.dictionaries(st.sampled_from(_WORDS), st.sampled_from([0.0, 0.35, 1.0, 1.7, 2.5, 6.15]), max_size=8))
def test_score_is_the_loop_over_every_phrase(d: int, qw: dict[str, float]) -> None:
    qsum = sum(qw.values())
    assert _INDEX.phrasings.score(d, qw, qsum) == reference(_INDEX.phrasings, d, qw, qsum)


def test_every_document_with_its_own_words() -> None:
    for d in range(_INDEX.n):
        for p in _INDEX.phrases[d][:3]:
            qw = {t: 1.0 + i / 7 for i, t in enumerate(sorted(p))}
            qsum = sum(qw.values())
            assert _INDEX.phrasings.score(d, qw, qsum) == reference(_INDEX.phrasings, d, qw, qsum)
        assert _INDEX.phrasings.score(d, {}, 0.0) == 0.0
