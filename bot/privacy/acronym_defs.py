"""An acronym defined in the message ("Safeguarding Practice Group (SPG)"): its capitals are the acronym, not a
person's initials, there and wherever the message uses them again (moved out of kin.py to keep it short)."""

from __future__ import annotations

import bisect

from bot.privacy.tokens import _SMALL, Toks


def defines(i: int, letters: str, toks: Toks) -> bool:
    """'Safeguarding Practice Group (SPG)', 'Cheshire and Wirral Partnership NHS Foundation Trust (CWP)': capitals
    in brackets whose letters start, in order, capitalised words just before them are an acronym."""
    t = toks[i]
    if t is None or not t.before.rstrip().endswith("("):
        return False
    want = letters.upper()
    k = len(want) - 1
    for j in range(i - 1, max(-1, i - 12), -1):
        o = toks[j]
        if o is None or k < 0:
            break
        if o.raw[:1] == want[k] and (o.cap or o.norm not in _SMALL):
            k -= 1
    return k < 0 and (toks[i - 1] is not None)


def defined_before(letters: str, toks: Toks) -> bool:
    """'(CWP)' defined once in the message: later uses of CWP are the acronym too."""
    pos = toks.text.find(f"({letters})")
    if pos < 0:
        return False
    i = bisect.bisect_left(toks.spans, (pos + 1, 0))
    return i < len(toks) and defines(i, letters, toks)
