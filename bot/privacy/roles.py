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
service_kinds, service_units). Each check looks at a bounded number of words around the name: linear time.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache

from bot.privacy.lexicon import Lexicon
from bot.privacy.patterns import Span, has_digit
from bot.privacy.tokens import _ACRONYM, _DETERMINERS, Tok, Toks

_JOIN_BEFORE = frozenset({"is", "was"})
# Between a role and the name after it: "the HV is called Bernie", "our IRO, named as Jo".
_NAMING = frozenset({"called", "named"})
_PLACE_PREPS = frozenset({"from", "in", "at", "with", "of", "on"})
_OPEN = frozenset({"the", "our", "their", "your", "my"})
# Nouns after a service that make it a record, not a workplace ("Kayla in the MASH referral").
_RECORD_NOUNS = frozenset({"referral", "referrals", "case", "cases", "file", "files", "record", "records", "system",
                           "report", "notes", "plan", "meeting", "strategy", "discussion",
                           # a child "on the CAMHS waiting list", "on the YOT books", "on the CIN team's caseload"
                           "list", "lists", "waiting", "waitlist", "caseload", "caseloads", "books", "radar",
                           "register",
                           # a service's home for families: "X from the Women's Aid refuge" may be a child there
                           "refuge", "refuges", "hostel", "house", "flats", "accommodation", "placement"})
_LONGEST = 4
# Family words that are also a priest's, nun's or ward sister's title when capitalised with no owner ("Sister Ann").
# What sets a role off after a name ("Jo Hill (IRO)", "Jo Hill - team manager"), and what closes it.
_SET_OFF = frozenset({"(", "-", "–", "—", ",", "|"})
_CLOSERS = frozenset(")-–—,|;.")
_LABEL_MARKS = frozenset({":", "-", "–", "—", "|"})
_LABEL_CLOSE = frozenset(",|;")
_CLERGY = frozenset({"father", "sister"})
# Words of time between a role and "is" before the name ("the duty manager today is Leanne").
_WHEN = frozenset({"today", "tomorrow", "tonight", "now", "currently", "still"})
# Words between a name and a later "as <role>" that make the job a family member's ("mum's partner works as...").
_NOT_AS = frozenset({"works", "worked", "working", "work", "employed", "volunteers", "volunteered", "re", "about",
                     "regarding", "concerning", "such", "same", "well", "soon", "long", "far", "much"})
# Words in role_words that cue a name before it but say nothing about the person ("Dr X (named doctor)").
_CUES_ONLY = frozenset({"named", "called", "aka", "name", "names", "initials", "person"})
# Between a name and the role after it: a comma, a bracket or spaces ("Jo Briggs - LADO" is two clauses).
_BREAKS = frozenset("-–—:;.!?")  # words in the longest role or service phrase


