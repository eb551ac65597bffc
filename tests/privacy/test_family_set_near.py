"""family_set tries a set of siblings only where one of its group words follows its "the", "all" or "both" within 40
characters (Source.at_words with `near`, speed): every match must hold one there, or a set would be missed."""

from __future__ import annotations

import random

from bot.privacy.family_set import _GROUP_WORDS, ALL_OF, SIBLING_GROUP, _set_at_school
from bot.privacy.source import Source

PIECES = ["the", "The", "all", "both", "of", "their", "three", "eight", "12", "little", "teenage", "Syrian",
          "Abcdefghijklmnopqrstu", "brothers", "sisters", "siblings", "bros", "girls", "boys", "lads", "kids", "ones",
          "children", "go", "to", "St", "Bede's", "Primary", "."]


def test_every_set_holds_a_group_word_near_its_start() -> None:
    rng = random.Random(5)
    texts = [" ".join(rng.choice(PIECES) for _ in range(12)).replace(" ", rng.choice([" ", "  ", "   "]))
             for _ in range(4000)]
    texts.append("the   eight   Abcdefghijklmnopqrstu   brothers at St Bede's Primary")
    found = 0
    for text in texts:
        low = text.lower()
        for pattern in (SIBLING_GROUP, ALL_OF):
            for m in pattern.finditer(text):
                found += 1
                assert any(low.startswith(w, i) and not low[i + len(w):i + len(w) + 1].isalnum()
                           and not low[i - 1].isalnum() for w in _GROUP_WORDS for i in range(m.start(), m.start() + 41)
                           ), text
    assert found > 500


def test_sets_at_a_named_school_found() -> None:
    text = ("Note. The   eight   Abcdefghijklmnopqrstu   brothers go to St Bede's Primary. All three of their kids"
            " go to Oak High.")
    assert len(list(_set_at_school(Source(text), frozenset(text.lower().replace(".", " ").split())))) == 2
