"""Which of the combination patterns (combos.py) cannot match anywhere in a message, known from the first letters
of its words once per message, so a message of many sentences about a child ("the boy who ...", each sentence
searched for a dozen kinds of detail) does not search each sentence for them.

Why it is exact: every alternative of each pattern holds a word that starts at a word boundary or after a space
(the first word of a vocabulary phrase, "only", "whole" in "the whole estate calls them"), and a search in a
sentence sees the text before the sentence as the whole text does; it may see a word cut short at the sentence's
end ("receptionist" as "reception"), but that word still *begins* with the letters. So if no word of the message
begins with any of a pattern's leads (and no digit can start a match), no sentence of it can match. When a pattern
gains an alternative, add its lead here (tests/privacy/test_screen_speedups.py checks a sentence per alternative).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import has_digit
from bot.privacy.source import Source


@cache
def _leads() -> dict[str, tuple[str, ...]]:
    """For each pattern that is one alternation of vocabulary phrases, the letters its phrases start with (up to
    their first other character): a match starts at a word that begins with one of them."""
    v = lexicon().vocab
    lists = {"trait": v.rare_traits | v.rare_belongings, "community": v.communities, "event": v.notable_events,
             "setting": v.settings, "incident": v.incident_words}
    leads = {k: [_LEAD.match(w.lower()) for w in phrases] for k, phrases in lists.items()}
    return {k: tuple(sorted({m.group() for m in ms if m})) for k, ms in leads.items() if all(ms)}


_LEAD = re.compile(r"[a-z]{1,40}")  # (words_of cuts a run of letters into pieces of 40: so are the leads)


def _absent(src: Source, words: frozenset[str]) -> frozenset[str]:
    """The alternation patterns that cannot match anywhere in the text, as no word of it begins with any of their
    phrases' first letters (checked once per message, so a message of many sentences about a child, "the boy
    who ...", does not search each sentence for them). Only on the lower-case copy, where a letter is a letter."""
    if src.low is None:
        return frozenset()
    ordered = sorted(words)

    def begins(lead: str) -> bool:
        k = bisect_left(ordered, lead)
        return k < len(ordered) and ordered[k].startswith(lead)

    digits = has_digit(src.text)
    return frozenset([*(k for k, leads in _leads().items() if not any(map(begins, leads))),
                      *(k for k, (leads, digit) in _gate_leads().items()
                        if not (digit and digits) and not any(map(begins, leads)))])


@cache
def _gate_leads() -> dict[str, tuple[tuple[str, ...], bool]]:
    """The other patterns _kinds searches each sentence for: the letters some word of any match begins with (one
    word every alternative must hold, after a space or at a word's start: "whole" in "the whole estate calls them"),
    and whether a digit alone can make a match (then a message with a digit is searched). As for _leads: a pattern
    none of whose words begins any word of the message cannot match in any of its sentences."""
    v = lexicon().vocab
    numbers = ("five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
    gates: dict[str, tuple[tuple[str, ...], bool]] = {
        "AGE": ((), True), "HEIGHT": ((), True), "ROAD_NUMBER": ((), True),
        "unique": (("only",), False),
        "YEAR_GROUP": (("y", "key", "ks", "reception", "sixth", "nursery", "class"), False),
        "SHOW": (("was", "were", "been", "appeared", "featured"), False),
        "REPUTATION": (("everyone", "everybody", "whole"), False),
        "FAME": (("famous", "celebrity", "footballer", "plays", "played"), False),
        "ACHIEVEMENT": (("won", "wins", "winning", "winner", "got", "received", "was", "awarded", "county",
                         "national", "regional", "british", "english", "world", "european", "junior"), False),
        "BUSINESS": (("run", "ran", "own", "manage", "keep"), False),
    }
    compositions = [_LEAD.match(w.lower()) for w in v.family_compositions]
    if all(compositions):
        gates["composition"] = ((*sorted({m.group() for m in compositions if m}), "family", *numbers), True)
    papers = [_LEAD.match(t.lower()) for t in v.newspaper_titles]
    if all(papers):
        gates["newspaper"] = (tuple(sorted({m.group() for m in papers if m})), False)
    return gates


