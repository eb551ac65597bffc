"""Places named by their own parts rather than a number (round 43).

- A house known by its name, then its lane or road: "Rosebank Cottage, Lower Lane, Hebden", "ivy farm, mill road".
  A word ending the house's name (vocabulary house_name_words: cottage, farm, barn...; not hall, house or lodge,
  which offices and care homes use), a comma, then one or two words and a street type. The house's first word is no
  small or generic word ("the farm, school lane" passes). An address.
- A named nursery's room: "Oakwood Nursery, Ladybird room", "the toddler room at Little Owls Pre-school". The room
  placed in the nursery's sentence (60 characters either way) is named with a capital or by age (vocabulary
  nursery_age_rooms), not a room any setting has (generic_rooms: "the Family room"). It places a child as a school
  year does, with a child or a person in the sentence (informal.py's lodger cues: "the 3yo", "she"): school_year
  ("Sunnyside Nursery's Forest room opens in May" passes).
- A named college's course by its level: "attends Bishop Auckland College, level 2 construction", "doing level 3
  childcare at Riverside College"; not a level of training (course_not_words: "level 3 safeguarding training").

Each reads from a cue word found with str.find (Source.at_words / word_starts), in bounded windows: linear time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from bot.privacy.informal import _LODGER
from bot.privacy.lexicon import alternation, vocabulary
from bot.privacy.patterns import Source, Span

_REACH = 60
_SMALL = frozenset({"the", "a", "an", "this", "that", "our", "my", "her", "his", "their", "your", "same", "one", "no",
                    "old", "new", "local", "at", "to", "in", "on"})
_STOP = re.compile(r"[.!?\n;]")


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    v = vocabulary()
    types = alternation(v.street_types_named | v.street_types_place | v.street_types_numbered)
    house = alternation(v.house_name_words)
    return {
        "house": re.compile(rf"\b([a-z][a-z'’\-]{{1,25}})\s{{1,2}}(?:{house})\s{{0,2}},\s{{0,3}}"
                            rf"((?:[a-z][a-z'’\-]{{1,25}}\s{{1,2}}){{1,2}})(?:{types})\b", re.IGNORECASE),
        # a nursery named with a capital before its word, typed ("Oakwood Nursery", "Little Owls pre-school")
        "nursery": re.compile(r"\b(?:[A-Z][\w'’\-]{1,25}\s{1,2}){1,3}(?:[Dd]ay\s{1,2})?(?:[Nn]ursery|[Pp]re-?[Ss]chool|"
                              r"[Pp]laygroup|[Cc]r[eè]che)\b"),
        "room": re.compile(rf"\b(?:({alternation(v.nursery_age_rooms)})|([A-Z][a-z]{{2,20}}))\s{{1,2}}[Rr]oom\b"),
        "college": re.compile(r"\b(?:[A-Z][\w'’\-]{1,25}\s{1,2}){1,3}(?:College|Sixth\s{1,2}Form)\b"),
        "level": re.compile(r"\b(?:level|lvl)\s{0,2}[1-3]\s{1,2}([a-z]{3,20})\b", re.IGNORECASE),
    }


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo, hi = max(0, start - _REACH), min(len(text), end + _REACH)
    before = [m.end() for m in _STOP.finditer(text, lo, start)]
    after = _STOP.search(text, end, hi)
    return (before[-1] if before else lo), (after.start() if after else hi)


def named_part_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    v = vocabulary()
    p = _patterns()
    text = src.text
    if "," in text and not words.isdisjoint(v.house_name_words):
        generic = v.generic_street_words
        for m in src.finditer(p["house"]):
            first, street = m.group(1).lower(), m.group(2).split()[-1].lower()
            if first not in _SMALL and street not in generic and street not in _SMALL:
                yield "address", m.start(), m.end()
    if "room" in words and not words.isdisjoint(_NURSERY_WORDS):
        generic = v.generic_rooms
        for m in _named(src, p["nursery"], words & _NURSERY_WORDS):
            lo, hi = _sentence(text, m.start(), m.end())
            for r in p["room"].finditer(text, lo, hi):
                if (r.group(1) or r.group(2).lower() not in generic) and _LODGER.search(text, lo, hi):
                    yield "school_year", min(m.start(), r.start()), max(m.end(), r.end())
                    break
    if not words.isdisjoint(_COLLEGE_WORDS) and ("level" in words or "lvl" in words):
        not_course = v.course_not_words
        for m in _named(src, p["college"], words & _COLLEGE_WORDS):
            lo, hi = _sentence(text, m.start(), m.end())
            for c in p["level"].finditer(text, lo, hi):
                if c.group(1).lower() not in not_course and _LODGER.search(text, lo, hi):
                    yield "school_year", min(m.start(), c.start()), max(m.end(), c.end())
                    break


_NURSERY_WORDS = frozenset({"nursery", "preschool", "pre", "playgroup", "creche", "crèche"})
_COLLEGE_WORDS = frozenset({"college", "sixth"})


def _named(src: Source, pattern: re.Pattern[str], cues: frozenset[str]) -> Iterator[re.Match[str]]:
    """The setting named with capitals before each cue word (the 60 characters before it, typed), once each."""
    text, end = src.text, -1
    for pos in src.word_starts(cues):
        if pos < end:
            continue
        m = pattern.search(text, max(0, pos - 60), min(len(text), pos + 20))
        if m is not None and m.start() < pos < m.end() + 1 and m.start() >= end:
            end = m.end()
            yield m
