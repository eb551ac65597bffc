"""wordshapes.word_spans reads the name reader's words from one re.split (speed): it must give exactly the spans and
words that finditer gives, in every kind of text the reader sees."""

from __future__ import annotations

import re

from bot.privacy.tokens import TOKEN, TOKEN_ASCII
from bot.privacy.wordshapes import word_positions, word_spans

TEXTS = ["", "a", "  Kayla's mum, o'neill-smith ’s  x-y-z-w-v ab'", "İlkay ÑANDU ñan 7he he7 x_y",
         "word " * 50 + "a" * 90 + " end.", "—'’-", "the cat the dog the"]


def test_word_spans_match_finditer() -> None:
    for text in TEXTS:
        for low in (text, text.lower()):
            for pattern in (TOKEN, TOKEN_ASCII):
                found = list(pattern.finditer(low))
                assert word_spans(pattern, low) == ([m.span() for m in found], [m.group() for m in found]), low


def test_word_positions_in_order() -> None:
    words = re.findall(r"\w+", TEXTS[-1])
    assert word_positions(words) == {"the": [0, 2, 4], "cat": [1], "dog": [3]}
