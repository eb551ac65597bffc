"""Personal numbers that are no agency's record: a national insurance number, a bank card or account, a passport,
a prisoner's number, an IP address. Each belongs to one person as surely as a name does, and practitioners pass
them on when they are helping another agency trace a parent ("dad's NI number is ...", "mum's card ending 4421").

A shape alone is enough where nothing else is written that way (a national insurance number in capitals); the rest
need their cue word (vocabulary.yaml: personal_number_cues) in the few words before them, so practice text about
cards, accounts or IP policies ("card payments are taken online", "the IP address policy") passes. Bounded
quantifiers, cue words found with str.find: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import alternation, lexicon
from bot.privacy.source import Source

Span = tuple[str, int, int]

# Two letters, six digits in pairs or together, one letter A-D ("QQ 12 34 56 C", "jt449102b").
NINO = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\s{0,2}\d{2}\s{0,2}\d{2}\s{0,2}\d{2}\s{0,2}[A-Da-d](?![A-Za-z0-9])")
# A prisoner's number: one letter, four digits, two letters ("A1234BC").
PRISONER = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]\d{4}[A-Za-z]{2}(?![A-Za-z0-9])")
# The last digits of a card or account ("card ending 4421", "account ends in 7730", "last four digits 1234").
ENDING = re.compile(r"\b(?:ending|ends|ended|last\s{1,3}(?:4|four)(?:\s{1,3}digits)?)(?:\s{1,3}(?:in|with|is|are|of))?"
                    r"[\s:\-]{1,3}\d{3,4}\b", re.IGNORECASE)
SORT_CODE = re.compile(r"\b\d{2}[\s\-]\d{2}[\s\-]\d{2}\b|\b\d{6}\b")
CARD_NUMBER = re.compile(r"(?<![\d\-])\d{4}[\s\-]\d{4}[\s\-]\d{4}[\s\-]\d{4}(?![\d\-])")
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
IP_ADDRESS = re.compile(rf"(?<![\d.]){_OCTET}(?:\.{_OCTET}){{3}}(?![\d.]|\.\d)")
_BEFORE = 48  # characters before a number where its cue word may stand


@cache
def _cues() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(lexicon().vocab.personal_number_cues)})\b")


def _cued(low: str, start: int) -> bool:
    """A personal number's cue word in the few words before `start` (low: the message in lower case)."""
    return _cues().search(low, max(0, start - _BEFORE), start) is not None


def personal_numbers(src: Source, digits: bool) -> Iterator[Span]:
    """National insurance, card, account, sort code, passport and prisoner numbers and IP addresses."""
    if not digits:
        return
    text = src.text
    low = src.low if src.low is not None else text.lower()
    for m in NINO.finditer(text):
        if m.group().isupper() or _cued(low, m.start()):
            yield "personal_number", m.start(), m.end()
    for pattern in (PRISONER, SORT_CODE, IP_ADDRESS):
        for m in pattern.finditer(text):
            if _cued(low, m.start()):
                yield "personal_number", m.start(), m.end()
    for pattern in (ENDING, CARD_NUMBER):
        for m in src.finditer(pattern):
            if pattern is CARD_NUMBER or _cued(low, m.start()):
                yield "personal_number", m.start(), m.end()
