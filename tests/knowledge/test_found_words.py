"""`found` skips the pattern when the text holds none of the phrases' first words: the same answer as searching
with the pattern every time (phrases at word edges, longest first, the leftmost match)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.slots import _phrase_test, found, phrase_re
from knowledge.vocabulary import vocabulary

_BITS = ["how", "long", "how long", "a", "ab", "b", "9", "s47", "£", "£5", "-", " ", "'", "DSL", "dsl", "e-mail",
         "lado's", "x", ""]
_TEXT = st.lists(st.sampled_from([*_BITS, " ", " ", ".", ",", "?", "é", "_"]), max_size=14).map("".join)
_PHRASE = st.lists(st.sampled_from(_BITS), min_size=1, max_size=3).map("".join)


def reference(phrases: list[str], text: str) -> str | None:
    m = phrase_re(tuple(phrases)).search(text) if phrases else None
    return m.group(1) if m else None


@settings(max_examples=800, deadline=None)
@given(st.lists(_PHRASE, max_size=5), _TEXT)
def test_found_is_the_pattern_search(phrases: list[str], text: str) -> None:
    assert found(phrases, text) == reference(phrases, text)


def test_the_vocabulary_cues_on_questions() -> None:
    questions = ["how long do i have to make a referral", "what's the lado's email?", "£5 contribution 2019/20",
                 "who chairs the executive, and how often does it meet", "s47 within 5 working days", ""]
    for kind in vocabulary().out_of_scope.fact_kinds:
        for q in questions:
            assert found(kind.cues, q) == reference(kind.cues, q), (kind.name, q)


def test_first_words_say_where_a_phrase_may_stand() -> None:
    assert _phrase_test(("how long", "timescale"))[1] == frozenset({"how", "timescale"})
    assert _phrase_test(("£", "cost"))[1] is None  # a phrase starting with no word: always searched
