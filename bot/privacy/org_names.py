"""Words that name an organisation or an official, not a person in a case (round 39; the officials moved here from
names.py).

A name screen reads "William" and "Curie" as people; these three shapes say otherwise:
- an official the published arrangements name in full ("Paul Boyce"), or a national charity named after a person
  or in name words ("Marie Curie nurses", "a Christian Aid collection"): vocabulary published_people and
  eponym_organisations, both words dropped unless a family word stands beside them;
- two capitalised words, then an organisation word typed in lower case ("William Beamont school joined the
  pilot"): a school or service named after a person, unless a person's verb follows ("Lucy Green school run"
  is not, and a house, home or flat after a name may be the family's, so those words are left out);
- a name opening its clause before a plural verb an organisation takes ("William Beamont do a nurture group",
  "Girlguiding have their own team"; vocabulary org_plural_verbs): a person alone "does" and "has". Not after
  "and", "&" or a comma (two people named together take a plural verb), and a single word only when it is no
  first name or surname.
Found from where the phrases' words and the verbs are (the `at` index), so a message costs a few lookups.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import NamedTuple

from bot.privacy.lexicon import Lexicon, lexicon
from bot.privacy.source import Source, _lowered
from bot.privacy.tokens import _base

_CLAUSE_END = frozenset(".!?:;\n")
_AGED = re.compile(r"\s{0,2}[(,]\s{0,2}(?:aged?\s{1,2})?\d")  # an age after a name: "(7)", ", 7,", ", aged 7"
_LIST_JOIN = frozenset({"and", "&", "or", "plus"})
_PLACE_BEFORE = frozenset({"at", "to", "from", "into", "attends", "attend", "attended", "attending"})
_VERB_AFTER = frozenset({"is", "was", "has", "have", "had", "do", "does", "did", "will", "would", "are", "were",
                         "can", "could", "should", "runs", "offers", "provides", "hosts", "holds", "said", "says",
                         "cover", "covers", "operate", "operates", "meet", "meets", "support", "supports"})


@cache
def _phrases() -> tuple[tuple[tuple[str, ...], ...], dict[str, tuple[tuple[str, ...], ...]]]:
    """The official and charity phrases as word tuples; the plural verbs' other words by their first word."""
    v = lexicon().vocab
    people = tuple(tuple(_base(w) for w in p.split()) for p in sorted(v.published_people))
    orgs = tuple(tuple(_base(w) for w in p.split()) for p in sorted(v.eponym_organisations | v.fiction_names))
    verbs: dict[str, list[tuple[str, ...]]] = {}
    for p in sorted(v.org_plural_verbs):
        words = tuple(p.split())
        verbs.setdefault(words[0], []).append(words[1:])
    return people + orgs, {k: tuple(x) for k, x in verbs.items()}


def not_people(text: str, src: Source | None, links: list[int], spans: list[tuple[int, int]], bases: list[str],
               at: dict[str, list[int]], lex: Lexicon) -> set[int]:
    """Positions (word indices) of words that name an organisation or a published official, not a person (`text`:
    the message `src` holds, with its links blanked where `links` ends one)."""
    out = _named_phrases(text, _Reading(src, links), spans, bases, at, lex)
    orgs = lex.vocab.org_words - lex.vocab.family_home_nouns - lex.vocab.dwellings
    if not orgs.isdisjoint(at.keys()):
        out |= _before_lower_org(text, spans, bases, at, orgs, lex)
    verbs = _phrases()[1]
    if not verbs.keys().isdisjoint(at.keys()):
        out |= _before_plural_verb(text, spans, bases, at, verbs, lex)
    return out


def _named_phrases(text: str, reading: _Reading, spans: list[tuple[int, int]], bases: list[str],
                   at: dict[str, list[int]], lex: Lexicon) -> set[int]:
    """Every word of a listed official or charity written in full, unless a family word is beside it ("mum
    Michelle Creed" is a mother, whatever her name) or an age follows it ("Jessie May (7)" is a child, round 41)."""
    out: set[int] = set()
    n = len(bases)
    family = lex.vocab.person_relations | lex.vocab.family_nouns
    told: _Told | None = None
    for phrase in _phrases()[0]:
        k = len(phrase)
        for i in at.get(phrase[0], ()):
            if tuple(bases[i:i + k]) == phrase and not (
                    (i and bases[i - 1] in family) or (i + k < n and bases[i + k] in family)
                    or _AGED.match(text, spans[i + k - 1][1])) and not (
                    phrase in _fiction()[0]
                    and (told := told or _Told(text, reading)).child(spans[i][0], spans[i + k - 1][1])):
                out.update(range(i, i + k))
    return out


