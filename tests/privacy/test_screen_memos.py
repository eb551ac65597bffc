"""The screen's memos (bot/privacy/source.py: Source.within, Source.local, Source.anywhere) skip work, never change
a finding: a window's remembered answer is the answer a fresh reading of that window gives, wherever it is, and a
pattern said to match nowhere matches in no window. A long message that repeats itself is what makes them
remember, so these build such messages from the screen's own cue words and compare every window with a fresh
reading on a new Source. scripts/check_screen_same.py compares whole findings against main's."""

from __future__ import annotations

import re
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.privacy import _spans, kin, names, source
from bot.privacy.combos import _WORD_REACH, _event_patterns, _patterns, _referent_cues, _referent_words, _subjects
from bot.privacy.patterns import DATE_IN_WORDS, SCHOOL_NAME, YEAR_GROUP, _sentence, words_of
from bot.privacy.places import _place_in
from bot.privacy.pointers import _RELATIVE_WORDS, _WORK_AHEAD, _WORK_BACK, _WORK_NEAR, RELATIVE_AT, _workplace
from bot.privacy.roles import RoleReader
from bot.privacy.schools import _SCHOOL_BACK, _pupil_in, _school_near
from bot.privacy.siblings import SIBLING_EVENT, SIBLING_SPECIFIC
from bot.privacy.source import Source, _lowered
from bot.privacy.tokens import READ_AFTER, READ_BEFORE, Toks

WORDS = ["his", "sister", "Twin", "twins", "in", "care", "was", "stabbed", "year", "yr", "7", "12", "at", "the", "boy",
         "who", "St", "Chad's", "Primary", "High", "School", "mum", "mums", "is", "a", "nurse", "Whiston", "hospital",
         "works", "Tesco", "Neston", "rock", "ferry", "partner", "drives", "42", "bus", "Kayla", "Jo", "Hill", "(IRO)",
         "of", "five", "ks1", "born", "3rd", "May", "2015", "Ward", "İlkay", "ΣΑΣ", "lad", "one", "family", "yo", "an",
         "little", "young", "person", "14", "this", "girl", "with", "only"]
SEPS = [" ", " ", " ", ", ", ". ", "\n", "? ", "-", "'s ", " (", ") "]
PATTERNS = [SIBLING_EVENT, SIBLING_SPECIFIC, SCHOOL_NAME, YEAR_GROUP, DATE_IN_WORDS, _event_patterns()["incident"]]


@st.composite
def messages(draw: st.DrawFn) -> str:
    """A short run of cue words, repeated (as a long message of one shape is), with a different run before it."""
    def run(size: int) -> str:
        pairs = draw(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), min_size=1, max_size=size))
        return "".join(w + s for w, s in pairs)
    return run(4) + run(10) * draw(st.integers(1, 25))


def _windows(text: str, step: int = 5) -> list[tuple[int, int]]:
    return [_sentence(text, i, min(len(text), i + 3)) for i in range(0, len(text), step)]


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return None if m is None else m.span()


@settings(max_examples=60)
@given(messages())
def test_a_remembered_window_is_what_a_fresh_search_finds(text: str) -> None:
    src = Source(text)
    for pattern in PATTERNS:
        anywhere = src.anywhere(pattern)
        for a, b in _windows(text):
            found = _span(src.search(pattern, a, b))
            assert found == _span(Source(text).search(pattern, a, b)), (pattern.pattern[:40], a, b)
            assert found is None or anywhere


