"""A school named with a year group in one sentence ("she's in Year 7 at St Chad's"), or a school only schools are
named for with a pupil's word in its sentence ("she goes to Birchwood High School"); patterns.py holds the patterns
(moved out of patterns.py, which stays under 400 lines)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from bot.privacy.headed import at_heads
from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import (
    _NEAR,
    _SCHOOL_GATE,
    _YEAR_GATE,
    FORM,
    FORM_AT,
    SCHOOL_NAME,
    SCHOOL_STRONG,
    YEAR_GROUP,
    Source,
    Span,
    _sentence,
    detectors,
    has_digit,
    words_of,
)
from bot.privacy.published import LOWER_AT, LOWER_NAMED, LOWER_SCHOOL, SCHOOL_IN, child_at_school, lower_school
from bot.privacy.source import MANY_CUES, _reach_back

# what each way into YEAR_GROUP starts with, as a word or its start: it is tried only there (Source.at_words)
YEAR_HEADS = frozenset({"y", "fs", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "first", "second", "third",
                        "fourth", "fifth", "sixth", "key", "ks", "reception", "nursery", "class", "lower", "upper",
                        "in", "foundation", "form", "tutor"})

# A form typed in lower case or named by a word after its year, then "at" its school (round 32): "in 11c at
# greenfields high", "in 8 willow at grange community school", its tutor's two letters too ("in 8km at", round 52); not
# a count ("in 2 weeks at", "in 3 sessions at").
FORM_LOWER = re.compile(
    r"\bin\s{1,2}(?:(?:[7-9]|1[0-3])(?!(?:th|st|nd|rd|am|pm)\b)(?-i:[a-z]{1,2})|(?:[1-9]|1[0-3])\s{1,2}(?!(?:weeks?|days?|months?|years?|yrs?|hours?|hrs?|"
    r"mins?|minutes?|times?|sessions?|visits?|cases?|places?|schools?|of|and|or|to|more|other|different|separate)\b)"
    r"[a-z]{3,15})(?=\s{1,3}at\s)", re.IGNORECASE)
# A nursery's room or an infant class named by a word, with its setting named in the sentence (round 32): "in the
# funded 2s room at Bluebell Nursery", "in puffins class, Grange Infant School"; read only with a setting's word.
CLASS_NAME = re.compile(
    r"\b(?!(?:the|a|an|this|that|same|his|her|their|our|my|whole|other|next|one|maths?|english|science|art|music|pe|"
    r"reception|nursery|year|form|top|bottom|middle|lower|upper|meeting|staff|waiting|family|contact|class|big|"
    r"main|quiet|sensory|calm|play|dining|living|spare|school|sitting|visiting|interview|therapy|hospital|court|"
    r"changing|treatment|consulting|break|back|front|side|box|bed|bath|store|chat|zoom|teams|tea)\b)"
    r"(?:\d{1,2}s|[a-z][a-z\-]{2,15})\s{1,2}(?:room|class)\b", re.IGNORECASE)  # ("pre-school room": round 33)
_ROOM_WORD = re.compile(r"\b(?:room|class)\b", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(?<![\w'’\-])(?:\d{1,2}s|[A-Za-z][A-Za-z\-]{2,15})\s{1,2}$")
# A school named straight before a year group given to one child (round 33): "Moorcroft Y7 girl", "the Holmwood year 4
# boy", "ravenswood academy yr 9 lad": a capitalised word in no word list, or a word in none before a school word; not
# a partnership's area or a day ("Cheshire Y6 pupil premium", "Monday Y5 assembly").
_NAMED_BEFORE = re.compile(
    r"(?<![\w'’\-])([A-Za-z][\w'’\-]{2,30})(\s{1,2}(?i:high|primary|academy|grammar|college|school|juniors|infants))?"
    r"\s{1,2}$")
_ONE_CHILD_AFTER = re.compile(r"\s{1,2}(?:boy|girl|lad|lass|pupil|student|child|kid)\b(?!\s{1,2}premium)",
                              re.IGNORECASE)
# A form set off by punctuation before one child (round 37): "St Bede's Widnes, 4F - boy", "Fairfield High 9C, girl";
# its school is looked for in its sentence as any year group's is. Not money or a size ("5K run", "4G signal"). (Led
# by a digit, its look-behind after it: the engine skips to digits, where a look-behind first was tried everywhere.)
FORM_CHILD = re.compile(r"[1-9](?<![\w£$€.][1-9])(?:(?<=1)[0-3])?[A-Z]\d?(?![\w%])"
                        r"(?=\s{0,2}[,\-–—:]?\s{1,2}(?:a\s{1,2})?(?i:boy|girl|lad|lass|pupil|student|child|kid)\b)")
_CHILD_WORDS = frozenset({"boy", "girl", "lad", "lass", "pupil", "student", "child", "kid"})
_SETTING_WORDS = frozenset({"nursery", "preschool", "pre-school", "playgroup", "infant", "infants", "creche"})


def school_detectors(src: Source, words: frozenset[str]) -> list[Iterator[Span]]:
    return [_schools(src, words)] if words & (_YEAR_GATE | _SCHOOL_GATE | {"in"}) or (
        words & _CHILD_WORDS and has_digit(src.text)) else []


def shapes(text: str) -> Iterator[Span]:
    """Every span of an identifier shape in `text` (patterns.py's detectors and the schools'; moved here from
    patterns.py with the schools)."""
    src, words = Source(text), words_of(text)
    for detector in [*detectors(src, words), *school_detectors(src, words)]:
        yield from detector


def _school_near(src: Source, a: int, b: int) -> tuple[int, int] | None:
    """Where a school is named in a year group's sentence text[a:b] (offsets from a)."""
    school = SCHOOL_NAME.search(src.text, a, b)
    while school is not None and _referred_to(src.text, school.start(), a):
        school = SCHOOL_NAME.search(src.text, school.end(), b)
    school = school or lower_school(src.text, a, b)
    return None if school is None else (school.start() - a, school.end() - a)