_AGE_OR_YEAR = (r"\d{1,2}\s{0,2}(?:yo|y/o|yrs?\b|years?[\s\-]{1,3}old|months?[\s\-]{1,3}old)|\baged?\s{1,2}\d"
                r"|\b(?:year|yr|y)\s{0,2}(?:[1-9]|1[0-3])\b|\bclass\s{1,3}\w|\b(?:in|on)\s{1,3}(?:a|the|her|his)\s{1,3}"
                r"(?:class|form|set)\b")
# the words _AGE_OR_YEAR's ways in open with, as a run of letters's start ("y" for "yr", "year", "y8"), beside a digit
_AGE_OR_YEAR_HEADS = frozenset({"age", "y", "class", "in", "on"})
_DIGIT, _HEAD = re.compile(r"\d"), re.compile(r"[^\W_]+")


@cache
def _fiction() -> tuple[frozenset[tuple[str, ...]], re.Pattern[str], re.Pattern[str],
                        tuple[frozenset[str], frozenset[str]] | None]:
    """The fiction names as word tuples; a book's, film's or show's word; a child's context (vocabulary
    fiction_context and fiction_person_cues, an age or a year group); the words the last two's matches open with
    (each phrase's first run of letters and digits; None if a phrase opens with none)."""
    v = lexicon().vocab

    def words(ws: frozenset[str]) -> str:
        return "|".join(sorted((re.escape(w).replace(r"\ ", r"[\s\-]{1,3}") for w in ws), key=len, reverse=True))
    heads = [{m.group() if (m := _HEAD.match(w)) else "" for w in ws}
             for ws in (v.fiction_context, v.fiction_person_cues)]
    return (frozenset(tuple(_base(w) for w in p.split()) for p in v.fiction_names),
            re.compile(rf"(?<![\w'’])(?:{words(v.fiction_context)})(?![\w'’])", re.IGNORECASE),
            re.compile(rf"(?<![\w'’])(?:{words(v.fiction_person_cues)})(?![\w'’])|{_AGE_OR_YEAR}", re.IGNORECASE),
            None if "" in heads[0] | heads[1] else (frozenset(heads[0]), frozenset(heads[1]) | _AGE_OR_YEAR_HEADS))


_SENTENCE_END = re.compile(r"[.!?\n](?:\s|$)|\n")
_REACH = 200  # a sentence is read this far either side of a fiction name


class _Reading(NamedTuple):
    """The message's Source, and where each link blanked in the text read ended (a run of letters may start there)."""

    src: Source | None
    links: list[int]


class _Told:
    """Where a message's sentence ends, book or film words and child's cues start (made the first time a fiction name
    is met): every fiction name is then checked by bisection, linear time however many there are. The two word
    patterns are tried only where a run of letters and digits opens with one of their first words, or (an age) at a
    digit, on the lower-case copy: every place either can match (no link's end is inside a run but at a blanked
    link), so the same matches as a scan of the whole text at every character, in a fraction of its time."""

    def __init__(self, text: str, reading: _Reading) -> None:
        _, fiction, child, heads = _fiction()
        self.ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        src, low = reading.src, text.lower()
        if heads is None or src is None or src.low is None or len(low) != len(text):
            self.fiction = [m.start() for m in fiction.finditer(text)]
            self.cues = [m.start() for m in child.finditer(text)]
        else:
            self.fiction = _starts(fiction, low, {*src.run_starts(heads[0]), *reading.links})
            self.cues = _starts(child, low, {*src.run_starts(heads[1]), *reading.links,
                                             *map(re.Match.start, _DIGIT.finditer(low))})
        self.size = len(text)

    def child(self, start: int, end: int) -> bool:
        """A fiction name at start..end is a child's: its sentence tells a child's age, year group, relative,
        disclosure or harm, and no book, film or show ("Harry Potter in Y8 has gone missing"; "reading Tom Gates
        with year 5" and "a Harry Potter party" pass)."""
        k = bisect_left(self.ends, start) - 1
        a = max(self.ends[k] + 1 if k >= 0 else 0, start - _REACH)
        k = bisect_left(self.ends, end)
        b = min(self.ends[k] if k < len(self.ends) else self.size, end + _REACH)
        cue = bisect_left(self.cues, start) > bisect_left(self.cues, a) or (
            bisect_left(self.cues, b) > bisect_left(self.cues, end))
        return cue and bisect_left(self.fiction, b) == bisect_left(self.fiction, a)


