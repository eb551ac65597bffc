"""Two children's initials joined by "&", "+", "/" or "and" that share their last letter (round 56): "AM & OM",
"jb / lb", "TM and KM". Siblings share a surname, so the pairs end alike; a pair alone can be the morning, a team
manager's letters or another acronym, but two such pairs with one surname letter are a family's children. Pairs with
different last letters ("AM & PM", "DS and DC") and a role's or a measure's letters ("PC & DC", "cm / mm", "ht/wt")
pass. Lower-case pairs count only without vowels ("in and on" is no one). One scan, only when a joining word or mark
is present.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.patterns import Source, Span

_CONS = "b-df-hj-np-tv-xz"
PAIRS = re.compile(rf"(?<![\w.@/&+'’\-])([A-Z]{{2}}|[{_CONS}]{{2}})\s{{0,2}}(?:&|\+|/|and)\s{{0,2}}"
                   rf"([A-Z]{{2}}|[{_CONS}]{{2}})(?![\w.@/'’&+\-])")
# letters that are a post or a unit however they are paired ("PC & DC", "the HV / GP", "cm and mm")
_NOT_PAIRED = frozenset({"pc", "dc", "ds", "di", "gp", "hv", "sw", "ta", "do", "ep", "cp", "cm", "mm", "km", "kg",
                         "mg", "ml", "am", "pm", "ht", "wt"})
_JOINS = ("&", "+", "/")


def paired_initial_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """Two pairs of letters joined, one case, different first letters, the same last letter."""
    text = src.text
    if "and" not in words and not any(j in text for j in _JOINS):
        return
    for m in PAIRS.finditer(text):
        a, b = m.group(1), m.group(2)
        if a.isupper() != b.isupper() or a[0] == b[0] or a[1] != b[1]:
            continue
        # both pairs a post or a unit ("PC & DC", "cm / mm", "ht/wt") pass; one alone ("AM & OM") does not
        if a.lower() in _NOT_PAIRED and b.lower() in _NOT_PAIRED:
            continue
        yield "initials", m.start(), m.end()
