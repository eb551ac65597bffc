"""Shapes of identifiers (e-mail, phone, postcode, address, NHS and record numbers, dates of birth, school and
year, dotted initials) as regular expressions; sibling descriptions are in siblings.py. Every quantifier is bounded
(no `+` or `*`), so a 40,000-character message screens in linear time (tests/privacy/test_linear.py checks every
pattern in PATTERNS). Each detector yields (kind, start, end) spans so that `redact` removes exactly what was found.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from bot.privacy.digit_runs import code_starts, digit_runs
from bot.privacy.headed import BIRTH_HEADS, at_heads
from bot.privacy.lexicon import alternation, vocabulary
from bot.privacy.nhs import nhs_number_valid
from bot.privacy.phones import PHONE
from bot.privacy.phones import phones as find_phones
from bot.privacy.places import NAMED_STREET, STREET_ENDS, house_numbers, named_street_place
from bot.privacy.published import team_mailbox
from bot.privacy.role_letters import are_initials
from bot.privacy.source import _MAX_STARTS, MANY_CUES, Source, _reach_back

Span = tuple[str, int, int]

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
_W = r"[A-Za-z][A-Za-z'’\-]{0,30}"

EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,6}")
POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? {0,2}\d[A-Z]{2})\b", re.IGNORECASE)
# An outward code alone, for the postcode areas of the four partnerships and their neighbours ("wa5").
OUTWARD = re.compile(r"\b(?:CH|WA|CW|LL|WN|SK)\d{1,2}\b(?!\s{1,2}(?:area|district|patch|locality)s?\b)", re.IGNORECASE)
# (the look-behind sits after the first digit so the engine can skip ahead to digits: about twice as fast)
TEN_DIGITS = re.compile(r"(\d(?<![\d+]\d)(?:\d{2}[ \-]?\d{3}[ \-]?\d{4}|\d{3}[ \-]?\d{3}[ \-]?\d{3}))(?![\d])")
_STREET = rf"(?:{alternation(vocabulary().street_types)})"  # vocabulary.yaml: street_types_*

# Words never between a house number and a street ("6 June at Wyvern House", "year 6 teacher"; "number 9 on Elm Walk")
_NOT_STREET = (rf"(?:{_MONTH}|at|on|in|of|to|for|from|by|with|and|or|is|was|are|were|per|a|an|weeks?|days?|"
               r"mrs?|ms|miss|dr|months?|years?|times?|hours?|mins?|minutes?|am|pm|o'clock)\b")
NUMBERED_STREET = re.compile(
    rf"(?:no\.?\s{{0,2}})?\d(?<![\d/:£$]\d)(?<!\d\.\d)\d{{0,3}}[a-z]?(?:,|\s?/(?!\s{{1,3}}the\b))?\s{{1,3}}(?:the\s{{1,3}}(?=[a-z])(?:(?!{_NOT_STREET}){_W}\s{{1,3}}){{0,2}}"
    # ("8 St. Anne's Road": a saint's dot, round 44)
    rf"|(?=[a-z])(?:(?!{_NOT_STREET})(?:st\.|{_W})\s{{1,3}}){{1,3}})"
    rf"{_STREET}\b"
    r"|\d(?<![\d/:]\d)(?<!\d\.\d)\d{0,3}[a-z]?\s{1,3}[A-Z][a-z]{2,30}(?:way|gate|field|side|croft|bank|wood|ley|ton)\b"
    rf"|\d(?:(?<=number \d)|(?<=no\. \d)|(?<=no \d))\d{{0,3}}[a-z]?\s{{1,3}}(?:on|in)\s{{1,3}}"
    rf"(?:the\s{{1,3}})?(?:{_W}\s{{1,3}}){{1,3}}{_STREET}\b",
    re.IGNORECASE,
)
FLAT = re.compile(
    r"\b(?:flat|apartment|apt|unit|bedsit|caravan|plot|pitch)\s{0,3}(?:no\.?\s{0,2})?\d{1,4}[a-z]?\b"
    r"(?!\s{1,2}\d{3,4}\s{0,2}\d{3})", re.IGNORECASE)  # not a phone's first group ("Unit 020 7008 0151")
NHS_WORD = re.compile(r"\bnhs\b", re.IGNORECASE)

_REF_WORDS = (r"(?:refs?|reference|crime|incident|occurrence|log|mosaic|lcs|ics|ehm|eh|niche|storm|athena|datix|"
              r"systmone|emis|carefirst|liquidlogic|cpoms|myconcern|eclipse|lado|"  # (round 50: a school's log, LADO's)
              r"case|person|contact|record|episode|ehcp|yjs|mash|court|conference|cpc|pnc|urn|uci|upn|uln|id|cad)")
_REF_OPEN = r"(?:[)\]]\s{0,2}[\s:#.\-–—]{0,4}(?=[A-Z]{1,4}-?\d|\d{4})(?!(?:19|20)\d\d\b)|['\"‘“(\[]\s{0,2})?"
KEYWORD_REF = re.compile(
    rf"\b{_REF_WORDS}\b\.?(?:\s{{0,3}}(?:no|nos|number|num|id|ref|log|#)\b\.?(?:\s{{1,3}}(?:is|was)\b)?)?[\s:#.\-]{{0,4}}"
    rf"{_REF_OPEN}[A-Z]{{0,4}}-?(?:\d(?: \d){{4,13}}\b|\d{{1,3}}O\d{{3,10}}|\d{{2}}[/\-]\d{{3,8}}"
    r"|\d{3,14}(?!\s\d{3}\s\d{4}\b)(?: \d{2,3}\b(?![\s.,/:\-]{1,2}\d))?"  # (round 47 opening: quote, or ') —' 4 digits)
    r"|\d{2,4}[A-Z]{1,3}\d{3,10})(?:[/\-]\d{1,8}){0,3}",
    re.IGNORECASE,
)
CODE_REF = re.compile(
    # (or an area, a kind, a year and a number: "CWAC-CP-22-0198")
    r"(?=[A-Z0-9])(?:\b[A-Z]{1,6}(?:[\-/]?\d{4,14}(?:[\-/]\d{1,8}){0,3}|(?:-[A-Z]{1,6}){1,2}-\d{2,4}-\d{3,8})\b"
    r"|\b(?=[A-Z0-9]{0,20}[A-Z])[A-Z0-9]{1,8}(?:/[A-Z0-9]{1,8}){1,3}\b"
    r"|\b\d{1,8}(?:/\d{1,8}){1,3}\b"
    r"|\b[A-Z]{1,4}\d{2,4}[A-Z]{1,3}\d{3,10}\b"
    r"|(?<![\d£$€.,])\d{6,14}(?![\d%]))")
# ("h(?<!\wh)" is "\bh": each way in starts with a letter, so the engine scans for those two letters)
URL = re.compile(r"(?:h(?<!\wh)ttps?://|w(?<!\ww)ww\.)[^\s<>|]{1,2000}", re.IGNORECASE)
# "Section 11/157/175", "s.17": statutory section numbers, not records.
SECTION_BEFORE = re.compile(r"(?:\bsections?|\bs\.|\bss\.|\bparagraph|\bpara)\s{0,2}$", re.IGNORECASE)
# "invoice no. 40021", "minute 23/118": an organisation's own number (vocabulary admin_number_words, casework_meetings)
_ADMIN = "".join(rf"(?<!{w}\s)" for w in sorted(vocabulary().casework_meetings))
ADMIN_BEFORE = re.compile(rf"\b{_ADMIN}(?:{alternation(vocabulary().admin_number_words)})\s{{1,2}}\(?(?:"
                          r"(?:ref|reference|no|number|code)\.?\s{0,2})?(?:is\s{1,2})?[:#\-]?\s{0,2}$", re.IGNORECASE)


def _financial_year(token: str) -> bool:
    """'2018/19', '2023-24': a financial year, not a record number."""
    m = re.fullmatch(r"((?:19|20)\d\d)[/\-](\d\d)", token)
    return bool(m) and (int(m.group(1)) + 1) % 100 == int(m.group(2))


# The bot's own references (CR-2026-007), FOI or EIR request numbers (round 50) and plain dates are no records.
OWN_REF = re.compile(r"(?:CR|ESC)-\d{4}-\d{3,5}|(?i:foi|eir)[\-/ ]?\d\S{0,20}")
DATE_SHAPE = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}:\d{2}")
_YEAR_GROUP = (r"\b(?:(?:year|yr|y)(?:\s{1,2}group)?(?:\s{0,2}|-|:\s{0,2})|yr\.\s{0,2})(?:[1-9]|1[0-3])(?:s|'s)?\b"
               r"(?!\s{0,2}-?\s{0,2}(?:olds?|yrs?|years?|yo)\b)|\b(?:year|yr)\s{0,2}r\b|\bfs\s{0,2}[12]\b"  # (round 33)
               r"|\b6th\s{1,2}form(?:er|ers)?\b(?!\s{1,2}college)"
               # in other words: "2nd year", "key stage 3", "ks4", "year eleven", "lower sixth", "in nursery", "in 5B"
               r"|\b(?:1st|2nd|3rd|[4-7]th|first|second|third|fourth|fifth|sixth)\s{1,2}(?:year|yr)\b(?!\s{1,2}of)"
               r"|\bkey\s{1,2}stage\s{0,2}[1-5]\b|\bks\s{0,2}[1-5]\b"
               r"|\breception(?:\s{1,2}class)?\b|\bsixth\s{1,2}form(?:er|ers)?\b|\bnursery\s{1,2}class\b|\bclass:?\s{1,2}\d{1,2}[a-z]?\b|\b(?:form|tutor\s{1,2}group):?\s{1,2}(?:[7-9]|1[0-3])[a-z]{1,3}\b"
               r"|\b(?:year|yr)\s{1,2}(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)\b"
               r"|\b(?:lower|upper)\s{1,2}(?:sixth|6th)\b|\bin\s{1,2}nursery\b|\bfoundation(?:\s{1,2}stage)?\s{0,2}[12]\b"
               # "in years 7 and 10": two children's years named together (not a range, "years 7-11")
               r"|\b(?:years|yrs)\s{0,2}(?:[1-9]|1[0-3])\s{0,2}(?:and|&)\s{0,2}(?:[1-9]|1[0-3])\b")
YEAR_GROUP = re.compile(_YEAR_GROUP, re.IGNORECASE)
FORM = re.compile(r"in(?<!\win)\s{1,2}\d{1,2}[A-Z]{1,2}\d?\b")  # "in 5B", "in 9X1": a form, searched apart
# "10G at Parkside High": a form at a school ("\d(?<!\w\d)\d?" is "\b\d{1,2}" led by a digit: a faster scan)
FORM_AT = re.compile(r"\d(?<!\w\d)\d?(?!AM|PM)[A-Z]{1,2}\d?(?=\s{1,3}at\s)")  # round 36: "8Y2 at"
_SCHOOL_SUFFIX = r"(?:Primary|High|Academy|Grammar|College|School|Infants?|Juniors?|Nursery|CE|RC|C of E|Catholic|PRU)"
# (a name's words are possessive runs, "{1,30}+": a space always follows one, so a shorter run could never match where
# the longest did not, and a line of capitalised words is not tried in every split)
SCHOOL_NAME = re.compile(
    rf"\b[A-Z][\w'’\-]{{1,30}}+(?:\s{{1,3}}[A-Z][\w'’\-]{{1,30}}+){{0,4}}\s{{1,3}}{_SCHOOL_SUFFIX}\b"
    r"|\b(?:St|Saint|st)\.?\s{1,3}[A-Za-z][a-z'’]{2,30}\b"
    r"|\b(?:at|from|attends|attending|to)\s{1,3}(?:[Tt]he\s{1,3})?[A-Z][\w'’\-]{1,30}"
)
# A school named with a word only schools use, even without a year group.
SCHOOL_STRONG = re.compile(  # ("[A-Z](?<!\w[A-Z])" is "\b[A-Z]" in a form the engine scans for far faster)
    r"[A-Z](?<!\w[A-Z])[\w'’\-]{1,30}+(?:\s{1,3}[A-Z][\w'’\-]{1,30}+){0,4}\s{1,3}(?:Primary|Academy|Grammar|Infants|Juniors|"
    r"High\s{1,3}School|CE\s{1,3}Primary|RC\s{1,3}Primary|Catholic\s{1,3}High)\b"
)
BIRTH_CUE = re.compile(
    r"\b(?:d\.?\s{0,2}o\.?\s{0,2}bs?\b\.?|d/o/b|dates?\s{1,3}of\s{1,3}birth|birth\s{0,2}dates?|born|birthday|bday|b-day|dob)"
    r"|\bb\.\s{0,2}(?=\d)"
    r"|\b(?:turns?|turned|turning|be|is)\s{1,3}(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s{1,3}on\b"
    r"|\b(?:edd|due\s{1,3}date|(?:baby|unborn)\s{1,3}(?:is\s{1,3}|was\s{1,3})?(?:due|delivered)|she(?:'s|\s{1,3}is)\s{1,3}due)\b",
    re.IGNORECASE,
)
DATE_IN_WORDS = re.compile(
    rf"\b{_ORD}(?:\s{{1,3}}of)?\s{{1,3}}{_MONTH}\b|\b{_MONTH}\s{{1,3}}(?:{_ORD},?\s{{1,3}})?'?\d{{2,4}}\b"
    rf"|\b\d{{1,4}}[/.\-]\d{{1,2}}(?:[/.\-]\d{{2,4}})?\b|\bthe\s{{1,3}}{_ORD}\b|\b\d{{1,2}}[/.\-]{_MONTH}[/.\-]?\d{{2,4}}\b"
    r"|\b(?:christmas|xmas|boxing|new\s{1,3}year'?s?|valentine'?s?|halloween)\s{1,3}(?:day|eve)?\s{0,3}\d{4}\b",
    re.IGNORECASE,
)

DOTTED_INITIALS = re.compile(
    r"(?<![\w.])[A-Za-z]\.\s{0,2}(?:[A-Za-z](?:['’][A-Za-z])?\.\s{0,2}){1,3}(?:-\s{0,2}[A-Za-z]\.)?"
    r"|(?<![\w.])[A-Z]\.[A-Z](?:\.[A-Z]){0,2}(?=['’]s\b)"  # "E.R's mum"
    r"|(?<![\w.])[A-Z]\.\s{0,2}(?:Mc|Mac|O['’])[A-Z]\b\.?"  # "C.McD"
    r"|(?<![\w.])[A-Z]\.\s{0,2}(?:Mc|Mac)\.(?!\w)"  # "S.Mc.": a surname's prefix its only letters (round 44)
    # "c.d and her brother e.d": two letters with one dot, joined to a relative or to another such pair
    r"|(?<![\w.])[A-Za-z]\.[A-Za-z](?![\w.'’@/])(?=\s{1,3}(?:and|&)\s{1,3}(?:his|her|their|[A-Za-z]\.[A-Za-z]\b))"
    r"|(?<![\w.])(?:(?<=brother\s)|(?<=sister\s)|(?<=and\s))[A-Za-z]\.[A-Za-z](?![\w.'’@/])"
)

# A home described by what is near it, with no street word ("the bungalow at the bottom of Halton Brow", "house 3 on
# the Woodchurch estate", "the house opposite the Co-op in Lache"): a dwelling, a preposition, a capitalised place.
_NOT_PLACE_WORD = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
                   r"July|August|September|October|November|December|Christmas|Easter|I|The|A)\b")
_DWELLING = rf"\b(?:{alternation(vocabulary().dwellings)})s?\b"
HOME_NEAR = re.compile(
    rf"{_DWELLING}"
    r"(?:\s{1,3}[\w'’\-]{1,20}){0,4}?\s{1,3}(?:opposite|next\s{1,3}to|near|by|behind|above|below|over|after|before|"
    r"facing|beside|on|at|in|off|round|around)\s{1,3}(?:[\w'’\-]{1,20}\s{1,3}){0,5}?"
    rf"(?!{_NOT_PLACE_WORD})[A-Z][\w'’\-]{{1,30}}"
)
# A home placed on a street with no house number ("the maisonette on hazel drive", "the flat above the chippy on the
# high st", "the house at the end of kestrel drive"), in any case: a dwelling, then within a few words on / off / of
# a street named by one to three words that are no function word or generic ("the main road", "a dead end").
HOME_STREET = re.compile(
    rf"{_DWELLING}(?:\s{{1,3}}[\w'’\-]{{1,20}}){{0,8}}?\s{{1,3}}(?:on|off|of|down|along|up)\s{{1,3}}(?:the\s{{1,3}})?"
    rf"(?:(?!(?:{_NOT_STREET}|(?:{alternation(vocabulary().generic_street_words)})\b))[a-z'’\-]{{2,20}}\s{{1,3}}){{1,3}}"
    rf"(?:{alternation(vocabulary().street_types_named | vocabulary().street_types_numbered)})\b",
    re.IGNORECASE,
)
_HOME_GATE = vocabulary().dwellings | frozenset(w + "s" for w in vocabulary().dwellings)

PATTERNS: tuple[re.Pattern[str], ...] = (
    EMAIL, PHONE, POSTCODE, OUTWARD, TEN_DIGITS, NUMBERED_STREET, NAMED_STREET, FLAT, NHS_WORD, KEYWORD_REF,
    CODE_REF, OWN_REF, DATE_SHAPE, YEAR_GROUP, SCHOOL_NAME, SCHOOL_STRONG, BIRTH_CUE, DATE_IN_WORDS,
    DOTTED_INITIALS, HOME_NEAR, HOME_STREET, ADMIN_BEFORE,
)


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


_WORDS, _LETTERS_ONLY = re.compile(r"[a-z]{1,40}"), bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_DIGIT = re.compile(r"\d")
_STREET_WORDS = vocabulary().street_types
_FLAT_WORDS = frozenset({"flat", "apartment", "apt", "unit", "bedsit", "caravan", "plot", "pitch"})
_REF_GATE = frozenset(_REF_WORDS[3:-1].replace("?", "").replace("(erence)", "").split("|")) | {
    "ref", "refs", "reference"}
_BIRTH_GATE = frozenset({"born", "birth", "birthday", "birthdate", "birthdates", "bday", "dob", "dobs", "d", "b",
                         "turn", "turns", "turned", "turning", "be", "is", "edd", "due", "delivered"})
_YEAR_GATE = frozenset({"year", "years", "yrs", "yr", "y", "reception", "sixth", "nursery", "class", "stage", "ks",
                        "th", "fs", "foundation", "form", "tutor"})
_SCHOOL_GATE = frozenset({"primary", "academy", "grammar", "infants", "juniors", "high", "catholic"})

_DIGITS3 = re.compile(r"\d{3}")


def _before_dots(text: str) -> Iterator[int]:
    """The letter before each full stop that starts a word: where dotted initials ('J.S.') can begin."""
    i = text.find(".")
    while i >= 0:
        a = i - 1
        if a >= 0 and text[a].isalpha() and (a == 0 or not (text[a - 1].isalnum() or text[a - 1] in "._")):
            yield a
        i = text.find(".", i + 1)


def _emails(text: str) -> Iterator[re.Match[str]]:
    """EMAIL's matches, looked for only around each @ (an address's local part is at most 64 characters before it,
    its domain at most 512 after); a text of many @s is left to the regex engine's own scan."""
    if text.count("@") > _MAX_STARTS:
        yield from EMAIL.finditer(text)
        return
    end, at = 0, text.find("@")
    while at >= 0:
        if (m := EMAIL.search(text, max(end, at - 64), at + 513)) is not None:
            end = m.end()
            yield m
        at = text.find("@", max(at + 1, end))


