"""'the SW keeps saying SFEF in conference. what is it??': a meaning asked with "it", "that" or "this" pointing back
at a term the message names before. The term is what is asked; the words around it only say where it was heard, and
searched as the question they outvote it (a school nurse, a conference). So the pointing clause is asked again with
the term in the pronoun's place, and the rest of the message is its context."""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.question import clauses
from knowledge.roles import roles
from knowledge.text import ACRONYMS, STOPWORDS, raw_tokens

# "what is it", "whats that", "what does it mean", "what does this stand for", "explain it": the pronoun asked about
# (raw_tokens folds "what's" to "what"; "it exactly" / "it actually" keep their adverb after the term); not "what's it
# called": the name of the thing described before ("is there a document that sets out ...? what's it called")
_POINTING = re.compile(r"\b(what(?:s| is| are)?|explain|describe|meaning of)\s+(it|that|this|they|those)\b"
                       r"(?!\s+(?:is|are|was|were|does|do|did|the|a|an|you|we|i|he|she|they|means?|for|to|in|"
                       r"called|named|known)\b)")
_STANDS_FOR = re.compile(r"\bwhat (?:does|do)\s+(it|that|this|they)\s+(?:mean|stand for|stands for)\b")
# the words that say a term was heard or used: the term after them is the one asked about
_HEARD = frozenset({"mentioned", "saying", "say", "said", "says", "mention", "mentions", "mentioning", "heard",
                    "hear", "hearing", "about", "called", "calls", "referred", "using", "uses", "used", "wrote",
                    "written", "had", "got", "letter", "email", "form", "notification"})
_NEAR = 3  # a heard-word this near before a term marks it as the one asked about
_ARTICLES = frozenset({"the", "a", "an", "about", "this", "that"})


def terms_of(glossary_titles: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """Every term the knowledge base defines, as token tuples: glossary titles' names and their expansions
    ("SFEF, MACE, WSCB" -> three), and every known acronym with its expansion."""
    out: set[tuple[str, ...]] = set()
    for title in glossary_titles:
        head, _, bracket = title.partition("(")
        for piece in re.split(r",| and |/", head):
            toks = tuple(raw_tokens(piece))
            if toks:
                out.add(toks)
        inner = tuple(raw_tokens(bracket.rstrip(") ")))
        if len(inner) >= 2 and "acronyms" not in inner:
            out.add(inner)
    for short, long_ in ACRONYMS.items():
        out.add((short,))
        out.add(tuple(raw_tokens(long_)))
    return frozenset(t for t in out if t)


def _found(tokens: list[str], terms: frozenset[tuple[str, ...]]) -> list[tuple[int, tuple[str, ...]]]:
    """(position, term) for each term in the tokens, the longest at a position, roles left out ("the SW says", "the
    health visitor kept saying")."""
    single, multi = roles()
    longest = max((len(t) for t in terms), default=0)
    out: list[tuple[int, tuple[str, ...]]] = []
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            cand = tuple(tokens[i:i + n])
            if cand in terms and not (n == 1 and cand[0] in single) and cand not in multi:
                out.append((i, cand))
                i += n - 1
                break
        i += 1
    return out


def _heard_unknown(tokens: list[str], found: list[tuple[int, tuple[str, ...]]]) -> bool:
    """A word heard that is no term here ("kept saying GCP"): that word is what is asked, not another term."""
    starts = {i for i, _ in found}
    for i, t in enumerate(tokens):
        if t in _HEARD:
            j = i + 1
            while j < len(tokens) and tokens[j] in _ARTICLES:
                j += 1
            if j < len(tokens) and j not in starts and tokens[j] not in STOPWORDS:
                return True
    return False


def pointed_back(message: str, terms: frozenset[tuple[str, ...]]) -> tuple[str, str] | None:
    """(the pointing clause with the term in the pronoun's place, the rest of the message), or None when no clause
    asks the meaning of "it"/"that" or the clauses before it name no term. The term heard ("keeps saying X") wins,
    else the first the message names."""
    parts = clauses(message)
    for k in range(len(parts) - 1, 0, -1):
        asked = " ".join(raw_tokens(parts[k]))
        m = _POINTING.search(asked) or _STANDS_FOR.search(asked)
        if m is None:
            continue
        before = [t for p in parts[:k] for t in raw_tokens(p)]
        found = _found(before, terms)
        heard = [t for i, t in found if _HEARD.intersection(before[max(0, i - _NEAR):i])]
        if not found or (not heard and _heard_unknown(before, found)):
            return None
        term = " ".join(heard[0] if heard else found[0][1])
        if m.re is _STANDS_FOR:  # "what does it stand for" -> "what is SFEF"
            clause = f"what is {term}{asked[m.end():]}"
        else:
            clause = f"{asked[:m.start(2)]}{term}{asked[m.end(2):]}"
        return clause, " ".join(p for j, p in enumerate(parts) if j != k)
    return None
