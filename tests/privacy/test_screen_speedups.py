"""The speed-ups of branch screenperf3 skip work, never change a finding: words built in bulk are the words built
one by one, a phrase shared by its words is the phrase each would read, a name list's governed words are still
judged by the same rule, and the combination patterns skipped for a message could not have matched any sentence of
it. scripts/check_screen_same.py compares whole findings against main's."""

from __future__ import annotations

import re

import pytest

from bot.privacy import find_identifiers
from bot.privacy.combos import _kinds
from bot.privacy.leads import _absent, _gate_leads
from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import words_of
from bot.privacy.roles import RoleReader
from bot.privacy.source import Source
from bot.privacy.tokens import TOKEN, Toks

_SLOTS = ("after", "before", "cap", "end", "norm", "possessive", "raw", "start")


def _toks(text: str) -> Toks:
    matches = list(TOKEN.finditer(text.lower()))
    return Toks(text, [m.span() for m in matches], [m.group() for m in matches])


@pytest.mark.parametrize("text", ["Jo's mum", "  'Kayla' and the Nowaks' flat — JT’s gran!", "X",
                                  "Present: Sarah Jones (DSL), Mark Brown (SW), Dr Amir Khan (GP). ",
                                  "(Jo Hill)\nIRO: Sue o'neill-Briggs, the ‘deepdive’ focus"])
def test_words_built_at_once_are_the_words_built_one_by_one(text: str) -> None:
    one_by_one = _toks(text)
    expected = [tuple(getattr(one_by_one[i], s) for s in _SLOTS) for i in range(len(one_by_one))]
    at_once = _toks(text)
    kept = at_once[0]  # a word already read is kept, not built again
    at_once.fill()
    assert at_once[0] is kept
    assert [tuple(getattr(at_once[i], s) for s in _SLOTS) for i in range(len(at_once))] == expected
    assert at_once[-1] is None and at_once[len(at_once)] is None


def test_a_phrase_is_shared_only_when_each_of_its_words_reads_it() -> None:
    texts = ["Jo Hill (IRO) said", "the DSL, Mrs Jo Hughes, and Dr. Hill", "Sarah jones and Mark Brown (SW)",
             "Jo Amy Ben Cara Dev Ella Finn Grace Hari Isla", "IRO: Jo Hill\nChild: Kayla"]
    shared = unshared = 0
    for text in texts:
        reader = RoleReader(_toks(text), lexicon())
        for i in range(len(reader.toks)):
            lo, hi = reader._read_phrase(i)
            if lo == hi:
                continue
            if reader._read_alike(lo, hi, i):
                shared += 1
                assert all(reader._read_phrase(k) == (lo, hi) for k in range(lo, hi + 1)), (text, i)
            else:
                unshared += 1
    assert shared and unshared  # both kinds were met: "Dr. Hill" and the long run of names are not shared


def test_a_list_of_professionals_in_role_still_lets_a_family_member_through() -> None:
    present = "Present: Sarah Jones (DSL), Mark Brown (SW), Dr Amir Khan (GP). " * 40
    assert "name" not in {f.kind for f in find_identifiers("Jo Hill (IRO) " * 200 + present)}
    # (a child's name right after a professional's: "Kayla" is not part of "Jo Hill" and is read on its own)
    for tail in ("and mum Kayla Nowak", "Jo Hill (mum)", "Dr Haddad's son Jayden", "Jo Hill (IRO); Kayla",
                 "Dr Amir Khan; Kayla"):
        assert "name" in {f.kind for f in find_identifiers("Jo Hill (IRO) " * 200 + present + tail)}, tail


def _gate_examples() -> list[str]:
    v = lexicon().vocab
    title = sorted(v.newspaper_titles)[0].capitalize()
    composition = sorted(v.family_compositions)[0]
    return [
        "the boy aged 9 in Neston", "a 12yo from the estate", "the girl, 15.", "the lad who is 6ft 2 on the estate",
        "the boy who is 5'10 in Neston", "the family near the M56 in Helsby", "the boy on the a49 in Helsby",
        "the only Roma family on the site", "the only year 11 who swims", "the girl in year 9 at the village school",
        "the boy in 2nd year at the academy", "the key stage 3 boy who", "the ks4 lad who", "the lad in reception",
        "the girl in the sixth form who", "the boy in nursery class", "the girl in class 4b", "the lad in year eleven",
        "the girl in lower sixth", "the boy in nursery", "the twins in years 7 and 10",
        "the girl who was on Hollyoaks", f"the boy who was in the {title} last week",
        "the family the whole estate calls the dealers", "everyone round here knows them",
        "the famous dad's boy", "the lad whose dad plays for the Rovers", "the girl who won the under 14 boxing title",
        "the county chess champion in Neston", "the family who run the chip shop in Frodsham",
        f"the {composition} in Neston", "the family of 9 in Neston", "the family with seven kids in Neston",
        "the boy who sat by the door",
    ]


def test_a_combination_pattern_is_skipped_only_where_no_sentence_could_match() -> None:
    """Every cut of each example (a sentence may end mid-word) finds the same kinds with the skipping as
    without; and each skippable pattern is kept for some example and skipped for the control."""
    kept: set[str] = set()
    for text in _gate_examples():
        src = Source(text)
        absent = _absent(src, words_of(text))
        kept |= set(_gate_leads()) - absent
        for b in range(1, len(text) + 1):
            assert _kinds(src, 0, b, absent) == _kinds(src, 0, b, frozenset()), (text, b)
    assert kept == set(_gate_leads())
    control = "the boy who sat by the door " * 3
    assert set(_gate_leads()) <= _absent(Source(control), words_of(control))


def test_each_example_sentence_is_found_by_the_pattern_it_probes() -> None:
    """(So the test above is not comparing two empty answers.)"""
    found = [k for text in _gate_examples()[:-1] for k in [_kinds(Source(text), 0, len(text), frozenset())]]
    assert all(found), [t for t, k in zip(_gate_examples(), found, strict=False) if not k]
    assert re.search(r"\d", "".join(_gate_examples()))


def test_the_casework_loop_skips_a_message_with_no_word_name_but_its_verbs() -> None:
    """Sixteenth session: "add" is a casework verb and, in the name list, a first name; 40,000 characters of "add "
    ran the casework loop 10,000 times (55 ms). A message whose only word-names are the list's own verbs is skipped,
    and a verb of the list is never read as the name after it; a word-name after a verb is still read."""
    from bot.privacy.casework_names import casework_name_spans

    text = "add " * 10_000
    assert list(casework_name_spans(Source(text), words_of(text))) == []
    found = "rang to say faith had a bruise on her shin"
    assert [k for k, *_ in casework_name_spans(Source(found), words_of(found))] == ["name"]
