"""A child placed among their brothers and sisters (round 29): "her twin is struggling too", "youngest of the quads",
"the three kids at St Bede's", "her older sister goes to the same academy", "his brother is in the sixth form here".

siblings.py finds a sibling word with an event in its sentence; these are the descriptions it did not count:
- one child's twin by a possessive ("his twin", "the lad's twin brother"): a twin is one of very few in a school or a
  street; twins spoken of in general ("a twin may grieve", "do twins get") pass;
- a multiple birth rarer than twins named as one family's set ("the triplets", "of the quads", "the quins' mum"):
  one in thousands of births, so known to everyone near; "families expecting triplets" and quad bikes pass; and one
  family's twins as a definite pair ("the twins", "her twins"; "do twins get one assessment" passes);
- a counted set of brothers and sisters said to have different fathers or mothers ("all five have different dads");
- a counted set of children, or the siblings, at a named school (SCHOOL_NAME's names, or one in lower case);
- one child's brother or sister at the same school by any of its names (academy, primary, setting...), or said to
  be a pupil, in a year or the sixth form, or holding a post "here" (the writer's school knows the family), or at a
  school named ("his brother goes to oakfield primary"; "goes to school", "the local school" pass); and all or both
  of one family's children at a named school ("all three of the children go to St X's").
Cue words first (Source.at_words), each sentence read once, bounded quantifiers: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.patterns import Source, Span, _sentence
from bot.privacy.published import LOWER_SCHOOL, NOT_SCHOOL_NAME, lower_school
from bot.privacy.siblings import SIBLING_GROUP

_CHILD = r"(?:boy|girl|lad|lass|child|kid|baby|toddler|yp|pupil|teen|son|daughter)"
_SIB = r"(?:brother|sister|sibling|stepbrother|stepsister|bro|sis|twin)"
_SIB_ADJ = r"(?:(?:older|younger|big|little|baby|kid|elder|eldest|youngest|oldest|half|step|twin)[\s\-]{1,3})?"
# "his twin", "her twin sister", "the lad's twin": one child's twin
ONE_TWIN = re.compile(
    rf"\b(?:his|her|their|the\s{{1,3}}{_CHILD}['’]s)\s{{1,3}}twin(?:\s{{1,3}}(?:brother|sister))?\b(?!['’]?s\b)",
    re.IGNORECASE)
_RARE = r"(?:triplets|quads|quadruplets|quins|quintuplets)"
# "the triplets", "youngest of the quads", "the quins' mum" (not "riding the quads", "his quads": bikes, muscles)
RARE_SET = re.compile(
    rf"(?<!\bon\s)(?<!riding\s)\b(?:the|their)\s{{1,3}}{_RARE}\b(?!\s{{1,3}}bikes?\b)|\b{_RARE}['’]"
    r"|\b(?:the|her|his|their)\s{1,3}twins\b"  # "the twins": one family's pair, as dev text uses it
    # a note opening on a pair and their age ("Twins, 15, both went missing", round 52)
    r"|(?<![^\n])twins\s{0,2},?\s{0,2}(?:aged\s{1,3})?\d{1,2}\b"
    # (not a rate or a count: "twins 3 times more likely", "twins 20% ...", "twins, 12 sets in the NICU")
    r"(?![:.%/]\d?)(?!\s{0,2}(?:times?|x|sets?|per|percent|%|more|less|fold|pairs?|of)\b)", re.IGNORECASE)
# "all five of them have different dads", "3 half-siblings by different fathers": a counted set, its parents told
DIFFERENT_PARENTS = re.compile(r"\bdifferent\s{1,3}(?:dads|fathers|mums|mothers)\b", re.IGNORECASE)
COUNTED = re.compile(
    r"\b(?:all|both|[2-9]|1\d|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b[^.!?\n]{0,25}?"
    r"\b(?:kids|children|siblings|sibs|brothers|sisters|boys|girls|them)\b", re.IGNORECASE)
# what each way into COUNTED starts with, as a word or its start (Source.at_words tries it only there)
COUNTED_HEADS = frozenset({"all", "both", "1", "2", "3", "4", "5", "6", "7", "8", "9", "two", "three", "four", "five",
                           "six", "seven", "eight", "nine", "ten", "eleven", "twelve"})
# one child's brother or sister: a possessive, or an article and a word placing them in the family
_ORDERED = r"(?:older|younger|big|little|elder|eldest|youngest|oldest)"
ONE_SIBLING = re.compile(
    rf"\b(?:(?:his|her|the\s{{1,3}}{_CHILD}['’]s|the\s{{1,3}}(?:twins|triplets|quads|kids|children)['’])\s{{1,3}}"
    rf"{_SIB_ADJ}{_SIB}s?|the\s{{1,3}}{_ORDERED}\s{{1,3}}{_SIB}"
    # a note opening on the sibling, its possessive left out ("big brother is in ...", "little sister goes to ...")
    rf"|(?<![^\n]){_ORDERED}\s{{1,3}}{_SIB})\b",
    re.IGNORECASE)
_PLACE_REACH = 40  # the named place straight after the sibling's verb
_PLACE_VERBS = frozenset({"is", "was", "goes", "went", "lives", "living", "stays", "staying", "placed"})
_CAPITAL_PAIR = re.compile(r"[A-Z][a-z'’]{2,20}\s[A-Z][a-z'’]{2,20}")
_STOP = re.compile(r"[.!?\n]")
_ORDERED_WORDS = frozenset({"older", "younger", "big", "little", "elder", "eldest", "youngest", "oldest"})
# where that brother or sister is: the same school by any name, or a pupil, a year, the sixth form or a post here
SAME_SCHOOL = re.compile(
    r"\bsame\s{1,3}(?:academy|primary|secondary|high|college|setting|sixth\s{1,3}form|unit|pru|infants|juniors"
    r"|grammar|school|class|nursery)\b", re.IGNORECASE)
_HERE_ROLE = re.compile(
    r"\b(?:pupil|student|sixth\s{1,3}form|(?:year|yr)\s{0,2}\d{1,2}|reception|nursery|head\s{1,3}(?:girl|boy|of\s{1,3}"
    r"house)|prefect|captain)\b[^.!?\n]{0,30}?\b(?:here|with\s{1,3}us)\b", re.IGNORECASE)
# a place named in two capitalised words (as typed) that the sibling is in, at or goes to ("is in Thorn Cross",
# "goes to Hollins Park"): a named institution or estate; not a month, day or feast ("is at Christmas Lunch")
NAMED_PLACE = re.compile(
    r"\b(?:is|was|goes|went|lives|living|stays|staying|placed)\s{1,3}(?:in|at|to)\s{1,3}"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|Year|Reception)\b)[A-Z][a-z'’]{2,20}\s[A-Z][a-z'’]{2,20}\b")
# a named school, not any capitalised word after "at" (SCHOOL_NAME's third branch: "the brothers from Syria")
NAMED_SCHOOL = re.compile(
    r"\b[A-Z][\w'’\-]{1,30}(?:\s{1,3}[A-Z][\w'’\-]{1,30}){0,4}\s{1,3}(?:Primary|High|Academy|Grammar|College|School"
    r"|Infants?|Juniors?|Nursery)\b|\b(?:St|Saint|st)\.?\s{1,3}[A-Za-z][a-z'’]{2,30}['’]s\b")

# "all three of the children", "both of their kids": one family's set (with a named school in _set_at_school)
ALL_OF = re.compile(
    r"\b(?:all|both)\s{1,3}(?:(?:two|three|four|five|six|[2-9])\s{1,3})?(?:of\s{1,3})?(?:the|her|his|their)\s{1,3}"
    r"(?:kids|children|siblings|boys|girls|brothers|sisters)\b", re.IGNORECASE)
_SCHOOL_WORDS = frozenset({"primary", "academy", "school", "high", "college", "nursery", "infants", "juniors",
                           "grammar", "st", "saint"})

_TWIN_CUES = frozenset({"his", "her", "their", "the"})
_RARE_WORDS = frozenset({"triplets", "quads", "quadruplets", "quins", "quintuplets", "twins"})
_SIB_WORDS = frozenset({"brother", "sister", "sibling", "stepbrother", "stepsister", "bro", "sis", "twin"})
_ALL = frozenset({"all", "both"})
_SET_WORDS = frozenset({"kids", "children", "siblings", "brothers", "sisters", "boys", "girls", "lads", "ones", "bros"})
_GROUP_WORDS = _SET_WORDS  # (the last word of every SIBLING_GROUP and ALL_OF match)


def family_set_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """One child placed among their brothers and sisters, or a family's set of children placed by their school."""
    if "twin" in words:
        for m in src.at_words(ONE_TWIN, _TWIN_CUES & words):
            yield "sibling", m.start(), m.end()
    if words & _RARE_WORDS:
        for m in src.at_words(RARE_SET, (_RARE_WORDS | {"the", "their", "her", "his"}) & words):
            yield "sibling", m.start(), m.end()
    if "different" in words and words & {"dads", "fathers", "mums", "mothers"}:
        yield from _different_parents(src)
    if words & (_SIB_WORDS | {"brothers", "sisters"}) and words & ({"his", "her", "the"} | _ORDERED_WORDS):
        schooled = bool(words & ({"same", "here", "us"} | _SCHOOL_WORDS))
        named = bool(words & _PLACE_VERBS) and _CAPITAL_PAIR.search(src.text) is not None
        if schooled or named:
            yield from _placed_sibling(src, words, schooled)
    if words & _SET_WORDS and words & ({"the"} | _ALL):
        yield from _set_at_school(src, words)


