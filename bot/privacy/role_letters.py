"""A professional's role written with dots ("the D.O.", "her G.P", "our T.A.", "spoke to the H.V."), told apart
from a child's initials that are the same letters (review of rounds 54-55).

The letters of a role are also a child's initials: "H.V. said her stepdad kicked her", "G.P. in yr 9 is self
harming". A role is a post someone holds, so it is written after a determiner or a possessive ("the", "her", "our",
"the school's"), or names the post's work ("G.P. surgery", "D.S.L. training"); a child's initials stand alone, before
a verb, an age, a year group or a plan. So these letters pass only after such a word or before such a noun, and are
initials everywhere else. Abbreviations that are never initials (e.g., i.e., a.m.) are NOT_INITIALS and pass wherever
they are. The word before (a 24-character look back) and one anchored match after: linear time.
"""

from __future__ import annotations

import re

# abbreviations: no one's initials wherever they are
NOT_INITIALS = frozenset({"e.g.", "i.e.", "a.m.", "p.m.", "n.b.", "p.s.", "o.k.", "u.k.", "c.v.", "a.k.a.", "r.i.p.",
                          "d.o.b.", "a.s.a.p.", "e.t.a.", "v.s.", "b.a.", "m.a.", "p.t.o.", "p.e.", "r.e.", "i.t.",
                          "d.t.", "w.c.", "c.o.", "s.w."})
# a role's letters with dots, lower case with every dot ("g.p." for "G.P" and "G. P.")
ROLE_LETTERS = frozenset({"d.o.", "g.p.", "h.v.", "p.c.", "d.c.", "d.s.", "d.i.", "t.a.", "d.s.l.", "i.r.o."})
# a determiner or possessive just before the letters: the role as a post someone holds
_HELD = frozenset({"the", "a", "an", "her", "his", "their", "our", "my", "your", "its", "this", "every", "named"})


_LAST_LETTER = re.compile(r"[A-Za-z](?![\w'’])")  # one more letter that ends the word: "D.O.B", its last dot dropped


def are_initials(text: str, start: int, end: int) -> bool:
    """Whether the dotted letters at start..end are initials: not an abbreviation (with the word's last letter
    after them when its dot was dropped, "D.O.B 3/4/15"), nor a role's letters after a determiner."""
    key = dotted_key(text[start:end])
    if key in NOT_INITIALS or ((last := _LAST_LETTER.match(text, end)) and f"{key}{last.group().lower()}." in
                               NOT_INITIALS):
        return False
    return not held_role(text, start, end, key)


# a word of the post's work straight after the letters: "G.P. surgery", "D.S.L. training", "H.V. team" (a noun a child's
# initials do not take before them)
_POST_NOUN = re.compile(r"\s{0,2}(?:surgery|surgeries|appointments?|appts?|practice|letters?|notes|records|training"
                        r"|team|service|office|register|rota|cover|lead|leads|role|roles|guidance|policy|network)\b",
                        re.IGNORECASE)


def dotted_key(letters: str) -> str:
    """The letters as NOT_INITIALS and ROLE_LETTERS spell them: lower case, no spaces, one dot after each letter."""
    return letters.replace(" ", "").lower().rstrip(".") + "."


def held_role(text: str, start: int, end: int, key: str) -> bool:
    """The dotted letters `key` (dotted_key) at start..end are a role's, written after a determiner or a possessive
    ("the D.S.L.", "her G.P") or before a word of the post's work ("G.P. surgery"), not a child's initials."""
    if key not in ROLE_LETTERS:
        return False
    before = text[max(0, start - 24):start]
    if before[-1:].isspace() and (words := before.split()):
        word = words[-1].lower()
        if word in _HELD or (len(word) > 3 and word.endswith(("'s", "’s", "s'", "s’"))):
            return True
    return _POST_NOUN.match(text, end) is not None
