"""Dates of birth and record numbers typed loosely (round 38), which patterns.py's shapes leave out.

Dates of birth: a date with spaces for separators ("dob 3 11 2016"), a month in Roman numerals ("b. 4/vii/2012"),
and the clock time of a birth ("born last night at 23:15", "born this morning 6.40am"): a birth's time is as
particular to one child as its date. Each needs its birth cue just before it (patterns.BIRTH_CUE), so a meeting's
"12 01 2025" or "at 10:30" passes.
Record numbers: an agency's number typed in lower case, as one letter or a few and a hyphen before five digits or
more ("j-58213"), or a year, a kind and a number between slashes ("2021/cp/0456", "cp/19/3321"); the same exceptions
as patterns.py's (a course's or ticket's number, a section) and never inside a link's path.
Each shape is found from a cheap gate (a digit, a birth word, a hyphen before digits, a slash) and a literal start
where it has one: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.patterns import ADMIN_BEFORE, BIRTH_CUE, SECTION_BEFORE, Source, Span

_BIRTH_WORDS = frozenset({"dob", "dobs", "born", "birth", "birthday", "bday", "d", "b"})
# the date a few characters after its cue: day, month and a four-digit year apart by spaces, or a Roman month
_LOOSE_DATE = re.compile(
    r"[\s:.\-]{0,4}(?:(?:0?[1-9]|[12]\d|3[01])\s{1,2}(?:0?[1-9]|1[0-2])\s{1,2}(?:19|20)\d{2}"
    r"|\d{1,2}[/.\-](?:i{1,3}|iv|vi{0,3}|ix|xi{0,2})[/.\-](?:19|20)?\d{2})\b", re.IGNORECASE)
# "born last night at 23:15", "born 6.40am": "born", up to two words of when, then a clock time
# (the same dates with no cue and no boundaries: one scan of the message before its cues are read, as the cue
# pattern costs more)
_ANY_DATE = re.compile(r"\d\s{1,2}\d{1,2}\s{1,2}[12]\d\d\d|[/.\-][ivxIVX]{1,4}[/.\-]\d")
_BIRTH_TIME = re.compile(
    r"\bborn\s{1,3}(?:(?:yesterday|today|tonight|overnight|last\s{1,3}night|this\s{1,3}(?:morning|afternoon|evening)"
    r"|on\s{1,3}[a-z]{3,9}|at)[\s,]{1,3}){0,3}(?:at\s{1,3})?(?:[01]?\d|2[0-3])(?::[0-5]\d\b(?!\s{0,2}weeks)"
    r"|(?:[.:][0-5]\d)?\s{0,2}(?:am|pm)\b)", re.IGNORECASE)
_CODE = re.compile(r"(?<![\w\-/.@])[a-z]{1,3}-\d{5,12}(?![\w\-/@])")
# (found from the first slash, a literal start: the part before it read by _SLASH_HEAD)
_SLASHED = re.compile(r"/(?:[a-z]{2,10}/\d{2,8}|(?:19|20)?\d{2}/\d{2,8})(?![\w/@])")
_SLASH_HEAD = re.compile(r"(?<![\w/.@\-])(?:(19|20)\d{2}|[a-z]{2,10})$")
_HYPHEN_DIGITS = re.compile(r"-\d{5}")


def loose_birth_spans(src: Source, words: frozenset[str], digits: bool) -> Iterator[Span]:
    """A date of birth with spaces or a Roman month after its cue; the clock time of a birth."""
    if not digits or words.isdisjoint(_BIRTH_WORDS):
        return
    text = src.text
    for cue in src.finditer(BIRTH_CUE) if _ANY_DATE.search(text) else ():
        if (date := _LOOSE_DATE.match(text, cue.end(), cue.end() + 24)) is not None:
            yield "date_of_birth", cue.start(), date.end()
    if "born" in words:
        for m in src.finditer(_BIRTH_TIME):
            yield "date_of_birth", m.start(), m.end()


def loose_reference_spans(src: Source, digits: bool) -> Iterator[Span]:
    """A lower-case letter code and five digits or more, or a year, kind and number between slashes."""
    if not digits:
        return
    text = src.text
    found: list[tuple[int, int]] = []
    if _HYPHEN_DIGITS.search(text):
        found.extend(m.span() for m in _CODE.finditer(text))
    if "/" in text:
        for m in _SLASHED.finditer(text):
            head = _SLASH_HEAD.search(text, max(0, m.start() - 10), m.start())
            # a year before a kind ("2021/cp/..."), a kind before a year or number ("cp/19/...")
            if head is not None and (head.group(1) is not None) == text[m.start() + 1].isalpha():
                found.append((head.start(), m.end()))
    for start, end in found:
        if SECTION_BEFORE.search(text, max(0, start - 12), start) \
                or ADMIN_BEFORE.search(text, max(0, start - 24), start):
            continue  # "ticket ab-12345", "s.47/..." : a course's, a ticket's or a section's number
        yield "record_reference", start, end
