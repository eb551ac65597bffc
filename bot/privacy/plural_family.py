"""Families named by a plural surname in lower case (round 27, read by kin.py's family_spans): a surname that is
also a word, at a piece of casework ("the bakers at conference", "the shepherds in the review"), and a Mc, Mac or O'
surname made plural, which no English word is ("visit mcgraths", "the o'neills"). Each looks at a few words.
"""

from __future__ import annotations

from bot.privacy.lexicon import Lexicon
from bot.privacy.tokens import Tok, Toks

# Where a service is, after a place's name ("the Seacombes family hub", "the Beechwoods centre"): no family's (round
# 33); a service after "family" ("family hub", "family court"): the word before names a place, not a family.
_VENUES = frozenset({"hub", "hubs", "centre", "centres", "center", "clinic", "surgery", "library"})
FAMILY_SERVICE = frozenset({"hub", "hubs", "centre", "centres", "center", "court", "courts", "zone", "project", "room",
                            "hall", "drop-in", "partnership", "network", "services"})


def place_before_service(nxt: Tok, after: Tok | None, family_nouns: frozenset[str]) -> bool:
    """The words after a plural name: a venue, or a family noun and a service ("family hub")."""
    return nxt.norm in _VENUES or (nxt.norm in family_nouns and after is not None and after.norm in FAMILY_SERVICE
                                   and not nxt.after.strip(" "))


# Endings of a kind of case ("a sextortion case", "a nudification case"), not a family's name (round 33).
_KIND_ENDS = ("ion", "ism", "ity", "ness")


def kind_of_case(t: Tok, prev: Tok | None, nxt: Tok, lex: Lexicon) -> bool:
    """A lower-case word in no surname list before "case", after "a / an" or with a noun's ending: the case's kind."""
    return (nxt.norm == "case" and not t.cap and t.norm not in lex.surnames
            and (t.norm.endswith(_KIND_ENDS) or prev is None or prev.norm in ("a", "an")))


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
