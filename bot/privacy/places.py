"""A street named as a place, not as someone's home.

"the youth club on Moor Lane", "use the Brook Street car park", "the team walk Fairfield Road on Friday nights":
services, venues and patrols are placed by the roads they are on, and none of that is a family's address. A street
named without a house number is read as a home only when its sentence has a person or a home in it ("mum has moved
to Moor Lane", "he hangs about on Brook Street", "their house on Fairfield Road"); a numbered address is always a
home (patterns.py) whatever the sentence says.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import alternation, lexicon, vocabulary
from bot.privacy.source import Source, _reach_ahead

# A capitalised name before a street word (an address unless street_as_place says it is a place).
NAMED_STREET = re.compile(
    r"[A-Z](?<!\w[A-Z])[a-z'’]{1,30}(?:\s{1,3}[A-Z][a-z'’]{1,30}){0,2}\s{1,3}"  # (\b[A-Z], scanned faster)
    rf"(?:(?:{alternation(frozenset(w.capitalize() for w in vocabulary().street_types_named))})\b"
    # "Victoria St", "Parkgate Rd": a named type's abbreviation, not before a name ("Chester St Werburgh's")
    rf"|(?:{alternation(frozenset(w.capitalize() for w in vocabulary().street_abbreviations))})\b\.?(?!\s{{1,3}}[A-Z]))"
    # "the Hope Street drop-in", "Rose Lane Children's Centre": a venue named after its street
    r"(?!\s{1,3}(?:[Dd]rop|[Cc]ent(?:re|er)|[Cc]linic|[Ss]urgery|[Hh]ub|[Oo]ffice|[Ss]chool|[Pp]rimary|[Aa]cademy|[Ll]ibrary"
    r"|[Hh]ealth|[Mm]edical|[Cc]hildren|[Ff]amily|[Yy]outh|[Cc]ommunity|[Pp]olice|[Ff]ire|[Ss]tation|[Hh]all|[Cc]hurch"
    r"|[Mm]osque|[Pp]ractice|[Pp]roject|[Tt]eam|[Nn]ursery"
    # "the Ness Gardens trip": an outing or event named after the place
    r"|[Tt]rips?\b|[Vv]isits?\b|[Ee]vents?\b|[Ff]estival|[Ff]un\s{1,3}[Dd]ay|[Oo]pen\s{1,3}[Dd]ay|[Cc]af[eé]"
    r"|[Tt]ea\s{0,3}[Rr]oom)"  # "Sophie Lane, LSCP business manager": a person in a job
    r"|,\s{1,3}(?:[\w\-]{1,20}\s{1,3}){0,3}(?:manager|officer|lead|director|chair|co-?ordinator|administrator)\b)"
)

_NEAR = 120  # the sentence around a street, at most this far either side
_WORD = re.compile(r"[a-z']{1,40}")
_ON = frozenset({"on", "off", "at", "in", "to", "from", "up", "down", "along", "of"})


def _sentence(text: str, start: int, end: int) -> str:
    lo, hi = max(0, start - _NEAR), min(len(text), end + _NEAR)
    a = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start), text.rfind("? ", lo, start), lo - 1) + 1
    stops = [i for i in (text.find(". ", end, hi), text.find("\n", end, hi), text.find("? ", end, hi)) if i >= 0]
    return text[a:min(stops, default=hi)]


_BUILDING = re.compile(r"\b[A-Z][a-z]{2,20}\s{1,2}House\b")


def street_as_place(text: str, street: re.Match[str]) -> bool:
    """True when a street named without a house number is in a sentence with no person or home in it."""
    cues = lexicon().vocab.street_person_cues
    if street.group().lower() in lexicon().vocab.service_terms:
        return True  # "Staying Close": a scheme's name, though it ends in a street's word (round 38)
    if street.group().rstrip(".").rsplit(None, 1)[-1].lower() in lexicon().vocab.street_abbreviations:
        before = _WORD.findall(text[max(0, street.start() - 12):street.start()].lower())
        if not before or before[-1] not in _ON:
            return True  # "hotspots near Liverpool Lime St": an abbreviated street is a home only "on" or "at" it
    v = lexicon().vocab
    # ("at Merrion House, Wellington Street": a capitalised house after a name is an office building, no home)
    sentence = _BUILDING.sub(" ", _sentence(text, street.start(), street.end()))
    words = _WORD.findall(sentence.lower().replace("’", "'"))
    # "the family hub on Station Road", "we moved offices to Church Street": a service's own move, its staff's "we"
    # and a family word naming the service are no person where a venue is what the street places
    venue = any(w in v.street_venues for w in words)
    return not any(w in cues and not (venue and (w in v.street_soft_cues or w in _THEY)) and not (
        w in _SERVICE_OWNERS and k + 1 < len(words) and (words[k + 1] in v.street_venues or (
            venue and words[k + 1] in _SERVICE_WORDS)))
        for k, w in enumerate(words))


# A family or child word naming a service with a venue in the sentence ("the child protection team on X Road"), and
# the service spoken of as "they" ("can they take a referral the same day?"), are no person on the street (round 33).
_SERVICE_OWNERS = frozenset({"family", "families", "child", "children", "children's", "childrens"})
_SERVICE_WORDS = frozenset({"protection", "safeguarding", "services", "service", "social", "health", "mental"})
_THEY = frozenset({"they", "them", "their"})


def named_street_place(src: Source, street: re.Match[str]) -> bool:
    """street_as_place for a NAMED_STREET match, read once per distinct text around it (Source.local: the match
    again from its start, the sentence within _NEAR either side, the words before an abbreviation)."""
    start = street.start()
    return src.local(_street_place_at, start, start + _STREET_READ, _NEAR + 1, typed=True)


def _street_place_at(src: Source, start: int, _end: int) -> bool:
    return street_as_place(src.text, NAMED_STREET.match(src.text, start))  # type: ignore[arg-type]


_STREET_READ = _reach_ahead(NAMED_STREET) + _NEAR + 1


# A place named in a sentence (moved here from combos.py, which reads it for its combinations, as siblings.py does):
# a town, ward or estate in the area lists, capitalised or typed in lower case.
PLACE_WORD = re.compile(r"\b[A-Z][a-z'’]{2,25}\b")


def _place(text: str, a: int, b: int) -> bool:
    lex = lexicon()
    local, places, english = lex.vocab.local_places, lex.places, lex.english
    for m in PLACE_WORD.finditer(text, a, b):
        w = m.group().lower()
        if m.start() > a and text[m.start() - 1] not in ".!?\n" and (w in local or (w in places and w not in english)):
            return True
    # typed in lower case ("lives out near malpas", "in rock ferry"): a town's whole name that is no English word or
    # person's name, or a local place of two words (each distinct word looked up once; a pair only from a word that
    # starts a two-word local place)
    words = _LOWER_WORD.findall(text, a, b)
    distinct = set(words)
    if not distinct.isdisjoint(local):
        return True
    for w in distinct.intersection(lex.place_names):
        if w not in english and w not in lex.first_names and w not in lex.surnames and w not in lex.rare_english:
            return True
    pair_starts = _pair_starts()
    if distinct.isdisjoint(pair_starts):
        return False
    return any(w in pair_starts and f"{w} {words[k + 1]}" in local for k, w in enumerate(words[:-1]))


def _place_in(src: Source, a: int, b: int) -> bool:
    """_place, for Source.local (it reads one character before a)."""
    return _place(src.text, a, b)


_CAPITALISED_RUN, _LOWER_RUN = re.compile(r"[A-Z][a-z'’]{2,25}"), re.compile(r"(?<![A-Za-z])[a-z]{3,25}")


def place_possible(src: Source) -> bool:
    """Whether _place could hold of any window of the message: False only when no beginning of a capitalised or
    lower-case word (a window may end inside one) is a place _place takes, or the first of a two-word place."""
    lex = lexicon()
    local, places, english = lex.vocab.local_places, lex.places, lex.english
    for run in set(_CAPITALISED_RUN.findall(src.text)):
        if any((w := run[:k].lower()) in local or (w in places and w not in english) for k in range(3, len(run) + 1)):
            return True
    starts, named = _pair_starts(), lex.place_names
    return any(w in local or w in starts or (w in named and w not in english and w not in lex.first_names
                                             and w not in lex.surnames and w not in lex.rare_english)
               for run in set(_LOWER_RUN.findall(src.text)) for w in (run[:k] for k in range(3, len(run) + 1)))


@cache
def _pair_starts() -> frozenset[str]:
    """The first words of the local places with a space in them ("rock" of "rock ferry")."""
    return frozenset(p.split(" ")[0] for p in lexicon().vocab.local_places if " " in p)


_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]{3,25}(?![A-Za-z'’])")  # a word typed wholly in lower case


# Each way patterns.NUMBERED_STREET ends: a whole word that is a street type or ends so (in ASCII text a word of
# words_of).
STREET_ENDS = ("way", "gate", "field", "side", "croft", "bank", "wood", "ley", "ton")
# A number after a part of a statute or document ("section 11", "para 4", "schedule 2") is no house number (round 55).
_LEGAL_PART = re.compile(r"(?<![\w'’])(?:sections?|ss?|paras?|paragraphs?|part|schedule|article|regulation|clause"
                         r"|chapter|rule)\.?\s{0,2}$", re.IGNORECASE)
# where someone lives, just before the part word: "live at part 12 Mill Lane" is an address (review of rounds 54-55)
_HOME_BEFORE = re.compile(r"\b(?:live|lives|living|lived|stays|staying|stayed|moved|moving|address|home|house|resides"
                          r"|residing)\b(?:\s{1,3}(?:is|was|now|still))?(?:\s{1,3}(?:at|to|in|on))?\s{1,3}$",
                          re.IGNORECASE)


def house_numbers(src: Source, words: frozenset[str], starts: Iterator[int], pattern: re.Pattern[str]) -> Iterator[int]:
    """The digit runs (`starts`, ascending) a numbered street (`pattern`) can start at: each way through it ends at a
    street type or a word ending like one ("Broadway"), so one must start within the pattern's reach after the number
    (prose full of numbers and no street tries none). Every run is filtered so, however many there are (one bisection
    each): handing the runs past the 500th to the regex engine (Source.at_starts) had it try the pattern at every
    character of the rest of a 40,000-character message, most of its screening time when prose held 500 numbers.
    Where lower case changes offsets, all are given, as before."""
    if src.low is None:
        yield from (p for p in starts if not _legal_part(src, p))
        return
    ends = src.word_starts((words & vocabulary().street_types) | {w for w in words if w.endswith(STREET_ENDS)})
    if not ends:
        return  # (no street word anywhere: no run can start one)
    reach, last = _reach_ahead(pattern), ends[-1]
    for p in starts:
        if p > last:
            return  # (past the last street word: no later run can reach one)
        if ends[bisect_left(ends, p)] <= p + reach and not _legal_part(src, p):
            yield p


def _legal_part(src: Source, p: int) -> bool:
    """The number at p follows a statute's or document's part ("section 11 audit due end")."""
    m = _LEGAL_PART.search(src.text, max(0, p - 12), p)
    return m is not None and _HOME_BEFORE.search(src.text, max(0, m.start() - 30), m.start()) is None
