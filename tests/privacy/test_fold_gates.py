"""folding._spaced runs SPACED only when one of its ways' literal-led cues is in the text (speed): it must find
exactly what SPACED finds on its own, with and without each cue."""

from __future__ import annotations

from bot.privacy.folding import SPACED, _spaced

TEXTS = [
    "K a y l a  N o w a k was seen", "l i l y   h a r g r e a v e s", "m-a-i-s-i-e and k a y", "a b c", "x-y-z",
    "plain prose with a word and I a few", "a-b", "a b", "co-op e-mail x-ray", "A B C-D-E f g h", "é-l-a ñ o ñ",
    "1 2 3 a-1-b", "she said a b. then c d e", "K a y l a N o w a k", "", "-a-", " a b",
]


def test_spaced_finds_what_the_pattern_finds() -> None:
    for text in TEXTS:
        want = [(m.start(), m.end()) for m in SPACED.finditer(text)]
        assert [(a, b) for a, b, _ in _spaced(text)] == want, text
