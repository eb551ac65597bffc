"""Text normalisation shared by the index and the queries.

Everything that makes "Reveiw of LADO referals?" and "review of local authority designated officer
referrals" meet: case and punctuation folding, section-number forms (s47, s.47, section 47),
American -> British spellings, a light stemmer, acronym <-> expansion, and concept groups for the
words practitioners use interchangeably (disagreement / dispute / escalation ...).
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.vocabulary import vocabulary

_V = vocabulary()
STOPWORDS = _V.stopwords
US_UK = _V.spellings  # American -> British spellings (whole words); -ize/-yze forms are handled by rule
ACRONYMS = _V.acronyms  # acronym -> expansion, matched both ways
CONCEPTS = _V.concepts  # words practitioners use interchangeably: each group adds one concept token
PLACES = _V.place_slugs  # place name -> partnership slug
FOLDS = list(_V.folds.items())  # written forms folded before tokenising ("qa&s" -> "qas")

_SECTION_RE = re.compile(r"\b(?:s|sec|section|s\.)\s*\.?\s*(\d{1,3})\b")
_TOKEN_RE = re.compile(r"[a-z0-9]+")
_PLACE_RE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(PLACES, key=len, reverse=True)) + r")\b"
)


def fold(text: str) -> str:
    """Lowercase and fold punctuation variants; keep words, digits and spaces."""
    t = text.lower()
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    for written, folded in FOLDS:
        t = t.replace(written, folded)
    t = t.replace("&", " and ")
    t = re.sub(r"'s\b", "", t)
    t = t.replace("'", "")
    t = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", t)  # multi-agency -> multi agency
    t = _SECTION_RE.sub(lambda m: f" s{m.group(1)} ", t)
    return t


def find_places(text: str) -> list[tuple[str, str]]:
    """Places named in the text, as (phrase, partnership slug), in order of appearance."""
    t = fold(text)
    return [(m.group(1), PLACES[m.group(1)]) for m in _PLACE_RE.finditer(t)]


def strip_places(folded: str) -> str:
    return _PLACE_RE.sub(" ", folded)


@lru_cache(maxsize=50_000)
def _british(tok: str) -> str:
    if tok in US_UK:
        return US_UK[tok]
    for us, uk in (("ization", "isation"), ("izations", "isations"), ("izing", "ising"), ("ized", "ised"),
                   ("izes", "ises"), ("ize", "ise"), ("yzing", "ysing"), ("yzed", "ysed"), ("yze", "yse")):
        if tok.endswith(us) and len(tok) > len(us) + 2:
            return tok[: -len(us)] + uk
    return tok


@lru_cache(maxsize=50_000)
def stem(tok: str) -> str:
    """A light, deterministic suffix stripper (the same on both sides is what matters)."""
    if len(tok) <= 3 or tok.isdigit():
        return tok
    for suf, rep in (("ational", "ate"), ("isation", "ise"), ("ation", "ate"), ("ies", "y"), ("ied", "y"),
                     ("ings", ""), ("ing", ""), ("ness", ""), ("ment", ""), ("edly", ""), ("ly", ""),
                     ("ed", ""), ("es", ""), ("s", "")):
        if tok.endswith(suf) and len(tok) - len(suf) >= 3:
            if suf == "s" and tok.endswith(("ss", "us", "is")):
                continue
            if suf == "es" and not tok.endswith(("sses", "xes", "ches", "shes", "zes")):
                continue
            tok = tok[: -len(suf)] + rep
            break
    if tok.endswith("e") and len(tok) > 4:
        tok = tok[:-1]
    return tok


def raw_tokens(text: str) -> list[str]:
    """Folded, British-spelled surface tokens (no stemming, stopwords kept)."""
    return [_british(t) for t in _TOKEN_RE.findall(fold(text))]


_ACRO_BY_FIRST: dict[str, list[tuple[list[str], str]]] = {}
for _acro, _expansion in ACRONYMS.items():
    _ACRO_BY_FIRST.setdefault(_expansion.split()[0], []).append((_expansion.split(), _acro))
# Low-information words people wrap questions in: rare in the documents (so a high idf) but they say
# little about the topic. Their weight is damped so "responsible" cannot outvote "practice group".
GENERIC = frozenset(stem(w) for w in _V.generic)

_CONCEPT_OF: dict[str, tuple[str, ...]] = {}
for _i, _group in enumerate(CONCEPTS):
    for _w in _group:
        _key = stem(_british(_w))
        if f"~c{_i}" not in _CONCEPT_OF.get(_key, ()):
            _CONCEPT_OF[_key] = (*_CONCEPT_OF.get(_key, ()), f"~c{_i}")


def expand(tokens: list[str]) -> list[str]:
    """Add acronym/expansion twins to surface tokens (before stemming).

    Expansions are looked up by their first word, so the cost follows the text, not the acronym list.
    """
    out = list(tokens)
    found: set[str] = set()
    for i, t in enumerate(tokens):
        for phrase, acro in _ACRO_BY_FIRST.get(t, ()):
            if acro not in found and tokens[i : i + len(phrase)] == phrase:
                found.add(acro)
                out.append(acro)
        exp = ACRONYMS.get(t)
        if exp:
            out.extend(exp.split())
    return out


def terms(tokens: list[str], *, drop_stopwords: bool = True) -> list[str]:
    """Stemmed index terms plus concept tokens for a list of surface tokens."""
    out: list[str] = []
    for t in tokens:
        if drop_stopwords and t in STOPWORDS:
            continue
        s = stem(t)
        out.append(s)
        out.extend(_CONCEPT_OF.get(s, ()))
    return out


def concepts_of(stemmed: str) -> tuple[str, ...]:
    return _CONCEPT_OF.get(stemmed, ())
