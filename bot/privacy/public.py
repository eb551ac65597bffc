"""Public traces of one child or family: what the neighbourhood saw or read about them, and words written where
anyone can read them.

Why: a home known for what happened there ("the house that burnt down on bonfire night", "the flat that got raided
on christmas eve") is one household to everyone on the street, and the children "from there" are known without a
name; an appeal page's or a tattoo's words in quotes ("the GoFundMe 'Help X Walk Again'", "'GAZ' tattooed across
his knuckles") are searched for or seen by all. Bounded quantifiers, cue words found first: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.combos import _event_patterns
from bot.privacy.patterns import Source, Span, _sentence

# A home or household picked out by what happened there: "the house that...", "the family whose bungalow...".
HOME_EVENT = re.compile(r"(?:house|flat|home|bungalow|caravan|maisonette|family|household)\s{1,3}"
                        r"(?:that|which|where|whose|who)\b", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s{1,3}$", re.IGNORECASE)
# A child or a time in the same sentence makes it one family's event, not practice text about homes.
_CHILDREN = re.compile(r"\b(?:kids|children|child|kid|boy|boys|girl|girls|lad|lads|baby|toddler|son|daughter|"
                       r"teen|teenager|twins)\b", re.IGNORECASE)
# Words in quotes where anyone can read them: an appeal page's title, a tattoo's words.
_QUOTE = r"['\"‘“][^'\"‘’“”\n]{1,40}['\"’”]"
QUOTED_TRACE = re.compile(
    r"(?:gofundme|justgiving|crowdfunder|fundraiser|fundraising\s{1,3}page|appeal|petition)\s{1,3}"
    r"(?:page\s{1,3})?(?:called\s{1,3}|named\s{1,3}|titled\s{1,3})?['\"‘“][^'\"‘’“”\n]{1,40}['\"’”]"
    rf"|{_QUOTE}\s{{1,3}}(?:tattooed|inked|tatted)\b"
    r"|(?:tattoo|tattooed|inked|tatted)\s{1,3}(?:of\s{1,3}|saying\s{1,3}|reading\s{1,3}|that\s{1,3}says\s{1,3})?"
    rf"(?:on\s{{1,3}}(?:his|her|their)\s{{1,3}}[a-z]{{2,12}}\s{{1,3}})?{_QUOTE}",
    re.IGNORECASE)
_QUOTED_CUES = frozenset({"gofundme", "justgiving", "crowdfunder", "fundraiser", "fundraising", "appeal", "petition",
                          "tattoo", "tattooed", "inked", "tatted"})
_HOME_CUES = frozenset({"house", "flat", "home", "bungalow", "caravan", "maisonette", "family", "household"})


def public_traces(src: Source, words: frozenset[str]) -> Iterator[Span]:
    """A home known for an event with its children or its day; words in quotes on a page or a tattoo."""
    if words & _QUOTED_CUES and any(q in src.text for q in "'\"‘“"):
        yield from (("combination", m.start(), m.end()) for m in src.finditer(QUOTED_TRACE))
    if "the" not in words or not words & _HOME_CUES:
        return
    pats, text = _event_patterns(), src.text
    for m in src.at_words(HOME_EVENT, _HOME_CUES & words):
        if not _THE_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue
        a, b = _sentence(text, m.start(), m.end())
        if src.search(pats["incident"], m.end(), b) and (src.search(pats["when"], a, b)
                                                         or src.search(_CHILDREN, a, b, as_typed=True)):
            yield "event", a, b

