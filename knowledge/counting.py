"""Counts and the years they are for: what a "how many" question counts, the numbers an entry gives beside it,
and the year each number falls under.

A figure asked for a year must be one the entry gives under that year: "children missing in 2017-18" is not the
"April 2019: 49 children missing" of an entry whose other figures are for 2017-18 (`counted_in_year`).
"""

from __future__ import annotations

import re

from knowledge.text import STOPWORDS, expand, raw_tokens, stem, strip_places

SECTION_OR_YEAR_RE = re.compile(r"\b(?:s|section|sec)\s*\d+\b|\b(?:19|20)\d\d\b")
_COUNT_RE = re.compile(r"\b(?:how many|number of|numbers of|no of)\s+(.+)")
_NUMERAL_RE = re.compile(r"^(?:\d[\d,.]*%?|one|a dozen|hundred|hundreds|thousand|thousands)$")
# "how many nurseries": a number must stand within this many words of what is counted in the entry (measured:
# the documents write "12 children under police protection", "10 children's homes", "one case ... had").
COUNT_WINDOW = 5
_LABELS = frozenset({"level", "levels", "step", "steps", "stage", "stages", "tier", "phase", "part", "page", "day",
                     "appendix", "priority", "section", "s", "year", "key", "principle", "aged", "age", "ages",
                     "under", "over", "post", "pre"})  # "Level 3", "aged 6-18", "post-16" name or bound, not count
_DATED_RE = re.compile(r"\b[a-z]+ (?=20\d\d\b)")  # the word before a year: "april 2019", "march 2018"
RANGE_RE = re.compile(r"\b(20\d\d) ?[-/\u2013] ?(?:20)?(\d\d)\b")


def counted_words(folded_q: str) -> list[str]:
    """Stems of what a "how many" question counts and says of it: the first four content words after the cue."""
    m = _COUNT_RE.search(folded_q)
    if not m:
        return []
    words = [t for t in raw_tokens(strip_places(m.group(1))) if t not in STOPWORDS and not t.isdigit()]
    return [stem(t) for t in words[:4]]


def undated(folded_q: str) -> str:
    """The question without the word before each year: "april 2019" dates the count, it is not counted."""
    return _DATED_RE.sub(" ", folded_q)


def numbers_of(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The text's stemmed tokens (sections and years left out) and the positions of the numbers that count."""
    toks = raw_tokens(SECTION_OR_YEAR_RE.sub(" ", text))
    labelled: set[int] = set()
    for i, t in enumerate(toks):
        if _NUMERAL_RE.match(t) and i and (toks[i - 1] in _LABELS or (i - 1 in labelled and toks[i - 2] in _LABELS)):
            labelled.add(i)  # "aged 6-18": both ends of the range, not a count after it
    numbers = tuple(i for i, t in enumerate(toks) if _NUMERAL_RE.match(t) and i not in labelled)
    return tuple(stem(t) for t in toks), numbers


def count_near(stems_numbers: tuple[tuple[str, ...], tuple[int, ...]], counted: list[str]) -> bool:
    """A number stands next to one of the counted words."""
    stems, numbers = stems_numbers
    at = [i for i, t in enumerate(stems) if t in counted]
    return any(abs(i - j) <= COUNT_WINDOW for i in at for j in numbers)


def years_of(text: str) -> set[tuple[str, str]]:
    """Year ranges however written: "2018-19", "2018/19", "2018-2019" -> ("2018", "19")."""
    return set(RANGE_RE.findall(text))


_YEAR_RE = re.compile(r"(?<![\d,.])(20\d\d)(?: ?[-/\u2013] ?(?:20)?(\d\d)(?!\d))?(?![\d,])")
_NUMBER_RE = re.compile(r"(?<![\w,.])\d[\d,.]*%?")
_WORD_RE = re.compile(r"[a-z0-9]+")


def _years(m: re.Match[str]) -> set[int]:
    start = int(m.group(1))
    return {start, start // 100 * 100 + int(m.group(2))} if m.group(2) else {start}


def years_in(text: str) -> set[int]:
    """The years a text names: "2017-18" -> {2017, 2018}, "April 2019" -> {2019}."""
    return set().union(*(_years(m) for m in _YEAR_RE.finditer(text)))


def counted_in_year(text: str, counted: list[str], asked: set[int], window: int) -> bool:
    """The number that stands within `window` words of the most counted words (stems, acronyms written out) falls
    under a year the question asks about: the last year named before it ("2017-18: 1,288 referrals ... April
    2019: 49 children missing"), or none named."""
    years = [(m.start(), _years(m)) for m in _YEAR_RE.finditer(text)]
    spans = {m.start() for m in _YEAR_RE.finditer(text)}
    words = [(m.start(), stem(m.group())) for m in _WORD_RE.finditer(text)]
    wanted = {stem(t) for c in counted for t in expand([c])} | set(counted)
    at = {c: [i for i, (_pos, s) in enumerate(words) if s == c] for c in wanted}
    by_pos = {pos: i for i, (pos, _s) in enumerate(words)}
    scored: list[tuple[int, int]] = []
    for m in _NUMBER_RE.finditer(text):
        if m.start() not in spans and m.start() in by_pos:
            j = by_pos[m.start()]
            near = sum(any(abs(i - j) <= window for i in at[c]) for c in wanted)
            if near:
                scored.append((near, m.start()))
    best = max((n for n, _pos in scored), default=0)
    for n, pos in scored:
        before = [ys for p, ys in years if p < pos]
        if n == best and (not before or before[-1] & asked):
            return True
    return not scored
