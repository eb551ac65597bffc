"""What a child is known as, and a place only one child holds: a nickname ("the lad they call 'Tiny'", "goes by
Smokey", "known on the estate as Little Red") and a post in a named team or club ("captain of the Runcorn Linnets
under 12s", "the mascot for Warrington Wolves").

A nickname is a name: everyone who uses it knows whose it is. A team has one captain, one goalkeeper, one mascot, so
the post with the team's name (or its age group) points at one child. Practice text speaks of nicknames and posts in
general ("known by nicknames in county lines groups", "the captain of the school council"): no quoted or capitalised
name follows, or no team is named. Bounded quantifiers; cheap word gates first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.lexicon import fold, lexicon
from bot.privacy.patterns import Source, Span

_QUOTED = r"(?:'[^'\n]{2,25}'|\"[^\"\n]{2,25}\"|‘[^’\n]{2,25}’|“[^”\n]{2,25}”)"
_CAPITALISED = r"(?-i:[A-Z][a-z'’]{1,20}(?:\s{1,2}[A-Z][a-z'’]{1,20})?)\b"
# Cues after which a quoted or capitalised word is a name someone goes by.
NICKNAME = re.compile(
    # ("her nickname at school is 'X'", "his nickname with the older boys was X": where or among whom, round 28)
    rf"\b(?:nick-?named|nickname(?:\s{{1,3}}(?:(?:at|on|in|round|around|with|among|amongst)\s{{1,3}}"
    rf"(?:[a-z'’]{{1,15}}\s{{1,3}}){{1,3}}?)?(?:is|was)|\s{{1,3}}of)?|goes\s{{1,3}}by|went\s{{1,3}}by|calls\s{{1,3}}(?:him|her)self"
    rf"|(?:they|everyone|everybody|kids|lads|girls|boys)\s{{1,3}}(?:call|calls|called)(?:\s{{1,3}}(?:him|her))?)\s{{1,3}}(?:the\s{{1,3}})?(?:{_QUOTED}|{_CAPITALISED})",
    re.IGNORECASE,
)
# "known (locally / on the estate) as ...": services and schemes are known as their names too ("an approach known as
# 'New Ways of Working'", "arrangements known locally as the Halton ... Partnership"), so only of a child or young
# person named just before it ("kid known as 'chicken boy'", "she's known on the estate as Little Red").
KNOWN_AS = re.compile(
    rf"\bknown\s{{1,3}}(?:(?:locally|round\s{{1,3}}here|on\s{{1,3}}the\s{{1,3}}(?:estate|street|site|streets)|at\s{{1,3}}school"
    rf"|to\s{{1,3}}(?:everyone|police|the\s{{1,3}}police))\s{{1,3}})?as\s{{1,3}}(?:the\s{{1,3}})?(?:{_QUOTED}|{_CAPITALISED})",
    re.IGNORECASE,
)
_PERSON_BEFORE = re.compile(r"\b(?:kid|lad|lass|girl|boy|child|yp|he|she|he's|she's|hes|shes|teen|teenager|baby|"
                            r"toddler|son|daughter|young\s{1,3}person)\b(?:\s{1,3}(?:is|was|who|that|'s|[a-z]{1,12}ly))?"
                            r"\s{1,3}$", re.IGNORECASE)
# "the boys at the park call him 'Chopper'": whoever calls a child by a quoted name, it is a nickname (round 30); a
# capitalised word after "call him" may be a title or a post ("the kids call him Sir"), so only a quoted one.
CALLED_QUOTED = re.compile(rf"\b(?:call|calls|called|calling)\s{{1,3}}(?:him|her)\s{{1,3}}{_QUOTED}", re.IGNORECASE)
# a note that starts "known locally as 'little tank'" is about a person (its subject dropped, as notes drop it: "known
# to police"); a scheme or service is named with its subject ("an approach known as 'signs of safety'") (round 30)
# "mum calls her Kezzie", "mum wants to call her nevaeh": what a relative (or staff, friends: round 50) calls a child,
# or means to name a baby, is the child's name (round 48); the word must be a first name or no English word, so "dad
# calls her names", "mum will call him Monday" and a pet name ("calls her Princess") pass (_kin_named)
KIN_CALLS = re.compile(
    r"\b(?:mum|mam|mother|dad|father|nan|nana|nanna|gran|grandma|grandad|parents|family|carer|carers"
    r"|staff|teachers|friends|peers|everyone|everybody|kids|school)\s{1,3}"  # (round 50: "staff call him jojo")
    r"(?:calls|call|called|(?:wants|want|wanted|is\s{1,3}going|plans|planning|hopes)\s{1,3}to\s{1,3}call"
    r"|named|has\s{1,3}named|is\s{1,3}naming)\s{1,3}(?:her|him|the\s{1,3}baby|baby)\s{1,3}[\"'‘“]?([^\W\d_][\w'’\-]{1,20})",
    re.IGNORECASE)
_KIN_CUES = frozenset({"mum", "mam", "mother", "dad", "father", "nan", "nana", "nanna", "gran", "grandma", "grandad",
                       "parents", "family", "carer", "carers", "staff", "teachers", "friends", "peers", "everyone",
                       "everybody", "kids", "school"})
_NOTE_START = re.compile(r"(?:^|[.!?\n]\s{0,3}|[:\-–]\s{1,3})$")
_ASKED = re.compile(r"\b(?:what|how|should|shall|whether)\b", re.IGNORECASE)  # "what do we call her 'looked after'?"
_CALL_CUES = frozenset({"call", "calls", "called", "calling"})
_NICK_CUES = frozenset({"nicknamed", "nick", "nickname", "goes", "went", "calls", "they", "everyone", "everybody",
                        "kids", "lads", "girls", "boys"})
_NICK_GATE = frozenset({"nicknamed", "nick", "nickname", "goes", "went", "calls", "call", "called", "known", "calling"})
_QUOTES = ("'", '"', "’", "”")

# One child's post in a team: the post, then the team by name (capitalised) or by its age group.
_POSTS = (r"(?:vice[\s\-]{0,2}captain|captain|goalkeeper|goalie|keeper|(?<=in )goal|striker|mascot|star\s{1,3}player"
          r"|top\s{1,3}scorer|lead\s{1,3}(?:dancer|singer)|head\s{1,3}(?:girl|boy)|cox)")
_AGE_GROUP = r"(?:u|under[\s\-]{0,2})\d{1,2}s?\b"
TEAM_POST = re.compile(
    # "head girl at the grammar school in west kirby": a school has one, named in any case
    r"\b(?:head\s{1,3}(?:girl|boy)|school\s{1,3}captain)\s{1,3}(?:of|at)\s{1,3}(?:the\s{1,3})?(?:[a-z'’\-]{2,20}\s{1,3}){0,3}?"
    r"(?:school|academy|college|high|primary|grammar)\b"
    rf"|\b{_POSTS}\s{{1,3}}(?:of|for|at|in)\s{{1,3}}(?:the\s{{1,3}})?"
    rf"(?:(?-i:[A-Z][\w'’&\-]{{1,25}})(?:\s{{1,2}}(?-i:[A-Z][\w'’&\-]{{1,25}})){{0,3}}"
    rf"|(?:[a-z'’\-]{{1,20}}\s{{1,3}}){{0,3}}?{_AGE_GROUP})",
    re.IGNORECASE,
)
_POST_GATE = frozenset({"vice", "captain", "goalkeeper", "goalie", "keeper", "goal", "striker", "mascot", "star", "top",
                        "lead", "head", "cox", "school"})
# "the captain of the School Council": a council is no team (a post on it is named in the minutes of any school)
_NOT_TEAM = re.compile(r"\b(?:council|industry|ship)\b", re.IGNORECASE)

def known_as_detectors(src: Source, words: frozenset[str]) -> list[Iterator[Span]]:
    """Lazy detectors of nicknames and one-child posts; `words` are the text's lower-case words. Run at their cue
    words on the text as typed: a capitalised name is part of their shape."""
    out: list[Iterator[Span]] = []
    if words & _NICK_GATE:
        out.append(("name", m.start(), m.end())
                   for m in src.at_words(NICKNAME, _NICK_CUES & words, as_typed=True))
        out.append(("name", m.start(), m.end())
                   for m in src.at_words(KNOWN_AS, frozenset({"known"}), as_typed=True)
                   if _PERSON_BEFORE.search(src.text, max(0, m.start() - 40), m.start())
                   or (m.group().endswith(_QUOTES) and _NOTE_START.search(src.text, max(0, m.start() - 4), m.start())))
        out.append(("name", m.start(), m.end())
                   for m in src.at_words(CALLED_QUOTED, _CALL_CUES & words, as_typed=True)
                   if not _ASKED.search(src.text, max(0, m.start() - 30), m.start()))
        if words & _KIN_CUES:
            out.append(("name", m.start(1), m.end(1))
                       for m in src.at_words(KIN_CALLS, _KIN_CUES & words, as_typed=True) if _kin_named(m.group(1)))
    if words & _POST_GATE:
        out.append(("combination", m.start(), m.end())
                   for m in src.at_words(TEAM_POST, _POST_GATE & words, as_typed=True)
                   if not _NOT_TEAM.search(m.group()))
    return out


def _kin_named(word: str) -> bool:
    """A first name (not a title), or a capitalised word no dictionary holds ("Kezzie")."""
    lex, w = lexicon(), fold(word)
    if w in lex.vocab.titles:
        return False
    if w in lex.first_names and (w not in lex.english or word[0].isupper()):
        return True
    # (a word in no list typed in lower case too, "staff call him jojo", round 50)
    return (word[0].isupper() or (w.isalpha() and len(w) > 2 and w not in lex.places and w not in lex.vocab.acronyms)) \
        and w not in lex.english and w not in lex.rare_english
