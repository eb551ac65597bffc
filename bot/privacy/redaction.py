"""Redaction: what the screen finds replaced by [removed], for the few places free text is kept (a question kept as
unanswered or rated "not helpful", a button's value).

A name's span is the part the screen judged; the rest of the name is often next to it, and left behind it still
names the person (round 34, the red team's findings 8 and 10): "K. Nowak" found at its initial, "NOWAK, Kayla" (a
record's surname first) found at the first name, "Kayla N." at the first name. So a name, initials or family span
takes in the name's other parts beside it: an initial (a capital letter, its full stop or not), a word in capitals
that is no acronym, or a capitalised word in no word list or a name list's and no English word; before the span
also a surname and its comma. Each removal is then one [removed] with any removal a few characters and no letter
away, so a dense shape's removals do not grow the text the next pass screens (round 34, finding 14).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from bot.privacy.lexicon import lexicon
from bot.privacy.patterns import Span
from bot.privacy.tokens import Classifier

_NAMEISH = frozenset({"name", "initials", "family_name"})
# a name's other part straight after a span ("K[.] Nowak", "Kayla N.", "Kayla NOWAK") and straight before it
# ("J. [Smith]", "NOWAK, [Kayla]", "Nowak, [Kayla]")
_AFTER = re.compile(r"\.?[ \t]{1,2}([^\W\d_][\w'’\-]{0,40}\.?)")
_BEFORE = re.compile(r"([^\W\d_][\w'’\-]{0,40}\.?)(,?)[ \t]{1,2}$")
_LETTER = re.compile(r"[^\W\d_]")


def redact(text: str, spans_of: Callable[[str], list[Span]]) -> str:
    out = text
    for _ in range(3):  # a removal can leave a new shape next to it ("Mr [removed] Smith"); settle in a few passes
        spans = sorted(_whole(out, kind, a, b) for kind, a, b in spans_of(out))
        if not spans:
            break
        merged: list[list[int]] = []
        for a, b in spans:
            # one [removed] for spans apart by at most three characters and no letter ("Kayla & Nowak", "Ab1-"
            # repeated)
            if merged and (a <= (end := merged[-1][1]) or (a - end <= 3 and not _LETTER.search(out, end, a))):
                merged[-1][1] = max(end, b)
            else:
                merged.append([a, b])
        pieces, last = [], 0
        for a, b in merged:  # joined once: rebuilding the text at every span was quadratic (round 34)
            pieces += [out[last:a], "[removed]"]
            last = b
        out = "".join([*pieces, out[last:]])
    return out


def _whole(text: str, kind: str, a: int, b: int) -> tuple[int, int]:
    """The span a:b with the name's other parts beside it (at most two each side: "K. L. Nowak")."""
    if kind not in _NAMEISH:
        return a, b
    for _ in range(2):
        m = _AFTER.match(text, b)
        initial = b - a == 1 or text[b - 1:b] == "."  # after an initial a surname that is also a word ("J. Smith")
        if m is None or not _part(m.group(1), text[m.end():m.end() + 1], initial=initial):
            break
        b = m.end()
    for _ in range(2):
        m = _BEFORE.search(text, max(0, a - 48), a)
        if m is None or (m.start() and text[m.start() - 1].isalnum()) or not _part(m.group(1), comma=m.group(2)):
            break
        a = m.start()
    return a, b


@functools.cache
def _classifier() -> Classifier:
    return Classifier(lexicon())


def _part(word: str, after: str = "", comma: str = "", initial: bool = False) -> bool:
    """Whether `word`, beside a name, is another part of it."""
    bare = word.rstrip(".")
    if len(bare) == 1:
        # an initial: "K." or "K" (not "I" or "A" with no full stop: a word), not a letter run on ("K.9")
        return bare.isupper() and (word.endswith(".") or bare not in "IA") and not after.isalnum() and not comma
    if not bare[:1].isupper():
        return False
    c, low = _classifier(), bare.lower().replace("’", "'")
    lex, v = c.lex, c.lex.vocab
    if low in v.acronyms or low in v.service_acronyms or low in v.titles or low in v.role_words or low in v.not_names:
        return False
    surname = low in lex.frequent_surnames and (comma == "," or initial)  # "Smith, Kayla", "J. Smith"
    if bare.isupper():
        return len(bare) >= 3 and (low not in lex.english or surname)  # "NOWAK"
    return not c.common(low) or surname  # a capitalised word in no word list ("Nowak")