def _referred_to(text: str, start: int, a: int) -> bool:
    """SCHOOL_NAME's "to X" at `start` is where a referral verb sends someone ("signpost yr 10s to Brook"): a service,
    not the school of the year group (round 37). The verb is read in the 40 characters before, within the sentence."""
    return text.startswith("to", start) and not words_of(text[max(a, start - 40):start]).isdisjoint(
        lexicon().vocab.referral_verbs)


def _school_of_year(src: Source, start: int, _key_end: int, length: int) -> tuple[int, int] | None:
    """Where a school is named in the sentence of the year group at text[start:start + length] (from its start)."""
    a, b = _sentence(src.text, start, start + length)
    school = _school_near(src, a, b)
    if school is None and a > 1 and not src.text[a:start].strip() and _LABEL.match(src.text, start):
        # "School: X Primary. Class: 5S.": a form's labelled fields, one to a sentence (round 49)
        a, b = _sentence(src.text, a - 2, a - 2)[0], a
        school = _school_near(src, a, b)
    return None if school is None else (a - start + school[0], a - start + school[1])


_LABEL = re.compile(r"(?:class|year|form|tutor\s{1,2}group)\s{0,2}:", re.IGNORECASE)


def _school_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a school is named straight before the year group at text[start:end] that one child is given (offsets
    from start), or None."""
    if not _ONE_CHILD_AFTER.match(text, end, end + 16) or (m := _NAMED_BEFORE.search(text, max(0, start - 48),
                                                                                     start)) is None:
        return None
    lex, word = lexicon(), m.group(1).lower()
    v = lex.vocab
    if word in lex.english or word in lex.rare_english or word in v.common_words or word in v.local_places or (
            word in v.not_name_times or word in v.titles or not (m.group(2) or m.group(1)[0].isupper())):
        return None
    return m.start() - start, (m.end(2) if m.group(2) else m.end(1)) - start


def _pupil_in(src: Source, a: int, b: int) -> bool:
    return child_at_school(src.lower, a, b)


_SCHOOL_PATTERNS = (SCHOOL_NAME, LOWER_SCHOOL, LOWER_AT, SCHOOL_IN, LOWER_NAMED)  # all _school_near searches
_NAMED_SUFFIXES = frozenset({"primary", "high", "academy", "grammar", "infants", "juniors", "college"})
_SCHOOL_BACK = max(map(_reach_back, _SCHOOL_PATTERNS))


def _class_names(src: Source, words: frozenset[str]) -> Iterator[re.Match[str]]:
    """CLASS_NAME's matches: a room for an age ("2s room") as it is, a room or class named by a word ("blue room") only
    with a child's word in its sentence ("met in the blue room at X Hub" is a meeting)."""
    text, v = src.text, lexicon().vocab
    child = not words.isdisjoint(v.pupil_cues) or not words.isdisjoint(v.role_words)  # (else only rooms for an age)
    named = 0
    for word in src.finditer(_ROOM_WORD):  # (the room word found first: the name before it tried only there)
        before = _WORD_BEFORE.search(text, max(0, word.start() - 18), word.start())
        if before is None or (m := CLASS_NAME.match(text, before.start())) is None:
            continue
        if m.group()[0].isdigit():
            yield m
            continue
        named += 1
        if named > MANY_CUES:  # (a message naming more rooms than this is no note about one child)
            return
        if not child:
            continue
        a, b = _sentence(src.text, m.start(), m.end())
        # (each sentence read once per distinct text, as SCHOOL_STRONG's below)
        if src.local(_pupil_in, a, b, 0) if src.low is not None else _pupil_in(src, a, b):
            yield m


