"""Identifiers typed informally: numbers read out in words or split by odd separators, and homes given as a
hotel room or a street corner.

People copy a number the way it was said ("oh seven seven double one, four five...") or the way a form printed it
("485 / 777 / 3456"); the digit shapes in patterns.py never see these. A run of at least ten digits read out, or
three groups of digits split by slashes, dots or underscores with an NHS cue or a valid check digit, is found.
Families in temporary housing are placed by "room 214 at the Premier Inn" or "on the corner of X lane and Y road".
All patterns need a separator between tokens, so no digit run can be split two ways: linear time.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterator

from bot.privacy.digit_runs import digit_runs
from bot.privacy.lexicon import alternation, lexicon, vocabulary
from bot.privacy.patterns import _MONTH, Source, nhs_number_valid
from bot.privacy.published import NOT_SCHOOL_NAME, team_mailbox

Span = tuple[str, int, int]

_DIGIT_WORDS = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "nil": "0", "one": "1", "two": "2", "three": "3",
                "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_REPEAT = {"double": 2, "treble": 3, "triple": 3}
# the digit words as a small trie (the engine tries each position less), matched on lower-cased text
_TOKEN = (r"(?:(?:z(?:ero)|o(?:h|ne)?|n(?:ought|il|ine)|t(?:wo|hree|reble|riple)|f(?:our|ive)|s(?:ix|even)|eight"
          r"|double)\b|\d{1,40})")
# at least five tokens, each pair split by a separator (never two digit runs back to back)
SPOKEN = re.compile(rf"\b{_TOKEN}(?:[\s,./_\-]{{1,3}}{_TOKEN}){{4,60}}")  # (past _LONGEST_READ_OUT anyway)
_SPOKEN_ANY_CASE = re.compile(SPOKEN.pattern, re.IGNORECASE)
# "485 / 777 / 3456", "485.777.3456": an NHS number's three groups split by slashes, dots or underscores
GROUPED = re.compile(r"\d(?<![\d.]\d)\d{2}\s{0,2}([/._])\s{0,2}\d{3}\s{0,2}\1\s{0,2}\d{4}(?![\d.]?\d)")
GATE = frozenset(_DIGIT_WORDS) | frozenset(_REPEAT)
# "07.700.900.123", "07700/900/123": a mobile in groups split by dots, slashes or underscores (round 39; a mobile is
# never a service's published line: phones.py)
DOTTED_MOBILE = re.compile(r"0(?<![\w.]0)7\d{0,4}(?:\s{0,2}[./_]\s{0,2}\d{2,5}){1,4}(?![\w.]?\d)")
_LONGEST_READ_OUT = 160  # characters: eleven digits as words with "double" and separators fit well within this
_PIECE = re.compile(r"[a-z]{1,40}|\d{1,40}")
_NHS = re.compile(r"\bnhs\b", re.IGNORECASE)
_ODD_SEPARATOR = re.compile(r"\d\s{0,2}[/._]\s{0,2}\d")
# "nhs no. 5075 2917 08", "NHS: 342 3667 125", "nhs no 5 9 9 0 ...": after an NHS cue, digits in any grouping
# (the cue may run into "no" / "num" unspaced, "NHSno:"; a few words may stand between: "nhs no. on the letter is";
# "nhs(?<!\wnhs)" is "\bnhs" in a form the engine finds by its fast search for a literal start)
CUED_NHS = re.compile(r"nhs(?<!\wnhs)(?:no|num|number)?\b[^\d\n]{0,40}?(\d{1,10}(?:[ \-./()]{1,3}\d{1,10}){0,11})",
                      re.IGNORECASE)
_CUED_NHS_LOW = re.compile(CUED_NHS.pattern)  # the pattern is written in lower case
_GROUPS = re.compile(r"\d{1,40}")
_NHS_CUES = frozenset({"nhs", "nhsno", "nhsnum", "nhsnumber"})
# "i put 3124 5678 90 for the NHS no": ten digits in groups with the cue after them
NHS_AFTER = re.compile(r"\d(?<!\d\d)\d{0,9}(?:[ \-.]{1,3}\d{1,10}){0,9}(?!\d)(?=[^\d\n]{0,25}?\bnhs\b)", re.IGNORECASE)
_NHS_AFTER_LOW = re.compile(NHS_AFTER.pattern)
_STREET = rf"(?:{alternation(vocabulary().street_types)})"
HOME_CORNER = re.compile(
    r"\b(?:live|lives|living|stay|stays|staying|housed|home|moved)\b[^.\n?!]{0,40}?\bcorner\s{1,3}of\s{1,3}"
    rf"(?:[a-z'’\-]{{1,30}}\s{{1,3}}){{1,3}}{_STREET}\b",
    re.IGNORECASE,
)
HOTEL_ROOM = re.compile(  # ("room(?<!\wroom)" is "\broom", found by the engine's fast search for a literal start)
    r"room(?<!\wroom)\s{0,2}(?:no\.?\s{0,2})?\d{1,4}[a-z]?(?:\s{0,2},|\s{1,3}(?:of|at|in))?\s{1,3}(?:the\s{1,3})?"
    r"(?:[\w'’&\-]{1,30}\s{1,3}){0,2}(?:inn|hotel|travelodge|hostel|b\s?&\s?b|guest\s?house|lodge|motel|"
    rf"{alternation(vocabulary().hidden_lodgings)})\b",
    re.IGNORECASE,
)
# The lodging first, its room after ("placed at the Premier Inn near the retail park, room 212", "hostel on Bold St,
# room 7"). Either way round, a room there is where someone sleeps when a person or a placement is near (not
# "training is in room 4 at the Holiday Inn").
LODGING_ROOM = re.compile(
    r"\b(?:inn|hotel|travelodge|hostel|b\s?&\s?b|guest\s?house|lodge|motel|bedsit|hmo|"
    rf"{alternation(vocabulary().hidden_lodgings)})\b[^.\n?!]{{0,60}}?"
    r"\broom\s{0,2}(?:no\.?\s{0,2}|number\s{1,3}|#\s{0,2})?\d{1,4}[a-z]?\b",
    re.IGNORECASE,
)
# A boat as a home, at its numbered berth or lock ("the narrowboat moored at Lock 14", "boat moored at Anderton, berth
# 12"), read like a room: with a person or placement near (round 46)
MOORING = re.compile(r"moored(?<!\wmoored)\s{1,3}(?:at|on|by|near|in)\b[^.\n?!]{0,40}?\b(?:lock|berth|mooring|pontoon|"
                     r"bridge)\s{0,2}(?:no\.?\s{0,2})?\d{1,4}\b", re.IGNORECASE)
_BOATS = frozenset({"boat", "narrowboat", "narrow", "houseboat", "house", "barge"})
_BOAT = re.compile(r"\b(?:narrow\s?boat|house\s?boat|boat|barge)\b[^.\n?!]{0,60}$", re.IGNORECASE)
BERTH_NUMBER = re.compile(r"\b(?:lock|berth|mooring|pontoon|bridge)\s{0,2}(?:no\.?\s{0,2})?\d", re.IGNORECASE)
# A room with its number, in both patterns above: looked for first (a literal start, found fast), as LODGING_ROOM is
# slow to try at every word of a long message
ROOM_NUMBER = re.compile(r"room(?<!\wroom)\s{0,2}(?:no\.?\s{0,2}|number\s{1,3}|#\s{0,2})?\d", re.IGNORECASE)
_LODGER = re.compile(r"\b(?:placed|placement|emergency|she|he|she's|he's|shes|hes|they|they're|theyre|them|her|his|"
                     r"their|mum|mum's|dad|dad's|child|kids|children|baby|family|girl|boy|son|daughter|yp|lad|lass|"
                     r"staying|living|lives|sleeping|housed|homeless|temp(?:orary)?\s{1,3}accom(?:modation)?(?!\s{1,3}(?:team|officers?|service))|"
                     r"\d{1,2}\s{0,2}(?:yo|y/o|years?\s{1,2}old))\b|\b(?:1[0-7]|[5-9])\b(?!\s{0,2}[:.]\d)",
                     re.IGNORECASE)

# "her little boy goes to little acorns nursery", "his daughter is at kings norton girls": a child placed in a
# nursery or school named in lower case with a setting word that is not "X school" (the words before the setting
# word must include one that does not describe, as in "the local nursery").
_CHILD = r"(?:son|daughter|boy|girl|child|kid|baby|toddler|grandson|granddaughter|lad|he|she)"
_SMALL = r"(?!(?:at|and|or|with|after|before|for|in|on|to|a|an|the|his|her|their|my|our)\b)"
_PLACED = re.compile(r"\b(?:goes\s{1,3}to|attends|attending|is\s{1,3}at|started\s{1,3}at)\s{1,3}", re.IGNORECASE)
SETTING = re.compile(
    rf"(?:the\s{{1,3}})?((?:{_SMALL}[a-z][\w.'’\-]{{1,30}}\s{{1,3}}){{1,3}})"
    r"(?:nursery|pre-?school|girls|boys|infants|juniors|primary|high|academy|grammar)\b",
    re.IGNORECASE,
)
CHILD_BEFORE = re.compile(rf"\b{_CHILD}\s{{1,3}}(?:[a-z]{{1,12}}\s{{1,3}}){{0,2}}$", re.IGNORECASE)
_CHILD_GATE = frozenset({"goes", "attends", "attending", "is", "started"})


def _child_settings(src: Source) -> Iterator[Span]:
    """Found from the verb that places someone (rarer than the child words), then the setting, then the child."""
    text = src.text
    # the verbs are tried only where their first words start (on the lower-case copy), not at every character
    for verb in src.at_words(_PLACED, _CHILD_GATE):
        m = SETTING.match(text, verb.end())
        named = m is not None and any(w not in NOT_SCHOOL_NAME for w in m.group(1).lower().split())
        if m and named and CHILD_BEFORE.search(text, max(0, verb.start() - 40), verb.start()):
            yield "school_year", verb.start(), m.end()


# A nursery's room or class at a named setting ("caterpillar room at Little Acorns day nursery", "the baby room at
# Rainbows nursery"): a class at a named school, when a child or an age is in the sentence.
SETTING_ROOM = re.compile(r"(?:room|class|group)\s{1,3}(?:at|in)\s{1,3}(?:the\s{1,3})?((?:[\w'’\-]{2,25}\s{1,3}){1,3}?)"
                          r"(?:day\s{1,3})?(?:nursery|pre-?school|playgroup|creche)\b", re.IGNORECASE)
_GROUP_NOUNS = frozenset({"room", "class", "group", "base", "unit", "provision", "hub"})
_GROUP_KINDS = frozenset({"nurture", "resource", "inclusion", "autism", "asd", "hearing", "enhanced", "send", "sen"})
_ROOM_NAME = re.compile(r"\b[a-z]{3,20}\s{1,3}$", re.IGNORECASE)  # "caterpillar room": the room has a name
_CHILD_NEAR = re.compile(rf"\b{_CHILD}\b|\b(?:her|his)\b|\d\s{{0,2}}(?:yo|y/o|years?\s{{1,2}}old)\b", re.IGNORECASE)


# A small group in a named school ("in the nurture group at Kingsley St John's", "the resource base at Upton High"):
# a handful of children, so as narrow as a class, when a child is near.
SCHOOL_GROUP = re.compile(r"(?:nurture|resource|inclusion|autism|asd|hearing|enhanced|send|sen)\s{1,3}(?:group|base|"
                          r"unit|class|room|provision|hub)\s{1,3}(?:at|in)\s{1,3}(?:the\s{1,3})?(?-i:[A-Z])[\w'’\-]{1,30}",
                          re.IGNORECASE)


def _setting_rooms(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """A nursery's named room, a school's small group: each found from its own word, with a child near."""
    for m in src.at_words(SCHOOL_GROUP, words & _GROUP_KINDS):
        if _CHILD_NEAR.search(src.text, max(0, m.start() - 80), min(len(src.text), m.end() + 80)):
            yield "school_year", m.start(), m.end()
    text = src.text
    for m in src.at_words(SETTING_ROOM, words & {"room", "class", "group"}):
        named = any(w not in NOT_SCHOOL_NAME for w in m.group(1).lower().split())
        if (named and (room := _ROOM_NAME.search(text, max(0, m.start() - 22), m.start()))
                and _CHILD_NEAR.search(text, max(0, m.start() - 80), min(len(text), m.end() + 80))):
            yield "school_year", room.start(), m.end()


def _digits(run: str) -> tuple[str, bool]:
    """The digits a read-out run stands for, and whether any were words."""
    out: list[str] = []
    repeat, spoken = 1, False
    for piece in _PIECE.findall(run.lower()):
        if piece in _REPEAT:
            repeat, spoken = _REPEAT[piece], True
            continue
        d = _DIGIT_WORDS.get(piece, piece)
        spoken = spoken or piece in _DIGIT_WORDS
        out.append(d[0] * repeat + d[1:] if repeat > 1 else d)
        repeat = 1
    return "".join(out), spoken


def spoken_numbers(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """Phone and NHS numbers read out in words or split by separators the digit shapes do not take (tried only where
    a digit word or a run of digits starts, Source.at_starts: the engine tried it at every character)."""
    text = src.text
    found = src.at_starts(_SPOKEN_ANY_CASE, heapq.merge(src.word_starts(words & GATE), digit_runs(src))) \
        if src.low is not None else _SPOKEN_ANY_CASE.finditer(text)
    for m in found:
        if m.end() - m.start() > _LONGEST_READ_OUT:
            continue  # more than any one number said aloud: a list or a table, not counted digit by digit
        d, spoken = _digits(m.group(0))
        if not 10 <= len(d) <= 11:
            continue
        near_nhs = _NHS.search(text, max(0, m.start() - 40), m.start()) is not None
        if len(d) == 10 and (near_nhs or (not d.startswith("0") and nhs_number_valid(d))):
            if spoken or _ODD_SEPARATOR.search(m.group(0)):
                yield "nhs_number", m.start(), m.end()
        elif spoken and (d.startswith("0") or near_nhs or len(d) == 10):
            yield "phone", m.start(), m.end()


def _lodgings(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """A hotel room, a moored boat or a street corner given as where a family lives (the patterns run on the
    lower-case copy)."""
    if "corner" in words:
        yield from (("address", m.start(), m.end()) for m in src.finditer(HOME_CORNER))
    rooms = "room" in words and src.search(ROOM_NUMBER, 0, len(src.text)) is not None
    if rooms or "moored" in words:
        lodgers: list[tuple[int, int]] | None = None  # where a person or placement is named, found once if needed
        found = (*src.finditer(HOTEL_ROOM), *src.finditer(LODGING_ROOM)) if rooms else ()
        boats = ("moored" in words and bool(words & _BOATS)
                 and src.search(BERTH_NUMBER, 0, len(src.text)) is not None)
        moorings = (m for m in src.finditer(MOORING) if _BOAT.search(src.text, max(0, m.start() - 70), m.start()))
        for m in (*found, *(moorings if boats else ())):
            if lodgers is None:
                lodgers = [(c.start(), c.end()) for c in src.finditer(_LODGER)]
            k = bisect.bisect_left(lodgers, (m.start() - 80, 0))
            # a cue within 80 characters either side of the room, not inside it (its own number is no age)
            # (a refuge's room needs none: where it is is hidden by design, round 43)
            if any(b <= m.start() or a >= m.end() for a, b in lodgers[k:k + 8] if a <= m.end() + 80) or any(
                    h in m.group(0).lower() for h in vocabulary().hidden_lodgings):
                yield "address", m.start(), m.end()


def _grouped(text: str) -> Iterator[Span]:
    for m in GROUPED.finditer(text):
        d = "".join(c for c in m.group(0) if c.isdigit())
        if nhs_number_valid(d) or _NHS.search(text, max(0, m.start() - 40), m.start()):
            yield "nhs_number", m.start(), m.end()


def _cued_nhs(text: str) -> Iterator[Span]:
    """Ten digits after an NHS cue however they are grouped, ending at a group's end (not the start of a longer
    number): the cue says what the number is, so the grouping and the check digit do not matter."""
    low = text.lower()
    if len(low) == len(text):  # the cue matched on a lower-case copy (same offsets), faster than ignoring case
        text = low
    for m in _CUED_NHS_LOW.finditer(text) if text is low else CUED_NHS.finditer(text):
        total = 0
        for g in _GROUPS.finditer(m.group(1)):
            total += len(g.group(0))
            if total >= 10:
                if total == 10:
                    yield "nhs_number", m.start(1), m.start(1) + g.end()
                break
    for m in _NHS_AFTER_LOW.finditer(text) if text is low else NHS_AFTER.finditer(text):
        if sum(len(g) for g in _GROUPS.findall(m.group(0))) == 10:
            yield "nhs_number", m.start(), m.end()


# A birth date said in words ("born on the fourth of march two thousand and twelve", "born twenty-third of september"),
# and a birth month with its year ("she's a june 2014 baby"): a date of birth without a digit, or without "born".
_ORD_WORD = (r"(?:(?:twenty|thirty)[\s\-]{0,2})?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
             r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
             r"thirtieth)")
SPOKEN_DATE = re.compile(rf"\b{_ORD_WORD}\s{{1,3}}(?:of\s{{1,3}})?{_MONTH}(?!\w)"
                         rf"|\b{_MONTH}\s{{1,3}}(?:the\s{{1,3}})?{_ORD_WORD}\b", re.IGNORECASE)
# A baby of a feast day with its year ("a christmas eve baby, 2012", "a 2016 new year's day baby").
_FEAST = r"(?:christmas|xmas|boxing|new\s{1,3}year'?s?|valentine'?s?|halloween|bonfire\s{1,3}night|leap)"
FEAST_BABY = re.compile(rf"\b{_FEAST}\s{{1,3}}(?:(?:day|eve)\s{{1,3}})?baby\b[\s,\-–(]{{0,4}}"
                        r"(?:(?:in|of|from)\s{1,3})?'?(?:19|20)\d{2}"
                        rf"|\b(?:19|20)\d{{2}}\s{{1,3}}{_FEAST}\s{{1,3}}(?:(?:day|eve)\s{{1,3}})?baby\b", re.IGNORECASE)
FEAST_DAY = re.compile(rf"\b{_FEAST}\s{{1,3}}(?:day|eve)\b", re.IGNORECASE)  # a birthday on it is a birth date
# A birth placed by the season of its year ("born in the spring of 2016", "born late winter 2015", "born at home ...
# in the winter of 2022": within 50 characters of "born" in its sentence): three months, as narrow as a month (round
# 28); a year alone ("born in 2018") is not.
SEASON_BIRTH = re.compile(r"\bborn\b[^.!?\n]{0,50}?\s(?:in\s{1,3})?(?:the\s{1,3})?(?:(?:early|late|mid)[\s\-]{1,3})?"
                          r"(?:spring|summer|autumn|winter)\s{1,3}(?:of\s{1,3})?'?(?:19|20)\d{2}\b", re.IGNORECASE)
_SEASONS = frozenset({"spring", "summer", "autumn", "winter"})
MONTH_BABY = re.compile(rf"\b{_MONTH}\s{{1,3}}'?(?:19|20)?\d{{2}}\s{{1,3}}(?:baby|born|birthday)\b", re.IGNORECASE)
_BIRTH_WORDS = frozenset({"born", "birth", "birthday", "dob", "bday"})
_FEAST_WORDS = frozenset({"christmas", "xmas", "boxing", "new", "valentine", "valentines", "halloween", "bonfire",
                          "leap"})
_BIRTH_WORD = re.compile(r"(?:born|birth|birthday|dob|bday)\b", re.IGNORECASE)
_ORD_WORDS = frozenset(re.findall(r"[a-z]{4,}", _ORD_WORD)) | {"first", "second", "third"}
_MONTH_WORDS = frozenset({"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
                          "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
                          "november", "dec", "december"})


def _spoken_birth_dates(src: Source, words: frozenset[str], digits: bool) -> Iterator[Span]:
    """Found from the birth cue or the month (a few words per message), never by scanning every character."""
    text = src.text
    if words & _BIRTH_WORDS and words & _ORD_WORDS:
        for cue in src.at_words(_BIRTH_WORD, _BIRTH_WORDS & words):
            if date := SPOKEN_DATE.search(text, max(0, cue.start() - 60), cue.end() + 60):
                yield "date_of_birth", min(cue.start(), date.start()), max(cue.end(), date.end())
    if digits and "born" in words and words & _SEASONS:
        yield from (("date_of_birth", m.start(), m.end()) for m in src.at_words(SEASON_BIRTH, frozenset({"born"})))
    if digits and words & {"baby", "born", "birthday"} and (months := words & _MONTH_WORDS):
        yield from (("date_of_birth", m.start(), m.end()) for m in src.at_words(MONTH_BABY, months))
    if digits and "baby" in words and words & _FEAST_WORDS:
        yield from (("date_of_birth", m.start(), m.end()) for m in src.finditer(FEAST_BABY))
    if words & {"birthday", "bday", "born"} and words & _FEAST_WORDS:  # "her birthday is christmas eve"
        for cue in src.at_words(_BIRTH_WORD, words & {"birthday", "bday", "born"}):
            if day := FEAST_DAY.search(text, max(0, cue.start() - 30), cue.end() + 30):
                yield "date_of_birth", min(cue.start(), day.start()), max(cue.end(), day.end())


# An e-mail address written out to dodge a filter ("kerry dot bannister at outlook dot com", "j.smith at gmail.com",
# "kerry [at] outlook [dot] com"): a name part, "at", and a domain with at least one "dot" or dotted ending.
_AT = r"(?:\bat\s|\(at\)|\[at\])"  # (bracketed, no space is needed: "lilz(at)gmail.com", round 47)
_DOT = r"(?:dot|\(dot\)|\[dot\])"
_SPELT_DOMAIN = (
    rf"{_AT}\s{{0,3}}[a-z0-9\-]{{2,30}}"
    rf"(?:\s{{1,3}}{_DOT}\s{{1,3}}(?:com|co|uk|org|net|gov|nhs|ac|sch|me|info|io)\b(?:\s{{1,3}}{_DOT}\s{{1,3}}[a-z]{{2,3}}\b)?"
    r"|\.(?:com|co\.uk|org|net|gov\.uk|nhs\.net|ac\.uk|me|io)\b)")
SPELT_EMAIL = re.compile(
    rf"\b[a-z0-9_]{{1,30}}(?:(?:\s{{1,3}}{_DOT}\s{{1,3}}|[._])[a-z0-9_]{{1,30}}){{0,3}}\s{{0,3}}{_SPELT_DOMAIN}",
    re.IGNORECASE)
# "at" and a domain, the end of every spelt address: looked for first, as the whole pattern is slow to try at every
# word of a long message and most messages have no such domain
SPELT_DOMAIN = re.compile(_SPELT_DOMAIN, re.IGNORECASE)


# Children told apart by a number after the same initials ("TK1 and TK2 (twins)"): not key stages, postcode districts or
# other service letters ("KS1 and KS2", "CH1 and CH2"), which the acronym lists hold.
NUMBERED_INITIALS = re.compile(r"([A-Z](?<!\w[A-Z])[A-Z]{1,2})([1-9])\s{0,2}(?:and|&|,|/)\s{0,2}\1[1-9]\b")  # (\b[A-Z])


def _numbered_initials(text: str) -> Iterator[Span]:
    v = lexicon().vocab
    for m in NUMBERED_INITIALS.finditer(text):
        letters = m.group(1).lower()
        if not {letters, letters + m.group(2)} & (v.acronyms | v.service_acronyms):
            yield "initials", m.start(), m.end()


def _written(m: re.Match[str]) -> str:
    """The address as it would be typed ("info at lscp dot org" is "info@lscp.org"), for the team-inbox check."""
    out = re.sub(rf"\s{{1,3}}{_DOT}\s{{1,3}}", ".", m.group(0), flags=re.IGNORECASE)
    return re.sub(rf"\s{{0,3}}{_AT}\s{{0,3}}", "@", out, count=1, flags=re.IGNORECASE)


def informal_detectors(src: Source, words: frozenset[str], digits: bool) -> list[Iterator[Span]]:
    """Lazy detectors, each skipped when the text has none of its words."""
    text = src.text
    out: list[Iterator[Span]] = []
    odd = digits and ("/" in text or "_" in text or "." in text) and _ODD_SEPARATOR.search(text) is not None
    if words & GATE or odd:
        out.append(spoken_numbers(src, words))
    if odd:
        out.append(_grouped(text))
        out.append(("phone", m.start(), m.end()) for m in DOTTED_MOBILE.finditer(text)
                   if sum(ch.isdigit() for ch in m.group()) == 11)
    if digits and words & _NHS_CUES:
        out.append(_cued_nhs(text))
    if words & _CHILD_GATE:
        out.append(_child_settings(src))
    if words & {"nursery", "preschool", "pre", "playgroup", "creche", *_GROUP_KINDS} and words & _GROUP_NOUNS:
        out.append(_setting_rooms(src, words))
    if words & {"corner", "room", "moored"}:
        out.append(_lodgings(src, words))
    if ("at" in words and (words & {"dot", "com"} or ".co" in text or ".org" in text or ".net" in text)
            and src.search(SPELT_DOMAIN, 0, len(text))):
        # (matched on the lower-case copy: team_mailbox lower-cases the address anyway)
        out.append(("email", m.start(), m.end()) for m in src.finditer(SPELT_EMAIL) if not team_mailbox(_written(m)))
    if digits:
        out.append(_numbered_initials(text))
    if words & (_BIRTH_WORDS | {"baby"}):
        out.append(_spoken_birth_dates(src, words, digits))
    return out
