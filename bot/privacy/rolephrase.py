"""A name's phrase and what touches it, for the role reader (roles.py): the run of capitalised words a name
is read as ("DSL Mrs Jo Hughes"), whether a family relation touches it ("mum Ms Okafor", "Dr Haddad's son"), and the
multi-word role and service phrases looked up around it. Each test looks at a bounded number of words: linear time.
"""

from __future__ import annotations

from functools import cache

from bot.privacy.lexicon import Lexicon
from bot.privacy.patterns import has_digit
from bot.privacy.tokens import _ACRONYM, _DETERMINERS, Tok, Toks

_JOIN_BEFORE = frozenset({"is", "was"})
_OPEN = frozenset({"the", "our", "their", "your", "my"})
_LONGEST = 4  # words in the longest role or service phrase
# Family words that are also a priest's, nun's or ward sister's title when capitalised with no owner ("Sister Ann").
_CLERGY = frozenset({"father", "sister"})
# Words in role_words that cue a name before it but say nothing about the person ("Dr X (named doctor)").
_CUES_ONLY = frozenset({"named", "called", "aka", "name", "names", "initials", "person"})
# Between a name and the role after it: a comma, a bracket or spaces ("Jo Briggs - LADO" is two clauses).
_BREAKS = frozenset("-–—:;.!?")
_RUN = 6  # how many capitalised words either side of a name can belong to its phrase ('DSL Mrs Jo Hughes')


