"""A first name and a surname as what a note is about (round 40): "referral re holly marsh, dob to follow", "update
on ivy moss?", "ref: jade whitworth, absent". names.py takes a first name that is also a word ("holly", "ruby")
only in a name position, and a lower-case surname only when it is no English word; after a subject cue
(vocabulary subject_cues) a pair ending its phrase (punctuation, the message's end, or subject_ends: "please",
"dob") is the person the note is about. The first word is in the first-name lists; the second in the surname lists
or in no list (or a place that is no English word: many surnames are towns), and never a street, setting,
organisation or service word ("re hope street", "update on rose hill school", "re jade team" pass). Found from
the cue words (Source.at_words): linear time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from bot.privacy.lexicon import alternation, fold, lexicon
from bot.privacy.patterns import Source, Span

_WORD = r"[^\W\d_][^\W\d_'’]{1,30}(?:-[^\W\d_]{2,30})?"


@functools.cache
def _pattern() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    v = lexicon().vocab
    cues = alternation(v.subject_cues).replace(r"\ ", r"\s{1,3}")
    ends = alternation(v.subject_ends)
    pattern = re.compile(
        rf"(?:{cues})\b[.:]?\s{{1,3}}({_WORD})\s({_WORD})(?=\s{{0,2}}(?:[,.;:?!()\-–]|$)|\s{{1,3}}(?:{ends})\b)",
        re.IGNORECASE)
    starts = frozenset(c.split()[0] for c in v.subject_cues)
    v_out = (v.street_types | v.org_words | v.service_units | v.settings | v.venue_words | v.not_names | v.acronyms
             | v.service_acronyms | v.common_words | v.case_nouns | v.subject_ends)
    return pattern, starts, frozenset(v_out)


def _first(word: str) -> bool:
    lex = lexicon()
    w = fold(word.lower())
    return all(p in lex.first_names for p in w.split("-")) and w not in lex.vocab.not_names


def _last(word: str, out: frozenset[str]) -> bool:
    lex = lexicon()
    w = fold(word.lower().replace("’", "'"))
    if w in out:
        return False
    if w in lex.surnames:
        return True
    return (w not in lex.proper_nouns and w not in lex.english and w not in lex.rare_english
            and w.replace("-", "").replace("'", "").isalpha())


@functools.cache
def _apposed() -> tuple[re.Pattern[str], frozenset[str]]:
    v = lexicon().vocab
    people = v.person_relations | v.apposed_people
    return re.compile(
        rf"(?:{alternation(people)})\s{{0,2}},\s{{1,3}}({_WORD})\s({_WORD})(?=\s{{0,2}}(?:[,;:()\-–]|$))",
        re.IGNORECASE), frozenset(p.split()[0] for p in people)


def _unlisted(word: str) -> bool:
    lex = lexicon()
    w = fold(word.lower())
    return (w.replace("-", "").isalpha() and w not in lex.english and w not in lex.rare_english
            and w not in lex.places and w not in lex.proper_nouns and w not in lex.vocab.not_names)


def apposed_name_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """'her ex, lukasz zielinski, was at the gates': a relative, a comma, then two words ending their phrase, the
    first a first name or in no list, the second a surname or in no list ('her mum, nan and grandad' passes)."""
    pattern, cues = _apposed()
    if "," not in src.text or words.isdisjoint(cues):
        return
    text, out = src.text, _pattern()[2]
    for m in src.at_words(pattern, words & cues, as_typed=True):  # (\W classes: not lower-cased)
        first, last = text[m.start(1):m.end(1)], text[m.start(2):m.end(2)]
        if (_first(first) or _unlisted(first)) and _last(last, out) and fold(first.lower()) not in out:
            yield "name", m.start(1), m.end(2)


# Two capitalised words, then a child's age or school year ("Ruby Ward, 12,", "Rose Brook (year 5)", "Amber Stone in
# 9B"): group "age" when an age follows, "year" when a school year or form does
_AGED_PAIR = re.compile(
    r"([A-Z][a-z'’]{1,20})\s([A-Z][a-z'’]{1,30}(?:-[A-Z][a-z'’]{1,30})?)(?=\s{0,2}(?:(?P<age>,\s{0,2}(?:aged?\s{0,2})?"
    r"\d{1,2}\s{0,2}(?:yo\b|y/o)?\s{0,2}(?:,|\)|$)|\(\s{0,2}(?:aged?\s{0,2})?\d{1,2}\s{0,2}(?:yo|y/o)?\s{0,2}\))"
    r"|(?P<year>[,\-–]?\s{0,2}\(?\s{0,2}(?:in\s{1,3})?(?:(?:[Yy]ear|[Yy]r)\s{0,2}|[Yy])(?:[1-9]|1[0-3])\b"
    r"|\s(?:in\s{1,3})?(?:[1-9]|1[0-3])[A-Z]\b)))")


_NOT_LETTER = re.compile(r"[^a-z]+")
_DIGITS = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
_PAIR_BACK = 72  # two words of a name and the cue before the age


def _in_role(text: str, end: int, roles: frozenset[str]) -> bool:
    """Whether a role is named in the few words after a school year ("year 9 pastoral lead", "yr 11 head of year")."""
    after = f" {_NOT_LETTER.sub(' ', text[end:end + 40].lower())} "
    return any(f" {r} " in after for r in roles)


def aged_pair_spans(src: Source, words: frozenset[str], digits: bool) -> Iterator[Span]:
    """A first name and a surname, both also words or places, with a child's age or school year straight after
    them ("Ruby Ward, 12,", "Rose Brook (year 5) told"): the age makes the pair a person. A street's type is never
    the surname ("Hope Street, 12,": an address), nor an organisation's word before a school year ("Grace Hall
    (year 7 assembly)")."""
    if not digits:
        return
    lex = lexicon()
    v, text, done = lex.vocab, src.text, -1
    # (found back from each age or year's digits, the window before it searched once per distinct text: a message's
    # many first-name words need not each be tried)
    for d in _DIGITS.finditer(text):
        if d.start() < done or not (m := src.search(_AGED_PAIR, max(done, d.start() - _PAIR_BACK), d.end() + 4,
                                                    as_typed=True)):
            continue
        done = m.end()
        first, last = fold(m.group(1).lower()), fold(m.group(2).lower())
        if (first not in lex.first_names or last in v.street_types or (m.group("year") and last in v.org_words)
                or not all(p in lex.surnames for p in last.split("-"))
                or f"{first} {last}" in v.published_people or text[max(0, m.start() - 1):m.start()].isalpha()
                or (m.group("year") and _in_role(text, m.end(), v.professional_roles | v.setting_staff_roles))):
            continue  # (not "Colin Rees (Year 9 pastoral lead)": a worker in role)
        yield "name", m.start(1), m.end(2)