@settings(max_examples=60)
@given(messages())
def test_a_remembered_reading_is_what_a_fresh_reading_gives(text: str) -> None:
    src = Source(text)
    for a, b in _windows(text):
        assert src.local(_school_near, a, b, _SCHOOL_BACK) == _school_near(Source(text), a, b)
        assert src.local(_place_in, a, b, 1) == _place_in(Source(text), a, b)
        if src.low is not None:  # (_schools reads it afresh when lower case changes the length)
            assert src.local(_pupil_in, a, b, 0) == _pupil_in(Source(text), a, b)
    words = frozenset(re.findall(r"[a-z]+", text.lower()))
    for rel in src.at_words(RELATIVE_AT, _RELATIVE_WORDS & words):
        args = (rel.start(), rel.end() + _WORK_NEAR + _WORK_AHEAD, rel.end() - rel.start(), rel.group(1) is not None)
        assert src.local(_workplace, args[0], args[1], _WORK_BACK, *args[2:]) == _workplace(Source(text), *args)


# A name after different roles and relatives, with what follows it: its near words alike, what decides it further
# away (a role before it, a list of names and then a role, "as" a role).
LEADS = ["the IRO", "the mum", "our DSL,", "his sister", "per Mrs Y, head of year,", "spoke to", "thanks", "Present:",
         "the new acting deputy designated safeguarding lead today for Halton is,"]
NAMES = ["is Jo Hill", "Jo Hill", "Jo,", "Jo Hill (IRO)", "jo hughes, service manager,", "Kayla", "Grace", "De Hale",
         "Jo Hill, Sam Bell, Ali Khan and Bea Hughes", "Jo Amy Ben Cara Dev Ella Finn"]
TAILS = [". X. ", ", she said. ", " and Sam are the Wirral leads. ", " signed it as independent scrutineer. ",
         " told mum. ", "\n", " - team manager - ", " (mum) "]


@st.composite
def name_messages(draw: st.DrawFn) -> str:
    """The same name and what follows it after several roles and relatives, each repeated (a repeated word's context
    is read from memory): a test that read further than Toks.context says would be told apart here."""
    name, tail = draw(st.sampled_from(NAMES)), draw(st.sampled_from(TAILS))
    leads = draw(st.lists(st.sampled_from(LEADS), min_size=2, max_size=4))
    return "".join((lead + " " + name + tail) * draw(st.integers(1, 25)) for lead in leads) + "the end"


@settings(max_examples=60)
@given(name_messages())
def test_a_remembered_judgement_is_what_a_fresh_reading_gives(text: str) -> None:
    remembered = sorted(_spans(text))
    with patch.object(Toks, "context", lambda self, i, before, after: (i,)):  # every word judged afresh
        assert sorted(_spans(text)) == remembered


class _Reads:
    """The word indices a candidate's judgement reads, as offsets from the candidate."""

    def __init__(self) -> None:
        self.at: int | None = None
        self.lo = self.hi = 0

    def note(self, k: object) -> None:
        if self.at is not None and isinstance(k, int) and k >= 0:
            self.lo, self.hi = min(self.lo, k - self.at), max(self.hi, k - self.at)


class _Norms(list):  # type: ignore[type-arg]
    reads: _Reads

    def __getitem__(self, k):  # type: ignore[no-untyped-def]
        if isinstance(k, slice):
            for x in (k.start, None if k.stop is None else k.stop - 1):
                self.reads.note(x)
        else:
            self.reads.note(k)
        return list.__getitem__(self, k)


LONG_READS = ["the new acting interim deputy designated safeguarding lead today for Halton is, Jo Amy Ben Cara Dev "
              "Ella, and", "per Mrs Y, the new acting interim senior principal head of year, Zoe Amy Ben has stopped",
              "Jo Amy Ben Cara Dev Ella and Jo Amy Ben Cara Dev Ella and Jo Amy Ben Cara Dev Ella and Jo Amy Ben Cara "
              "Dev Ella, Sam Bell and Ali Khan are the named nurse for safeguarding children as designated nurse",
              "Jo Amy Ben Cara Dev Ella, Jo Amy Ben Cara Dev Ella, Jo Amy Ben Cara Dev Ella, Jo Amy Ben Cara Dev Ella "
              "and Jo Hill signed the report today as the acting independent scrutineer for the area",
              "IRO: Jo Amy Ben Cara Dev Ella\nChild: Kayla", "Jo Hill - youth justice case manager - presenting",
              "rob peter to pay paul", "every Tom, Dick and Harry", "Patience is always really very getting needed",
              "Safeguarding Practice Group Partnership Board NHS Foundation Trust Wirral (SPGPB) met; SPGPB said",
              "the Nowaks have refused", "the bakers at the core group review", "KM, TR, JS, LB and the baby",
              "TK home visit", "KD + LD", "kb and his stepdad", "has tk been back to see his dad today"]


