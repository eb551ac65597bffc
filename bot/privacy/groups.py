"""A child's named group: the club, troop, choir or team they belong to, the named class they are in at school, and a
family named as the label of a minutes line (round 26).

Why: "the helper at 2nd Thornby Cubs", "boxes at Riverside ABC", "sings in the abbey choir" or "Reception class
(Hedgehogs)" narrow a child to the few dozen children of one named group, as a school with a year group does; "Okafor -
all 3 kids stay on a plan" names a family as the heading of its line of minutes. Each pattern starts at a few cue words
found first (Source.at_words), with bounded quantifiers: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import Source, Span

_NAME = r"[A-Z][\w'’\-]{1,20}"
# A numbered uniformed group: "2nd Thornby Cubs", "3rd Riverside Guides" (any place or church before the section).
NUMBERED_TROOP = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)\s{1,3}(?:[\w'’\-]{2,20}\s{1,3}){1,3}?"
    r"(?:scouts?|scout\s{1,3}group|cubs|beavers|squirrels|explorers|brownies|guides|rainbows|"
    r"boys['’]?\s{1,3}brigade|girls['’]?\s{1,3}brigade)\b", re.IGNORECASE)
_TROOP_CUES = frozenset({"scouts", "scout", "cubs", "beavers", "squirrels", "explorers", "brownies", "guides",
                         "rainbows", "brigade"})
# A club named before its sport or its letters: "at Riverside ABC", "for Thornby Juniors FC", "at Millbrook judo club".
_SPORTS = (r"(?:amateur\s{1,3})?(?:boxing|football|rugby|swimming|swim|gymnastics|gym|cricket|netball|judo|karate|"
           r"kickboxing|taekwondo|dance|drama|athletics|hockey|cycling|running|wrestling|basketball|tennis|golf|"
           r"martial\s{1,3}arts)")
NAMED_CLUB = re.compile(
    rf"\b(?:at|for|with|from|in|joined|attends|coach\s{{1,3}}at)\s{{1,3}}(?:the\s{{1,3}})?({_NAME}(?:\s{{1,3}}{_NAME})"
    rf"{{0,2}})\s{{1,3}}(?:(?:ABC|A\.B\.C\.|JFC|AFC|FC|RFC|ARLFC)\b|{_SPORTS}\s{{1,3}}(?:club|academy|squad|team)\b)")
_CLUB_CUES = frozenset({"abc", "fc", "jfc", "afc", "rfc", "arlfc", "club", "academy", "squad", "team"})
_CLUB_VERBS = frozenset({"at", "for", "with", "from", "in", "joined", "attends"})
# A child's own group described by what they do in it: "sings in the abbey choir", "plays for Thornby's academy,
# under 14s" (a word naming the group between the article and the group: not "plays in a band").
MEMBERSHIP = re.compile(
    r"\b(?:sings|sang|singing|plays|played|playing|trains|trained|training|swims|swam|swimming|dances|danced|dancing|"
    r"boxes|boxed|performs|performed|captains|captained)\s{1,3}(?:in|for|at|with)\s{1,3}"
    r"(?:the\s{1,3}|his\s{1,3}|her\s{1,3}|their\s{1,3})?(?:[\w'’\-]{2,20}\s{1,3}){1,3}?"
    r"(?:choir|academy|squad|orchestra|troupe|club|team|band|brigade)\b", re.IGNORECASE)
_MEMBER_CUES = frozenset({"sings", "sang", "singing", "plays", "played", "playing", "trains", "trained", "training",
                          "swims", "swam", "swimming", "dances", "danced", "dancing", "boxes", "boxed", "performs",
                          "performed", "captains", "captained"})
# Words between the verb and the group that describe no one group ("plays for the local team", "the same club").
_VAGUE = frozenset({"local", "same", "other", "school", "school's", "new", "old", "under", "any", "a", "an", "one",
                    "football", "rugby", "sports", "sport", "youth", "junior", "juniors", "boys", "girls", "kids",
                    "children's", "under-age", "first", "second", "reserve", "reserves", "home", "away", "his",
                    "her", "their", "whole", "lunchtime", "after-school", "breakfast", "homework", "holiday"})
# A school class with its own name: "Reception class (Hedgehogs)", "Year 2 (Oak class)", "in Puffins class".
CLASS_NAMED = re.compile(
    r"(?:reception|nursery|preschool|pre-school|year\s{0,2}\d{1,2}|yr\s{0,2}\d{1,2}|y\d{1,2}|class)"
    r"(?:\s{1,3}class)?\s{0,3}\(\s{0,2}([a-z][\w'’\-]{2,20})(?:\s{1,2}class)?\s{0,2}\)", re.IGNORECASE)
_CLASS_CUES = frozenset({"reception", "nursery", "preschool", "pre", "year", "yr", "class"})
# ... and the capitalised name just before "class" (the text before each "class" is read, backwards from it)
BEFORE_CLASS = re.compile(r"\b(?:in|joined|from|to)\s{1,3}([A-Z][a-z'’\-]{2,20})\s{1,3}$")
# What makes "X class" a kind of class, not a class's name.
_CLASS_KINDS = frozenset({"working", "middle", "upper", "lower", "first", "second", "third", "world", "business",
                          "economy", "master", "top", "same", "this", "that", "each", "every", "one", "another",
                          "which", "whole", "special", "mainstream", "parenting", "antenatal", "exercise", "yoga",
                          "language", "english", "maths", "art", "music", "swimming", "dance", "reception",
                          "nursery", "the", "a", "her", "his", "their", "my", "our", "your", "own"})
# A family named as the label of a line of minutes: "Okafor - all 3 kids remain on plans" (read backwards from the
# children's word).
MINUTES_FAMILY = re.compile(
    r"(?:^|\n|[:;]\s{0,3})\s{0,3}([A-Z][a-z'’\-]{2,20})\s{1,3}[-–—:]\s{1,3}(?:all\s{1,3}|both\s{1,3}|the\s{1,3})?"
    r"(?:\d{1,2}\s{1,3}|two\s{1,3}|three\s{1,3}|four\s{1,3}|five\s{1,3}|six\s{1,3}|seven\s{1,3})?$")
_FAMILY_CUES = frozenset({"kids", "children", "siblings", "sibs", "boys", "girls", "twins", "triplets", "family"})
_FAMILY_WORD = re.compile(r"(?:kids|children|siblings|sibs|boys|girls|twins|triplets|family)\b", re.IGNORECASE)


@cache
def _not_family() -> frozenset[str]:
    """Words that label a line of minutes without naming a family: places (but for surnames that are also a town
    far away, "Leigh"), services, roles, ordinary headings."""
    lex = lexicon()
    v = lex.vocab
    headings = {"all", "action", "actions", "update", "updates", "outcome", "agreed", "decision", "note", "notes",
                "item", "items", "re", "regarding", "summary", "attendees", "present", "apologies", "agenda", "minutes",
                "mins", "concerns", "risk", "risks", "plan", "plans", "both", "other", "looked", "cla", "lac", "cin",
                "cp", "safeguarding", "school", "schools", "health", "police"}
    return frozenset((lex.places - lex.surnames) | v.local_places | v.role_words | v.org_words | v.acronyms
                     | v.service_acronyms | headings)


def group_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """A child's named club, troop, choir or team (kind "combination")."""
    if words & _TROOP_CUES and any(ch.isdigit() for ch in src.text):
        yield from (("combination", m.start(), m.end()) for m in src.finditer(NUMBERED_TROOP)
                    if m.group(0).split()[1].lower() not in ("line", "time", "year"))
    if words & _CLUB_CUES and words & _CLUB_VERBS:
        lex = lexicon()
        for m in src.at_words(NAMED_CLUB, _CLUB_VERBS & words, as_typed=True):
            first = m.group(1).split()[0].lower()
            if first not in lex.vocab.org_words and first not in lex.vocab.acronyms:
                yield "combination", m.start(), m.end()
    if words & _MEMBER_CUES:
        for m in src.at_words(MEMBERSHIP, _MEMBER_CUES & words):
            named = m.group(0).split()[2:-1]
            if named and named[0].lower() in ("the", "his", "her", "their"):
                named = named[1:]
            if named and not all(w.lower() in _VAGUE for w in named):
                yield "combination", m.start(), m.end()


