"""A relative's job at one branch of a chain (round 55): "she manages the X Express on Y road", "mum has just started at
the X pharmacy in Y", "both parents work at the X on the high street".

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

from bot.privacy.lexicon import lexicon
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
    alternation = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s{1,3}") for w in chains), key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{alternation})(?![\w'’&])\s{{1,3}}(?:[a-z'’]{{1,20}}\s{{1,3}}){{0,2}}?"
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
        if verb is not None and src.search(_WHO, max(a, verb - _REACH), verb):
            yield "workplace", m.start(), m.end()
            return


_VERB = re.compile(r"\b(?:" + "|".join(sorted(_WORKS)) + r")\b", re.IGNORECASE)


def _verb_before(src: Source, lo: int, hi: int) -> int | None:
    """Where a work verb starts between lo and hi, or None."""
    m = src.search(_VERB, lo, hi)
    return m.start() if m else None