def test_a_judgement_reads_no_further_than_its_context() -> None:
    """The words the name reader (_judge, with the role reader), the family-surname and the initials readers read
    lie within READ_BEFORE / READ_AFTER of the candidate, so a context (Toks.context) holds all a judgement depends
    on."""
    reads = _Reads()

    def judging(judge):  # type: ignore[no-untyped-def]
        def judged(i, *args):  # type: ignore[no-untyped-def]
            reads.at = i
            try:
                return judge(i, *args)
            finally:
                reads.at = None
        return judged

    def get(self, k):  # type: ignore[no-untyped-def]
        reads.note(k)
        return dict.__getitem__(self, k)

    def reader(self, toks, lex, passed=None):  # type: ignore[no-untyped-def]
        init(self, toks, lex, passed)
        self.norms = _Norms(self.norms)
        self.norms.reads = reads

    init = RoleReader.__init__
    with patch.object(names, "_judge", judging(names._judge)), patch.object(kin, "_family", judging(kin._family)), \
            patch.object(kin, "_initials", judging(kin._initials)), patch.object(Toks, "__getitem__", get), \
            patch.object(RoleReader, "__init__", reader):
        for text in LONG_READS + [lead + " " + name + tail for lead in LEADS for name in NAMES for tail in TAILS]:
            _spans(text)
    assert -reads.lo <= READ_BEFORE and reads.hi <= READ_AFTER, (reads.lo, reads.hi)
    assert reads.hi >= 30  # (the long lists above were read far)


@settings(max_examples=40)
@given(messages())
def test_matches_at_many_cue_words_are_the_matches_tried_afresh(text: str) -> None:
    """Source.at_words remembers a match by the text around its cue word once the cue words are many."""
    src, low = Source(text * 3), (text * 3).lower()
    if src.low is None:
        return
    for pattern, cues in ((SIBLING_EVENT, frozenset({"in", "was", "stabbed", "year", "yr"})),
                          (RELATIVE_AT, frozenset({"mum", "mums", "partner"})),
                          (YEAR_GROUP, frozenset({"year", "yr"}))):
        starts = sorted(i for w in cues for i in range(len(low)) if low.startswith(w, i)
                        and (i == 0 or not low[i - 1].isalnum()))
        fresh, end = [], -1
        for pos in starts:
            if pos >= end and (m := _lowered(pattern).match(low, pos)):
                end = m.end()
                fresh.append(m.span())
        assert [m.span() for m in src.at_words(pattern, cues)] == fresh


@settings(max_examples=80)
@given(messages())
@example("so the little scared lad was hit. 14 yo. the lovely big family of 5.\n girl found. that kind young person")
@example("an older distressed teen with a knife, that poor little one who, this couple living")
def test_patterns_tried_only_near_their_words_find_what_trying_everywhere_finds(text: str) -> None:
    """An event's subject and a combination's referent are tried only where their child or person word is near."""
    words, subject, referent = words_of(text), _event_patterns()["subject"], _patterns()["referent"]
    assert [m.span() for m in _subjects(Source(text), subject, words)] == [
        m.span() for m in Source(text).finditer(subject)]
    near = (_referent_words() & words, _WORD_REACH)
    assert [m.span() for m in Source(text).at_words(referent, _referent_cues() & words, near=near)] == [
        m.span() for m in Source(text).at_words(referent, _referent_cues() & words)]