@cache
def _word_sets(lex: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Places, surnames and first names that are no English word, and all English words (built once)."""
    english = lex.english | lex.rare_english
    return lex.places - lex.english, lex.surnames - lex.english, english, lex.first_names - lex.english


@cache
def _phrases(words: frozenset[str]) -> frozenset[tuple[str, ...]]:
    """Each phrase as words, with "'s" taken off as the reader's norms are ("children's services")."""
    return frozenset(tuple(x[:-2] if x.endswith(("'s", "’s")) else x for x in w.split()) for w in words)


@cache
def _words_of(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(w for p in phrases for w in p)


@cache
def _single_words(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The phrases of one word ("iro", "senco"), for a set lookup instead of building a tuple per word."""
    return frozenset(p[0] for p in phrases if len(p) == 1)


@cache
def _edges(phrases: frozenset[tuple[str, ...]]) -> tuple[frozenset[str], frozenset[str]]:
    """The words the phrases start with and end with: a word that starts or ends none is answered by one lookup."""
    return frozenset(p[0] for p in phrases if p), frozenset(p[-1] for p in phrases if p)


def _phrase_at(norms: list[str], j: int, phrases: frozenset[tuple[str, ...]]) -> int:
    """Length of the longest phrase starting at word j, or 0."""
    if 0 <= j < len(norms) and norms[j] not in _edges(phrases)[0]:
        return 0
    for n in range(_LONGEST, 0, -1):
        if tuple(norms[j:j + n]) in phrases and j + n <= len(norms):
            return n
    return 0


def _phrase_ending(norms: list[str], j: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    if 0 <= j < len(norms):
        if norms[j] not in _edges(phrases)[1]:
            return False
        if norms[j] in _single_words(phrases):
            return True  # (a phrase of one word: "IRO")
    return any(tuple(norms[j - n + 1:j + 1]) in phrases for n in range(min(_LONGEST, j + 1), 0, -1))


def _acronym(tok: Tok | None) -> bool:
    return tok is not None and bool(_ACRONYM.fullmatch(tok.raw))


class PhraseReader:
    """A message's words as the role reader sees them ("'s" taken off), each name's phrase (read once per word and
    kept) and whether family touches a phrase."""

    def __init__(self, toks: Toks, lex: Lexicon) -> None:
        self.toks, self.v = toks, lex.vocab
        # (each distinct owned word cut once, the message's words mapped in C: no Python step per word)
        owned = {n: n[:-2] for n in set(toks.norms) if n.endswith(("'s", "’s"))}
        self.norms = list(map(owned.get, toks.norms, toks.norms)) if owned else list(toks.norms)
        self.roles = _phrases(self.v.professional_roles)
        self.services = _phrases(self.v.services)
        self.family = (self.v.role_words | self.v.person_relations) - self.v.professional_roles - _CUES_ONLY
        self.places, self.surnames, self.english, self.firsts = _word_sets(lex)
        self.all_firsts = lex.first_names
        self.titled = self.v.professional_titles | self.v.titles
        self._phrase_of: dict[int, tuple[int, int]] = {}  # each word's phrase, once read
        self._touched: dict[tuple[int, int], bool] = {}  # a phrase's answers, as its other words ask the same
        self._in_role: dict[tuple[int, int], bool] = {}

    def _joined(self, a: int, b: int) -> bool:
        """Words a and b (a < b) are in one phrase: no dash or sentence stop between them."""
        toks = self.toks
        if b == a + 1:  # (most asks: two words side by side)
            tok = toks[b]
            return tok is not None and _BREAKS.isdisjoint(tok.before)
        for k in range(a + 1, b + 1):
            tok = toks[k]
            if tok is None or not _BREAKS.isdisjoint(tok.before):
                return False
        return True

    def _phrase(self, i: int) -> tuple[int, int]:
        """Word i's phrase (see _read_phrase), read once: a phrase's words and the lists around it ask again."""
        if (found := self._phrase_of.get(i)) is None:
            found = self._phrase_of[i] = self._read_phrase(i)
        return found

    def _read_phrase(self, i: int) -> tuple[int, int]:
        """The run of capitalised words around word i with only spaces between ('DSL Mrs Hughes')."""
        toks = self.toks
        lo = hi = i
        # a name with its titles is a few words: a longer run of capitals is a heading, and is read no further
        particles = self.v.surname_particles
        while lo > max(0, i - _RUN) and (p := toks[lo - 1]) is not None and (p.cap or self._particle(lo - 1, -1)) and (
                (not (gap := toks[lo].before.strip()) and "\n" not in toks[lo].before)  # type: ignore[union-attr]
                or (gap == "." and p.norm in self.titled)):
            lo -= 1  # ("Rev. Hollis", "Dr. Hill": a title's full stop)
        while hi < i + _RUN and (n := toks[hi + 1]) is not None and (n.cap or (
                n.norm in particles and self._particle(hi + 1, 1))) and not n.before.strip() and (
                "\n" not in n.before):  # a name ends at its line ("IRO: Jo Hill\nChild: ...")
            hi += 1
        if lo == hi and not toks[i].cap:  # type: ignore[union-attr]
            # "jo halliwell, service manager": a name typed in lower case is a first name and a surname
            if (n := toks[hi + 1]) is not None and not n.before.strip() and (n.norm in self.surnames or (
                    n.norm not in self.english and n.norm.isalpha())):
                hi += 1
            # ("the IRO, sue hughes,": a first name that is also a word, before a surname typed in lower case)
            elif lo > 0 and (p := toks[lo - 1]) is not None and not toks[lo].before.strip() and (  # type: ignore[union-attr]
                    p.norm in self.firsts or (p.norm in self.all_firsts and toks[lo].norm in self.surnames)
                    or p.norm in self.v.professional_titles):  # "spoke to dr okafor", "pc jones attended"
                lo -= 1
        return lo, hi

    def _particle(self, k: int, step: int) -> bool:
        """Word k is a surname's particle typed in lower case with a capitalised word on its far side, joined by
        spaces only ("Tom van Dijk", "Rhian ap Owain": read from either side, round 41)."""
        tok, far = self.toks[k], self.toks[k + step]
        if tok is None or far is None or tok.cap or tok.norm not in self.v.surname_particles or not far.cap:
            return False
        gap = (far if step > 0 else tok).before
        return not gap.strip() and "\n" not in gap

    def _read_alike(self, lo: int, hi: int, i: int) -> bool:
        """Every word of phrase (lo, hi), read from word i, reads the same phrase: all its words capitalised with
        only spaces between (no title's full stop, which joins leftwards only) and too short for _RUN to have cut it
        ("Jo Hill": Hill reads "Jo Hill" as Jo does; "Dr. Hill": Dr reads "Dr" alone)."""
        toks = self.toks
        if hi - lo >= _RUN or not toks[i].cap:  # type: ignore[union-attr]
            return False
        for m in range(lo + 1, hi + 1):
            gap = toks[m].before  # type: ignore[union-attr]
            if gap.strip() or "\n" in gap:
                return False
        return True

    def _clergy(self, lo: int, hi: int) -> bool:
        """'Father Dominic': "Father" capitalised before a name, with no owner or article before it, is a priest's
        title ('her father Dominic', 'the Father' are family or not a name); so is "Sister Ann" but for an age after
        the name ("Sister Jade (14)" is a child's sibling)."""
        if self.norms[lo] not in _CLERGY:
            return False  # (nearly every phrase)
        first, prev, last = self.toks[lo], self.toks[lo - 1] if lo else None, self.toks[hi]
        sibling = last is not None and self.norms[lo] == "sister" and has_digit(last.after)
        return (hi > lo and not sibling and self.norms[lo] in _CLERGY and first is not None and first.cap
                and not first.upper
                and (prev is None or (prev.norm not in _DETERMINERS and not prev.possessive
                                      and prev.norm not in self.family)))

    def _family_touch(self, lo: int, hi: int) -> bool:
        toks, norms, family = self.toks, self.norms, self.family
        touching = [k for k in range(lo, hi + 1) if norms[k] in family]
        if touching and (touching != [lo] or not self._clergy(lo, hi)):  # ("Father Dominic": the title is no kin)
            return True
        last = toks[hi]
        nxt = toks[hi + 1]
        if last is not None and last.possessive and nxt is not None and nxt.norm in self.v.relation_after_possessive:
            return True  # "Dr Haddad's son"
        if lo > 0 and norms[lo - 1] in family and self._joined(lo - 1, lo):
            return True  # "mum Ms Okafor", "his sister Jo"
        if lo > 1 and norms[lo - 1] == "against" and not self.v.allegation_words.isdisjoint(
                norms[max(0, lo - 4):lo - 1]):
            return True  # "the allegation (made) against X, the PE teacher": a LADO matter's subject (round 52)
        if (nxt is not None and (nxt.norm in family or nxt.norm == "and") and self._joined(hi, hi + 1)
                and "\n" not in nxt.before):  # ("IRO: X\nChild: ...")
            if nxt.norm in family and not _phrase_at(norms, hi + 1, self.roles):  # ("X, Child Protection Chair,")
                return True  # "Sarah (mum)", "Jo, mum, ..."
            after = toks[hi + 2]
            if nxt.norm == "and" and after is not None and (after.norm in ("his", "her", "their")
                                                            or after.norm in self.family):
                return True  # "Jo and her brother"
        return self._relation_after(hi)

    def _relation_after(self, hi: int) -> bool:
        """'the nurse, X, is mum's sister', 'X is the child's aunt': the name is a relative, whatever its job."""
        toks, k = self.toks, hi + 1
        if k >= len(self.norms) or self.norms[k] not in _JOIN_BEFORE:
            return False
        for j in range(k + 1, min(len(self.norms), k + 4)):
            tok = toks[j]
            if tok is None or not self._joined(hi, j):
                return False
            if tok.possessive or self.norms[j] in _OPEN or self.norms[j] in ("a", "an", "his", "her", "also"):
                continue
            return self.norms[j] in self.v.person_relations
        return False

    def _body(self, k: int) -> bool:
        """A place or organisation's short name inside a role ("the Halton CCG accountable officer", "WBC
        operational director"): a place in the area lists or a service acronym."""
        w = self.norms[k]
        return w in self.v.local_places or w in self.v.service_acronyms or w in self.places or _acronym(self.toks[k])