def _forms(src: Source) -> Iterator[re.Match[str]]:
    """FORM's matches, tried only where the word "in" stands (each starts there: "in", a space), not at every "in"
    the text holds ("into", "training"): the same matches."""
    if src.low is None:
        return FORM.finditer(src.text)
    return src.at_starts(FORM, iter(src.word_starts(frozenset({"in"}))))


def _forms_lower(src: Source) -> Iterator[re.Match[str]]:
    """FORM_LOWER's matches, tried only where a word starts with "in" (Source.at_words; as typed, for its case-bound
    letter), not by the engine at every character; a dotless i, which the pattern's "i" matches ignoring case, and
    lower case keeps, sends the text to the engine (speed: the same matches)."""
    if "ı" in src.text:
        return FORM_LOWER.finditer(src.text)
    return src.at_words(FORM_LOWER, frozenset({"in"}), as_typed=True)


def _schools(src: Source, words: frozenset[str]) -> Iterator[Span]:
    text = src.text
    forms = [*(_forms(src) if "in" in words and has_digit(text) else ()),
             *(FORM_AT.finditer(text) if "at" in words and has_digit(text) else ()),
             *(islice(_forms_lower(src), MANY_CUES) if {"in", "at"} <= words and has_digit(text) else ()),
             *(_class_names(src, words) if words & _SETTING_WORDS and words & {"room", "class"} else ()),
             *(islice(FORM_CHILD.finditer(text), MANY_CUES) if words & _CHILD_WORDS and has_digit(text) else ())]
    # each sentence read once per distinct text (Source.local); with many year groups, none if no school could be
    years = [*(at_heads(src, YEAR_GROUP, YEAR_HEADS) if words & _YEAR_GATE else ()), *forms]
    if len(years) > MANY_CUES and not any(src.anywhere(p) for p in _SCHOOL_PATTERNS
                                          if p is not LOWER_NAMED or words & _NAMED_SUFFIXES):
        years = []
    before = 0  # year groups asked for a school just before them (_school_before)
    for year in years:
        # (the year's sentence and the school in it read once per distinct text around it: Source.local)
        start, end = year.start(), year.end()
        school = src.local(_school_of_year, start, end + _NEAR + 1, _NEAR + _SCHOOL_BACK, end - start, typed=True)
        if not school and before < MANY_CUES and _ONE_CHILD_AFTER.match(text, end, end + 16):
            before += 1
            school = _school_before(text, start, end)
        if school:
            yield "school_year", start, end
            yield "school_year", start + school[0], start + school[1]
    if words & _SCHOOL_GATE:
        for m in SCHOOL_STRONG.finditer(text):
            # "Birchwood High School hosted the forum" names a school; "she goes to ..." places a child in it
            a, b = _sentence(text, m.start(), m.end())
            # (lower case that changes the length moves every offset after it: that text is read as it always was)
            if src.local(_pupil_in, a, b, 0) if src.low is not None else _pupil_in(src, a, b):
                yield "school_year", m.start(), m.end()
