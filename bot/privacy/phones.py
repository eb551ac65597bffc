"""Phone numbers: a family's number is an identifier; a service's published line is not.

Practitioners pass on front-door, duty and team numbers all the time, and the screen should not make them reword
"the LADO team number is 01925 ...". So a number is a service's (kind "public", never reported) when it is:

- freephone or national rate (0800, 0808, any 03: helplines such as Childline and the NSPCC, councils' lines);
- a landline (01 / 02) introduced or followed, in its own sentence, by a service word (front door, MASH, duty,
  switchboard, helpline, team, hub, "opt 2", "ext"...);
- a landline the writer gives as their own ("I'm on 01925 ... till 5").

A family word in the same sentence (mum, dad, nan, his, her, home...) always keeps it a "phone" ("her mum's
landline, the team has it"), and a mobile (07...) passes only as a team's shared one ("duty mobile", "work mobile":
service_mobile_cues): "call me on 07..." may be a parent's message quoted. Cue words are data (vocabulary.yaml:
service_phone_cues, self_phone_cues, service_mobile_cues).
Each number looks at a bounded window around it: linear time.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice

from bot.privacy.lexicon import lexicon

Span = tuple[str, int, int]

# (the look-behind, "no word or + before", sits after the first character, so the regex engine can skip ahead to the
# few characters a number can start with: several times faster on prose)
PHONE = re.compile(r"(?:\((?<![\w+]\()\s{0,2}\+\s{0,2}44\s{0,2}\)|\+(?<![\w+]\+)\s{0,2}44|\((?<![\w+]\()0044\)?"
                   r"|0(?<![\w+]0)044\)?|\((?<![\w+]\()0|0(?<![\w+]0))[\d\s\-()]{8,20}\d(?!\d)")
# A number from abroad, with its country code ("+48 512 345 678", round 32): a relative's, as no service the
# partnership publishes is abroad (8 to 15 digits with the code, the international limit).
FOREIGN = re.compile(r"\+(?<![\w+]\+)\s{0,2}(?!44)[1-9]\d{0,2}[\s\-]{0,2}\(?\d[\d\s\-()]{5,16}\d(?!\d)")
# Freephone and national-rate numbers are helplines and services (Childline 0800 1111, NSPCC 0808 800 5000).
# Every 03 number is a non-geographic line that public bodies and charities use (0300, 0303, 0333, 0345...).
PUBLIC_PREFIXES = ("0800", "0808", "03", "0845")
_WORD = re.compile(r"[a-z][a-z'’\-]{0,30}")
_BEFORE, _AFTER = 70, 45  # characters of the sentence looked at either side of a number
# (and members of the public who ring in: "caller on 01244 ..." is a person's number, whatever service took it)
_FAMILY_EXTRA = frozenset({"his", "her", "their", "home", "house", "personal", "private", "landline", "caller",
                           "callers", "witness", "informant"})


def digits_of(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


@cache
def _cues() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    v = lexicon().vocab
    family = ((v.person_relations | v.role_words | _FAMILY_EXTRA) - v.professional_roles
              - {"named", "called", "aka", "name", "names", "initials", "person", "re", "regarding", "concerning",
                 "children"})  # "Children's Social Care", "children's centre": a service, not a relative
    return v.service_phone_cues, v.self_phone_cues, frozenset(family), v.service_terms


def _window(text: str, start: int, end: int) -> str:
    """The words of the number's sentence within a bounded distance, space-joined and padded."""
    lo = max(0, start - _BEFORE)
    cut = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start), text.rfind("? ", lo, start))
    lo = cut + 1 if cut >= 0 else lo
    hi = min(len(text), end + _AFTER)
    stops = [i for i in (text.find(". ", end, hi), text.find("\n", end, hi), text.find("? ", end, hi)) if i >= 0]
    hi = min(stops, default=hi)
    part = (text[lo:start] + " " + text[end:hi]).lower().replace("’", "'")
    return " " + " ".join(_WORD.findall(part)) + " "


def _has(window: str, phrases: frozenset[str]) -> bool:
    return any(f" {p} " in window for p in phrases)


# A call or text that came *from* the number: the caller's own line, whatever service it rang ("someone keeps ringing
# the front desk from 01632 ...").
_CALLED_FROM = re.compile(r"\b(?:rang|ringing|rung|rings|called|calling|phoned|phoning|texted|texting|messaged|"
                          r"messaging|withheld)\b[^.?!\n]{0,50}\bfrom\s{1,3}(?:the\s{1,3})?(?:number\s{1,3})?$",
                          re.IGNORECASE)


# A number offered back to a question in the sentence before ("what's the duty team's number? is it 01244 ...").
_CONFIRM = re.compile(r"[?]\s{1,3}(?:is|was)\s{1,3}(?:it|that|this)\s{1,3}$", re.IGNORECASE)


def _service_line(text: str, start: int, end: int, national: str) -> bool:
    service, own, family, terms = _cues()
    if (called := _CALLED_FROM.search(text, max(0, start - 80), start)) and not _caller_is_service(
            text, called.start(), service):
        return False
    window = _window(text, start, end)
    if confirm := _CONFIRM.search(text, max(0, start - 16), start):  # the asking sentence is the number's sentence
        window = _window(text, confirm.start(), end)
    for term in terms:  # "private fostering team": the service's name, whose "private" is no family's number
        window = window.replace(f" {term} ", " service ")
    if any((w[:-2] if w.endswith("'s") else w) in family for w in window.split()):
        return False
    if national.startswith("07"):  # a mobile only as a team's shared one ("duty mobile"), not "mums work mobile"
        return _has(window, lexicon().vocab.service_mobile_cues) and not any(
            w.endswith("s") and w[:-1] in family for w in window.split())
    return national.startswith(("01", "02")) and (_has(window, own) or _has(window, service))


_SELF = frozenset({"i", "i'm", "im", "we", "we're", "we've", "i've", "i'll", "we'll"})


def _caller_is_service(text: str, verb: int, service: frozenset[str]) -> bool:
    """'I'm calling from 01925 ...', 'the duty team rang from 01244 ...': the writer or a service called."""
    lo = max(0, verb - 40)
    cut = max(text.rfind(". ", lo, verb), text.rfind("\n", lo, verb), text.rfind("? ", lo, verb))
    before = " " + " ".join(_WORD.findall(text[cut + 1 if cut >= 0 else lo:verb].lower().replace("’", "'"))) + " "
    return _has(before, _SELF | service)


def phones(text: str) -> list[Span]:
    """Every phone-number shape in text: kind "phone" for a person's, "public" for a service's."""
    out: list[Span] = []
    for m in PHONE.finditer(text):
        d = digits_of(m.group(0))
        d = d[4:] if d.startswith("0044") else d[2:] if d.startswith("44") and "+" in m.group(0)[:4] else d
        if 9 <= len(d.lstrip("0")) <= 11 and 10 <= len(d) <= 12:
            national = d if d.startswith("0") else "0" + d
            public = d.startswith(PUBLIC_PREFIXES) or _service_line(text, m.start(), m.end(), national)
            out.append(("public" if public else "phone", m.start(), m.end()))
    if "+" in text:
        # (the first 32 are enough to find the kind; more would only slow every later reader of these spans)
        out.extend(("phone", m.start(), m.end()) for m in islice(FOREIGN.finditer(text), 32)
                   if 8 <= len(digits_of(m.group())) <= 15)
        out.sort(key=lambda span: span[1])
    return out
