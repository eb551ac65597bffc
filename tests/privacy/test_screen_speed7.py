"""Speed step 7: patterns once scanned over the whole message are tried only where one of their head words starts
(Source.at_words) or at the few places they can start. Each must find what the whole scan finds: every way into it
begins with a head (checked on the parsed pattern, as tests/privacy/test_screen_heads.py does), and a text holding a
sentence per way in gives the same spans both ways."""

from __future__ import annotations

import re
from re import _parser

import pytest

from bot.privacy import household as hh
from bot.privacy.source import Source
from tests.privacy.test_screen_heads import _openings

HEADED = [(hh.SET_CUE, hh._SET_CUES), (hh.SIBLING_TO, hh._SIB_TO_CUES), (hh.WHOSE_REMOVED, hh._WHOSE_CUES),
          (hh.SIB_IS_AGED, hh._SIB_CUES), (hh.NAMED_SET, hh._NAMED_CUES)]
SENTENCES = ["4 kids in the house, ages 2, 5, 9 and 15", "mum has 3: 14, 11 and the baby", "younger 2 are 4 and 6",
             "the sisters at X, 11 and 13", "new baby is sibling to the 2 girls on plans", "half-sister of his 3 boys",
             "whose 3 older kids were adopted", "whose other two children were removed", "her brother is the 15yo",
             "older bro is the 15 yr old missing", "the twin girls", "Triplet boys in yr 3", "their twin sons",
             "twelve grandchildren", "stepsisters to the 4 lads", "big two", "got 12 (all boys)", "the twins 4 and 6",
             "S.P yr 8", "ref Y.B -", "RO'B seen", "JO’B and K.L.", "a.b", "x_2 kids", "2kids", "the  triplets",
             "youngest   six", "the   twins", "has 4 (two boys)"]


# (SIBLING_TO opens with an optional "half"/"step", which _openings cuts at: its heads hold both and the sibling words)
@pytest.mark.parametrize(("pattern", "heads"), [h for h in HEADED if h[0] is not hh.SIBLING_TO])
def test_every_way_into_a_household_pattern_starts_with_a_head(pattern: re.Pattern[str],
                                                               heads: frozenset[str]) -> None:
    openings = _openings(list(_parser.parse(pattern.pattern.lower(), pattern.flags)))
    assert openings and all(any(o.startswith(h) for h in heads) for o in openings), sorted(
        o for o in openings if not any(o.startswith(h) for h in heads))


@pytest.mark.parametrize(("pattern", "heads"), HEADED)
def test_tried_at_its_heads_a_household_pattern_finds_what_a_whole_scan_finds(pattern: re.Pattern[str],
                                                                             heads: frozenset[str]) -> None:
    text = " and ".join(SENTENCES) + ". " + ". ".join(s.upper() for s in SENTENCES)
    near = hh._SET_NEAR if pattern is hh.SET_CUE else None  # (SET_CUE is tried only with its count or set near)
    for body in (text, "Nothing of a household here at all. " * 200 + text):
        whole = [m.span() for m in Source(body).finditer(pattern)]
        assert whole
        assert [m.span() for m in Source(body).at_words(pattern, heads, near=near)] == whole


def test_initials_without_their_last_dot_are_tried_only_before_dots_and_apostrophes() -> None:
    text = ". ".join(SENTENCES) + " . 'A ’ x'O'B Q.Q" + "; seen at 3.4 on Mon. " * 40 + "Z.Z"
    src = Source(text)
    whole = [m.span() for m in hh.SHORT_DOTTED.finditer(text)]
    assert len(whole) >= 6
    assert [m.span() for m in src.at_starts(hh.SHORT_DOTTED, hh._dotted_places(text))] == whole


def test_a_lone_pair_of_letters_is_tried_only_where_a_short_run_starts() -> None:
    from bot.privacy.word_initials import _frames, _short_run_starts

    at_pair = _frames()[0]
    text = ("tm and her sister em; aa told me her dad has two wives; cd is not to be collected by dad; rj's mum rang. "
            "hm (yr 5) and a-m and her brother; x_tm and her mum, 7tm and his dad, Tm and his dad, (jb) said that his "
            "nan; the tm’s mum; ab-cd and her mum. ") + "Seen at home on 3 May with the social worker. " * 40
    for body in (text, text.upper() + text):
        src = Source(body)
        src._runs()  # (the gate is used once the message's runs are made)
        whole = [m.span() for m in at_pair.finditer(body)]
        assert len(whole) >= 7
        assert [m.span() for m in src.at_starts(at_pair, _short_run_starts(src))] == whole


def test_a_record_code_is_tried_only_where_one_can_start() -> None:
    import random

    from bot.privacy.digit_runs import code_starts
    from bot.privacy.patterns import CODE_REF

    text = ("ref CWAC-CP-22-0198, AB/12/C, 12/3/2024, AB1234 and AB-123456, LL12AB345678, 1234567 and x1234567, "
            "£1234567, ABCDEFG1234, ABCDEF-1234, 123456789/12, _AB12345, ÀB1234 ٣٤٥٦٧٨٩ and/or step-down 7/8ths. ")
    rng = random.Random(7)
    noise = "".join(rng.choice("AB1-/ x.£_ab") for _ in range(4_000))
    for body in (text, text * 3 + "Seen at home on 3 May. " * 40, noise):
        whole = [m.span() for m in CODE_REF.finditer(body)]
        assert len(whole) >= 5
        assert [m.span() for m in Source(body).at_starts(CODE_REF, code_starts(Source(body)))] == whole
