"""Text normalisation shared by the index and the queries.

Everything that makes "Reveiw of LADO referals?" and "review of local authority designated officer
referrals" meet: case and punctuation folding, section-number forms (s47, s.47, section 47),
American -> British spellings, a light stemmer, acronym <-> expansion, and concept groups for the
words practitioners use interchangeably (disagreement / dispute / escalation ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import chain

from knowledge.vocabulary import vocabulary

_V = vocabulary()
STOPWORDS = _V.stopwords
# Whole-word maps: US -> UK spellings, informal words ("kids", "doc") and number words -> digits.
US_UK = {**_V.spellings, **_V.informal, **_V.numbers}
ACRONYMS = _V.acronyms  # acronym -> expansion, matched both ways
# A plural acronym ("MOUs", "SCRs", "TAFs") reads as the acronym, unless it is an acronym of its own.
US_UK.update({f"{a}s": a for a in ACRONYMS if len(a) >= 2 and f"{a}s" not in ACRONYMS and f"{a}s" not in US_UK})
CONCEPTS = _V.concepts  # words practitioners use interchangeably: each group adds one concept token
PLACES = _V.place_slugs  # place name -> partnership slug
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _whole_word(folded: str) -> Callable[[re.Match[str]], str]:
    """The fold for a match that starts a word; a match inside a word ("input into") is left as it is."""

    def sub(m: re.Match[str]) -> str:
        start = m.start()
        return m[0] if start and m.string[start - 1] in _WORD_CHARS else folded

    return sub


# Written forms folded before tokenising ("qa&s" -> "qas"), as whole words ("put into" is not in "input into"):
# (written, folded, pattern, replacement). Each pattern starts with its literal, so the regex engine scans for it
# as fast as str.find; the word edge before it is checked on a match.
FOLDS = [(w, f, re.compile(re.escape(w) + r"(?![a-z0-9])"), _whole_word(f)) for w, f in _V.folds.items()]

# "s47", "s.47", "sec 47", "section 47" (an "s" starting a word). Each pattern starts with a literal character so
# the regex engine jumps between candidates instead of trying every position (a 50,000-entry index folds 55 MB).
_SECTION_RE = re.compile(r"s(?<!\ws)(?:ection|ec|\.)?\s*\.?\s*(\d{1,3})\b")
_TOKEN_RE = re.compile(r"[a-z0-9]+")
_DIGIT_RE = re.compile(r"\d")
# "Appendix Five" names a part of a document, no count: one token ("appendix5"), so "sfef 5 principles" is not it
_APPENDIX_RE = re.compile(r"appendix\s+(" + "|".join(["\\d{1,2}", *_V.numbers]) + r")\b")
_NUMBER_PLURAL_RE = re.compile(r"\b(\d+)s\b")  # "under 18s", "the 1990s" -> the number
_PLACE_RE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(PLACES, key=len, reverse=True)) + r")\b"
)


_QUOTES = (("\u2019", "'"), ("\u2018", "'"), ("\u2013", "-"), ("\u2014", "-"))  # str.replace: ~100x translate
_POSSESSIVE_RE = re.compile(r"'s\b")
_HYPHEN_RE = re.compile(r"-(?<=[a-z]-)(?=[a-z])")


# The written forms by their first word ("qa" for "qa&s"; "" for a form starting with punctuation): a form folds only
# where it starts a word and, its pattern ending at a word edge, that word is its first word whole. A short text (a
# question, a clause) tries only the forms whose first word it holds instead of scanning for all 300; a long one (an
# index chunk) scans for them all.
_FIRST_WORD_RE = re.compile(r"[a-z0-9]*")


def first_word(phrase: str) -> str:
    """The word a folded phrase starts with ("" when it starts with punctuation, "£ ..."): a phrase matched at word
    edges stands only where that word stands whole (the shortlists of fold and of slots.found)."""
    return _FIRST_WORD_RE.match(phrase)[0]  # type: ignore[index]  # ("*": it always matches)


_FOLDS_BY_WORD: dict[str, list[int]] = {}
for _n, (_written, *_rest) in enumerate(FOLDS):
    _FOLDS_BY_WORD.setdefault(first_word(_written), []).append(_n)
_ALWAYS = _FOLDS_BY_WORD.get("", [])
_SHORT_FOLD = 2000


def _fold_candidates(t: str, after: int) -> list[int]:
    """The FOLDS indices after `after` whose first word is a word of t (in FOLDS order)."""
    found = sorted(chain(_ALWAYS, *map(_FOLDS_BY_WORD.__getitem__, _FOLDS_BY_WORD.keys() & _TOKEN_RE.findall(t))))
    return found if after < 0 else [n for n in found if n > after]


def _apply_folds(t: str) -> str:
    """Each written form found in turn is folded, as a scan for all of them in FOLDS order would."""
    if len(t) > _SHORT_FOLD:
        for written, _folded, pattern, sub in FOLDS:
            if written in t:
                t = pattern.sub(sub, t)
        return t
    todo = _fold_candidates(t, -1)
    while todo:
        n = todo.pop(0)
        written, _folded, pattern, sub = FOLDS[n]
        if written in t:
            new = pattern.sub(sub, t)
            if new != t:  # the text changed: a later form may now start a word where none did
                t = new
                todo = _fold_candidates(t, n)
    return t


def fold(text: str) -> str:
    """Lowercase and fold punctuation variants; keep words, digits and spaces."""
    return _fold_short(text) if len(text) <= _SHORT_FOLD else _fold(text)


@lru_cache(maxsize=1024)
def _fold_short(text: str) -> str:
    """A question and its clauses are folded by many checks: each short text once (an index chunk is not kept)."""
    return _fold(text)


def _fold(text: str) -> str:
    t = text.lower()
    for curly, plain in _QUOTES:
        if curly in t:
            t = t.replace(curly, plain)
    t = _apply_folds(t)
    if "&" in t:
        t = t.replace("&", " and ")
    if "'" in t:
        t = _POSSESSIVE_RE.sub("", t).replace("'", "")
    if "-" in t:
        t = _HYPHEN_RE.sub(" ", t)  # multi-agency -> multi agency
    if "appendix" in t:
        t = _APPENDIX_RE.sub(lambda m: f"appendix{_V.numbers.get(m[1], m[1])}", t)
    if "s" in t and _DIGIT_RE.search(t):  # both patterns need a digit
        t = _SECTION_RE.sub(lambda m: f" s{m.group(1)} ", t)
        t = _NUMBER_PLURAL_RE.sub(r"\1", t)
    return t


# "17-18", "19/20": a financial or school year written short, as the documents write it ("2017-18"); never an age
# range ("16-17 year olds") or two numbers that are not consecutive years.
_SHORT_YEARS_RE = re.compile(r"(?<![\d/.-])(1\d)\s?[-/]\s?(\d\d)(?![\d/.%-])(?!\s*(?:years?|yrs?|yo|y o)\b)")


def long_years(text: str) -> str:
    """'csc referrals 17-18' -> 'csc referrals 2017-18' (questions only; entries write the year in full)."""
    if "-" not in text and "/" not in text:
        return text
    def year(m: re.Match[str]) -> str:
        before = text[max(0, m.start() - 8):m.start()].lower().split()
        age = bool(before) and before[-1] in ("aged", "age", "ages", "between", "from")
        return f"20{m[1]}-{m[2]}" if int(m[2]) == int(m[1]) + 1 and not age else m[0]

    return _SHORT_YEARS_RE.sub(year, text)


def find_places(text: str) -> list[tuple[str, str]]:
    """Places named in the text, as (phrase, partnership slug), in order of appearance."""
    t = fold(text)
    return [(m.group(1), PLACES[m.group(1)]) for m in _PLACE_RE.finditer(t)]


def strip_places(folded: str) -> str:
    return _PLACE_RE.sub(" ", folded)


_PLACE_MARK_RE = re.compile(r"(?:\b(?:in|for|at|across|within|around|from)\s+)?\x00")


@lru_cache(maxsize=256)
def without_places(folded: str) -> str:
    """The folded text without served places and the preposition before them, spaces closed up: "what did the jtai
    in warrington find" -> "what did the jtai find", so a phrase a place interrupts is still found."""
    return " ".join(_PLACE_MARK_RE.sub(" ", _PLACE_RE.sub("\x00", folded)).split())


