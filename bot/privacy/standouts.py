"""A child or family that stands out (round 55): said to be the only one of their kind in a place ("only one in the
area", "the only case in the county", "only 3 cases in the UK", "the only house with the caravan"), seen by the
public ("the lad on the front of the X", "the boy from the crossing that was on the BBC", "the ones that got evicted
on that bailiffs programme") or in a public incident ("the lad who climbed the crane", "the child who survived the
collision", "kids found living in the van").

Everyone who lives there, watched it or read the paper knows which child is meant: no name is needed. Each reading
needs a person in its sentence (a definite child, a relative, the family), so "the only service in the area", "a
programme on the BBC about exploitation" and "children who survived abuse" pass. Cue words first (str.find), bounded
quantifiers, each sentence read from its cue: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.feats import SUBJECT
from bot.privacy.lexicon import alternation, lexicon
from bot.privacy.patterns import Source, Span, _sentence

PERSON_WORDS = frozenset({"child", "girl", "boy", "lad", "lass", "kid", "kids", "children", "baby", "yp", "teen", "son",
                          "daughter", "family", "mum", "dad", "mother", "father", "him", "her", "he", "she", "they",
                          "them", "ones", "household"})
_PERSON = re.compile(rf"\b(?:{'|'.join(sorted(PERSON_WORDS))})\b", re.IGNORECASE)
_SCOPE = (r"(?:area|county|country|uk|borough|town|village|city|region|school|estate|street|world|england|britain"
          r"|north[\s\-]west|patch|district)")
# "only one in the area", "the only case in the county", "only 3 cases in the UK", "the only house with the caravan"
ONLY = re.compile(
    r"\bonly\s{1,3}(?:(?:one|case|child|kid|family|house|boy|girl|household|pupil)"
    r"|(?:[2-9]|two|three|four|five|six|a\s{1,3}(?:few|handful\s{1,3}of))\s{1,3}(?:cases|children|kids|families))"
    rf"\s{{1,3}}(?:(?:(?:like\s{{1,3}}(?:this|that|it|him|her))|known|diagnosed|recorded)\s{{1,3}})?"
    rf"(?:(?:in|on)\s{{1,3}}(?:the\s{{1,3}}|this\s{{1,3}}|our\s{{1,3}})?{_SCOPE}\b"
    r"|with\s{1,3}(?:a|an|the)\s{1,3})", re.IGNORECASE)
_ONLY_CUES = frozenset({"only"})
# a definite person, then "on" a channel, a programme or the front of a paper; not after a watch or read verb
_MEDIA = (r"(?:bbc|itv|sky\s{1,3}news|look\s{1,3}north|granada(?:\s{1,3}reports)?|north\s{1,3}west\s{1,3}tonight"
          r"|front\s{1,3}page|front\s{1,3}of\s{1,3}the|telly|tv|radio|channel\s{1,3}\d"
          r"|(?:[\w'’]{1,20}\s{1,3}){0,2}?(?:programme|documentary|show))")
ON_AIR = re.compile(rf"\bon\s{{1,3}}(?:(?:the|that|a|this)\s{{1,3}})?{_MEDIA}\b"
                    r"|\b(?:shared\s{1,3}widely|went\s{1,3}viral|all\s{1,3}over\s{1,3}(?:facebook|tiktok|the\s{1,3}news))",
                    re.IGNORECASE)
_AIR_CUES = frozenset({"on", "shared", "went", "all"})
# one of these must be in the text before any "on" is tried (a cheap word check: "on" is in most sentences)
_MEDIA_WORDS = frozenset({"bbc", "itv", "sky", "north", "granada", "front", "telly", "tv", "radio", "channel",
                          "programme", "documentary", "show", "widely", "viral", "facebook", "tiktok", "news"})
_WATCHED = re.compile(r"\b(?:watch\w{0,3}|saw|seen|see|sees|heard|hear|listen\w{0,3}|read|reading|advertised|advert"
                      r"|posted|share|sharing)\b[^.?!\n]{0,30}$", re.IGNORECASE)
# (or a child word opening a described clause: "boy who is the drummer", "refugee boy from the crossing")
_DEFINITE = re.compile(r"\b(?:the|that|this)\s{1,3}(?:[a-z'’\-]{1,20}\s{1,3})?(?:family|ones|household)\b"
                       r"|\b(?:girl|boy|lad|lass|child|kid|yp|teen|baby)\s{1,3}(?:who|that|from|with)\b", re.IGNORECASE)
_BEFORE = 120
_WHO = frozenset({"who", "that"})


@cache
def _incident() -> tuple[re.Pattern[str], frozenset[str]]:
    """A public incident after who or that ('who climbed the crane') and the first words of its acts (cheap gate)."""
    vocab = lexicon().vocab
    acts, things = alternation(vocab.public_incident_acts), alternation(vocab.public_incident_things)
    pattern = re.compile(rf"\b(?:who|that)\s{{1,3}}(?:(?:was|were|had|got)\s{{1,3}}(?:been\s{{1,3}})?)?(?:{acts})"
                         rf"\s{{1,3}}(?:(?:the|a|an|that)\s{{1,3}})?(?:[\w'’\-]{{1,20}}\s{{1,3}}){{0,2}}?(?:{things})\b",
                         re.IGNORECASE)
    return pattern, frozenset(w.split()[0] for w in vocab.public_incident_acts)


def _subject_before(src: Source, at: int, a: int) -> bool:
    lo = max(a, at - _BEFORE)
    return bool(src.search(SUBJECT, lo, at) or src.search(_DEFINITE, lo, at))


def standout_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """Sentences in which one child or family is the only one of a kind, seen by the public or in a public incident."""
    text = src.text
    if words & _ONLY_CUES:
        for m in src.at_words(ONLY, _ONLY_CUES):
            a, b = _sentence(text, m.start(), m.end())
            if src.search(_PERSON, a, b):
                yield "combination", m.start(), m.end()
                break
    if words & _MEDIA_WORDS and (cues := words & _AIR_CUES):
        for m in src.at_words(ON_AIR, cues):
            a, _b = _sentence(text, m.start(), m.end())
            if _subject_before(src, m.start(), a) and not _WATCHED.search(text, max(a, m.start() - 40), m.start()):
                yield "combination", m.start(), m.end()
                break
    pattern, cues = _incident()
    if words & cues and (present := words & _WHO):
        for m in src.at_words(pattern, present):
            a, _b = _sentence(text, m.start(), m.end())
            if _subject_before(src, m.start() + 1, a) or src.search(_PERSON, max(a, m.start() - 30), m.start()):
                yield "combination", m.start(), m.end()
                break
