"""fold() tries only the written forms whose first word a short text holds: the same text as scanning for all.

`old_fold` (tests/knowledge/test_indexing.py) applies every form in turn; the texts here are made of the forms
themselves, their first words, pieces of them and the punctuation around them, so one fold can make or break
another ("qa & s" -> "qas"), a form can stand inside a word ("input into") and texts can run past the short limit.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.text import _SHORT_FOLD, FOLDS, _fold_candidates, fold
from tests.knowledge.test_indexing import old_fold

_WRITTEN = [w for w, *_ in FOLDS]
_PIECES = sorted({*_WRITTEN, *(w.split()[0] for w in _WRITTEN), *(w[1:] for w in _WRITTEN), *(f for _, f, *_ in FOLDS),
                  "in", "the", "x", "s", "47", "18s", "in-", "\u2019s", "'", "-", "&"})
_GLUE = st.sampled_from(["", " ", "  ", "-", "&", ".", ",", "\u2019", "a", "\n"])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), _GLUE), max_size=12))
def test_fold_matches_folding_every_form(parts: list[tuple[str, str]]) -> None:
    text = "".join(p + g for p, g in parts)
    assert fold(text) == old_fold(text)
    assert fold(text.upper()) == old_fold(text.upper())


def test_every_form_alone_and_in_a_long_text() -> None:
    for w in _WRITTEN:
        for text in (w, f"the {w}", f"in{w}", f"{w}s", f"{w}-x", f"ask about {w}, and {w}!"):
            assert fold(text) == old_fold(text), text
    long = " ".join(_WRITTEN)
    assert len(long) > _SHORT_FOLD and fold(long) == old_fold(long)


def test_a_short_text_tries_only_the_forms_it_could_hold() -> None:
    assert _fold_candidates("xyz plain words", -1) == []
    qas = _fold_candidates("who chairs the qa&s group", -1)
    assert _WRITTEN.index("qa&s") in qas and len(qas) < len(_WRITTEN) // 4