def _plain_search(self: Source, pattern: re.Pattern[str], start: int, end: int, *, as_typed: bool = False
                  ) -> re.Match[str] | None:
    if self.low is not None and pattern.flags & re.IGNORECASE and not as_typed:
        return _lowered(pattern).search(self.low, start, end)
    return pattern.search(self.text, start, end)


def _every_word(self: Toks, block: list[int]) -> list[object]:
    return list(block)  # each word its own key (Toks.contexts gives the keys of Toks.keyed and tokens.judged)


# The same cue in two sentences that differ only past its first words, after the same words (more than any reading
# looks back), each repeated past MANY_CUES: a memo that kept less than all a reading looks at would give the second
# sentence the first one's answer.
_SAME = ("Nothing else to add for now, thank you all for asking, and I will write again when there is more to say. "
         "Please do keep an eye on the rota this week. ")
MIXED = [(_SAME + one + _SAME + other) * 24 for one, other in (
    ("mum is a nurse and has been for years and years now at Whiston. ",
     "mum is a nurse and has been for years and years now at home!!. "),
    ("a girl aged 9 lives in Neston. ", "a girl aged 9 lives in Nxxxxx. "),
    ("the lad was hit by a car on friday. ", "the lad was hit by a car on monkey. "),
    ("his sister is in care. ", "his sister is lovely. "),
    ("the girl who was stabbed last week and her sister is lovely. ",
     "the girl who was happy last week and her sister is lovely. "),
    ("his sister is very lovely indeed, and she was arrested. ", "his sister is very lovely indeed, and she was sad. "),
    ("she is in yr 7 at meadowbank. ", "she is in yr 7 at the school. "),
    ("dad's NI number is QQ123456C. ", "dad's NI number is not known. "),
    ("she lives on Moor Lane with mum. ", "she lives on Moor Lane with the. "),
    ("the club on Moor Lane has closed, said mum. ", "the club on Moor Lane has closed, said the. "),
    ("Jo Hill (IRO) said no. ", "Jo Hill (mum) said no. "),
    ("Jo Hill, Sam Bell and Ali Khan are the Wirral leads. ", "Jo Hill, Sam Bell and Ali Khan are the Wirral mums. "),
    ("KM (looked after) rang. ", "KM (looked at it) rang. "),
    ("her snap is kayla_x99. ", "her snap is kayla_xxx. "),
    ("the mother, a superintendent physiotherapist based at Clatterbridge, rang. ",
     "the mother, a superintendent physiotherapist who stays at home now, rang. "),
    ("the uncle? he's a superintendent physiotherapist based in Runcorn. ",
     "the uncle? he's a superintendent physiotherapist based at home. "),
    ("st giles's hospital said. ", "st giles's mum said no. "))]


@settings(max_examples=60)
@given(st.one_of(messages(), name_messages()))
@example(MIXED[0])
@example(MIXED[1])
@example(MIXED[2])
@example(MIXED[3])
@example(MIXED[4])
@example(MIXED[5])
@example(MIXED[6])
@example(MIXED[7])
@example(MIXED[8])
@example(MIXED[9])
@example(MIXED[10])
@example(MIXED[11])
@example(MIXED[12])
@example(MIXED[13])
@example(MIXED[14])
@example(MIXED[15])
@example(MIXED[16])
def test_screening_with_every_memo_left_out_finds_the_same(text: str) -> None:
    """A message screened with nothing remembered (every window searched, every reading and judgement made afresh,
    every cue matched afresh) gives every span the screen gives."""
    remembered = sorted(_spans(text))
    with patch.object(Source, "search", _plain_search), \
            patch.object(Source, "local", lambda self, fn, start, end, back, *args, typed=False: fn(self, start, end,
                                                                                                  *args)), \
            patch.object(source, "MANY_CUES", 10**9), patch.object(Toks, "contexts", _every_word), \
            patch.object(Toks, "key", lambda self, i: i):
        assert sorted(_spans(text)) == remembered
