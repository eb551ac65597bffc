"""The phrase score of the search (`Hit.phrase`): how closely a question matches one of an entry's phrasings or its
title, as a weighted Dice overlap of canonical tokens. Only the phrases sharing a token with the question are
looked at: each document's phrases are listed by token when first scored."""

from __future__ import annotations

# a document's phrase sets as token tuples (in the sets' own order) with their idfs, and the phrases each token
# stands in (ascending)
Phrases = tuple[list[tuple[tuple[str, ...], tuple[float, ...]]], dict[str, list[int]]]


class PhraseScorer:
    """Weighted Dice between a query's canonical tokens and each document's phrase sets (`IndexData.phrases`)."""

    def __init__(self, phrases: list[list[frozenset[str]]], idfs: dict[str, float], unknown_idf: float) -> None:
        self.phrases = phrases
        self.idfs = idfs
        self.unknown_idf = unknown_idf
        self._weighted: dict[int, Phrases] = {}

    def weights(self, d: int) -> Phrases:
        """Document d's non-empty phrase sets with their idfs, and the phrases each token stands in, cached."""
        got = self._weighted.get(d)
        if got is None:
            idfs, unknown = self.idfs, self.unknown_idf
            phrases = [(tuple(p), tuple(idfs.get(t, unknown) for t in p)) for p in self.phrases[d] if p]
            holding: dict[str, list[int]] = {}
            for n, (toks, _ws) in enumerate(phrases):
                for t in toks:
                    holding.setdefault(t, []).append(n)
            got = self._weighted[d] = (phrases, holding)
        return got

    def score(self, d: int, qw: dict[str, float], qsum: float) -> float:
        """Best weighted Dice overlap between the query and one of document d's phrasings or title.

        Dice = 2 * common / (qsum + phrase weight), each token weighted by its query weight if the query has it,
        else its idf. A phrase sharing no token with the query scores 0 (and is not looked at); sums run in the
        phrase set's order, phrases in their order (the first of equal scores is kept).
        """
        best = 0.0
        if qsum <= 0:
            return best
        phrases, holding = self.weights(d)
        shared = [holding[t] for t in qw if t in holding]
        for n in sorted(set().union(*shared)) if len(shared) > 1 else shared[0] if shared else ():
            toks, ws = phrases[n]
            common = sum([qw[t] for t in toks if t in qw])
            v = 2 * common / (qsum + sum([qw.get(t) or w for t, w in zip(toks, ws, strict=True)]))
            if v > best:
                best = v
        return best
