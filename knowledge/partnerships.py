"""The partnerships the product serves, by slug: the one list everything else refers to."""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass

from rapidfuzz.distance import OSA

PARTNERSHIPS: dict[str, str] = {
    "cheshire-west-and-chester": "Cheshire West and Chester",
    "halton": "Halton",
    "warrington": "Warrington",
    "wirral": "Wirral",
}

NATIONAL = "national"


def is_partnership(slug: str | None) -> bool:
    return slug in PARTNERSHIPS


def display_name(slug: str | None) -> str:
    if slug is None or slug == NATIONAL:
        return "England (national)"
    return PARTNERSHIPS.get(slug, slug)


# -- what people type for an area ---------------------------------------------------------------------

# Short forms nobody would reach by spelling: the council's own abbreviations.
ACRONYMS: dict[str, str] = {"cwac": "cheshire-west-and-chester", "cwc": "cheshire-west-and-chester",
                            "cwandc": "cheshire-west-and-chester"}
# Words that say what kind of body it is, not which place.
_FILLER = frozenset({"the", "and", "of", "borough", "council", "metropolitan", "mbc", "bc", "partnership",
                     "safeguarding", "children", "childrens", "area", "local", "authority", "la"})


@dataclass(frozen=True)
class AreaMatch:
    """`slug` when the text names one partnership; else the `candidates` to ask about (maybe none)."""

    slug: str | None
    candidates: tuple[str, ...] = ()


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("&", "and"))


def _word_hits(word: str, name_words: list[str]) -> bool:
    """A typed word fits a name's word: a prefix of 3+ letters, or one slip (two beyond 8 letters), as search does."""
    slips = 1 if len(word) <= 8 else 2
    return any((len(word) >= 3 and w.startswith(word)) or (len(word) >= 4 and OSA.distance(word, w) <= slips)
               for w in name_words)


def resolve_partnership(text: str) -> AreaMatch:
    """Read an area as people type it: 'cheshire west', 'CWAC', 'wirrall', 'halton borough'.

    Every word has to fit one partnership's name (a prefix or a near spelling) for a match; when several fit,
    or only some words fit, the candidates come back so the caller asks."""
    raw = _words(text)
    joined = "".join(raw)
    if joined in ACRONYMS:
        return AreaMatch(ACRONYMS[joined])
    for slug in PARTNERSHIPS:
        if joined == slug.replace("-", ""):
            return AreaMatch(slug)
    words = [w for w in raw if w not in _FILLER] or raw
    if not words:
        return AreaMatch(None)
    names = {slug: [w for w in _words(f"{slug} {name}") if w not in _FILLER] for slug, name in PARTNERSHIPS.items()}
    full = tuple(slug for slug, nw in names.items() if all(_word_hits(w, nw) for w in words))
    if len(full) == 1:
        return AreaMatch(full[0])
    if full:
        return AreaMatch(None, full)
    partial = tuple(slug for slug, nw in names.items() if any(_word_hits(w, nw) for w in words if len(w) > 2))
    return AreaMatch(None, partial)


def unknown_slug_message(value: str) -> str:
    """'unknown partnership 'wirrall' (did you mean wirral?); use one of: ...' for CLIs."""
    match = resolve_partnership(value)
    guess = (match.slug,) if match.slug else match.candidates
    hint = f" (did you mean {' or '.join(guess)}?)" if guess else ""
    return f"unknown partnership {value!r}{hint}; use one of: {', '.join(PARTNERSHIPS)}"


def partnership_arg(value: str) -> str:
    """argparse `type=`: an exact slug, else an error naming the valid ones (exit 2, never silence)."""
    if value in PARTNERSHIPS:
        return value
    raise argparse.ArgumentTypeError(unknown_slug_message(value))