def _placed_sibling(src: Source, words: frozenset[str], schooled: bool) -> Iterator[Span]:
    """`schooled`: the message holds a school word or "same / here / us", so each sibling's sentence is read for a
    school; otherwise only the few words after it, for a place named in capitals (NAMED_PLACE)."""
    text, done = src.text, -1
    for m in src.at_words(ONE_SIBLING, ({"his", "her", "the"} | _ORDERED_WORDS) & words):
        if m.start() < done:
            continue
        if not schooled:
            stop = _STOP.search(text, m.end(), m.end() + _PLACE_REACH)
            if place := NAMED_PLACE.search(text, m.end(), stop.start() if stop else m.end() + _PLACE_REACH):
                done = place.end()
                yield "sibling", m.start(), place.end()
            continue
        a, b = _sentence(text, m.start(), m.end())
        if where := (src.search(SAME_SCHOOL, a, b) or src.search(_HERE_ROLE, m.end(), b)
                     or NAMED_SCHOOL.search(text, m.end(), b) or _lower_school(text, m.end(), b)
                     or NAMED_PLACE.search(text, m.end(), min(b, m.end() + _PLACE_REACH))):
            done = b
            yield "sibling", m.start(), max(m.end(), where.end())


def _lower_school(text: str, a: int, b: int) -> re.Match[str] | None:
    """A school named in lower case before its school word ("goes to oakfield primary"; not "the local school")."""
    return next((m for m in LOWER_SCHOOL.finditer(text, a, b)
                 if any(w not in NOT_SCHOOL_NAME for w in m.group(1).split())), None)


def _set_at_school(src: Source, words: frozenset[str]) -> Iterator[Span]:
    text, done = src.text, -1
    # (speed: every match holds one of _GROUP_WORDS as a whole word within 40 characters of its start, and a "the"
    # with none there is not tried: "the" starts most sentences)
    sets = src.at_words(SIBLING_GROUP, frozenset({"the"}), near=(_GROUP_WORDS, 40)) if "the" in words else iter(())
    alls = src.at_words(ALL_OF, _ALL & words, near=(_GROUP_WORDS, 40))
    for m in sorted((*sets, *alls), key=lambda m: m.start()):
        if m.start() < done:
            continue
        b = _sentence(text, m.start(), m.end())[1]
        done = b
        if school := NAMED_SCHOOL.search(text, m.end(), b) or lower_school(text, m.end(), b):
            yield "sibling", m.start(), school.end()


def _different_parents(src: Source) -> Iterator[Span]:
    text, done = src.text, -1
    for m in src.at_words(DIFFERENT_PARENTS, frozenset({"different"})):
        if m.start() < done:
            continue
        a, b = _sentence(text, m.start(), m.end())
        done = b
        if count := src.search(COUNTED, a, b):
            yield "sibling", min(count.start(), m.start()), max(count.end(), m.end())
