"""Personal numbers that are no agency's record: a national insurance number, a bank card or account, a passport,
a prisoner's number, an IP address. Each belongs to one person as surely as a name does, and practitioners pass
them on when they are helping another agency trace a parent ("dad's NI number is ...", "mum's card ending 4421").

A shape alone is enough where nothing else is written that way (a national insurance number in capitals); the
rest are looked for only in the few words after their cue word (vocabulary.yaml: personal_number_cues), so practice
text about cards, accounts or IP policies ("card payments are taken online", "the IP address policy") passes.
Bounded quantifiers, cue words found with str.find: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import alternation, lexicon
from bot.privacy.source import Source, _reach_ahead, _reach_back

Span = tuple[str, int, int]

# Two letters, six digits in pairs or together, one letter A-D ("QQ 12 34 56 C", "jt449102b"); in capitals with no
# cue ("[A-Z](?<![A-Za-z0-9][A-Z])" is "a capital at a word's start" in a form the regex engine scans for quickly).
NINO = re.compile(r"[A-Za-z]{2}\s{0,2}\d{2}\s{0,2}\d{2}\s{0,2}\d{2}\s{0,2}[A-Da-d](?![A-Za-z0-9])")
NINO_CAPITALS = re.compile(r"[A-Z](?<![A-Za-z0-9][A-Z])[A-Z]\s{0,2}\d{2}\s{0,2}\d{2}\s{0,2}\d{2}\s{0,2}[A-D]"
                           r"(?![A-Za-z0-9])")
# A prisoner's number: one letter, four digits, two letters ("A1234BC").
PRISONER = re.compile(r"[A-Za-z]\d{4}[A-Za-z]{2}(?![A-Za-z0-9])")
# The last digits of a card or account ("card ending 4421", "account ends in 7730", "last four digits 1234").
ENDING = re.compile(r"(?:ending|ends|ended|last\s{1,3}(?:4|four)(?:\s{1,3}digits)?)(?:\s{1,3}(?:in|with|is|are|of))?"
                    r"[\s:\-]{1,3}\d{3,4}\b", re.IGNORECASE)
SORT_CODE = re.compile(r"\d{2}[\s\-]\d{2}[\s\-]\d{2}\b|\d{6}\b")
CARD_NUMBER = re.compile(r"\d(?<![\d\-]\d)\d{3}[\s\-]\d{4}[\s\-]\d{4}[\s\-]\d{4}(?![\d\-])")
# A long number typed in groups after its cue ("passport no 534 882 190", "account 1234 5678 90", round 52).
GROUPED = re.compile(r"\d(?<!\d\d)\d{2,3}(?:[\s\-]\d{3,4}){2,3}(?![\d\-])")
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
IP_ADDRESS = re.compile(rf"{_OCTET}(?:\.{_OCTET}){{3}}(?![\d.]|\.\d)")
# What may stand between a cue and its number ("NI number is", "card ending in", "ip address of the laptop:").
_AFTER_CUE = 48
_NUMBER_START = re.compile(r"(?<![A-Za-z0-9.\-])(?=[A-Za-z]{0,2}\s{0,2}\d|ending|ends|ended|last)", re.IGNORECASE)


@cache
def _cues() -> tuple[re.Pattern[str], frozenset[str]]:
    words = lexicon().vocab.personal_number_cues
    pattern = re.compile(rf"(?:{alternation(words)})\b", re.IGNORECASE)
    return pattern, frozenset(w.split()[0] for w in words)


def personal_numbers(src: Source, words: frozenset[str], digits: bool) -> Iterator[Span]:
    """National insurance, card, account, sort code, passport and prisoner numbers and IP addresses: a national
    insurance number in capitals anywhere, the rest in the few words after their cue."""
    if not digits:
        return
    text = src.text
    yield from (("personal_number", m.start(), m.end()) for m in NINO_CAPITALS.finditer(text))
    cue, first = _cues()
    if not first & words:
        return
    for m in src.at_words(cue, first & words):
        # the few words after each cue read once per distinct text (Source.local); but where lower case changes the
        # length, whose offsets then move, as they always were
        end = m.end()
        found = src.local(_numbers_after, end, end + _AFTER_CUE + _AHEAD, _BACK) if src.low is not None \
            else _numbers_after(src, end, end)
        yield from (("personal_number", end + a, end + b) for a, b in found)


_TARGETS = tuple((p, bool(p.flags & re.IGNORECASE)) for p in (NINO, PRISONER, SORT_CODE, IP_ADDRESS, ENDING,
                                                             CARD_NUMBER, GROUPED))
_AHEAD = max(_reach_ahead(p) for p, _ in _TARGETS)  # how far past its start a number is read
_BACK = _reach_back(_NUMBER_START)


def _numbers_after(src: Source, start: int, _end: int) -> tuple[tuple[int, int], ...]:
    """The first of each kind of personal number starting in the _AFTER_CUE characters from `start` (the end of a
    cue), offsets from start."""
    text, low = src.text, src.lower
    starts = [s.start() for s in _NUMBER_START.finditer(low, start, start + _AFTER_CUE)]
    out = []
    for pattern, caseless in _TARGETS:
        if found := next((f for s in starts if (f := pattern.match(low if caseless else text, s))), None):
            out.append((found.start() - start, found.end() - start))
    return tuple(out)