def class_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """A school class with its own name (kind "school_year")."""
    if "(" in src.text:
        cues = (_CLASS_CUES & words) | {w for w in words if w[:1] == "y" and w[1:].isdigit()}
        for m in src.at_words(CLASS_NAMED, frozenset(cues)):
            if m.group(1).lower() not in _CLASS_KINDS:
                yield "school_year", m.start(), m.end()
    if "class" not in words:
        return
    text = src.text
    low = src.low if src.low is not None else text.lower()
    at = low.find("class")
    while at >= 0:
        if not low[at + 5:at + 6].isalnum() and (m := BEFORE_CLASS.search(text, max(0, at - 32), at)) \
                and m.group(1).lower() not in _CLASS_KINDS:
            yield "school_year", m.start(), at + 5
        at = low.find("class", at + 5)


def minutes_family_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """A family's surname as the label of a minutes line (kind "family_name")."""
    if not words & _FAMILY_CUES or not any(d in src.text for d in "-–—:"):
        return
    skip = _not_family()
    text = src.text
    for cue in src.at_words(_FAMILY_WORD, _FAMILY_CUES & words):
        m = MINUTES_FAMILY.search(text, max(0, cue.start() - 48), cue.start())
        if m and m.group(1).lower().rstrip("'’") not in skip:
            yield "family_name", m.start(1), m.end(1)


def group_detectors(src: Source, words: frozenset[str]) -> list[Iterator[Span]]:
    return [group_spans(src, words), class_spans(src, words), minutes_family_spans(src, words)]
