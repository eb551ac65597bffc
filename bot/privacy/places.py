"""A street named as a place, not as someone's home.

"the youth club on Moor Lane", "use the Brook Street car park", "the team walk Fairfield Road on Friday nights":
services, venues and patrols are placed by the roads they are on, and none of that is a family's address. A street
named without a house number is read as a home only when its sentence has a person or a home in it ("mum has moved
to Moor Lane", "he hangs about on Brook Street", "their house on Fairfield Road"); a numbered address is always a
home (patterns.py) whatever the sentence says.
"""

from __future__ import annotations

import re

from bot.privacy.lexicon import lexicon

_NEAR = 120  # the sentence around a street, at most this far either side
_WORD = re.compile(r"[a-z']+")


def _sentence(text: str, start: int, end: int) -> str:
    lo, hi = max(0, start - _NEAR), min(len(text), end + _NEAR)
    a = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start), text.rfind("? ", lo, start), lo - 1) + 1
    stops = [i for i in (text.find(". ", end, hi), text.find("\n", end, hi), text.find("? ", end, hi)) if i >= 0]
    return text[a:min(stops, default=hi)]


def street_as_place(text: str, street: re.Match[str]) -> bool:
    """True when a street named without a house number is in a sentence with no person or home in it."""
    cues = lexicon().vocab.street_person_cues
    sentence = _sentence(text, street.start(), street.end()).lower().replace("’", "'")
    return not any(w in cues for w in _WORD.findall(sentence))
