"""A relative's job at one branch of a chain (round 55): "she manages the X Express on Y road", "mum has just started at
the X pharmacy in Y", "both parents work at the X on the high street". Also both of a child's parents or carers at
one named workplace ("both parents work nights at X Lodge care home"; pointers.py reads a plural relative only
before "a / the / job / shift"). And a child as the son or daughter of a workplace's one owner, landlord or manager
("the daughter of the owner of the X garden centre in Y"): that post has one holder, so their child is known.

pointers.py reads "works at" after a relative word; a chain names no one until its branch is placed, and then the
few staff of that branch are known to everyone who shops there. Here: a relative word or a pronoun, a work verb
(manages, runs, started, work), the chain (vocabulary shop_chains) and where its branch is ("on / in / near / off"
and a word). "Tesco in Runcorn is open late", "staff at the Aldi in X are trained" and "she manages the referrals"
pass. Cue words first (str.find), bounded quantifiers: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import alternation, lexicon
from bot.privacy.patterns import Source, Span, _sentence

_WORKS = frozenset({"manages", "managed", "managing", "runs", "ran", "running", "started", "starts", "starting",
                    "work", "works", "worked", "working", "employed", "job", "shifts", "manager", "supervisor"})
_WHO = re.compile(r"\b(?:mum|mam|mom|mother|dad|father|step-?dad|step-?mum|stepfather|stepmother|nan|nana|gran|grandad"
                  r"|grandma|grandpa|aunt|auntie|aunty|uncle|parents?|brother|sister|cousin|partner|boyfriend"
                  r"|girlfriend|grandmother|grandfather|he|she|they)\b", re.IGNORECASE)
_REACH = 60  # a work verb within this many characters before the chain, and its person before the verb


@cache
def _branch() -> tuple[re.Pattern[str], frozenset[str]]:
    chains = lexicon().vocab.shop_chains
    pattern = re.compile(rf"\b(?:{alternation(chains)})(?![\w'’&])\s{{1,3}}(?:[a-z'’]{{1,20}}\s{{1,3}}){{0,2}}?"
                         r"(?:on|in|near|off|by|at)\s{1,3}(?:the\s{1,3})?[a-z][\w'’\-]{2,30}", re.IGNORECASE)
    return pattern, frozenset(m.group() for w in chains if (m := re.match(r"[a-z]+", w)))  # (as words_of splits)


def chain_job_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """Sentences in which a relative is said to work at a chain's branch placed by where it is."""
    pattern, firsts = _branch()
    if not words & _WORKS or not (present := words & firsts):
        return
    text = src.text
    for m in src.at_words(pattern, present):
        a, _b = _sentence(text, m.start(), m.end())
        lo = max(a, m.start() - _REACH)
        verb = _verb_before(src, lo, m.start())
        if verb is not None and _someones(src, max(a, verb - _REACH), verb):
            yield "workplace", m.start(), m.end()
            return


# a plural relative word, and what ties it to one child ("her parents", "the parents", "both parents", "Jo's parents")
_PLURAL = frozenset({"parents", "carers", "families", "grandparents"})
_TIED = re.compile(r"(?:\b(?:both|the|her|his|their|my|your|our|its)|['’]s?)\s{1,3}"
                   r"(?:(?:birth|foster|step)[\s\-]{0,2})?$", re.IGNORECASE)
_BOTH = re.compile(r"\s{1,3}(?:both|of\s{1,3}(?:the|a|this|that|her|his)\b)", re.IGNORECASE)  # "parents both work"


def _someones(src: Source, lo: int, hi: int) -> bool:
    """A relative or pronoun between lo and hi who is one child's: a plural with no determiner or possessive before
    it ("parents doing shifts at X in Y need childcare") is parents in general, no one's identity (review of rounds
    54-55)."""
    while lo < hi and (m := src.search(_WHO, lo, hi)):
        if m.group().lower() not in _PLURAL or _TIED.search(src.text, max(0, m.start() - 20), m.start()) or (
                _BOTH.match(src.text, m.end())):
            return True
        lo = m.end()
    return False


