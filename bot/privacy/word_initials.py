"""Initials typed in lower case whose letters are also a word or an abbreviation, in a place only a person stands
(round 30): "aa told me her dad ...", "tm and her sister em", "cd is not to be collected by dad", "the child
identified as mp was found", "the child referred to as 'as'", "hm (yr 5)", and initials written with a dot and a
hyphen or apostrophe ("d.m-h", "j.o'd") or a dotted pair given an age ("n.b. aged 14").

kin.py and aged_initials.py pass letters that are an English word or a known abbreviation ("aa", "mp", "hm", "em"),
as practice text is full of them. Here the place decides: owning a relative after "told me", joined to "her sister",
barred from a relative's collection, named as a child's label, labelled with a school year. Two-letter function
words ("he told me his dad", "me and her mum") are never initials (`short_words` in the vocabulary). Each frame is a
bounded regex found from a cheap word gate: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import chain

from bot.privacy.initial_context import IS_AGE
from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import Source, Span, _before_dots
from bot.privacy.source import _RUNS

_SUBJECTS = frozenset({"pe", "re", "dt", "it", "rs", "cs", "pp", "ks", "yr"})  # school subjects given a year


_SEX = r"(?:boy|girl|male|female|m|f)"
_AGE = r"(?:(?:yr|year|y)\s{0,2}(?:[1-9]|1[0-3])|aged?\s{0,2}\d{1,2}|\d{1,2}\s{0,2}(?:yo|y/o|yrs?)\b)"
# A school year or a worded age, with or without a child's sex; a bare age only beside the sex; a child's setting
# (round 38).
_BRACKET_AGE = (rf"(?i:(?:{_SEX}\s{{0,2}}[,/]?\s{{0,2}})?{_AGE}(?:\s{{0,2}}[,/]?\s{{0,2}}{_SEX})?"
                rf"|{_SEX}\s{{0,2}}[,/]?\s{{0,2}}\d{{1,2}}|\d{{1,2}}\s{{0,2}}[,/]?\s{{0,2}}{_SEX}"
                # or a child's setting, whatever the letters also stand for ("pr (reception)")
                r"|nursery|pre-?school|reception|infants|juniors)")


@cache
def _frames() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The frames after a lone pair of letters, a child's label, and a dotted letter: one pattern each."""
    rel = "|".join(sorted(lexicon().vocab.person_relations, key=len, reverse=True))
    # (round 38: or one letter and another joined by a hyphen, "a-m and her brother")
    pair = r"(?<![\w'’.\-])([a-z]{2}|[a-z]-[a-z])"
    at_pair = re.compile(pair + r"(?:"
                         # "tm and her sister em", "aa and his little brother"
                         r"\s{1,2}(?:and|&)\s{1,2}(?:his|her|their)\s{1,2}(?:(?:little|older|younger|big|baby|twin)"
                         rf"\s{{1,2}})?(?:{rel})\b(?:,?\s{{1,2}}([a-z]{{2}})(?![\w'’\-]))?"
                         # "aa told me her dad has two wives", "mp said that his mum"
                         r"|\s{1,2}(?:told|said|says|tells|disclosed|mentioned|explained|admitted|alleged|alleges|"
                         r"claimed|claims)\s{1,2}(?:(?:me|us|staff|the\s{1,2}[a-z]{2,12}|(?:his|her)\s{1,2}[a-z]{2,12})"
                         rf"\s{{1,2}})?(?:that\s{{1,2}})?(?:his|her|their)\s{{1,2}}(?:{rel})\b"
                         # "cd is not to be collected by dad"
                         r"|\s{1,2}(?:is|was|must|should|can)\s{1,2}not\s{1,2}(?:to\s{1,2})?be\s{1,2}(?:collected|"
                         r"picked\s{1,2}up|taken|seen|contacted|visited|released|left\s{1,2}alone\s{1,2}with|left"
                         rf"\s{{1,2}}with)\s{{1,2}}(?:by\s{{1,2}})?(?:his\s{{1,2}}|her\s{{1,2}}|their\s{{1,2}})?(?:{rel})\b"
                         # "rj's mum rang": letters owning a relative (round 36)
                         rf"|(?:'s|’s)\s{{1,2}}(?:{rel})\b"
                         # "hm (yr 5)", "tm (year 10)": letters labelled with a school year in brackets; round 38:
                         # or an age with its word or a child's sex ("cm (aged 3)", "tc (boy, 12)", "(7, girl)")
                         rf"|\s{{0,2}}\(\s{{0,2}}{_BRACKET_AGE}\s{{0,2}}\))")
    # "the child identified as mp was found", "the child referred to as 'as' in the minutes"
    label = re.compile(r"\b(?:child|boy|girl|yp|baby|pupil|infant|sibling|daughter|son|young\s{1,2}person)\s{1,2}"
                       r"(?:(?:was|is|being|now)\s{1,2})?(?:identified|referred\s{1,2}to|known|recorded|named|listed"
                       r"|noted)\s{1,2}as\s{1,2}(?:(['‘\"“])([a-z]{2,3})['’\"”]|([a-z]{2,3})\s{1,2}(?:was|is|has|had"
                       r"|who|and)\b)")
    # "d.m-h", "j.o'd": a dotted initial and a hyphenated or O' surname's letters; "n.b. aged 14": a dotted pair given
    # an age
    # (round 38: or an age with its unit, "l.w 9yo")
    at_dot = re.compile(r"(?<![\w.])([a-z]\.[a-z](?:[-'’][a-z]{1,2}(?![\w'’\-])|\.?(?=,?\s{1,2}aged?\s{1,2}\d"
                        r"|,?\s{1,2}\d{1,2}\s{0,2}(?:yo|y/o|yrs?|years?\s{1,2}old)\b"
                        r"|\s{0,2}\(\s{0,2}(?:aged?\s{0,2})?\d)))", re.IGNORECASE)
    # "cm is 4 and still in nappies": a pair opening its sentence, then a child's age (round 36; found from "is" or
    # "was" after two letters, the rest read in _aged_pairs)
    aged = re.compile(r" (?:is|was)\s")  # (a literal start: a lookbehind first was tried at every character)
    # "child tw seen", "baby r-j weighed", "dad of lp": letters straight after a child word or a relative's "of"
    # (round 38)
    roles = "|".join(sorted(lexicon().vocab.strong_initial_roles, key=len, reverse=True))
    # (matched in the lower-case copy at each child word or relative, Source.at_words: a case-blind alternation
    # tried at every character cost 10 ms a long message; a word starts after a space, a bracket or a quote)
    # ("kid (op) said": or in brackets, whatever their case)
    after_role = re.compile(rf"(?<![^\s(\"'‘“:;,])(?:(?:{roles})|(?:{rel})\s{{1,2}}of)\s{{0,2}}"
                            r"(?:(?<=\s)|\(\s{0,2}(?=\w+\s{0,2}\)))([a-z]{2}|[a-z]-[a-z]|[a-z]\.[a-z]\.?)(?=['’]s\b|(?![\w'’\-]|\.\w))",
                            re.IGNORECASE)
    return at_pair, label, at_dot, aged, after_role


