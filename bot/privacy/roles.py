"""Professionals named in their role: a worker's name is not a child's identity.

Policy (docs/reliability.md, "Identifier screen"): practitioners name each other all the time ("DS Patel is
leading", "Sarah from the MASH", "the SW, Jo Briggs"), and that names a worker, not a family. A name passes the
screen when a professional title, role or service *governs it directly*:

- a professional title or role in the name phrase itself ("Dr Chen", "PC Dave Hollins", "DSL Mrs Hughes");
- a role just before it, joined by nothing, a comma or is/was ("our IRO is Pauline Grimshaw", "the trainer, Lisa");
- a role just after it, joined by a comma, a bracket, is/was or "the" ("Karen Ellis, principal social worker",
  "Amy the named nurse", "Jo Briggs (LADO)");
- a service after from / in / at / with ("Hannah from the virtual school", "Jo in the MASH", "Sam from the CSE team").

The form must not become a way to name families, so a name never passes when a family relation or child marker
touches it ("mum Ms Okafor", "Sarah (mum), a nurse", "Dr Haddad's son", "Jo and her brother"): the relation wins.
The vocabulary is data (vocabulary.yaml: professional_titles, professional_roles, role_fillers, services,
service_kinds, service_units). Each check looks at a bounded number of words around the name: linear time.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import Lexicon
from bot.privacy.patterns import Span
from bot.privacy.tokens import _ACRONYM, Tok, Toks

_JOIN_BEFORE = frozenset({"is", "was"})
_PLACE_PREPS = frozenset({"from", "in", "at", "with", "of"})
_OPEN = frozenset({"the", "our", "their", "your", "my"})
# Nouns after a service that make it a record, not a workplace ("Kayla in the MASH referral").
_RECORD_NOUNS = frozenset({"referral", "referrals", "case", "cases", "file", "files", "record", "records", "system",
                           "report", "notes", "plan", "meeting", "strategy", "discussion"})
_LONGEST = 4
# Words in role_words that cue a name before it but say nothing about the person ("Dr X (named doctor)").
_CUES_ONLY = frozenset({"named", "called", "aka", "name", "names", "initials", "person"})
# Between a name and the role after it: a comma, a bracket or spaces ("Jo Briggs - LADO" is two clauses).
_BREAKS = frozenset("-–—:;.!?")  # words in the longest role or service phrase


@cache
def _phrases(words: frozenset[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(w.split()) for w in words)


def _phrase_at(norms: list[str], j: int, phrases: frozenset[tuple[str, ...]]) -> int:
    """Length of the longest phrase starting at word j, or 0."""
    for n in range(_LONGEST, 0, -1):
        if tuple(norms[j:j + n]) in phrases and j + n <= len(norms):
            return n
    return 0


def _phrase_ending(norms: list[str], j: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(j - n + 1 >= 0 and tuple(norms[j - n + 1:j + 1]) in phrases for n in range(_LONGEST, 0, -1))


class RoleReader:
    """Whether a name at a word index is governed by a professional role (see the module docstring)."""

    def __init__(self, toks: Toks, lex: Lexicon) -> None:
        self.toks, self.v = toks, lex.vocab
        self.norms = [n[:-2] if n.endswith(("'s", "’s")) else n for n in toks.norms]
        self.roles = _phrases(self.v.professional_roles)
        self.services = _phrases(self.v.services)
        self.family = (self.v.role_words | self.v.person_relations) - self.v.professional_roles - _CUES_ONLY

    def _joined(self, a: int, b: int) -> bool:
        """Words a and b (a < b) are in one phrase: no dash or sentence stop between them."""
        return all((tok := self.toks[k]) is not None and _BREAKS.isdisjoint(tok.before) for k in range(a + 1, b + 1))

    def _phrase(self, i: int) -> tuple[int, int]:
        """The run of capitalised words around word i with only spaces between ('DSL Mrs Hughes')."""
        toks = self.toks
        lo = hi = i
        while lo > 0 and (p := toks[lo - 1]) is not None and p.cap and not toks[lo].before.strip():  # type: ignore[union-attr]
            lo -= 1
        while (n := toks[hi + 1]) is not None and n.cap and not n.before.strip():
            hi += 1
        return lo, hi

    def _family_touch(self, lo: int, hi: int) -> bool:
        toks, norms = self.toks, self.norms
        if any(norms[k] in self.family for k in range(lo, hi + 1)):
            return True
        last = toks[hi]
        nxt = toks[hi + 1]
        if last is not None and last.possessive and nxt is not None and nxt.norm in self.v.relation_after_possessive:
            return True  # "Dr Haddad's son"
        if lo > 0 and self._joined(lo - 1, lo) and norms[lo - 1] in self.family:
            return True  # "mum Ms Okafor", "his sister Jo"
        if nxt is not None and self._joined(hi, hi + 1):
            if nxt.norm in self.family:
                return True  # "Sarah (mum)", "Jo, mum, ..."
            after = toks[hi + 2]
            if nxt.norm == "and" and after is not None and (after.norm in ("his", "her", "their")
                                                            or after.norm in self.family):
                return True  # "Jo and her brother"
        return False

    def _titled(self, lo: int, hi: int, i: int) -> bool:
        return any(k != i and (self.norms[k] in self.v.professional_titles or (self.norms[k],) in self.roles)
                   for k in range(lo, hi + 1))

    def _role_before(self, lo: int) -> bool:
        j = lo - 1
        if j >= 0 and self.norms[j] in _JOIN_BEFORE and self._joined(j, lo):
            j -= 1
        return j >= 0 and self._joined(j, lo) and _phrase_ending(self.norms, j, self.roles)

    def _role_after(self, hi: int) -> bool:
        norms, k = self.norms, hi + 1
        for _ in range(6):
            if k >= len(norms) or not self._joined(hi, k):
                return False
            if n := _phrase_at(norms, k, self.roles):
                last = self.toks[k + n - 1]
                return last is not None and not last.possessive  # "Jo is the IRO's worry": not Jo's role
            if norms[k] not in self.v.role_fillers:
                return False
            k += 1
        return False

    def _service_after(self, hi: int) -> bool:
        norms, toks = self.norms, self.toks
        k = hi + 1
        if k >= len(norms) or norms[k] not in _PLACE_PREPS or not self._joined(hi, k):
            return False
        k += 1
        if k < len(norms) and norms[k] in _OPEN:
            k += 1
        for j in range(k, min(len(norms), k + 3)):
            if not self._joined(hi, j):
                return False
            n = _phrase_at(norms, j, self.services)
            unit = norms[j] in self.v.service_units and j > k - 1 and j > 0 and (
                norms[j - 1] in self.v.service_kinds or _acronym(toks[j - 1]))
            if n or unit:
                end = j + max(n, 1)
                return end >= len(norms) or norms[end] not in _RECORD_NOUNS
        return False

    def governed(self, i: int) -> bool:
        """Word i (part of a name) is named as a professional in role, and no family relation touches it."""
        lo, hi = self._phrase(i)
        if self._family_touch(lo, hi):
            return False
        return self._titled(lo, hi, i) or self._role_before(lo) or self._role_after(hi) or self._service_after(hi)


def _acronym(tok: Tok | None) -> bool:
    return tok is not None and bool(_ACRONYM.fullmatch(tok.raw))


def unless_in_role(spans: Iterator[Span], toks: Toks, lex: Lexicon) -> Iterator[Span]:
    """The name spans that are not a professional named in role."""
    reader: RoleReader | None = None
    for span in spans:
        k = bisect.bisect_left(toks.spans, (span[1], 0))
        if k < len(toks.spans) and toks.spans[k][0] == span[1]:
            reader = reader or RoleReader(toks, lex)
            if reader.governed(k):
                continue
        yield span