@cache
def _word_sets(lex: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Places, surnames and first names that are no English word, and all English words (built once)."""
    english = lex.english | lex.rare_english
    return lex.places - lex.english, lex.surnames - lex.english, english, lex.first_names - lex.english


_RUN = 6  # how many capitalised words either side of a name can belong to its phrase ('DSL Mrs Jo Hughes')


@cache
def _phrases(words: frozenset[str]) -> frozenset[tuple[str, ...]]:
    """Each phrase as words, with "'s" taken off as RoleReader's norms are ("children's services")."""
    return frozenset(tuple(x[:-2] if x.endswith(("'s", "’s")) else x for x in w.split()) for w in words)


@cache
def _words_of(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(w for p in phrases for w in p)


def _phrase_at(norms: list[str], j: int, phrases: frozenset[tuple[str, ...]]) -> int:
    """Length of the longest phrase starting at word j, or 0."""
    for n in range(_LONGEST, 0, -1):
        if tuple(norms[j:j + n]) in phrases and j + n <= len(norms):
            return n
    return 0


def _phrase_ending(norms: list[str], j: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(tuple(norms[j - n + 1:j + 1]) in phrases for n in range(min(_LONGEST, j + 1), 0, -1))


class RoleReader:
    """Whether a name at a word index is governed by a professional role (see the module docstring)."""

    def __init__(self, toks: Toks, lex: Lexicon) -> None:
        self.toks, self.v = toks, lex.vocab
        self.norms = [n[:-2] if n.endswith(("'s", "’s")) else n for n in toks.norms]
        self.roles = _phrases(self.v.professional_roles)
        self.services = _phrases(self.v.services)
        self.family = (self.v.role_words | self.v.person_relations) - self.v.professional_roles - _CUES_ONLY
        self.places, self.surnames, self.english, self.firsts = _word_sets(lex)
        self.all_firsts = lex.first_names
        self.titled = self.v.professional_titles | self.v.titles
        self._touched: dict[tuple[int, int], bool] = {}  # a phrase's answers, as its other words ask the same
        self._in_role: dict[tuple[int, int], bool] = {}

    def _joined(self, a: int, b: int) -> bool:
        """Words a and b (a < b) are in one phrase: no dash or sentence stop between them."""
        toks = self.toks
        for k in range(a + 1, b + 1):
            tok = toks[k]
            if tok is None or not _BREAKS.isdisjoint(tok.before):
                return False
        return True

    def _phrase(self, i: int) -> tuple[int, int]:
        """The run of capitalised words around word i with only spaces between ('DSL Mrs Hughes')."""
        toks = self.toks
        lo = hi = i
        # a name with its titles is a few words: a longer run of capitals is a heading, and is read no further
        while lo > max(0, i - _RUN) and (p := toks[lo - 1]) is not None and p.cap and (
                (not (gap := toks[lo].before.strip()) and "\n" not in toks[lo].before)  # type: ignore[union-attr]
                or (gap == "." and p.norm in self.titled)):
            lo -= 1  # ("Rev. Hollis", "Dr. Hill": a title's full stop)
        while hi < i + _RUN and (n := toks[hi + 1]) is not None and n.cap and not n.before.strip() and (
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

    def _clergy(self, lo: int, hi: int) -> bool:
        """'Father Dominic': "Father" capitalised before a name, with no owner or article before it, is a priest's
        title ('her father Dominic', 'the Father' are family or not a name); so is "Sister Ann" but for an age after
        the name ("Sister Jade (14)" is a child's sibling)."""
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
        if lo > 0 and self._joined(lo - 1, lo) and norms[lo - 1] in self.family:
            return True  # "mum Ms Okafor", "his sister Jo"
        if nxt is not None and self._joined(hi, hi + 1) and "\n" not in nxt.before:  # ("IRO: X\nChild: ...")
            if nxt.norm in self.family:
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

    def _titled(self, lo: int, hi: int, i: int) -> bool:
        # the title itself ("Pastor" in "Pastor Femi", a surname too) is part of the professional's name
        return (hi > lo and self.norms[i] in self.v.professional_titles) or self._clergy(lo, hi) or any(
            k != i and (self.norms[k] in self.v.professional_titles or (self.norms[k],) in self.roles)
            for k in range(lo, hi + 1))

    def _role_before(self, lo: int, hi: int) -> bool:
        j = lo - 1
        # "our DSL mrs thompson", "the virtual school head mr o'neill": a title typed in lower case before the name
        if j >= 0 and self.norms[j] in self.v.titles and not self.toks[j].cap and self._joined(j, lo):  # type: ignore[union-attr]
            j -= 1
        if j >= 0 and self.norms[j] in _NAMING and self._joined(j, lo):
            j -= 1
        if j >= 0 and self.norms[j] in _JOIN_BEFORE and self._joined(j, lo):
            j -= 1
            if j >= 0 and self.norms[j] in _WHEN and self._joined(j, lo):
                j -= 1
        if not (j >= 0 and self._joined(j, lo) and _phrase_ending(self.norms, j, self.roles)):
            return False
        # "the SENCO, Mrs X, has...", "our DSL, Jo": a comma makes the name an apposition of the role, so it is
        # closed by punctuation or the role has its own determiner; in "per Mrs Y, head of year, Jo has stopped
        # eating" the role belongs to Mrs Y and Jo starts a new clause.
        if "," not in self.toks[lo].before:  # type: ignore[union-attr]
            return True
        nxt, last = self.toks[hi + 1], self.toks[hi]
        closed = nxt is None or (last is not None and bool(last.after.strip()))
        n = next(n for n in range(_LONGEST, 0, -1) if tuple(self.norms[max(0, j - n + 1):j + 1]) in self.roles)
        start = j - n + 1
        while (start > 0 and start > j - 6 and self._joined(start - 1, j)
               and self.norms[start - 1] in self.v.role_fillers):
            start -= 1
            if self.norms[start] in _OPEN:
                return True
        return closed

    def _role_after(self, hi: int) -> bool:
        norms, k = self.norms, hi + 1
        # "Jo, who is the DSL,", "Jo who chairs the panel": "who" then is/was or a role's verb
        if k + 1 < len(norms) and norms[k] == "who" and (norms[k + 1] in _JOIN_BEFORE
                                                         or _phrase_at(norms, k + 1, self.roles)):
            k += 1
        if k < len(norms) and "(" in self.toks[k].before and _phrase_at(norms, k, self.services):  # type: ignore[union-attr]
            return self._joined(hi, k)  # "Hannah W (EDT)", "Jo (MASH)": the service in brackets
        named = False  # a place or body named before a service ("X, Cheshire Police,", "X from WBC")
        for _ in range(7):
            if k >= len(norms) or not self._joined(hi, k):
                return False
            if n := _phrase_at(norms, k, self.roles):
                last = self.toks[k + n - 1]
                return last is not None and not last.possessive  # "Jo is the IRO's worry": not Jo's role
            if named and _phrase_at(norms, k, self.services):
                return True
            if self._body(k):
                named = True
            elif norms[k] not in self.v.role_fillers and not (self.toks[k].possessive and k > hi + 1):  # type: ignore[union-attr]
                # ("X is the child's social worker": a possessive before the role)
                return False
            k += 1
        return False

    def _labelled(self, lo: int, hi: int) -> bool:
        """'IRO: Jo Hill', 'Allocated SW - Jo', 'Chair: Jo Hill (Halton)': a role as a line's label with the name
        alone after it (closed by a comma, bracket, line or the message's end); 'IRO: Jo said...' is a note about
        Jo, and a label in mid-line may end a clause."""
        toks, first, last = self.toks, self.toks[lo], self.toks[hi]
        if first is None or last is None or first.before.strip() not in _LABEL_MARKS or has_digit(last.after) or not (
                toks[hi + 1] is None or "\n" in last.after or last.after.strip()[:1] in _LABEL_CLOSE):
            return False
        for n in range(_LONGEST, 0, -1):
            start = lo - n
            if start >= 0 and tuple(self.norms[start:lo]) in self.roles:
                return start == 0 or "\n" in toks[start].before  # type: ignore[operator, union-attr]
        return False

    def _set_off_role(self, hi: int) -> bool:
        """'Mark Tate (education welfare officer)', 'Mrs Hill (Year 6 teacher)', 'Sue Bright (health)', 'Jo Hill -
        team manager', 'X - CAMHS clinical lead - presenting': a role set off by a bracket or a dash and closed where
        it ends (a bracket, dash, comma, line or the message's end); 'Jo Hill - social worker visited' goes on past
        the role, and a family word or owner in it makes it no title."""
        toks, norms, k = self.toks, self.norms, hi + 1
        first = toks[k]
        if first is None or first.before.strip() not in _SET_OFF:
            return False
        if first.before.strip() == "(" and norms[k] in self.v.sectors and first.after.strip()[:1] == ")":
            return True
        for j in range(k, min(len(norms), k + 5)):
            tok = toks[j]
            gap = tok.before.strip() if tok is not None else ""
            if tok is None or (j > k and gap and not gap.isdigit()) or tok.possessive or norms[j] in self.family:
                return False
            if n := _phrase_at(norms, j, self.roles):
                last = toks[j + n - 1]
                return last is not None and not last.possessive and (
                    j + n >= len(norms) or last.after.strip()[:1] in _CLOSERS or "\n" in last.after)
            if not (tok.cap or norms[j] in self.v.role_fillers or norms[j] in self.v.service_kinds or self._body(j)
                    or norms[j] in _words_of(self.services)):  # ("X - youth justice case manager -")
                return False
        return False

    def _body(self, k: int) -> bool:
        """A place or organisation's short name inside a role ("the Halton CCG accountable officer", "WBC
        operational director"): a place in the area lists or a service acronym."""
        w = self.norms[k]
        return w in self.v.local_places or w in self.v.service_acronyms or w in self.places or _acronym(self.toks[k])

    def _as_role(self, hi: int) -> bool:
        """'X signed the report as independent scrutineer', 'X chaired the panel as deputy director': a role given
        with "as" later in the name's own clause (not "works as", where the job is a family member's)."""
        norms, toks = self.norms, self.toks
        for k in range(hi + 1, min(len(norms), hi + 9)):
            if not self._joined(hi, k) or norms[k] in self.family or norms[k] in _NOT_AS or "," in toks[k].before:  # type: ignore[union-attr]
                return False
            if norms[k] == "as":
                j = k + 1
                while j < len(norms) and j < k + 5 and self._joined(k, j):
                    if n := _phrase_at(norms, j, self.roles):
                        last = toks[j + n - 1]
                        return last is not None and not last.possessive
                    if norms[j] not in self.v.role_fillers and not self._body(j):
                        return False
                    j += 1
                return False
        return False

    def _coordinated(self, hi: int) -> int:
        """'X, Y and Z are the leads': the end of a list of capitalised names joined by commas or "and"."""
        toks = self.toks
        for _ in range(4):
            nxt = toks[hi + 1]
            last = toks[hi]
            if nxt is None or last is None:
                break
            if nxt.norm == "and" and not last.after.strip() and (after := toks[hi + 2]) is not None and after.cap:
                hi = self._phrase(hi + 2)[1]
            elif last.after.strip() == "," and nxt.cap and not nxt.upper and nxt.norm not in self.v.titles:
                end = self._phrase(hi + 1)[1]
                # a single capitalised word after a comma may be a new clause ("X, Police said"), but not when the
                # list goes on with "and" ("Jo, Sam and Ali are the DSLs")
                if end == hi + 1 and not ((a := toks[end + 1]) is not None and a.norm == "and"
                                          and not toks[end].after.strip()):  # type: ignore[union-attr]
                    break
                hi = end
            else:
                break
        return hi

    def _service_after(self, hi: int) -> bool:
        norms, toks = self.norms, self.toks
        k = hi + 1
        if k >= len(norms) or norms[k] not in _PLACE_PREPS or not self._joined(hi, k):
            return False
        k += 1
        if k < len(norms) and norms[k] in _OPEN:
            k += 1
        for j in range(k, min(len(norms), k + 4)):  # ("from the edge of care team")
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
        """Word i (part of a name) is named as a professional in role, and no family relation touches it. All but
        the title test depend on the name's phrase alone, so they are read once per phrase ("Sarah Jones (DSL)":
        two name words, one phrase; an attendee list is mostly such phrases)."""
        lo, hi = self._phrase(i)
        if (family := self._touched.get((lo, hi))) is None:
            family = self._touched[lo, hi] = self._family_touch(lo, hi)
        if family:
            return False
        if self._titled(lo, hi, i):
            return True
        if (role := self._in_role.get((lo, hi))) is None:
            role = self._in_role[lo, hi] = self._phrase_in_role(lo, hi)
        return role

    def _phrase_in_role(self, lo: int, hi: int) -> bool:
        if self._role_before(lo, hi) or self._service_after(hi) or self._labelled(lo, hi):
            return True
        if self._role_after(hi) or self._as_role(hi) or self._set_off_role(hi):
            return True
        end = self._coordinated(hi)
        return end != hi and (self._role_after(end) or self._as_role(end) or self._service_after(end))


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