_OPENS = re.compile(r"(?:^|[.!?;:]\s{1,2}|\n\s{0,2}|[-–]\s)$")


def _aged_pairs(text: str, aged: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Each pair before "is" and an age that opens its sentence, as a match of the pair (group 1)."""
    for m in aged.finditer(text):
        a = m.start() - 2
        if a < 0 or not text[a:a + 2].isalpha() or not text[a:a + 2].islower():
            continue
        if (a == 0 or not (text[a - 1].isalnum() or text[a - 1] in "'’.-")) and IS_AGE.match(text, a + 2) and \
                _OPENS.search(text, max(0, a - 3), a):
            yield _PAIR.match(text, a)  # type: ignore[misc]


_PAIR = re.compile(r"([a-z]{2})")


_NOT_DOTTED = frozenset({"e.g", "e.g.", "i.e", "i.e."})
# "ip-m", "l-m": a letter or two, a hyphen, and a letter or two, standing alone in lower case (round 38; found from
# the hyphen, a literal start, and the letters before it read by _hyphened)
_HYPHEN = re.compile(r"-[a-z]{1,2}(?![\w\-'’@/]|\.\w)")
_HYPHEN_HEAD = re.compile(r"(?<![\w\-'’.@/])[a-z]{1,2}$")


def _hyphened(text: str) -> Iterator[tuple[int, int]]:
    """Each lower-case 'ab-c' standing alone that is no word, abbreviation, prefix or range."""
    lex = lexicon()
    v = lex.vocab
    for m in _HYPHEN.finditer(text):
        head = _HYPHEN_HEAD.search(text, max(0, m.start() - 3), m.start())
        if head is None:
            continue
        w = text[head.start():m.end()]
        if (w in v.hyphen_not_initials or head.group() in v.hyphen_not_initials or w in lex.english
                or w in lex.rare_english or w in v.acronyms or w in v.service_acronyms):
            continue
        yield head.start(), m.end()


@cache
def _role_words() -> frozenset[str]:
    """The words after_role starts at (a child word or a relative): without one the frame is not tried."""
    v = lexicon().vocab
    return v.strong_initial_roles | v.person_relations


# "tj quiet, rk tearful", "vs v quiet": a pair opening its clause, then (a word or two of degree and) a mood; found
# from the mood word, the pair read in the 30 characters before it (round 38)
_MOOD_BEFORE = re.compile(r"(?:^|[,;.:!?\-–]\s{1,2}|\band\s{1,2}|\n\s{0,2})([a-z]{2})\s{1,2}(?:(?:v|very|really|quite|"
                          r"so|a\s{1,2}bit|bit|still|was|is|seemed|seems|looked|looks|more|less)\s{1,2}){0,2}$")


def _moody(src: Source, words: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Each pair opening a clause straight before a mood (not a short word's, subject's or service's letters)."""
    v, text = lexicon().vocab, src.text
    moods = words & v.moods
    if not moods:
        return
    for start in src.word_starts(moods):
        pair = _MOOD_BEFORE.search(text, max(0, start - 30), start)
        if pair is not None and (w := pair.group(1)) not in v.short_words and w not in _SUBJECTS \
                and w not in v.service_acronyms and w not in v.label_not_letters:
            yield pair.start(1), pair.end(1)


# The words _frames' `label` starts with, as its pattern spells them (each whole, a space after it; "young" of "young
# person")
_LABEL_HEADS = frozenset({"child", "boy", "girl", "yp", "baby", "pupil", "infant", "sibling", "daughter", "son",
                          "young"})


def word_initial_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """Each frame's letters, unless a two-letter function word, a school subject or a dotted abbreviation."""
    text = src.text
    short = lexicon().vocab.short_words
    at_pair, label, at_dot, aged, after_role = _frames()
    matches: list[re.Match[str]] = []
    # (tried only where a word of one or two letters starts, when the message's runs are made: the engine tried it at
    # every character; a message whose runs no reader has asked for, "a." 20,000 times, is left to the engine)
    matches.extend(src.at_starts(at_pair, _short_run_starts(src)) if src.low is not None and (_RUNS,) in src._memo
                   else at_pair.finditer(text))
    if " as " in text and (heads := words & _LABEL_HEADS):
        # (tried only where its child word starts, Source.at_starts: the engine tried it at every character)
        matches.extend(src.at_starts(label, iter(src.word_starts(heads))) if src.low is not None
                       else label.finditer(text))
    if "." in text:
        matches.extend(src.at_starts(at_dot, _before_dots(text)))  # (tried only at a letter before a dot)
    if " is " in text or " was " in text:
        matches.extend(_aged_pairs(text, aged))
    # (tried only where a child word or relative starts, Source.at_words: not the engine at every character)
    if cues := words & _role_words():
        skip = lexicon().vocab.label_not_letters | short | _SUBJECTS
        matches.extend(m for m in src.at_words(after_role, cues) if m.group(1) not in skip and (
            text[m.start(1):m.end(1)].islower() or text[m.start(1) - 1] == "("))
    if "-" in text:
        for a, b in _hyphened(text):
            yield "initials", a, b
    for a, b in _moody(src, words):
        yield "initials", a, b
    for m in matches:
        for g in range(1, (m.lastindex or 0) + 1):
            w = m.group(g)
            if w is None or len(w) < 2 or w in ("'", "‘", '"', "“"):
                continue
            if w.lower() in _NOT_DOTTED or (w.isalpha() and (w in short or w in _SUBJECTS or not w.islower())):
                continue
            yield "initials", m.start(g), m.end(g)


def _short_run_starts(src: Source) -> Iterator[int]:
    """Where a run of one or two letters or digits starts, in order: a lone pair ("tm and her sister") is a whole run
    of two letters (a space, a quote or a bracket after it), "a-m" one of one letter, and nothing but a run's first
    letter has no letter or digit before it (the runs are the lower-case copy's: its offsets are the text's). A run of
    digits is left out (the pair is of letters), and the places are sorted in C, not merged one by one."""
    return iter(sorted(chain.from_iterable(places for run, places in src._runs()[0].items()
                                           if len(run) <= 2 and run.isalpha())))