def has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def words_of(text: str) -> frozenset[str]:
    """The text's lower-case words (runs of a-z, in pieces of 40), for the cheap checks that skip a detector."""
    runs = set(text.lower().encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY).split())  # (no list of 7,000)
    if any(len(w) > 40 for w in runs):
        return frozenset(_WORDS.findall(text.lower()))
    return frozenset(w.decode() for w in runs)


def detectors(src: Source, words: frozenset[str]) -> list[Iterator[Span]]:
    """One lazy detector per kind of shape, each skipped when a cheap check shows it cannot match: the caller
    can stop a detector at its first span when only the kinds are wanted."""
    text = src.text
    digits = _DIGIT.search(text) is not None
    phones = find_phones(text) if digits else []
    out: list[Iterator[Span]] = [(span for span in phones if span[0] == "phone")]
    if "@" in text:
        out.append(("email", m.start(), m.end()) for m in _emails(text)
                   if not team_mailbox(m.group(), text[max(0, m.start() - 60):m.start()]))
    if digits:
        out.append(_postcodes(src))
        out.append(_nhs_numbers(src, phones))
        out.append(_addresses(src, words, phones))
        out.append(_references(src, phones, words))
        if words & _BIRTH_GATE:
            out.append(_birth_dates(src))
    elif words & _STREET_WORDS:
        out.append(("address", m.start(), m.end()) for m in NAMED_STREET.finditer(text)
                   if not named_street_place(src, m))
    if "." in text:
        # only where a lone letter stands before a full stop (at_starts hands a text of nothing else to the engine)
        dotted = src.at_starts(DOTTED_INITIALS, _before_dots(text))
        out.append(("initials", m.start(), m.end()) for m in dotted if are_initials(text, m.start(), m.end()))
    if words & _HOME_GATE:
        out.append(("address", m.start(), m.end()) for m in src.at_words(HOME_NEAR, _HOME_GATE & words))
        out.append(("address", m.start(), m.end()) for m in src.at_words(HOME_STREET, _HOME_GATE & words))
    return out


