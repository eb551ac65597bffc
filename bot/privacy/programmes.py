"""Name-words that are part of a thing's name, not a child's (round 28): a course, group or programme named by
capitalised words joined by "and" ("the Joy and Hope group", "the Grace and Mercy parenting programme"), and a
broadcaster whose name is also a first name, after a viewing verb or "on" ("watching Sky", "on Sky till 2am").

A child is still found where no programme word follows ("the Kayla and Mason issue"), and where the name is minded
or lived with ("nan was watching Sky and her brother", "lives with Sky"). Each test reads a few words either side
of the one candidate word names.py asks about: linear time.
"""

from __future__ import annotations

from bot.privacy.tokens import Tok, Toks

# What a named course, group or programme is called ("the X and Y parenting course").
_PROGRAMME_NOUNS = frozenset({"course", "courses", "programme", "programmes", "program", "group", "groups", "project",
                              "scheme", "club", "sessions", "workshop", "workshops", "initiative", "pathway", "cafe",
                              "café", "network", "drop-in", "service", "toolkit", "model", "approach", "award"})
_JOINERS = frozenset({"and", "&"})
_BEFORE = frozenset({"the", "a", "an", "our", "their", "his", "her", "this", "its"})
_DESCRIBERS = 2  # lower-case words between the name and what it is ("parenting", "fathers'")
_JOINS = 3  # names joined by "and" in one programme's name ("the Hope, Faith and Love group" has two joins)

# Broadcasters and services watched whose names are also first names; what comes before them when they are watched.
_BROADCASTERS = frozenset({"sky"})
_VIEWING = frozenset({"watch", "watches", "watching", "watched", "on", "got", "get", "gets"})
_MINDED = frozenset({"and", "&", "with"})  # "watching Sky and her brother": a child minded, not a channel


def programme_title(i: int, toks: Toks) -> bool:
    """Word i is one of the capitalised words, joined by "and", that name a course, group or programme."""
    t = toks[i]
    if t is None or not t.cap or t.possessive:
        return False
    lo = hi = i
    # (at most _JOINS names either side: a list of names joined by "and" is read a few words at a time, not whole)
    while lo > 1 and lo > i - 2 * _JOINS and _joined_name(toks[lo - 2], toks[lo - 1], toks[lo]):
        lo -= 2
    while hi < i + 2 * _JOINS and _joined_name(toks[hi], toks[hi + 1], toks[hi + 2]):
        hi += 2
    if lo == hi:
        return False  # one word: after "the" it is already no name; alone it may be one
    before = toks[lo - 1] if lo else None
    if before is None or before.norm not in _BEFORE or before.after != " ":
        return False
    k = hi + 1
    for _ in range(_DESCRIBERS + 1):
        after = toks[k]
        if after is None or toks[k - 1].after != " " or after.cap:  # type: ignore[union-attr]
            return False
        if after.norm in _PROGRAMME_NOUNS:
            return True
        k += 1
    return False


def _joined_name(a: Tok | None, joiner: Tok | None, b: Tok | None) -> bool:
    return (a is not None and joiner is not None and b is not None and a.cap and b.cap and not a.possessive
            and joiner.norm in _JOINERS and a.after == " " and joiner.after == " ")


def broadcaster(i: int, toks: Toks) -> bool:
    """Word i is a broadcaster's name that is also a first name, watched: "watching Sky", "on Sky till 2am"."""
    t, prev, nxt = toks[i], toks[i - 1] if i else None, toks[i + 1]
    return (t is not None and t.cap and not t.possessive and t.norm in _BROADCASTERS and prev is not None
            and prev.norm in _VIEWING and prev.after == " " and not (nxt is not None and nxt.norm in _MINDED))
