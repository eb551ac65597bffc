"""The screen's speed-ups change how a pattern is written or a word is looked up, never what is found: each
pattern rewritten to lead with a character and a look-behind (which Python's regex engine scans for quickly) finds
exactly what its plain \\b form finds, on text made to probe the boundary (letters, digits, underscores and
punctuation before the start, upper and lower case, the start of the text). scripts/check_screen_same.py compares
whole findings against main's."""

from __future__ import annotations

import re

import pytest

from bot.privacy import informal, patterns, pointers
from bot.privacy.source import Source
from bot.privacy.tokens import Toks

_PROBES = [
    "AB12 CDE", "xAB12 CDE", "_AB12 CDE", "1AB12 CDE", "(AB12-CDE)", "A123 BCD and zA123 BCD", "ab12 cde",
    "TK1 and TK2", "xTK1 and TK2", "_TK1 & TK2", "TK1/TK2 then ATK1 and TK2", "tk1 and tk2",
    "see https://example.org/a and xhttps://b.org, HTTP://C.ORG, www.d.org, awww.e.org, _www.f.org",
    "nhs no 485 777 3456", "xnhs no 485 777 3456", "NHSno: 4857773456", "_nhs 485 777 3456", "the nhs 12",
    "@kayla_x and x@jo, .@jo, <@U123, @@jo, _@jo, @a, jo@mail.com",
    "room 12 at the Premier Inn", "broom 12 at the Premier Inn", "ROOM 7 of the Travelodge", "_room 3 in the hostel",
]
_PLAIN = {
    "PLATE": (pointers.PLATE, r"\b[A-Z]{2}[\s\-]?\d{2}[\s\-]{0,2}[A-Z]{3}\b|\b[A-Z]\d{1,3}\s{0,2}[A-Z]{3}\b", 0),
    "NUMBERED_INITIALS": (informal.NUMBERED_INITIALS,
                          r"\b([A-Z]{2,3})([1-9])\s{0,2}(?:and|&|,|/)\s{0,2}\1[1-9]\b", 0),
    "URL": (patterns.URL, r"\b(?:https?://|www\.)[^\s<>|]{1,2000}", re.IGNORECASE),
    "CUED_NHS": (informal.CUED_NHS, r"\bnhs" + informal.CUED_NHS.pattern.removeprefix(r"nhs(?<!\wnhs)"),
                 re.IGNORECASE),
    "HANDLE": (pointers.HANDLE, r"(?<![\w.@<])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}", 0),
    "HOTEL_ROOM": (informal.HOTEL_ROOM, r"\broom" + informal.HOTEL_ROOM.pattern.removeprefix(r"room(?<!\wroom)"),
                   re.IGNORECASE),
}


@pytest.mark.parametrize("name", sorted(_PLAIN))
def test_a_pattern_led_by_a_look_behind_finds_what_its_word_boundary_form_finds(name: str) -> None:
    fast, plain, flags = _PLAIN[name]
    plain_re = re.compile(plain, flags)
    assert fast.pattern != plain_re.pattern
    for text in _PROBES:
        found = [(m.span(), m.groups()) for m in fast.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain_re.finditer(text)], text
        if flags:  # and on the screen's lower-case copy, as Source runs it
            assert [m.span() for m in Source(text).finditer(fast)] == [m.span() for m in plain_re.finditer(text)]
    assert any(fast.search(text) for text in _PROBES)


def test_words_are_built_once_and_none_past_either_end() -> None:
    toks = Toks("Jo's mum", [(0, 4), (5, 8)], ["jo's", "mum"])
    assert len(toks) == 2 and bool(toks)
    assert toks[0] is toks[0] and toks[0].norm == "jo" and toks[0].possessive and toks[0].cap
    assert toks[1].norm == "mum" and not toks[1].possessive and not toks[1].cap
    assert toks[-1] is None and toks[2] is None and len(toks) == 2
    assert not Toks("", [], [])


@pytest.mark.parametrize(("gate", "guarded"), [(informal.SPELT_DOMAIN, informal.SPELT_EMAIL),
                                               (informal.ROOM_NUMBER, informal.HOTEL_ROOM),
                                               (informal.ROOM_NUMBER, informal.LODGING_ROOM)])
def test_a_gate_is_found_wherever_the_pattern_it_guards_is(gate: re.Pattern[str], guarded: re.Pattern[str]) -> None:
    texts = ["kerry dot bannister at outlook dot com", "J.Smith AT gmail.com", "jo [at] mail [dot] co [dot] uk",
             "staying in room 12 at the Premier Inn", "the Travelodge, room no. 7", "hostel on Bold St, ROOM #3",
             "meet at the office", "room twelve at the inn", "a bedroom 4 of the hotel"]
    hits = [t for t in texts if guarded.search(t)]
    assert hits and all(gate.search(t) for t in hits)
    assert not gate.search("meet at the office") and not guarded.search("a bedroom 4 of the hotel")
