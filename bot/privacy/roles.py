"""Professionals named in their role: a worker's name is not a child's identity.

Policy (docs/reliability.md, "Identifier screen"): practitioners name each other all the time ("DS Patel is
leading", "Sarah from the MASH", "the SW, Jo Briggs"), and that names a worker, not a family. A name passes the
screen when a professional title, role or service *governs it directly*:

- a professional title or role in the name phrase itself ("Dr Chen", "PC Dave Hollins", "DSL Mrs Hughes");
- a role just before it, joined by nothing, a comma or is/was ("our IRO is Pauline Grimshaw", "the trainer, Lisa");
- a role just after it, joined by a comma, a bracket, is/was or "the" ("Karen Ellis, principal social worker",
  "Amy the named nurse", "Jo Briggs (LADO)");
- a service after from / in / at / with ("Hannah from the virtual school", "Jo in the MASH", "Sam from the CSE team"),
  or in brackets ("Hannah W (EDT)");
- a role given with "as" later in the name's clause ("X signed the report as independent scrutineer"), after names
  joined by commas and "and" ("X and Y are the Wirral leads"), or after a place or body ("X, WBC operational
  director").

A comma-joined role before a name governs it only as an apposition ("the SENCO, X, has..."): in "per Mrs Y, head
of year, Z has stopped eating" the role is Mrs Y's and Z is found.

The form must not become a way to name families, so a name never passes when a family relation or child marker
touches it ("mum Ms Okafor", "Sarah (mum), a nurse", "Dr Haddad's son", "Jo and her brother", "the nurse, X, is
mum's sister"): the relation wins.
The vocabulary is data (vocabulary.yaml: professional_titles, professional_roles, role_fillers, services,
service_kinds, service_units). A name's phrase and what touches it are read in rolephrase.py, the roles and services
around it in rolecontext.py; each check looks at a bounded number of words around the name: linear time.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator

from bot.privacy.lexicon import Lexicon, fold, lexicon
from bot.privacy.patterns import Span
from bot.privacy.rolecontext import RoleContext
from bot.privacy.rolephrase import _LONGEST, _phrase_ending, _single_words
from bot.privacy.tokens import Toks, word_pattern


class RoleReader(RoleContext):
    """Whether a name at a word index is governed by a professional role (see the module docstring)."""

    def __init__(self, toks: Toks, lex: Lexicon, passed: set[int] | None = None) -> None:
        super().__init__(toks, lex)
        # later words of a phrase found governed, so the name reader can skip them unread (see settled)
        self.passed: set[int] = set() if passed is None else passed
        self.added: tuple[int, ...] = ()  # the words the last settled() passed, counted from its word
        self.single_roles = _single_words(self.roles)

    def _titled(self, lo: int, hi: int, i: int) -> bool:
        # the title itself ("Pastor" in "Pastor Femi", a surname too) is part of the professional's name
        norms, titles, singles = self.norms, self.v.professional_titles, self.single_roles
        if (hi > lo and norms[i] in titles) or self._clergy(lo, hi):
            return True
        # a title typed in lower case straight before the name ("sgt McDonagh from the neighbourhood team", round 35;
        # not "di", a surname's particle in "Kayla di Marco")
        if lo > 0 and norms[lo - 1] in titles and norms[lo - 1] != "di" and not self.toks[lo - 1].after.strip():
            return True
        # a title or a one-word role besides word i
        if any(k != i and (norms[k] in titles or norms[k] in singles) for k in range(lo, hi + 1)):
            return True
        # a role of several words typed in capitals before a courtesy title in the phrase ("the Family Support Worker
        # Miss Dunne", round 37); a family role ("Foster Carer Mrs X") is no role here, and family_touch reads "Mum"
        courtesy = self.v.titles
        if any(norms[k + 1] in courtesy and _phrase_ending(norms, k, self.roles) for k in range(lo, i - 1)):
            return True
        # or opening the phrase, the name straight after it ("Principal Social Worker Tom Fitzgerald", round 41)
        return self._role_opens(lo, i)

    def _role_opens(self, lo: int, i: int) -> bool:
        """A role of several words in capitals opens phrase (lo, ..) and ends before word i, after only role fillers
        ("Principal", "Senior"): the words after it are the worker's name."""
        norms, fillers = self.norms, self.v.role_fillers
        for k in range(lo + 1, min(i, lo + _LONGEST + 2)):
            if _phrase_ending(norms, k, self.roles):
                start = k
                while start > lo and tuple(norms[start:k + 1]) not in self.roles:
                    start -= 1
                if tuple(norms[start:k + 1]) in self.roles and all(norms[m] in fillers for m in range(lo, start)):
                    return True
        return False

    def governed(self, i: int) -> bool:
        """Word i (part of a name) is named as a professional in role, and no family relation touches it. All but
        the title test depend on the name's phrase alone, so they are read once per phrase ("Sarah Jones (DSL)":
        two name words, one phrase; an attendee list is mostly such phrases)."""
        lo, hi = self._phrase(i)
        if (family := self._touched.get((lo, hi))) is None:
            family = self._touched[lo, hi] = self._family_touch(lo, hi)
        if family:
            return False
        if (role := self._in_role.get((lo, hi))) is True:
            return True  # (known from another word of the phrase: the title test cannot change the answer)
        if self._titled(lo, hi, i):
            return True
        if role is None:
            role = self._in_role[lo, hi] = self._phrase_in_role(lo, hi)
        return role

    def settled(self, i: int) -> bool:
        """Word i is governed, asked before the name tests when it is capitalised in a phrase of more than one word
        ("Jo Hill (IRO)", "Dr Amir Khan"): in a list of attendees nearly every full name is a professional's, and one
        reading of the phrase then spares the name tests for each of its words. A word alone, or in lower case (most
        such are no name at all), is asked only once found."""
        if not self.toks[i].cap:  # type: ignore[union-attr]
            return False
        lo, hi = self._phrase(i)
        if not (lo < hi and self.governed(i)):
            return False
        if self._read_alike(lo, hi, i):  # the phrase's later words are governed too: "Hill" once "Jo" is read
            if self._in_role.get((lo, hi)) is True:
                self.added = tuple(range(1, hi - i + 1))
            else:
                self.added = tuple(k - i for k in range(i + 1, hi + 1) if self._titled(lo, hi, k))
            self.passed.update(i + d for d in self.added)
        return True

    def _phrase_in_role(self, lo: int, hi: int) -> bool:
        if self._role_before(lo, hi) or self._service_after(hi) or self._labelled(lo, hi):
            return True
        if self._role_at_place_before(lo):
            return True
        if self._role_after(hi) or self._as_role(hi) or self._set_off_role(hi) or self._described_service(hi):
            return True
        end = self._coordinated(hi)
        return end != hi and (self._role_after(end) or self._as_role(end) or self._service_after(end))