def _alternation(phrases: list[str] | dict[str, str]) -> str:
    return "(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + ")"


_AREAS = _V.out_of_scope.other_areas
_AWAY_RE = re.compile(r"(?<![a-z0-9])" + _alternation(_AREAS.phrases) + r"(?![a-z0-9])")
_MOVED_RE = re.compile(  # "the family just moved to halton from knowsley last week", "came over from wigan"
    r"(?<![a-z0-9])(?:" + _alternation(_AREAS.moved_who) + r" (?:(?:has|have|had|is|are|was|were|only) )?)?"
    + r"(?:(?:just|recently|only just) )?" + _alternation(_AREAS.moved)
    + r"(?: (?:to|into|in|from) (?:the )?" + _alternation([*PLACES, *_AREAS.phrases, "here", "the area", "our area"])
    + r")+(?: "
    + _alternation(_AREAS.moved_when) + r")?(?![a-z0-9])") if _AREAS.moved else None


_PLACE_ALT = _alternation(_AREAS.phrases)
_BEEN_RE = re.compile(  # "we used in stockport", "my old council in wigan", "moved from sefton", "in knowsley we did"
    r"(?<![a-z0-9])(?:(?:" + _alternation(_AREAS.been) + r")(?: [a-z0-9]+){0,5}? " + _alternation(_AREAS.been_at)
    + r"|" + _alternation(_AREAS.moved) + r"(?: (?:here|over|just))? from)"
    + r" (?:the )?(?P<after>" + _PLACE_ALT + r")(?![a-z0-9])"
    + r"|(?<![a-z0-9])" + _alternation(_AREAS.been_at) + r" (?:the )?(?P<before>" + _PLACE_ALT + r")[ ,]+(?:"
    + _alternation(_AREAS.been) + r")(?![a-z0-9])") if _AREAS.been and _AREAS.been_at else None


