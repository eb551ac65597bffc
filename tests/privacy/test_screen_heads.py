"""Gates the screen uses for speed must never change a finding. A pattern tried only where one of its head words
starts (Source.at_words) must find what a scan of the whole text finds: every way into it begins with a head (checked
on the parsed pattern, so an alternative added later without its head fails here, and on a sentence per way in). A
numbered street is tried only at numbers with a street word in reach; words_of is the regex's set of words."""

from __future__ import annotations

import re
from re import _constants as _sre
from re import _parser

import pytest

from bot.privacy.casework_names import IN_YEAR, IN_YEAR_HEADS
from bot.privacy.family_set import COUNTED, COUNTED_HEADS
from bot.privacy.headed import BIRTH_HEADS, at_heads
from bot.privacy.patterns import BIRTH_CUE, NUMBERED_STREET, YEAR_GROUP, words_of
from bot.privacy.places import house_numbers
from bot.privacy.schools import YEAR_HEADS
from bot.privacy.source import Source

HEADED = [(BIRTH_CUE, BIRTH_HEADS), (YEAR_GROUP, YEAR_HEADS), (COUNTED, COUNTED_HEADS)]
OPENED = [*HEADED, (IN_YEAR, IN_YEAR_HEADS)]  # (IN_YEAR's finds in SENTENCES are too few for the test below)
_SKIPPED = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)  # (\b and look-arounds consume nothing)


def _openings(items: list[tuple[object, object]], prefix: str = "", most: int = 12) -> set[str]:
    """Every literal opening (lower case, up to `most` characters) of a parsed pattern, cut at its first repeat."""
    if not items or len(prefix) >= most:
        return {prefix}
    (op, av), rest = items[0], items[1:]
    if op in _SKIPPED:
        return _openings(rest, prefix, most)
    if op is _sre.LITERAL:
        return _openings(rest, prefix + chr(av), most)  # type: ignore[arg-type]
    if op is _sre.IN and all(o in (_sre.LITERAL, _sre.RANGE) for o, _ in av):  # type: ignore[attr-defined]
        chars = [chr(c) for o, a in av for c in ([a] if o is _sre.LITERAL else range(a[0], a[1] + 1))]  # type: ignore
        return {s for ch in chars for s in _openings(rest, prefix + ch, most)}
    if op is _sre.SUBPATTERN:
        return _openings([*av[3], *rest], prefix, most)  # type: ignore[index]
    if op is _sre.BRANCH:
        return {s for branch in av[1] for s in _openings([*branch, *rest], prefix, most)}  # type: ignore[index]
    return {prefix}  # a repeat or anything else: the opening so far


@pytest.mark.parametrize(("pattern", "heads"), OPENED)
def test_every_way_into_the_pattern_starts_with_a_head(pattern: re.Pattern[str], heads: frozenset[str]) -> None:
    openings = _openings(list(_parser.parse(pattern.pattern.lower(), pattern.flags)))
    assert openings and all(any(o.startswith(h) for h in heads) for o in openings), sorted(
        o for o in openings if not any(o.startswith(h) for h in heads))


SENTENCES = ["dob 3/4/15", "d.o.b: 3/4/15", "D/O/B 3.4.15", "date of birth 3 May", "birth date 3/4", "she was born",
             "birthday on 3 May", "bday 3/4", "b-day 3/4", "b. 2015", "he turns 7 on Friday", "she is 7 on the 3rd",
             "EDD 12/05", "due date 12/05", "baby is due 3 May", "unborn due 3 May", "form 9KM", "tutor group 8JR",
             "she's due in May", "Year 7", "yr.8", "y9s", "fs 2", "6th form", "2nd year", "5th yr", "fifth year",
             "key stage 3", "KS4", "reception class", "lower sixth", "upper 6th", "in nursery", "nursery class",
             "class 4b", "year eleven", "foundation stage 2", "years 7 and 10", "Sixth Former", "yr r", "all the kids",
             "both of them", "3 children", "the 12 boys", "two of the girls", "eleven siblings", "all 4 brothers"]