class RoleGate:
    """The role reader for one message, built when the first name span needs it (most messages have none)."""

    def __init__(self, toks: Toks, lex: Lexicon) -> None:
        self.toks, self.lex = toks, lex
        self.reader: RoleReader | None = None
        self.passed: set[int] = set()  # words known governed before the name reader reaches them
        self.added: tuple[int, ...] = ()  # the words the last settled() passed, counted from its word

    def settled(self, i: int) -> bool:
        """See RoleReader.settled."""
        if self.reader is None:
            self.reader = RoleReader(self.toks, self.lex, self.passed)
        self.reader.added = ()
        found = self.reader.settled(i)
        self.added = self.reader.added
        return found

    def unless_in_role(self, spans: Iterator[Span]) -> Iterator[Span]:
        """The name spans that are not a professional named in role (each distinct context asked once: Toks.key)."""
        toks, governed = self.toks, {}
        for span in spans:
            k = bisect.bisect_left(toks.spans, (span[1], 0))
            if k < len(toks.spans) and toks.spans[k][0] == span[1]:
                if self.reader is None:
                    self.reader = RoleReader(toks, self.lex, self.passed)
                if (found := governed.get(key := toks.key(k))) is None:
                    found = governed[key] = self.reader.governed(k)
                if found:
                    continue
            yield span


def role_governed(text: str) -> Callable[[int], bool]:
    """For a detector with no tokens of its own (month_names.py, round 41): whether the word starting at a character
    offset is a professional named in role. The message's words are read once, on the first ask."""
    gate: list[tuple[Toks, RoleReader]] = []

    def governed(offset: int) -> bool:
        if not gate:
            lowered = text.lower() if len(text.lower()) == len(text) else text
            spans = [m.span() for m in word_pattern(lowered).finditer(lowered)]
            norms = [fold(lowered[a:b]) for a, b in spans]
            toks = Toks(text, spans, norms)
            gate.append((toks, RoleReader(toks, lexicon())))
        toks, reader = gate[0]
        k = bisect.bisect_left(toks.spans, (offset, 0))
        return k < len(toks.spans) and toks.spans[k][0] == offset and reader.governed(k)

    return governed