def _inside(pos: int, spans: list[Span]) -> bool:
    """Whether pos falls inside one of the spans (sorted and disjoint, as finditer gives them); O(log n)."""
    i = bisect.bisect_right(spans, pos, key=lambda s: s[1]) - 1
    return i >= 0 and pos < spans[i][2]


_LETTER_DIGIT = re.compile(r"\d(?<=[A-Za-z]\d)")  # a digit right after a letter (led by \d: a fast scan)


def _before_digits(text: str) -> Iterator[int]:
    """The two places before each digit that follows a letter: where a postcode's letters ("wa5", "CH64 3RT") can
    start."""
    last = -1
    for m in _LETTER_DIGIT.finditer(text):
        for start in (m.start() - 2, m.start() - 1):
            if start > last:
                last = start
                yield start


_GIR = re.compile(r"gir ?0aa")
_INWARD, _AREA_DIGIT = re.compile(r"\d[a-z]{2}"), re.compile(r"(?:ch|wa|cw|ll|wn|sk)\d")


def _postcodes(src: Source) -> Iterator[Span]:
    # a postcode starts one or two letters before a digit: tried only there, not at every character ("GIR 0AA",
    # the one postcode with a space there, is looked for by the regex engine's own scan when the text holds it,
    # not whenever it holds "gir", as every "girl" does)
    gir = _GIR.search(src.lower) is not None
    # (in ASCII text a postcode holds a digit and two letters, an outward code its area's letters and a digit: else
    # neither is looked for, for the engine would try it at every place a letter meets a digit)
    ascii_text = src.text.isascii()
    for pattern, need in ((POSTCODE, _INWARD), (OUTWARD, _AREA_DIGIT)):
        if ascii_text and not (gir and pattern is POSTCODE) and need.search(src.lower) is None:
            continue
        whole = gir and pattern is POSTCODE
        found = src.finditer(pattern) if whole else src.at_starts(pattern, _before_digits(src.text))
        yield from (("postcode", m.start(), m.end()) for m in found)