@pytest.mark.parametrize(("pattern", "heads"), HEADED)
def test_tried_at_its_heads_the_pattern_finds_what_a_whole_scan_finds(pattern: re.Pattern[str],
                                                                       heads: frozenset[str]) -> None:
    text = " and ".join(SENTENCES) + " " + ". ".join(s.upper() for s in SENTENCES)
    whole = [m.span() for m in Source(text).finditer(pattern)]
    assert len(whole) > 10
    assert [m.span() for m in Source(text).at_words(pattern, heads)] == whole
    sparse = "Looked at without a number. " * 200 + text  # (heads sparse: at_heads tries them alone)
    assert [m.span() for m in at_heads(Source(sparse), pattern, heads)] == [m.span() for m in Source(sparse).finditer(
        pattern)]


def test_a_numbered_street_is_tried_only_at_numbers_with_a_street_word_in_reach() -> None:
    streets = ("She lives at 12 Elm Road, then 4 Broadway and number 9 on Elm Walk; 3 the Old Mill Lane, 15 St. Anne's "
               "Road, 7a Longfield and 22 Upper Duke Street. ")
    text = streets + "Seen on 3 May at 10, 2 visits in 14 days, year 6; " * 30 + streets
    src = Source(text)
    runs = [m.start() for m in re.finditer(r"(?<!\d)\d", text)]
    tried = list(house_numbers(src, words_of(text), iter(runs), NUMBERED_STREET))
    assert 12 <= len(tried) < len(runs) // 4
    whole = [m.span() for m in src.at_starts(NUMBERED_STREET, iter(runs))]
    assert len(whole) >= 12
    assert [m.span() for m in src.at_starts(NUMBERED_STREET, iter(tried))] == whole


def test_past_500_numbers_a_numbered_street_is_still_tried_only_with_a_street_word_in_reach() -> None:
    """Prose holding more than 500 numbers had every number past the 500th given to the regex engine, which then tried
    the numbered street at every character of the rest of the message (most of a 40,000-character message's screening
    time). Every number is filtered now, and the street after 600 numbers is still found."""
    text = "Seen on 3 May at 10, 2 visits in 14 days; " * 200 + "She lives at 12 Elm Road. " + "seen 4 times; " * 5
    src = Source(text)
    runs = [m.start() for m in re.finditer(r"(?<!\d)\d", text)]
    assert len(runs) > 600
    tried = list(house_numbers(src, words_of(text), iter(runs), NUMBERED_STREET))
    assert text.index("12 Elm") in tried and len(tried) < 20  # (the numbers just before it reach it too)
    whole = [m.span() for m in src.finditer(NUMBERED_STREET)]
    assert [m.span() for m in src.at_starts(NUMBERED_STREET, iter(tried))] == whole != []


@pytest.mark.parametrize("text", ["Hello wörld, naïve café 12abc_def x-ray", "x" * 45 + " ab " + "y" * 81,
                                  "a\ud800b CD", "ÆØÅ straße İstanbul ǅ ﬁre", "", "Seen 3/4: MUM's ’partner’ (JB)"])
def test_the_words_of_a_text_are_its_runs_of_a_to_z_in_pieces_of_40(text: str) -> None:
    assert words_of(text) == frozenset(re.findall(r"[a-z]{1,40}", text.lower()))


def test_a_year_group_after_in_is_found_at_its_heads_as_by_a_whole_scan() -> None:
    text = "Seen in yr 7, in year 10 and in Y 3; into year 9, within year 8, IN YEAR 12, in  year13, in_year 4. " * 3
    sparse = "Nothing of a year group in this sentence at all. " * 40 + text
    whole = [m.span() for m in Source(sparse).finditer(IN_YEAR)]
    assert len(whole) >= 12
    assert [m.span() for m in at_heads(Source(sparse), IN_YEAR, IN_YEAR_HEADS)] == whole
