"""A child known through a parent's one-of-a-kind post (moved out of combos.py, which stays under 400 lines)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import Source, Span
from bot.privacy.pointers import _RELATIVE, _RELATIVE_WORDS, _alternation

# A child known through a parent's one-of-a-kind post in a place ("the vicar's daughter", "the head's son"): everyone
# there knows whose child that is. A post alone ("the head's decision") names no child.
_CHILD = (r"(?:(?:little|eldest|youngest|oldest|older|younger|twin|teenage|step)\s{1,3})?(?:son|sons|daughter|"
          r"daughters|kid|kids|child|children|boy|boys|girl|girls|lad|lads|twins|baby|grandson|granddaughter|stepson|"
          r"stepdaughter|grandkids|grandchildren|grandchild|nephew|niece|stepkids)\b")


@cache
def _post_child() -> re.Pattern[str]:
    posts = _alternation(lexicon().vocab.unique_posts)
    where = r"(?:local\s{1,3}|village\s{1,3}|school\s{1,3}|new\s{1,3})?"
    return re.compile(rf"the\s{{1,3}}{where}(?:{posts})(?:['’]s|s)\s{{1,3}}{_CHILD}"  # "the mayors daughter", typed so
                      # "the son of the local vicar", "eldest son of the hoylake lifeboat coxswain" (a note's subject)
                      rf"|(?:the\s{{1,3}})?{_CHILD}\s{{1,3}}of\s{{1,3}}the\s{{1,3}}{where}(?:[a-z]{{2,20}}\s{{1,3}}){{0,2}}?"
                      rf"(?:{posts})\b"
                      # "the girl whose mum is the town crier", "the lad whose grandad is the lock keeper"
                      rf"|the\s{{1,3}}{_CHILD}\s{{1,3}}whose\s{{1,3}}(?:mum|mam|mother|dad|father|stepdad|stepmum|nan|"
                      rf"gran|grandad|grandma|granddad|grandpa|uncle|auntie|aunt)\s{{1,3}}(?:is|was)\s{{1,3}}the\s{{1,3}}"
                      rf"{where}(?:{posts})\b", re.IGNORECASE)


# Where a match can start: "the", or a child word opening a note ("eldest son of the lifeboat coxswain").
_POST_CHILD_CUES = frozenset({"the", "little", "eldest", "youngest", "oldest", "older", "younger", "twin", "teenage",
                              "step", "son", "sons", "daughter", "daughters", "kid", "kids", "child", "children", "boy",
                              "boys", "girl", "girls", "lad", "lads", "twins", "baby", "grandson", "granddaughter",
                              "stepson", "stepdaughter", "grandkids", "grandchildren", "grandchild", "nephew", "niece",
                              "stepkids"})


def post_child_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """A child named by whose child they are, where the parent holds a post one person holds."""
    if "the" not in words or not words & _post_gate():
        return
    yield from (("combination", m.start(), m.end()) for m in src.at_words(_post_child(), _POST_CHILD_CUES & words))


@cache
def _post_gate() -> frozenset[str]:
    last = [w.split()[-1] for w in lexicon().vocab.unique_posts]
    return frozenset(last) | frozenset(w + "s" for w in last)  # "the mayors daughter": the apostrophe left out


@cache
def _post_holder() -> re.Pattern[str]:
    """'grandad is the mayor this year', 'maternal grandfather is a Wirral councillor', 'nan sits as a magistrate':
    a relative who holds a post few hold, its place or time between the article and the post (round 52)."""
    posts = _alternation(lexicon().vocab.unique_posts)
    return re.compile(rf"{_RELATIVE}(?:['’]?s|\s{{1,3}}(?:is|was|sits\s{{1,3}}as|serves\s{{1,3}}as|works\s{{1,3}}as))"
                      r"\s{1,3}(?:(?:now|also|still|actually)\s{1,3})?(?:the|a|an)\s{1,3}(?:[a-z'’\-]{2,20}\s{1,3}){0,2}?"
                      rf"(?:{posts})\b"
                      # "dad is the head of the household": a family's own head holds no post
                      r"(?!\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:house|household|family|home)\b)", re.IGNORECASE)


def post_holder_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """A relative named by a post one person (or a few) in the area holds: everyone there knows the family."""
    if not (cues := _RELATIVE_WORDS & words) or not words & _post_gate():
        return
    yield from (("workplace", m.start(), m.end()) for m in src.at_words(_post_holder(), cues))