def _nhs_numbers(src: Source, phones: list[Span]) -> Iterator[Span]:
    for m in TEN_DIGITS.finditer(src.text):
        if _inside(m.start(), phones):
            continue
        d = _digits(m.group(1))
        near_nhs = src.search(NHS_WORD, max(0, m.start() - 40), m.end() + 40)
        if nhs_number_valid(d) or near_nhs or not d.startswith("0"):
            yield "nhs_number", m.start(), m.end()


# "the 0-5 pathway": the end of an age range before a word that only ends like a street ("-way"), no house number
_AGE_RANGE = re.compile(r"\d[\-–]$")


def _addresses(src: Source, words: frozenset[str], phones: list[Span]) -> Iterator[Span]:
    streets = bool(words & _STREET_WORDS)
    # (a numbered street is looked for only where one could end: else the engine tries it at every character)
    numbered = streets or not src.text.isascii() or any(w.endswith(STREET_ENDS) for w in words)
    patterns = ((NUMBERED_STREET,) if numbered else ()) + ((NAMED_STREET,) if streets else ())
    for pattern in patterns + ((FLAT,) if words & _FLAT_WORDS else ()):
        found = (src.at_starts(pattern, house_numbers(src, words, digit_runs(src), pattern))
                 if pattern is NUMBERED_STREET
                 # a flat starts at its word (all of them: "flatno 3" holds no word "flat")
                 else src.at_words(FLAT, _FLAT_WORDS) if pattern is FLAT else src.finditer(pattern))
        found = (m for m in found if pattern is not NAMED_STREET or not named_street_place(src, m))  # places.py
        found = (m for m in found if not (_AGE_RANGE.search(src.text, max(0, m.start() - 3), m.start())
                                          and m.group().split()[-1].lower() not in _STREET_WORDS))
        # "01928 593 311 Halton contact centre": the last digits of a phone number are no house number
        yield from (("address", m.start(), m.end()) for m in found if not _inside(m.start(), phones))