def strip_been(folded: str) -> str:
    """Without another area's name where it says where the asker worked or came from before ("like the GCP2 we
    used in stockport", "in knowsley we did the CAF"): their past, not the area the question asks about."""
    if _BEEN_RE is None:
        return folded

    def blank(m: re.Match[str]) -> str:
        name = "after" if m.group("after") else "before"
        lo, hi = m.span(name)
        return folded[m.start():lo] + " " + folded[hi:m.end()]

    return _BEEN_RE.sub(blank, folded)


def strip_away(folded: str) -> str:
    """Beside a served place, a move into it and other areas' names say where someone came from ("moved to Halton
    from Knowsley"), not what is asked (a question asked *of* the other area is declined before any answer)."""
    return _AWAY_RE.sub(" ", _MOVED_RE.sub(" ", folded) if _MOVED_RE is not None else folded)


_PLACE_BY_FIRST: dict[str, list[list[str]]] = {}
for _place in sorted(PLACES, key=len, reverse=True):
    _words = _TOKEN_RE.findall(fold(_place))
    _PLACE_BY_FIRST.setdefault(_words[0], []).append(_words)


def drop_places(tokens: list[str]) -> list[str]:
    """The tokens without place names (token-level `strip_places`, for text already tokenised)."""
    if _PLACE_BY_FIRST.keys().isdisjoint(tokens):
        return tokens
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for words in _PLACE_BY_FIRST.get(tokens[i], ()):
            if tokens[i : i + len(words)] == words:
                i += len(words)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


SEP = "zzqsep"  # separator token between texts analysed as one string (never a word, never an acronym)


def british(text: str) -> str:
    """Folded text with American spellings written British ("what organizations" -> "what organisations"), word by
    word: the vocabulary's cues are British, and the informal words and numbers are left as typed."""
    return " ".join(_V.spellings.get(t) or _suffix_british(t) for t in text.split())