def subject_name_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    pattern, starts, out = _pattern()
    if words.isdisjoint(starts):
        return
    text, published = src.text, lexicon().vocab.published_people
    for m in src.at_words(pattern, words & starts, as_typed=True):  # (\W classes: not lower-cased)
        first, last = text[m.start(1):m.end(1)], text[m.start(2):m.end(2)]
        if _first(first) and _last(last, out) and f"{first} {last}".lower() not in published:
            yield "name", m.start(1), m.end(2)


# "does bradley smith meet threshold", "would amelia st john meet the criteria for early help": a threshold question
# about a child named in full, typed in any case; the saint particle ("st john") part of the surname
THRESHOLD_SUBJECT = re.compile(
    rf"(?:does|do|would|will|could|did)\s{{1,3}}({_WORD})\s((?:st\.?\s|saint\s)?{_WORD})\s{{1,3}}"
    r"(?:meet|meets|reach|hit|qualify)\b(?:\s{1,3}(?:the|any))?\s{1,3}(?:threshold|criteria|for)\b",
    re.IGNORECASE)
_ASKS = frozenset({"does", "do", "would", "will", "could", "did"})


def threshold_subject_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """A child named in full as a threshold question's subject; not a pronoun, a family or a service ("does the family
    meet", "would early help meet": the first word a first name or in no list, the second a surname or in no list)."""
    if words.isdisjoint({"threshold", "criteria", "qualify"}) or words.isdisjoint(_ASKS):
        return
    text, out = src.text, _pattern()[2]
    for m in src.at_words(THRESHOLD_SUBJECT, words & _ASKS, as_typed=True):  # (\W classes: not lower-cased)
        first, last = text[m.start(1):m.end(1)], text[m.start(2):m.end(2)].split()[-1]
        if (_first(first) or _unlisted(first)) and fold(first.lower()) not in out and (
                _last(last, out) or " " in text[m.start(2):m.end(2)]):
            yield "name", m.start(1), m.end(2)
