"""An account, page or group named in quotes beside its platform (round 55): 'facebook "X Y" posts about the kids', 'the
public Facebook page "X", set up by the father', "the 'X Estate Mums' fb group posted his pic", "the streamer 'X'".

pointers.py reads a quoted name after "account / username / page is"; a platform word straight before the quotes (or a
platform's group, page or chat straight after them), or a person who posts for an audience before them, names an
account as well: anyone can search for it. A quoted phrase away from a platform ("the 'Signs of Safety' model") is
not read. Cue words first (str.find), bounded quantifiers: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import Source, Span, _sentence
from bot.privacy.standouts import _PERSON, PERSON_WORDS

_QUOTE = r"['\"‘“]([^'\"‘’“”\n\[\]]{2,60})['\"’”]"
_POSTERS = frozenset({"streamer", "youtuber", "tiktoker", "influencer", "vlogger", "blogger"})
_AFTER = r"(?:group|page|chat|account|channel|profile)"
# every word capitalised, or one word with a digit, underscore or inner capital: a name, not a quoted remark
_NAME_LIKE = re.compile(r"[A-Z0-9][\w'’&.\-]{0,20}(?:\s{1,2}(?:[A-Z0-9&][\w'’&.\-]{0,20}|of|for|the|and|by|on)){0,7}"
                        r"|[a-z][a-z]{0,20}[\d_][\w.]{0,20}")
_GROUP = re.compile(r"\b(?:page|group|chat|channel|profile)\b", re.IGNORECASE)
_QUOTED_BEFORE = re.compile(rf"{_QUOTE}\s{{1,3}}$")  # the quotes straight before a platform's group or page


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    plats = sorted((p for p in lexicon().vocab.social_platforms if " " not in p), key=len, reverse=True)
    names = "|".join(re.escape(p) for p in plats)
    after = re.compile(
        rf"\b(?:{names}|{'|'.join(sorted(_POSTERS))})\b(?:\s{{1,3}}(?:page|group|account|profile|channel|name|handle))?"
        rf"(?:\s{{1,3}}(?:is|was|called|named))?\s{{0,3}}:?\s{{0,3}}{_QUOTE}", re.IGNORECASE)
    before = re.compile(rf"\b(?:{names})\s{{1,3}}{_AFTER}\b", re.IGNORECASE)
    return after, before, frozenset(plats) | _POSTERS


def quoted_account_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """A quoted account, page or group name beside its platform word, or after a word for one who posts."""
    if "'" not in src.text and '"' not in src.text and "‘" not in src.text and "“" not in src.text:
        return
    after, before, cues = _patterns()
    if not (present := words & cues):
        return
    people = bool(words & PERSON_WORDS)  # (a cheap word check before any sentence is searched for a person)
    for m in src.at_words(after, present):
        # a person's account is named like one ("Dazza Whittle", "ChesterChaos"); a page or group only with a person
        # in its sentence ("set up by the father", "posted his pic"): a service's own page names no one
        named = _NAME_LIKE.fullmatch(src.text[m.start(1):m.end(1)])
        if named and (not _GROUP.search(m.group()) or (people and _person_near(src, m.start()))):
            yield "social_media", m.start(1), m.end(1)
            return
    if people and words & {"group", "page", "chat", "account", "channel", "profile"}:
        for m in src.at_words(before, words & cues):
            q = _QUOTED_BEFORE.search(src.text, max(0, m.start() - 70), m.start())
            if q and _NAME_LIKE.fullmatch(src.text[q.start(1):q.end(1)]) and _person_near(src, q.start()):
                yield "social_media", q.start(1), q.end(1)
                return


def _person_near(src: Source, at: int) -> bool:
    a, b = _sentence(src.text, at, at + 1)
    return src.search(_PERSON, a, b) is not None
