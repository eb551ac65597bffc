"""Contexts that decide whether letters are someone's initials (round 26, read by kin.py's initial_spans): letters
naming lettered parts ("parts C and D"), a titled professional's unit in brackets ("DS Jo Hill (CAIT)"), and the
person's act after a lower-case pair labelling a note ("kb - self harmed"). Each looks at a few words: linear time.
"""

from __future__ import annotations

from bot.privacy.lexicon import Lexicon
from bot.privacy.tokens import Toks

# Plural nouns before lettered parts ("options C or D", "sections E and F"): the letters name parts, not people.
_LETTERED = frozenset({"parts", "sections", "steps", "stages", "options", "appendices", "annexes", "schedules", "tiers",
                       "levels", "points", "boxes", "questions", "columns", "phases", "categories", "pages", "forms",
                       "modules", "blocks", "wards", "rooms", "zones", "types", "plans", "routes", "pathways"})


def lettered(i: int, toks: Toks) -> bool:
    norms = toks.norms
    return (i >= 3 and norms[i - 1] in ("and", "or", "to") and len(norms[i - 2]) == 1 and norms[i - 3] in _LETTERED)


def titled_before(i: int, toks: Toks, lex: Lexicon) -> bool:
    """A professional title within the three capitalised words before word i ("PC Jo Hill (NPT)")."""
    for k in range(i - 1, max(-1, i - 5), -1):
        tok = toks[k]
        if tok is None or not tok.cap:
            return False
        if tok.norm in lex.vocab.professional_titles:
            return k < i - 1
    return False


def self_harm(i: int, toks: Toks) -> bool:
    return toks.norms[i] == "self" and i + 1 < len(toks.norms) and toks.norms[i + 1] in ("harmed", "harming", "harms")
