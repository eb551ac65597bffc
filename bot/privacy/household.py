"""A household pinned down by its children (round 54): "4 kids in the house, ages 2, 5, 9 and 15", "mum has 3: 14, 11
and the baby", "younger 2 are 4 and 6", "the sisters at X, 11 and 13", "new baby is sibling to the 2 girls on plans",
"whose 3 older kids were adopted", "her brother is the 15yo missing", "the twin girls", "triplet boys".

A count of children, or a definite set of them, with each child's age listed is one family wherever it lives: few
households hold exactly those ages. A list of ages is read only after such a set in its sentence, and only as ages
("years 7, 8 and 9", "steps 1, 2 and 3", "section 11" are no list: the word before the numbers must be an age word, a
verb or a comma, colon or bracket not after a digit). Also two capitals joined by one dot ("S.P yr 8") and a letter
before an Irish surname's initial ("RO'B"): initials typed without their last dot. Cue words first, bounded
quantifiers, each sentence read from its cue: linear time.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator

from bot.privacy.patterns import Source, Span, _sentence
from bot.privacy.role_letters import are_initials

_NUM = r"(?:[2-9]|1[0-2]|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_KIDS = (r"(?:(?:little|older|younger|young|small|teenage|half|step)[\s\-]{1,3})?"
         r"(?:kids|children|siblings|sibs|boys|girls|lads|daughters|sons|ones|grandchildren)")
# a set of one household's children: counted ("4 kids", "the 2 girls"), placed by count ("younger 2"), told as had
# ("mum has 4:"), or definite ("the sisters", "the twins")
SET_CUE = re.compile(
    rf"\b{_NUM}\s{{1,3}}{_KIDS}\b"
    r"|\b(?:older|younger|eldest|youngest|other|little|big)\s{1,3}(?:[2-9]|two|three|four|five|six)\b"
    r"|\b(?:has|have|had|got)\s{1,3}(?:[2-9]|1[0-2])(?=\s{0,2}[:(])"
    r"|\bthe\s{1,3}(?:sisters|brothers|siblings|twins|triplets)\b",
    re.IGNORECASE)
_SET_WORDS = frozenset({"kids", "children", "siblings", "sibs", "boys", "girls", "lads", "daughters", "sons", "ones",
                        "grandchildren", "older", "younger", "eldest", "youngest", "other", "little", "big", "has",
                        "have", "had", "got", "sisters", "brothers", "twins", "triplets"})
# where each pattern can start: a run of letters and digits opening with one of these (Source.at_words finds "sister"
# in "sisters" too, so these are not cut down to the message's words), so no pattern scans every character
_SET_CUES = frozenset({*"23456789", "10", "11", "12", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                       "ten", "eleven", "twelve", "older", "younger", "eldest", "youngest", "other", "little", "big",
                       "has", "have", "had", "got", "the"})
# every SET_CUE match holds one of these whole within 12 characters of its start (its count, or the set after "the"):
# "the" is tried only there (Source.at_words' `near`)
_SET_NEAR = (frozenset({*"23456789", "10", "11", "12", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                        "ten", "eleven", "twelve", "sisters", "brothers", "siblings", "twins", "triplets"}), 12)
_SIB_TO_CUES = frozenset({"half", "step", "sibling", "brother", "sister"})
_WHOSE_CUES, _SIB_CUES = frozenset({"whose"}), frozenset({"brother", "sister", "bro", "sis", "sibling"})
_NAMED_CUES = frozenset({"the", "her", "his", "their", "triplet", "quad", "quin"})
_AGE = r"(?:[1-9]|1\d)(?!\s{0,2}(?:[:.%/]\d|%))(?:\s{0,2}(?:yo|y/o|yrs?|months?|mths?|m)\b)?"
_SEP = r"(?:\s{0,2},\s{0,2}|\s{1,3}(?:and|&)\s{1,3}|\s{0,2},\s{0,2}(?:and|&)\s{1,3})"
_LAST = rf"(?:{_AGE}|(?:the|a)\s{{1,3}}baby\b)"
# the ages as a list: three or more ("2, 5, 9 and 15"), or two after an age word, a verb or a comma ("are 4 and 6")
AGE_LIST = re.compile(
    r"(?:(?<![\d\s])\s{0,2},|[:(]|\s[–—\-]|\b(?:ages?|aged|are|were))\s{0,3}"
    r"(?:(?:approx\.?|approximately|about|around|roughly)\s{1,3})?"
    rf"(?<![\w.]){_AGE}{_SEP}{_LAST}(?:{_SEP}{_LAST}){{0,6}}"
    r"(?!\s{0,2}(?:%|percent|times|of|per|hours?|hrs|mins?|minutes?|days?|weeks?|miles?|pm|am|o['’]?clock"
    r"|years?\s{1,3}(?:ago|older|younger))\b)(?![\w.]\d)",
    re.IGNORECASE)
# a child said to be sibling to a counted set ("new baby is sibling to the 2 girls on plans")
SIBLING_TO = re.compile(
    rf"\b(?:half[\s\-]{{0,2}}|step[\s\-]{{0,2}})?(?:sibling|brother|sister)s?\s{{1,3}}(?:to|of)\s{{1,3}}"
    rf"(?:the|her|his)\s{{1,3}}{_NUM}\s{{1,3}}{_KIDS}\b",
    re.IGNORECASE)
# a mother's or father's counted children taken before ("whose 3 older kids were adopted")
WHOSE_REMOVED = re.compile(
    rf"\bwhose\s{{1,3}}(?:other\s{{1,3}}|first\s{{1,3}})?{_NUM}\s{{1,3}}{_KIDS}\s{{1,3}}(?:were|was|got|had\s{{1,3}}been)"
    r"\s{1,3}(?:removed|adopted|taken|placed)\b",
    re.IGNORECASE)
# one brother or sister as a definite aged child ("older bro is the 15yo missing")
SIB_IS_AGED = re.compile(
    r"\b(?:brother|sister|bro|sis|sibling)\s{1,3}(?:is|was|['’]s)\s{1,3}the\s{1,3}\d{1,2}\s{0,2}"
    r"(?:yo|y/o|yr[\s\-]{0,2}old|year[\s\-]{0,2}old)\b",
    re.IGNORECASE)
# one family's twins or triplets by their sex ("the twin girls", "triplet boys in yr 3")
NAMED_SET = re.compile(
    r"\b(?:(?:the|her|his|their)\s{1,3}twin|triplet|quad|quin)\s{1,3}(?:girls|boys|sisters|brothers|sons|daughters)\b",
    re.IGNORECASE)
# a multiple birth told with its age or birth time ("twin boys aged 4", "triplets born in Jan", "twins 6 months")
MULTI_AGED = re.compile(
    r"\b(?:twins|triplets|quads|(?:twin|triplet)\s{1,3}(?:girls|boys|sisters|brothers|sons|daughters))\s{1,3}"
    r"(?:(?:aged?|now)\s{1,3}\d{1,2}\b|\d{1,2}\s{0,2}(?:yo|y/o|yrs?|years?|months?|mths?|wks|weeks)\b"
    r"|born\s{1,3}(?:in\s{1,3}|on\s{1,3})?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d))",
    re.IGNORECASE)
_MULTI_CUES = frozenset({"twins", "triplets", "quads", "twin", "triplet"})
# a counted set's ages told straight after it ("two girls 11 and 13") or bounded together ("3 siblings all under 5")
DIRECT_AGES = re.compile(
    rf"\s{{1,3}}(?:{_AGE}{_SEP}{_LAST}(?:{_SEP}{_LAST}){{0,6}}(?!\s{{0,2}}(?:%|percent|times|of|per|hours?|hrs|mins?"
    r"|minutes?|days?|weeks?|miles?|pm|am|o['’]?clock|years?\s{1,3}(?:ago|older|younger))\b)(?![\w.]\d)"
    r"|(?:all|both)\s{1,3}(?:aged\s{1,3})?(?:under|below|over|between)\s{1,3}\d{1,2}\b)",
    re.IGNORECASE)
# one family's children split between its adults ("2 with dad in X, 3 with mum"): two such in one sentence
SPLIT = re.compile(r"\b(?:[1-9]|one|two|three|four|five|six)\s{1,3}(?:with|at|living\s{1,3}with)\s{1,3}"
                   r"(?:dad|mum|mam|nan|nana|gran|grandma|grandad|dads|mums|nans|father|mother|aunt|auntie|aunty)\b",
                   re.IGNORECASE)
_SPLIT_CUES = frozenset({*"123456789", "one", "two", "three", "four", "five", "six"})
_ADULTS = frozenset({"dad", "mum", "mam", "nan", "nana", "gran", "grandma", "grandad", "father", "mother", "aunt",
                     "auntie", "aunty"})
# a sibling's brothers or sisters counted on plans ("new baby sib due, other two already on CIN")
OTHERS_ON_PLANS = re.compile(
    rf"\b(?:other|older|both|the)\s{{1,3}}{_NUM}(?:\s{{1,3}}{_KIDS})?\s{{1,3}}(?:(?:are|were|already|both|all|now)"
    r"\s{1,3}){0,2}(?:on|subject\s{1,3}to)\s{1,3}(?:cin|cp|cpp|child\s{1,3}protection|child\s{1,3}in\s{1,3}need"
    r"|plans?|la\s{1,3}care)\b",
    re.IGNORECASE)
_OTHERS_CUES = frozenset({"other", "older", "both", "the"})
_SIB_WORDS = frozenset({"sib", "sibs", "sibling", "siblings", "baby", "brother", "sister", "bro", "sis"})
_SIB_WORD = re.compile(r"\b(?:sibs?|siblings?|baby|brother|sister|bro|sis)\b", re.IGNORECASE)
# initials typed without their last dot ("S.P yr 8", "ref Y.B -"), and a letter before an Irish surname's ("RO'B")
SHORT_DOTTED = re.compile(r"(?<![\w.@/])[A-Z]\.[A-Z](?![\w.'’@/])|(?<![\w'’])[A-Z]O['’][A-RT-Z](?![\w'’])")


def household_spans(src: Source, words: frozenset[str], digits: bool) -> Iterator[Span]:
    """Children of one household told by count and ages, by a counted set, or by a multiple birth's sex; initials
    typed without their last dot."""
    if digits and words & _SET_WORDS:
        yield from _real(src, _aged_sets(src))
        for pattern, cues in ((SIBLING_TO, _SIB_TO_CUES), (WHOSE_REMOVED, _WHOSE_CUES), (SIB_IS_AGED, _SIB_CUES)):
            yield from _real(src, (("sibling", m.start(), m.end()) for m in src.at_words(pattern, cues)))
    if words & {"twin", "triplet", "quad", "quin"}:
        yield from _real(src, (("sibling", m.start(), m.end()) for m in src.at_words(NAMED_SET, _NAMED_CUES)))
    if words & _MULTI_CUES:
        yield from _real(src, (("sibling", m.start(), m.end()) for m in src.at_words(MULTI_AGED, _MULTI_CUES)))
    if (digits or words & _SPLIT_CUES) and words & _ADULTS:
        yield from _real(src, _splits(src))
    if words & _SIB_WORDS and words & _OTHERS_CUES:
        near = (frozenset({*"23456789", "10", "11", "12", "two", "three", "four", "five", "six", "seven", "eight",
                           "nine", "ten", "eleven", "twelve"}), 8)
        for m in src.at_words(OTHERS_ON_PLANS, _OTHERS_CUES & words, near=near):
            if src.search(_SIB_WORD, *_sentence(src.text, m.start(), m.end())):
                yield "sibling", m.start(), m.end()
    if "." in src.text or "'" in src.text or "’" in src.text:
        for m in src.at_starts(SHORT_DOTTED, _dotted_places(src.text)):
            if are_initials(src.text, m.start(), m.end()):
                yield "initials", m.start(), m.end()


def _dotted_places(text: str) -> Iterator[int]:
    """Where SHORT_DOTTED can start, in order: the letter before each full stop, two before each apostrophe (each
    pattern starts with a word's first letter, so only these places are tried, not every character)."""
    return heapq.merge(*(_before(text, mark, back) for mark, back in ((".", 1), ("'", 2), ("’", 2))))


def _before(text: str, mark: str, back: int) -> Iterator[int]:
    """`back` characters before each `mark`, in order (lazily: a message of dots is left to the engine early)."""
    i = text.find(mark)
    while i >= 0:
        if i >= back:
            yield i - back
        i = text.find(mark, i + 1)


def _aged_sets(src: Source) -> Iterator[Span]:
    text, done = src.text, -1
    for cue in src.at_words(SET_CUE, _SET_CUES, near=_SET_NEAR):
        if cue.start() < done:
            continue
        b = _sentence(text, cue.start(), cue.end())[1]
        ages = src.search(AGE_LIST, cue.end(), min(b, cue.end() + 80))
        if ages is None and cue.group()[-1:].isalpha():
            direct = src.search(DIRECT_AGES, cue.end(), min(b, cue.end() + 60))
            ages = direct if direct is not None and direct.start() == cue.end() else None
        if ages is not None:
            done = ages.end()
            yield "sibling", cue.start(), ages.end()


def _splits(src: Source) -> Iterator[Span]:
    """Two counts of children with different adults in one sentence."""
    last: tuple[int, int, int] | None = None
    for m in src.at_words(SPLIT, _SPLIT_CUES):
        a = _sentence(src.text, m.start(), m.end())[0]
        if last is not None and last[0] == a:
            yield "sibling", last[1], m.end()
        last = (a, m.start(), m.end())


# a made-up family: an example, case study, scenario or vignette of training (review of rounds 54-55)
_MADE_UP = re.compile(r"\b(?:examples?|case[\s\-]{1,3}stud(?:y|ies)|scenarios?|vignettes?|training|hypothetical(?:ly)?"
                      r"|role[\s\-]{0,3}plays?|fictional|made[\s\-]{1,3}up|for\s{1,3}instance)\b", re.IGNORECASE)


def _real(src: Source, spans: Iterator[Span]) -> Iterator[Span]:
    """The spans whose sentence names no example, case study, scenario, vignette or training: a family made up to
    teach with ("3 kids aged 4, 6 and 9 in the group's example") is no real household."""
    for span in spans:
        a, b = _sentence(src.text, span[1], span[2])
        if src.search(_MADE_UP, a, b) is None:
            yield span
