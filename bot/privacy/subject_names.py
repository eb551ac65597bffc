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
