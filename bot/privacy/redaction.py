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
# a name's other part straight after a span ("K[.] Nowak", "Kayla N.", "Kayla NOWAK"; before it: _before)
_AFTER = re.compile(r"\.?[ \t]{1,2}([^\W\d_][\w'’\-]{0,40}\.?)")
_LETTER = re.compile(r"[^\W\d_]")


def redact(text: str, spans_of: Callable[[str], list[Span]]) -> str:
    out = text
    for _ in range(3):  # a removal can leave a new shape next to it ("Mr [removed] Smith"); settle in a few passes
        spans = sorted((a, b, kind) for kind, a, b in spans_of(out))
        if not spans:
            break
        merged: list[list[int]] = []
        for a, b, kind in spans:
            if merged and b <= merged[-1][1]:
                continue  # inside what is removed already (a list of names: most of its spans)
            a, b = _whole(out, kind, a, b, merged[-1][1] if merged else 0)
            # one [removed] for spans apart by at most three characters and no letter ("Kayla & Nowak", "Ab1-"
            # repeated)
            if merged and (a <= (end := merged[-1][1]) or (a - end <= 3 and not _LETTER.search(out, end, a))):
                merged[-1][0], merged[-1][1] = min(merged[-1][0], a), max(end, b)
            else:
                merged.append([a, b])
        pieces, last = [], 0
        for a, b in merged:  # joined once: rebuilding the text at every span was quadratic (round 34)
            pieces += [out[last:a], "[removed]"]
            last = b
        out = "".join([*pieces, out[last:]])
    return out


def _whole(text: str, kind: str, a: int, b: int, floor: int) -> tuple[int, int]:
    """The span a:b with the name's other parts beside it (at most two each side: "K. L. Nowak"); nothing is looked
    for before it within three characters of `floor`, the end of what is removed already."""
    if kind not in _NAMEISH:
        return a, b
    for _ in range(2):
        m = _AFTER.match(text, b)
        initial = b - a == 1 or text[b - 1:b] == "."  # after an initial a surname that is also a word ("J. Smith")
        if m is None or not _part(m.group(1), text[m.end():m.end() + 1], initial=initial):
            break
        b = m.end()
    for _ in range(2 if a - floor > 3 else 0):
        before = _before(text, a)
        if before is None or not _part(before[0], comma=before[1]):
            break
        a = before[2]
    return a, b


def _before(text: str, a: int) -> tuple[str, str, int] | None:
    """The word straight before a (one or two spaces between, a comma or not), its comma and where it starts; read
    back from a character by character, at most 45 characters (a pattern searched for there cost a try at each)."""
    j = a
    while j > 0 and a - j < 2 and text[j - 1] in " \t":
        j -= 1
    if j == a:
        return None
    comma = "," if j and text[j - 1] == "," else ""
    j -= len(comma)
    end = j
    while j > 0 and end - j <= 42 and (text[j - 1].isalnum() or text[j - 1] in "'’-."):
        j -= 1
    if end - j > 42 or j == end or not text[j].isalpha() or (text[end - 1] == "." and end - j > 2):
        return None  # (a word and its full stop: a sentence's end, but for an initial, "J. [Smith]")
    return text[j:end], comma, j


@functools.cache
def _classifier() -> Classifier:
    return Classifier(lexicon())


@functools.lru_cache(maxsize=4096)
def _part(word: str, after: str = "", comma: str = "", initial: bool = False) -> bool:
    """Whether `word`, beside a name, is another part of it (each asked once: a list of names repeats its words)."""
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