_VERB = re.compile(r"\b(?:" + "|".join(sorted(_WORKS)) + r")\b", re.IGNORECASE)


def _verb_before(src: Source, lo: int, hi: int) -> int | None:
    """Where a work verb starts between lo and hi, or None."""
    m = src.search(_VERB, lo, hi)
    return m.start() if m else None


# both of one child's parents or carers, their work, then a named workplace: capitalised, or ending in a workplace noun
_OWNER = re.compile(r"\b(?:both|the|her|his|their|my|your)\s{1,3}(?:(?:birth|foster|adoptive|step)[\s\-]{0,2})?$",
                    re.IGNORECASE)
_CARERS = frozenset({"parents", "carers", "grandparents"})
_NOT_PLACE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|I|The|A)\b"


@cache
def _parents_work() -> re.Pattern[str]:
    nouns = alternation(lexicon().vocab.workplace_nouns)
    return re.compile(
        r"(?i:(?:parents|carers|grandparents)\s{1,3}(?:(?:both|also|still)\s{1,3})?(?:work|worked|working)\s{1,3}"
        r"(?:(?:nights|days|shifts|night\s{1,3}shifts|day\s{1,3}shifts|together|full[\s\-]time|part[\s\-]time)\s{1,3})?)"
        rf"(?:(?i:at|for)\s{{1,3}}(?:(?i:the)\s{{1,3}})?(?!{_NOT_PLACE})[A-Z][\w'’\-]{{1,30}}"
        rf"|(?i:(?:at|in|for)\s{{1,3}}(?:the\s{{1,3}})?(?:[a-z'’\-]{{1,20}}\s{{1,3}}){{0,3}}?(?:{nouns})\b))")


def parents_work_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """Sentences in which both of a child's parents or carers are said to work at one named workplace."""
    if not (present := words & _CARERS) or not words & {"work", "worked", "working"}:
        return
    for m in src.at_words(_parents_work(), present, as_typed=True):
        if _OWNER.search(src.text, max(0, m.start() - 20), m.start()):
            yield "workplace", m.start(), m.end()
            return


# a child of the one holder of a workplace's post: the post (cue), then "of / at" its named workplace
_POSTS = frozenset({"owner", "owners", "landlord", "landlady", "manager", "proprietor", "licensee", "headteacher",
                    "publican", "boss"})
_CHILD_OF = re.compile(r"\b(?:son|daughter|child|kid|grandson|granddaughter|nephew|niece|stepson|stepdaughter|boy|girl"
                       r"|lad)s?\s{1,3}of\s{1,3}(?:the|their|her|his)\s{1,3}(?:(?:new|old|local|same)\s{1,3})?$",
                       re.IGNORECASE)


@cache
def _post_at() -> re.Pattern[str]:
    nouns = alternation(lexicon().vocab.workplace_nouns)
    return re.compile(
        rf"(?i:(?:{'|'.join(sorted(_POSTS))})\s{{1,3}}(?:of|at)\s{{1,3}})"
        rf"(?:(?:(?i:the)\s{{1,3}})?(?!{_NOT_PLACE})[A-Z][\w'’\-]{{1,30}}"
        rf"|(?i:(?:the|a)\s{{1,3}}(?:[a-z'’\-]{{1,20}}\s{{1,3}}){{0,3}}?(?:{nouns})\b))")


def child_of_post_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """Sentences in which a child is the son or daughter of a named workplace's owner, landlord or manager."""
    if not (present := words & _POSTS) or "of" not in words:
        return
    for m in src.at_words(_post_at(), present, as_typed=True):
        if _CHILD_OF.search(src.text, max(0, m.start() - 40), m.start()):
            yield "workplace", m.start(), m.end()
            return