def _references(src: Source, phones: list[Span], words: frozenset[str]) -> Iterator[Span]:
    links = [("link", m.start(), m.end()) for m in src.finditer(URL)] if "/" in src.text else []
    # a keyword reference starts at its keyword: tried only there (Source.at_words), not at every character
    # (every way through CODE_REF holds a "/" or three digits, and starts where digit_runs.code_starts says)
    code = src.at_starts(CODE_REF, code_starts(src)) if "/" in src.text or _DIGITS3.search(src.text) else ()
    found = (src.at_words(KEYWORD_REF, words & _REF_GATE), code)
    for pattern, matches in zip((KEYWORD_REF, CODE_REF), found, strict=True):
        for m in matches:
            start, end = m.start(), m.end()
            first_digit = _DIGIT.search(src.text, start, end)
            digits_at = first_digit.start() if first_digit else start
            # "MASH 01204 331500": a service's name before its phone number is no record number; a web page's path
            # (…/2017/11/…) is none either; the rest is read once per distinct text (Source.local)
            if (phones and _inside(digits_at, phones)) or (links and _inside(start, links)) \
                    or not src.local(_record_number, start, end, _REF_BACK, pattern is KEYWORD_REF, typed=True):
                continue
            yield "record_reference", start, end


# (a service or event's word only: "log 2026" or "crime 2019" may be a short record number)
_WORD_YEAR = re.compile(r"(?:conference|cpc|court|ehcp|mash|yjs|lado)\s{1,2}(?:19[89]\d|20[0-4]\d)", re.IGNORECASE)