def _starts(pattern: re.Pattern[str], low: str, places: set[int]) -> list[int]:
    """Where `pattern` (ignoring case) matches in the lower-case text `low` as finditer finds it, tried only at
    `places`, which hold every place it can match."""
    compiled, out, end = _lowered(pattern), [], -1
    for pos in sorted(places):
        if pos >= end and (m := compiled.match(low, pos)):
            end = m.end()
            out.append(pos)
    return out


def _joined(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    """Word i and word i + 1 are separated by one space only."""
    return text[spans[i][1]:spans[i + 1][0]] == " "


def _before_lower_org(text: str, spans: list[tuple[int, int]], bases: list[str], at: dict[str, list[int]],
                      orgs: frozenset[str], lex: Lexicon) -> set[int]:
    out: set[int] = set()
    n = len(bases)
    kinds = lex.vocab.service_kinds
    for word in orgs & at.keys():
        for j in at[word]:
            # one lower-case word of the service's kind may come between ("X Y outreach team", round 49)
            i = j - 3 if j >= 3 and bases[j - 1] in kinds and text[spans[j - 1][0]].islower() else j - 2
            if i < 0 or not text[spans[j][0]].islower() or not (text[spans[i][0]].isupper()
                                                                and text[spans[i + 1][0]].isupper()):
                continue
            if i == j - 3 and bases[i] in lex.first_names and bases[i + 1] in lex.surnames:
                continue  # "Tyler Brown outreach team now support him": a person, then the team that supports them
            if not all(_joined(text, spans, k) for k in range(i, j)) or _owns(text, spans[i + 1]):
                continue
            if (j + 1 < n and bases[j + 1] in lex.vocab.person_verbs) or not _org_context(text, spans, bases, i, j):
                continue
            out.update((i, i + 1))
    return out


def _owns(text: str, span: tuple[int, int]) -> bool:
    """The word at span is a possessive ("Eva Kowalczyk's school" is hers, not named after her)."""
    return text[span[1] - 2:span[1]].lower() in ("'s", "’s") or text[span[1] - 1] in "'’"


def _org_context(text: str, spans: list[tuple[int, int]], bases: list[str], i: int, j: int) -> bool:
    """The name and organisation word at i..j stand as a place ("at X Y school") or as a subject before a verb or
    the clause's end ("X Y school joined", "X Y school."), not before a noun ("X Y school shoes": a child's)."""
    n = len(bases)
    if i and bases[i - 1] in _PLACE_BEFORE:
        return True
    if j + 1 == n or not _CLAUSE_END.union(",").isdisjoint(text[spans[j][1]:spans[j + 1][0]]):
        return True
    nxt = bases[j + 1]
    if nxt in lexicon().vocab.team_verb_adverbs and j + 2 < n:  # ("X Y team now cover", round 49)
        nxt = bases[j + 2]
    return nxt in _VERB_AFTER or (nxt.endswith("ed") and len(nxt) > 4)


def _clause_opens(text: str, spans: list[tuple[int, int]], bases: list[str], i: int) -> bool:
    """Word i starts the text or a clause (after a full stop, colon or line break), not a list of people."""
    if i == 0:
        return True
    gap = text[spans[i - 1][1]:spans[i][0]]
    return not _CLAUSE_END.isdisjoint(gap) and bases[i - 1] not in _LIST_JOIN


def _before_plural_verb(text: str, spans: list[tuple[int, int]], bases: list[str], at: dict[str, list[int]],
                        verbs: dict[str, tuple[tuple[str, ...], ...]], lex: Lexicon) -> set[int]:
    out: set[int] = set()
    for first in verbs.keys() & at.keys():
        for j in at[first]:
            if not any(tuple(bases[j + 1:j + 1 + len(rest)]) == rest for rest in verbs[first]):
                continue
            if j >= 2 and text[spans[j - 2][0]].isupper() and text[spans[j - 1][0]].isupper() and _joined(
                    text, spans, j - 2) and _clause_opens(text, spans, bases, j - 2):
                out.update((j - 2, j - 1))
            elif j >= 1 and text[spans[j - 1][0]].isupper() and _clause_opens(text, spans, bases, j - 1) and (
                    bases[j - 1] not in lex.first_names and bases[j - 1] not in lex.surnames):
                out.add(j - 1)
    return out
