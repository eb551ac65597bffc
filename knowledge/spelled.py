"""An acronym the message writes out itself ("an independent fostering agency ... are IFAs named"): the words are
what the documents hold, the writer's shorthand is not (read by knowledge/ranking.py before the search)."""

from __future__ import annotations

import re

from knowledge.text import raw_tokens

_CAPS_RE = re.compile(r"(?<![-&\w])([A-Z]{2,6}s?)(?![-&\w])")
_JOINERS = frozenset({"and", "of", "for", "the", "in", "to"})


def spelled_out(asking: str, message: str) -> str:
    """The asking clauses with an acronym the message writes out itself in its own words ("an independent fostering
    agency ... are IFAs named"): the words are what the documents hold, the writer's shorthand is not."""
    toks = [t for t in raw_tokens(message) if t not in _JOINERS]

    def words(m: re.Match[str]) -> str:
        acr = m.group(1)
        letters = (acr[:-1] if acr.endswith("s") else acr).lower()
        n = len(letters)
        for i in range(len(toks) - n + 1):
            if "".join(t[0] for t in toks[i:i + n]) == letters and toks[i] != letters:
                return " ".join(toks[i:i + n])
        return acr

    return _CAPS_RE.sub(words, asking)
