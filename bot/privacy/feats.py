"""A child or relative picked out by a public win or placing (round 28): "the girl came third at the county
gymnastics finals", "the boy is the goalkeeper in the side that won the national schools cup", "her stepdad won a
lottery jackpot". A contest has one winner and a few placed; at a county, regional or national level, or in the
papers, everyone who follows it knows who they are.

combos.py counts a win as a detail once a sentence has been started at a described person ("the girl who..."); a
person said to be something ("the boy is the goalkeeper in the side that won...") or a relative as the subject
("her stepdad won...") started none. Here the sentence needs a definite person or a relative, the win or placing,
and a sign it was public (a level, a jackpot or lottery, the news); "a child who wins an award", "our school won the
regional award" and "mum won a raffle prize at the school fair" name no one. Cue words first, bounded quantifiers, each
sentence read once: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.privacy.combos import _patterns
from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import Source, Span, _sentence

_PLACE = r"(?:first|second|third|1st|2nd|3rd|runner[\s\-]{0,2}up)"
_PLACING = (r"(?:runner[\s\-]{0,2}up\s{1,3}(?:in|of|at)|finalist\s{1,3}(?:in|of|at)"
            rf"|came\s{{1,3}}{_PLACE}\s{{1,3}}(?:in|at)|placed\s{{1,3}}{_PLACE}\s{{1,3}}(?:in|at))")
WIN = re.compile(
    rf"\b(?:won|wins|winning|winner\s{{1,3}}of|crowned|{_PLACING})"
    r"\s{1,3}(?:(?:a|an|the|her|his|their)\s{1,3})?((?:[\w'’\-]{1,20}\s{1,3}){0,6}?)"
    r"(?:title|competition|trophy|award|cup|medal|championships?|contest|prize|tournament|lottery|jackpot|finals?|"
    r"pageant|bee|battle\s{1,3}of\s{1,3}the\s{1,3}bands|show|race|quiz|of\s{1,3}the\s{1,3}year)\b"
    # a placing in a contest named any way ("a finalist in the X Factor auditions"): its level or the news after it
    rf"|\b{_PLACING}\s", re.IGNORECASE)
_WIN_CUES = frozenset({"won", "wins", "winning", "winner", "crowned", "runner", "finalist", "came", "placed"})
# The win was public: its level, a prize the papers report, or the news in the sentence.
_LEVEL = re.compile(r"\b(?:national|regional|county|british|english|world|european|uk|jackpot|lottery"
                    r"|of\s{1,3}the\s{1,3}year)\b", re.IGNORECASE)  # ("Volunteer of the Year": a public award)
_AFTER = 60  # how far after a placing its contest's level is looked for
# Who won: one definite child, or a relative.
SUBJECT = re.compile(
    r"\b(?:the|this|that)\s{1,3}(?:[a-z'’\-]{1,20}\s{1,3})?(?:girl|boy|lad|lass|child|kid|baby|teen|teenager|yp|"
    r"youngster|pupil|daughter|son|young\s{1,3}person)\b(?!['’]s)"
    r"|\b(?:mum|mam|mother|dad|father|stepdad|stepmum|nan|gran|grandad|grandma|uncle|aunt|auntie|brother|sister|"
    r"cousin)\b(?!['’]s)", re.IGNORECASE)


def feat_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """Sentences in which one child or a relative is said to have won or been placed in a public contest."""
    if not words & _WIN_CUES:
        yield from appearance_spans(src, words)
        return
    text, news = src.text, _patterns()["event"]
    done = -1
    for win in src.at_words(WIN, _WIN_CUES & words):
        if win.start() < done:
            continue
        a, b = _sentence(text, win.start(), win.end())
        done = b
        if not src.search(SUBJECT, a, win.start()):
            continue
        # (the news looked for outside the win itself: "came second in" is a notable event of its own)
        level = src.search(_LEVEL, win.start(), min(b, win.end() + _AFTER) if win.group(1) is None else win.end())
        if level or src.search(news, a, win.start()) or src.search(news, win.end(), b):
            yield "combination", a, b
    yield from appearance_spans(src, words)


# A person seen on a programme the country watched (round 52): a definite child or a relative (SUBJECT), a child word
# or a pronoun opening the clause ("child appeared on X", "she was on X"), then the appearance.
_APPEAR_VERBS = frozenset({"appeared", "appears", "was", "were", "been", "featured", "starred", "went"})
_BEFORE = 80
_SEEN = re.compile(r"\b(?:child|girl|boy|lad|kid|yp|teen|baby|he|she|they)\b", re.IGNORECASE)


@cache
def _appeared() -> tuple[re.Pattern[str], frozenset[str]]:
    shows = lexicon().vocab.screen_shows
    alternation = "|".join(sorted((re.escape(w) for w in shows), key=len, reverse=True))
    return (re.compile(r"\b(?:appeared|appears|was|were|been|featured|starred|went)\s{1,3}(?:on|in)\s{1,3}"
                       rf"(?:[\w'’&]{{1,20}}\s{{1,3}}){{0,3}}?(?:{alternation})(?![\w'’])"
                       # not a show's words used of practice: "strictly supervised contact", "the apprentice scheme",
                       # "the voice of the child", "documentary evidence" (the nineteenth session's review)
                       r"(?!\s{1,3}(?:of|supervised|scheme|schemes|evidence|bundle|workshop|workshops|contact|training"
                       r"|course|courses|programme|policy|work|approach|session|sessions)\b)", re.IGNORECASE),
            frozenset(w.split()[0] for w in shows))


def appearance_spans(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """Sentences in which one child or a relative is said to have been on a programme the country watched."""
    pattern, firsts = _appeared()
    if not words & firsts or not (verbs := words & _APPEAR_VERBS):
        return
    text = src.text
    for m in src.at_words(pattern, verbs):
        a, _b = _sentence(text, m.start(), m.end())
        a = max(a, m.start() - _BEFORE)  # who: within a clause's reach before the verb
        if src.search(SUBJECT, a, m.start()) or src.search(_SEEN, a, m.start()):
            yield "combination", m.start(), m.end()
            return
