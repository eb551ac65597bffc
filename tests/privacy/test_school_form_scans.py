"""The school forms found faster (speed): FORM_CHILD led by its digit, FORM_LOWER tried only where a word starts
with "in" (schools._forms_lower). Each must find what the plain pattern, a look-behind first or the engine at every
character, finds."""

from __future__ import annotations

import random
import re

from bot.privacy.schools import FORM_CHILD, FORM_LOWER, _forms_lower
from bot.privacy.source import Source

PLAIN_CHILD = re.compile(r"(?<![\w£$€.])(?:[1-9]|1[0-3])[A-Z]\d?(?![\w%])(?=\s{0,2}[,\-–—:]?\s{1,2}(?:a\s{1,2})?"
                         r"(?i:boy|girl|lad|lass|pupil|student|child|kid)\b)")
PIECES = ["1", "10", "13", "14", "7", "9", "A", "B", "a", " ", "  ", ", ", "£", ".", "x", "-", " boy", " Girl",
          " a kid", " in ", " IN ", "in", " at ", "ın ", "%", "3", " robins", "Ön ", "x_in ", " 7b at", "İ"]


def _texts() -> list[str]:
    rng = random.Random(11)
    fixed = ["in 7b at Oak", "in 7B at Oak", "St Bede's Widnes, 4F - boy", "in 10 robins at Elm Primary",
             "5K run, a boy", "13A girl", "x13A girl", "ın 7b at", "IN 9c AT x"]
    return fixed + ["".join(rng.choice(PIECES) for _ in range(14)) for _ in range(4000)]


def test_form_child_led_by_its_digit() -> None:
    texts = _texts()
    assert sum(1 for t in texts if PLAIN_CHILD.search(t)) > 10  # (the cases reach the pattern)
    for text in texts:
        assert [m.span() for m in FORM_CHILD.finditer(text)] == [m.span() for m in PLAIN_CHILD.finditer(text)], text


def test_lower_forms_from_in() -> None:
    texts = _texts()
    assert sum(1 for t in texts if FORM_LOWER.search(t)) > 50
    for text in texts:
        assert [m.span() for m in _forms_lower(Source(text))] == [m.span() for m in FORM_LOWER.finditer(text)], text