@lru_cache(maxsize=50_000)
def _british(tok: str) -> str:
    return US_UK[tok] if tok in US_UK else _suffix_british(tok)


def _suffix_british(tok: str) -> str:
    for us, uk in (("ization", "isation"), ("izations", "isations"), ("izing", "ising"), ("ized", "ised"),
                   ("izes", "ises"), ("ize", "ise"), ("yzing", "ysing"), ("yzed", "ysed"), ("yze", "yse")):
        if tok.endswith(us) and len(tok) > len(us) + 2:
            return tok[: -len(us)] + uk
    return tok


def _light_stem(tok: str) -> str:
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


def _stemmer():  # type: ignore[no-untyped-def]
    """The stemming function named in vocabulary.yaml (`stemmer:`), measured in knowledge/README.md."""
    if _V.stemmer == "pystemmer":
        import Stemmer

        return Stemmer.Stemmer("english").stemWord
    return _light_stem


_STEM = _stemmer()


@lru_cache(maxsize=100_000)
def stem(tok: str) -> str:
    """Stem one folded token (short words and numbers are kept as they are)."""
    if len(tok) <= 3 or tok.isdigit():
        return tok
    return _STEM(tok)


def raw_tokens(text: str) -> list[str]:
    """Folded, British-spelled surface tokens (no stemming, stopwords kept)."""
    return list(map(_british, _TOKEN_RE.findall(fold(text))))


_ACRO_BY_FIRST: dict[str, list[tuple[list[str], str]]] = {}
for _acro, _expansion in ACRONYMS.items():
    _ACRO_BY_FIRST.setdefault(_expansion.split()[0], []).append((_expansion.split(), _acro))
_ACRO_WORDS = frozenset(_ACRO_BY_FIRST) | frozenset(ACRONYMS)
# Low-information words people wrap questions in: rare in the documents (so a high idf) but they say
# little about the topic. Their weight is damped so "responsible" cannot outvote "practice group".
GENERIC = frozenset(stem(w) for w in _V.generic)
# ordinary English words people wrap a question in: weighed as ordinary by the search, no subject of a fact
ORDINARY = frozenset(stem(w) for w in _V.ordinary_words)

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
    for i in [i for i, t in enumerate(tokens) if t in _ACRO_WORDS or t == SEP]:
        t = tokens[i]
        if t == SEP:  # a new text: each expansion may be added once per text
            found.clear()
            continue
        for phrase, acro in _ACRO_BY_FIRST.get(t, ()):
            if acro not in found and tokens[i : i + len(phrase)] == phrase:
                found.add(acro)
                out.append(acro)
        exp = ACRONYMS.get(t)
        if exp:
            out.extend(exp.split())
    return out


@lru_cache(maxsize=100_000)
def _terms_of(tok: str) -> tuple[str, ...]:
    s = stem(tok)
    return (s, *_CONCEPT_OF.get(s, ()))


@lru_cache(maxsize=100_000)
def _content_terms_of(tok: str) -> tuple[str, ...]:
    return () if tok in STOPWORDS or tok == SEP else _terms_of(tok)


def terms(tokens: list[str], *, drop_stopwords: bool = True) -> list[str]:
    """Stemmed index terms plus concept tokens for a list of surface tokens."""
    return list(chain.from_iterable(map(_content_terms_of if drop_stopwords else _terms_of, tokens)))


def concepts_of(stemmed: str) -> tuple[str, ...]:
    return _CONCEPT_OF.get(stemmed, ())


def canonical(stemmed: str) -> str:
    """One token per meaning: the first concept group if the word has one, else its stem."""
    c = concepts_of(stemmed)
    return c[0] if c else stemmed


@lru_cache(maxsize=100_000)
def canonical_token(tok: str) -> str:
    """A surface token's canonical form ("" for a stopword): what phrasings and questions are compared by."""
    return "" if tok in STOPWORDS else canonical(stem(tok))
