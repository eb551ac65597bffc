"""One child of a family told from the others by birth order (round 40): "the 3rd of 6 children", "the second child
of the family", "eldest girl (15)", "youngest son, 7,", "eldest 14, youngest 9 months".

A place in the family is one child among a counted or named set, so everyone who knows the family knows which:
- an ordinal or order word with "of" and the family or a count of children ("the 2nd of 5 kids", "the third child
  of 4", "middle child of the three"); not one counting anything else ("the 2nd of 5 sessions", "the first of the
  training days");
- an order word (eldest, youngest, oldest, middle; older / younger with a child word) or "the baby of the family"
  given an age in brackets or between commas ("eldest girl (15)", "youngest son, 7,", "baby of the family, 18
  months,"), or a bare age when a list gives two such places ("eldest 14, youngest 9
  months"); not "the oldest 10 records", no family listed.
- a counted set of children with each one's age in brackets ("three girls (4, 9, 13)"), or their ages' range in
  a household (vocabulary household_cues: "household of 7: ... 5 children aged 2 to 15"); not "children aged 2 to 15
  can join", no count and no household.
Cue words first (Source.at_words: ordinals, digits, order words, counts), bounded quantifiers: linear time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from itertools import pairwise

from bot.privacy.lexicon import alternation, vocabulary
from bot.privacy.patterns import Source, Span, _sentence

_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth")
_COUNT = r"(?:[2-9]|1\d|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_CHILD = r"(?:child|kid|boy|girl|son|daughter|one|baby)"
_SET = r"(?:children|kids|siblings|sibs|brothers|sisters|cousins|boys|girls|lads|ones|babies)"
_OWNER = r"(?:(?:the|that|this|a|her|his|their|my|our)\s{1,3})?"
# "the 2nd of 5 kids", "second of the three boys", "3rd child of 4", "third child of the family"
ORDINAL_OF = re.compile(
    rf"(?:{'|'.join(_ORDINAL_WORDS)}|eldest|oldest|youngest|middle|(?<![\d.,])\d{{1,2}}(?:st|nd|rd|th)"
    r"|number\s{1,3}\d{1,2})\s{1,3}"
    rf"(?:{_CHILD}\s{{1,3}}of\s{{1,3}}{_OWNER}(?:family\b|{_COUNT}\b(?!\s{{0,2}}(?:[:.]\d|%|weeks?|months?|years?|"
    r"days?|hours?|sessions?|times?|parents|adults|teachers|carers)\b))"
    rf"|of\s{{1,3}}(?:{_OWNER}{_COUNT}\s{{1,3}}(?:[a-z]{{2,12}}\s{{1,3}})?|(?:her|his|their)\s{{1,3}}){_SET}\b(?!['’]))",
    re.IGNORECASE)
_ORDER = (r"(?:(?:eldest|oldest|youngest|middle)(?:\s{1,3}" + _CHILD + r")?|(?:older|younger)\s{1,3}" + _CHILD
          + r"|baby\s{1,3}of\s{1,3}the\s{1,3}family)")
_UNIT = r"(?:\s{0,2}(?:yo|y/o|yrs?|years?(?:\s{1,3}old)?|months?|mths?|weeks?)\b)?"
# "eldest girl (15)", "youngest son, 7,", "the middle one (aged 9)"
ORDER_AGED = re.compile(
    rf"{_ORDER}\s{{0,2}}(?:\(\s{{0,2}}(?:aged?\s{{0,2}})?\d{{1,2}}{_UNIT}\s{{0,2}}\)"
    rf"|,\s{{0,2}}(?:aged?\s{{0,2}})?\d{{1,2}}{_UNIT}\s{{0,2}}(?:,|;|$))",
    re.IGNORECASE)
# "eldest 14", "youngest 9 months": an age straight after the order word, counted only in a list of two
# (not a date's day: "eldest 01/01/2009"); the next order word may follow with no comma ("youngest 2 eldest 12",
# round 49)
ORDER_BARE = re.compile(
    rf"(?:eldest|oldest|youngest|middle)\s{{1,3}}\d{{1,2}}(?!\d|[/.:\-]\d){_UNIT}"
    rf"(?!\s{{0,2}}(?!(?:eldest|oldest|youngest|middle)\b)[a-z])", re.IGNORECASE)
# a counted set of children with each one's age, or their ages' range in a household ("three girls (4, 9, 13)",
# "5 children aged 2 to 15" after "household" or "lives with")
_AGE_LIST = r"\(\s{0,2}\d{1,2}(?:\s{0,2}(?:,|and|&)\s{0,2}\d{1,2}){1,9}\s{0,2}\)"
AGED_SET = re.compile(
    rf"{_COUNT}\s{{1,3}}(?:[a-z]{{2,12}}\s{{1,3}})?(?:(?:half|step)[\s\-]{{0,2}})?{_SET}\s{{0,2}}"
    rf"(?:({_AGE_LIST})|aged\s{{1,3}}\d{{1,2}}\s{{0,2}}(?:to|-|and)\s{{0,2}}\d{{1,2}}\b)",
    re.IGNORECASE)
_COUNT_CUES = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                         *"0123456789"})
_SET_WORDS = frozenset({"children", "kids", "siblings", "sibs", "brothers", "sisters", "cousins", "boys", "girls",
                        "lads", "ones", "babies"})
_LIST_GAP = 40  # the next place in the same list: within a few words, no sentence's end between
_STOP = re.compile(r"[.!?\n]")
_ORDER_CUES = frozenset({"eldest", "oldest", "youngest", "middle", "older", "younger", "baby"})
_ORDINAL_CUES = frozenset(_ORDINAL_WORDS)
_PLACE_CUES = frozenset({"eldest", "oldest", "youngest", "middle"})
_DIGIT_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


def birth_order_spans(src: Source, words: frozenset[str], digits: bool) -> Iterator[Span]:
    """A child placed in their family by an ordinal or by an order word with an age."""
    if "of" in words and (words & _ORDINAL_CUES or words & _DIGIT_SUFFIXES or words & _PLACE_CUES):
        digit_cues = frozenset("0123456789") if words & _DIGIT_SUFFIXES else frozenset()
        cues = ((_ORDINAL_CUES | _PLACE_CUES) & words) | digit_cues
        for m in src.at_words(ORDINAL_OF, cues):
            yield "sibling", m.start(), m.end()
    if "number" in words and "of" in words and digits:
        yield from (("sibling", m.start(), m.end()) for m in src.at_words(ORDINAL_OF, frozenset({"number"})))
    if digits and words & _SET_WORDS and ("aged" in words or "(" in src.text):
        yield from _aged_sets(src, words)
    order = _ORDER_CUES & words
    if not order or not digits:
        return
    for m in src.at_words(ORDER_AGED, order):
        yield "sibling", m.start(), m.end()
    for m, n in pairwise(src.at_words(ORDER_BARE, order & {"eldest", "oldest", "youngest", "middle"})):
        if n.start() - m.end() <= _LIST_GAP and not _STOP.search(src.text, m.end(), n.start()):
            yield "sibling", m.start(), n.end()


def _aged_sets(src: Source, words: frozenset[str]) -> Iterator[Span]:
    text, household = src.text, _household()
    for m in src.at_words(AGED_SET, _COUNT_CUES & (words | frozenset("0123456789"))):
        a, b = _sentence(text, m.start(), m.end())
        if m.group(1) or src.search(household, a, b):
            yield "sibling", m.start(), m.end()


@functools.cache
def _household() -> re.Pattern[str]:
    cues = alternation(vocabulary().household_cues).replace(r"\ ", r"\s{1,3}")
    return re.compile(rf"\b(?:{cues})\b", re.IGNORECASE)
