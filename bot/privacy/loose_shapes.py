"""Dates of birth and record numbers typed loosely (round 38), which patterns.py's shapes leave out.

Dates of birth: a date with spaces for separators ("dob 3 11 2016"), a month in Roman numerals ("b. 4/vii/2012"),
and the clock time of a birth ("born last night at 23:15", "born this morning 6.40am"): a birth's time is as
particular to one child as its date. Each needs its birth cue just before it (patterns.BIRTH_CUE), so a meeting's
"12 01 2025" or "at 10:30" passes.
Record numbers: an agency's number typed in lower case, as one letter or a few and a hyphen before five digits or
more ("j-58213"), or a year, a kind and a number between slashes ("2021/cp/0456", "cp/19/3321"); the same exceptions
as patterns.py's (a course's or ticket's number, a section) and never inside a link's path.
Round 47: a date with spaces beside its slashes ("14/ 03/ 2016") or in words ("twelve / ten / two thousand and ten");
a code with a dot ("cin.0041992"); a space after a slash ("cp/2023/ 1147"); an e-mail address spaced around its @ or
dots (loose_email_spans).
Each shape is found from a cheap gate (a digit, a birth word, a hyphen before digits, a slash) and a literal start
where it has one: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.headed import BIRTH_HEADS, at_heads
from bot.privacy.patterns import ADMIN_BEFORE, BIRTH_CUE, SECTION_BEFORE, Source, Span
from bot.privacy.published import team_mailbox

_BIRTH_WORDS = frozenset({"dob", "dobs", "born", "birth", "birthday", "bday", "d", "b"})
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_MONTH_WORD = f"(?:{_UNITS}|ten|eleven|twelve)"
_DAY_WORD = (f"(?:(?:twenty|thirty)(?:[\\s\\-]{{1,2}}(?:{_UNITS}))?|{_UNITS}|ten|eleven|twelve|thirteen|fourteen"
             "|fifteen|sixteen|seventeen|eighteen|nineteen)")
# the date a few characters after its cue: day, month and a four-digit year apart by spaces, or a Roman month
_LOOSE_DATE = re.compile(
    r"[\s:.\-]{0,4}(?:(?:0?[1-9]|[12]\d|3[01])\s{1,2}(?:0?[1-9]|1[0-2])\s{1,2}(?:19|20)\d{2}"
    r"|\d{1,2}[/.\-](?:i{1,3}|iv|vi{0,3}|ix|xi{0,2})[/.\-](?:19|20)?\d{2}"
    # (round 47: spaces beside its separators, "14/ 03/ 2016", "11 / 1 / 2013"; in words, "twelve / ten / two
    # thousand and ten")
    r"|(?:0?[1-9]|[12]\d|3[01])\s{0,2}([/.\-])\s{0,2}(?:0?[1-9]|1[0-2])\s{0,2}\1\s{0,2}(?:19|20)?\d{2}"
    rf"|{_DAY_WORD}\s{{0,2}}([/.\-])\s{{0,2}}{_MONTH_WORD}\s{{0,2}}\2\s{{0,2}}(?:two\s{{1,2}}thousand|nineteen)"
    r")\b", re.IGNORECASE)
# "born last night at 23:15", "born 6.40am": "born", up to two words of when, then a clock time
# (the same dates with no cue and no boundaries: one scan of the message before its cues are read, as the cue
# pattern costs more)
_ANY_DATE = re.compile(r"\d\s{1,2}\d{1,2}\s{1,2}[12]\d\d\d|[/.\-][ivxIVX]{1,4}[/.\-]\d"
                       r"|\d\s{0,2}[/.\-]\s|\s[/.\-]\s{0,2}\d|[a-z]\s{0,2}/\s{0,2}[a-z]", re.IGNORECASE)
_BIRTH_TIME = re.compile(
    r"\bborn\s{1,3}(?:(?:yesterday|today|tonight|overnight|last\s{1,3}night|this\s{1,3}(?:morning|afternoon|evening)"
    r"|on\s{1,3}[a-z]{3,9}|at)[\s,]{1,3}){0,3}(?:at\s{1,3})?(?:[01]?\d|2[0-3])(?::[0-5]\d\b(?!\s{0,2}weeks)"
    r"|(?:[.:][0-5]\d)?\s{0,2}(?:am|pm)\b)", re.IGNORECASE)
_CODE = re.compile(r"(?<![\w\-/.@])(?:[a-z]{1,3}-|[a-z]{2,3}\.)\d{5,12}(?![\w\-/@])")  # ("cin.0041992": round 47)
# (found from the first slash, a literal start: the part before it read by _SLASH_HEAD)
_SLASHED = re.compile(r"/(?:[a-z]{2,10}/ ?\d{2,8}|(?:19|20)?\d{2}/ ?\d{2,8})(?![\w/@])")  # ("cp/2023/ 1147")
_SLASH_HEAD = re.compile(r"(?<![\w/.@\-])(?:(19|20)\d{2}|[a-z]{2,10})$")
_HYPHEN_DIGITS = re.compile(r"[-.]\d{5}")
# An e-mail address with spaces around its @ or dots, typed so to stop it becoming a link ("jade . t . 2005 @ icloud
# . com", "dave_88@gmail .com"), round 47: to a known ending only, so "@sarah. then" (a mention) passes.
# (round 50: or a country's two letters typed straight after its dot, "@ wp.pl", a relative abroad's provider)
_LOOSE_EMAIL = re.compile(r"(?<![\w.+\-])(?:[\w+\-]{1,64}\s{0,2}\.\s{0,2}){0,4}[\w+\-]{1,64}\s{0,2}@\s{0,2}[\w\-]{1,63}"
                          r"(?:\s{0,2}\.\s{0,2}[\w\-]{1,63}){0,3}?(?:\s{0,2}\.\s{0,2}(?:com|co|uk|org|net|me|io|info)\b"
                          r"|\.[a-z]{2}(?![\w.@\-]))")
_KNOWN_END, _ADDRESS_LIKE = re.compile(r"\.(?:com|co|uk|org|net|me|io|info)$"), re.compile(r"[\d._]")
_MOST_ATS = 64  # (past this many @s a message is a list of handles, read by patterns.py's own address shape)


def loose_birth_spans(src: Source, words: frozenset[str], digits: bool) -> Iterator[Span]:
    """A date of birth with spaces or a Roman month after its cue; the clock time of a birth."""
    text = src.text
    if not (digits or "/" in text) or words.isdisjoint(_BIRTH_WORDS):
        return  # (a date in words has no digit: its slashes let it in)
    for cue in at_heads(src, BIRTH_CUE, BIRTH_HEADS) if _ANY_DATE.search(text) else ():
        if (date := _LOOSE_DATE.match(text, cue.end(), cue.end() + 44)) is not None:
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


def loose_email_spans(src: Source) -> Iterator[Span]:
    """An address spaced around its @ or dots, read in a bounded window around each @ (the first _MOST_ATS)."""
    text = src.text
    at, end, n = text.find("@"), 0, 0
    while at >= 0 and n < _MOST_ATS:
        n += 1
        if (m := _LOOSE_EMAIL.search(text, max(end, at - 90), at + 120)) is not None:
            end = m.end()
            typed = "".join(m.group().split())
            # (spaced at or after its @: else patterns.py's, a team's inbox by its rules, as a spaced team inbox is)
            tail = text[max(0, m.start() + m.group().index("@") - 1):m.end()]
            spaced = any(ch.isspace() for ch in tail)
            # (a country's ending only after an address-like name, with a digit, dot or underscore: not "mum @ home.no")
            local = typed[:typed.index("@")]
            country = _KNOWN_END.search(typed) is None
            if spaced and not (country and _ADDRESS_LIKE.search(local) is None) \
                    and not team_mailbox(typed, text[max(0, m.start() - 60):m.start()]):
                yield "email", m.start(), m.end()
        at = text.find("@", max(at + 1, end))