def _record_number(src: Source, start: int, end: int, keyword: bool) -> bool:
    """Whether text[start:end] is no bot reference, date, financial year, section or course number."""
    text = src.text
    token = text[start:end]
    if OWN_REF.fullmatch(token) or DATE_SHAPE.fullmatch(token) or _financial_year(token):
        return False
    if keyword and _WORD_YEAR.fullmatch(token):
        return False  # "conference 2026", "court 2024": an event's word and a bare year is when (round 44)
    if SECTION_BEFORE.search(text, max(0, start - 12), start) or ADMIN_BEFORE.search(text, max(0, start - 24), start):
        return False
    return not (keyword and any(f(token.split()[-1].lstrip(":#.-")) for f in (DATE_SHAPE.fullmatch, _financial_year)))


_REF_BACK = 24 + max(_reach_back(SECTION_BEFORE), _reach_back(ADMIN_BEFORE))  # (what _record_number reads before)
_NEAR = 120  # how far apart two parts of one description may be (a year group and its school...)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end], at most _NEAR characters either side."""
    lo, hi = max(0, start - _NEAR), min(len(text), end + _NEAR)
    a = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start), text.rfind("? ", lo, start), lo - 1) + 1
    stops = [i for i in (text.find(". ", end, hi), text.find("\n", end, hi), text.find("? ", end, hi)) if i >= 0]
    return a, min(stops, default=hi)


def _birth_dates(src: Source) -> Iterator[Span]:
    for n, cue in enumerate(at_heads(src, BIRTH_CUE, BIRTH_HEADS)):
        if n == MANY_CUES and not src.anywhere(DATE_IN_WORDS):
            return  # many cues ("b. 1 " 8,000 times) and no date anywhere: none has one in its window
        window_start = max(0, cue.start() - 60)
        date = src.search(DATE_IN_WORDS, window_start, cue.end() + 60)
        if date:
            yield "date_of_birth", min(cue.start(), date.start()), max(cue.end(), date.end())
