"""A job said of "he" or "she" with where it is done, no relative before it (round 32): "he's a paramedic out of
Northfield ambulance station", "he's the goalkeeping coach for Tranmere U16s", "he works at the kebab shop next to
widnes station". The person a note is about, placed at one workplace, is found as a relative's workplace is
(pointers.py). Not a professional in role: a job among the professional roles counts only at a business ("she's the
manager at the hub" passes, "he's the manager of the Vauxhall plant" does not), and a role, title or service in the 90
characters before the pronoun makes it the worker's ("ask Jo in the MASH, she's the practice lead for health").
Each pronoun and what it reads around it is taken once per distinct text (Source.read_at_words): linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import islice

from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import Source, Span
from bot.privacy.pointers import _CLAUSE_END, WORK_TARGET
from bot.privacy.source import MANY_CUES, _reach_ahead
from bot.privacy.workplaces import job_word

PRONOUN_JOB = re.compile(
    r"\b(?:he|she)(?:(?:['’]?s|\s{1,3}(?:is|was))\s{1,3}(?:(?:now|still|also|actually)\s{1,3})?(?:a|an|the)\s{1,3}"
    r"((?:[a-z0-9][\w\-]{0,20}\s{1,3}){0,2}?[a-z][\w\-]{1,25})(?=\s{1,3}(?:based\s{1,3}|working\s{1,3})?"
    r"(?:at|out\s{1,3}of|for|of|on|in)\s)"
    r"|\s{1,3}(?:works|worked|is\s{1,3}working)(?:\s{1,3}as\s{1,3}(?:a|an)\s{1,3}[a-z][\w\-]{1,25})?"
    r"(?=\s{1,3}(?:at|for|in)\s))", re.IGNORECASE)
_CUES = frozenset({"he", "she", "hes", "shes"})
_NEAR_WORDS = frozenset({"a", "an", "the", "works", "worked", "working"})  # (one is in every match, near its start)
_WORDS = re.compile(r"[A-Za-z][\w'’\-]*")
_NOT_BUSINESS = frozenset({"nursery", "nurseries", "preschool", "pre-school", "playgroup", "school", "academy",
                           "primary", "college", "surgery", "dental", "dentist", "dentists", "club", "care home",
                           "nursing home", "ambulance station", "fire station", "police station"})
_ARTICLES = frozenset({"the", "a", "an", "our", "their", "this", "that"})
_BACK, _AHEAD = 90, 80
_MOST = 4 * MANY_CUES


@cache
def _worker_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that make the pronoun a worker's when just before it, and the one-word professional roles."""
    v = lexicon().vocab
    roles = frozenset(r for r in v.professional_roles if " " not in r)
    # ("work" of "social work" is a relative's own too: "spoke to dad at his work, he's the manager at X", round 52)
    services = frozenset(w for s in v.services for w in s.split()) - {"work"}
    return roles | v.professional_titles | services | {"worker"}, roles


def _place_words(text: str, start: int) -> list[str]:
    """The five words after a preposition, its article left out."""
    words = _WORDS.findall(text, start, min(len(text), start + 60))[1:6]
    return words[1:] if words and words[0].lower() in _ARTICLES else words


@cache
def _service_words() -> frozenset[str]:
    """A service's words: "she works in the MASH" and "for the council" name a worker's employer, no one's place."""
    v = lexicon().vocab
    return frozenset(w for s in v.services | v.sectors | v.acronyms for w in s.split())


def _names_place(words: list[str], business: bool) -> bool | None:
    lex = lexicon()
    nouns = lex.vocab.workplace_nouns
    low = [w.lower() for w in words]
    if (low and low[0] in _service_words()) or not lex.vocab.service_units.isdisjoint(low[:3]):
        return None  # (and no later place in the clause: "she works in the MASH on tuesdays")
    kinds = {w for k, w in enumerate(low) if w in nouns} | {" ".join(low[k:k + 2]) for k in range(len(low))} & nouns
    if business:  # (or a chain's branch: "manager at Tesco Extra Warrington", round 52)
        return bool(kinds - _NOT_BUSINESS) or not lex.vocab.shop_chains.isdisjoint([*low[:2], " ".join(low[:2])])
    return bool(kinds) or any(w.lower() not in lex.vocab.not_name_times and (w[0].isupper() or (
        len(w) > 3 and w.lower() not in lex.english and w.lower() not in lex.rare_english)) for w in words)


def _placed(src: Source, m: re.Match[str]) -> tuple[tuple[int, int], ...]:
    text, start = src.text, m.start()
    workers, roles = _worker_words()
    if not workers.isdisjoint(w.lower() for w in _WORDS.findall(text, max(0, start - _BACK), start)):
        return ()
    business = False
    if job := m.group(1):
        words = job.lower().split()
        if not job_word(words[-1]):
            return ()
        business = words[-1] in roles or " ".join(words[-2:]) in lexicon().vocab.professional_roles
    end = min(len(text), m.end() + _AHEAD)
    stop = _CLAUSE_END.search(text, m.end(), end)
    end = stop.start() if stop else end
    for t in WORK_TARGET.finditer(text, m.end(), end):
        if named := _names_place(_place_words(text, t.start()), business):
            return ((0, t.end() - start),)
        if named is None:
            return ()
    return ()


_READ = _reach_ahead(PRONOUN_JOB) + _AHEAD + 60


def pronoun_job_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    if not (cues := _CUES & words):
        return
    reads = src.read_at_words(PRONOUN_JOB, cues, _placed, (_BACK, _READ), near=(_NEAR_WORDS, 24))
    for start, _end, found in islice(reads, _MOST):  # (past _MOST jobs said of he or she, a message is no one note)
        yield from (("workplace", start + a, start + b) for a, b in found or ())
