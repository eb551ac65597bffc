"""Families named by a plural surname in lower case (round 27, read by kin.py's family_spans): a surname that is
also a word, at a piece of casework ("the bakers at conference", "the shepherds in the review"), and a Mc, Mac or O'
surname made plural, which no English word is ("visit mcgraths", "the o'neills"). Each looks at a few words.
"""

from __future__ import annotations

from bot.privacy.lexicon import Lexicon
from bot.privacy.tokens import Tok, Toks

_AT = frozenset({"at", "in", "to", "for"})
_MC = ("mc", "mac", "o'", "o’")


def lower_family(i: int, t: Tok, toks: Toks, lex: Lexicon) -> bool:
    w, v = t.norm, lex.vocab
    if t.cap or not w.endswith("s") or len(w) < 5:
        return False
    stem = w[:-1]
    if w.startswith(_MC) and not any(x in lex.english or x in lex.rare_english for x in (stem, w)):
        return True  # 'joint visit mcgraths', 'the macleods': no word is spelt so
    norms = toks.norms
    if i == 0 or norms[i - 1] != "the" or stem not in lex.frequent_surnames or stem in v.colours:
        return False
    if stem in v.org_words or stem in v.role_words or stem in v.titles or w in lex.places:
        return False
    k = i + 1
    return (k + 1 < len(norms) and norms[k] in _AT and not t.after.strip()
            and any(norms[j] in v.casework_words or norms[j] == "core" for j in range(k + 1, min(len(norms), k + 4))))
