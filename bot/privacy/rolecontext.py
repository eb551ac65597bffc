"""Where a role is read around a name's phrase, for the role reader (roles.py): a role before it ("our IRO is
Pauline Grimshaw", "the SENCO, Mrs X,"), after it ("Karen Ellis, principal social worker", "Jo Briggs (LADO)"), as a
line's label ("IRO: Jo Hill"), given with "as" later in its clause, a service after from / in / at, or after a list
of names ("X and Y are the Wirral leads"). Each test looks at a bounded number of words: linear time.
"""

from __future__ import annotations

from bot.privacy.patterns import has_digit
from bot.privacy.rolephrase import (
    _JOIN_BEFORE,
    _LONGEST,
    _OPEN,
    PhraseReader,
    _acronym,
    _phrase_at,
    _phrase_ending,
    _words_of,
)

# Between a role and the name after it: "the HV is called Bernie", "our IRO, named as Jo".
_NAMING = frozenset({"called", "named"})
_PLACE_PREPS = frozenset({"from", "in", "at", "with", "of", "on"})
# Nouns after a service that make it a record, not a workplace ("Kayla in the MASH referral").
_RECORD_NOUNS = frozenset({"referral", "referrals", "case", "cases", "file", "files", "record", "records", "system",
                           "report", "notes", "plan", "meeting", "strategy", "discussion",
                           # a child "on the CAMHS waiting list", "on the YOT books", "on the CIN team's caseload"
                           "list", "lists", "waiting", "waitlist", "caseload", "caseloads", "books", "radar",
                           "register",
                           # a service's home for families: "X from the Women's Aid refuge" may be a child there
                           "refuge", "refuges", "hostel", "house", "flats", "accommodation", "placement"})
# What sets a role off after a name ("Jo Hill (IRO)", "Jo Hill - team manager"), and what closes it.
_SET_OFF = frozenset({"(", "-", "–", "—", ",", "|"})
_CLOSERS = frozenset(")-–—,|;.")
_LABEL_MARKS = frozenset({":", "-", "–", "—", "|"})
_LABEL_CLOSE = frozenset(",|;")
_SERVICE_NOUNS = frozenset({"service", "project", "charity", "programme", "scheme", "clinic", "team", "organisation"})
_FOR_AREA = frozenset({"for", "in", "at", "covering"})
# Words of time between a role and "is" before the name ("the duty manager today is Leanne").
_WHEN = frozenset({"today", "tomorrow", "tonight", "now", "currently", "still",
                   # or how the post was given ("the SW allocated is X", "the IRO assigned is X", round 33)
                   "allocated", "assigned", "appointed", "involved"})
# Words between a name and a later "as <role>" that make the job a family member's ("mum's partner works as...").
_NOT_AS = frozenset({"works", "worked", "working", "work", "employed", "volunteers", "volunteered", "re", "about",
                     "regarding", "concerning", "such", "same", "well", "soon", "long", "far", "much"})


# What opens a post's qualifier between a role and "is" before a name ("the IRO for that case is X", round 41).
_POST_QUALIFIERS = frozenset({"for", "at", "in", "on", "from", "covering", "this", "next", "that"})
# When a post was held, between the role and a name set off by a comma ("the IRO this morning, Jo Hart,").
_HELD_WHEN = frozenset({"today", "tonight", "yesterday", "now"})
_HELD_WHEN_PAIRS = frozenset({("last", "night"), ("this", "morning"), ("this", "afternoon"), ("this", "evening"),
                              ("this", "week"), ("last", "week"), ("over", "christmas"), ("at", "weekends")})


def _held_when(norms: list[str], j: int) -> int:
    """How many words before j+1 say when a post was held: 0, 1 ("tonight") or 2 ("last night")."""
    if norms[j] in _HELD_WHEN:
        return 1
    return 2 if j > 1 and (norms[j - 1], norms[j]) in _HELD_WHEN_PAIRS else 0


# "Jo Hill, she's the IRO": a pronoun and "is" after the name's comma
_PRONOUN_IS = frozenset({"he", "she", "he's", "she's", "hes", "shes"})
_PRONOUN_GAP = frozenset(",?")
# Between a role and a name set off by a comma, where the role is held ("the DSL at our school, Mr X,", round 32).
_ROLE_AT = frozenset({"at", "in", "for", "from", "on"})

class RoleContext(PhraseReader):
    """The role and service tests around a phrase (lo, hi): each says whether a role governs the name there."""

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
            # "the LADO for Halton is X": the role's area between the role and "is"
            if j > 0 and self.norms[j - 1] in _FOR_AREA and self._joined(j - 1, lo) and (
                    self.norms[j] in self.v.local_places or self.norms[j] in self.places):
                j -= 2
            elif j > 0 and not _phrase_ending(self.norms, j, self.roles):
                j = self._post_qualified(j, lo)
        if j > 0 and "," in self.toks[lo].before and self._joined(j, lo):  # type: ignore[operator, union-attr]
            j -= _held_when(self.norms, j)  # "the duty manager on call tonight, Gemma Price," (round 28)
            if j > 0 and not _phrase_ending(self.norms, j, self.roles):
                j = self._post_qualified(j, lo)  # "the named midwife for safeguarding, X Y," (round 44)
        if not (j >= 0 and _phrase_ending(self.norms, j, self.roles) and self._joined(j, lo)):
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

    def _post_qualified(self, j: int, lo: int) -> int:
        """'the named nurse for safeguarding at the trust is X', 'the IRO for that case is X', 'our DSL this year is
        X': a role, then where, for what or when the post is held (a preposition or a time word, then up to four
        lower-case words of no family, child or person) before "is" and the name (round 41). The word that ends
        the role, or j unchanged."""
        norms, toks = self.norms, self.toks
        for q in range(j, max(0, j - 5), -1):
            tok = toks[q]
            # "today's" (its norm "today"), "this week's": a time owns what the post is for; any other owner stops
            timed = tok is not None and tok.possessive and norms[q].removesuffix("'s") in self.v.post_time_owners
            if tok is None or tok.cap or (tok.possessive and not timed) or not norms[q].isalpha() \
                    or norms[q] in self.family \
                    or not self._joined(q, lo) or "," in tok.before:
                return j
            if norms[q] in _POST_QUALIFIERS and _phrase_ending(norms, q - 1, self.roles) and self._joined(q - 1, q):
                return q - 1
        return j

    def _role_at_place_before(self, lo: int) -> bool:
        """'the DSL at our school, Mr Hughes, has asked': a role with where it is held (a preposition, "the" or "our"
        and up to two lower-case words), then the name set off by commas; the role has its own determiner."""
        norms, toks = self.norms, self.toks
        j = lo - 1
        if j >= 0 and norms[j] in self.v.titles and not toks[j].cap:  # type: ignore[union-attr]
            j -= 1
        nxt, last = toks[j + 1], toks[self._phrase(lo)[1]]
        if j < 3 or nxt is None or "," not in nxt.before or last is None or not last.after.strip().startswith(","):
            return False
        for p in range(j - 1, max(0, j - 4), -1):  # (up to two words: "for the north cluster", round 41)
            if norms[p] in _ROLE_AT and norms[p + 1] in _OPEN:
                words = range(p + 2, j + 1)
                return (p >= 2 and all(not toks[w].cap and norms[w].isalpha() and norms[w] not in self.family  # type: ignore[union-attr]
                                       and not toks[w].possessive for w in words)  # type: ignore[union-attr]
                        and _phrase_ending(norms, p - 1, self.roles) and self._joined(p - 1, j)
                        and any(norms[q] in _OPEN for q in range(max(0, p - 4), p - 1)))
        return False

    def _role_after(self, hi: int) -> bool:
        norms, k = self.norms, hi + 1
        # "Jo, who is the DSL,", "Jo who chairs the panel": "who" then is/was or a role's verb
        if k + 1 < len(norms) and norms[k] == "who" and (norms[k + 1] in _JOIN_BEFORE
                                                         or _phrase_at(norms, k + 1, self.roles)):
            k += 1
        elif k + 1 < len(norms) and norms[k] in _PRONOUN_IS and _PRONOUN_GAP & set(self.toks[k].before or ""):  # type: ignore[union-attr]
            # "ask Dave Pearson, he's DSL at the high school": the name, then who they are; or a question about the
            # name answered by who they are ("a contact for Gemma Lowe? She's the virtual school head", round 32)
            hi, k = k, k + 1
        if k < len(norms) and "(" in self.toks[k].before and _phrase_at(norms, k, self.services):  # type: ignore[union-attr]
            return self._joined(hi, k)  # "Hannah W (EDT)", "Jo (MASH)": the service in brackets
        named = False  # a place or body named before a service ("X, Cheshire Police,", "X from WBC")
        loose = 0  # words that only describe the post ("Jess the outreach youth worker", "our academy welfare officer")
        for _ in range(7):
            if k >= len(norms) or not self._joined(hi, k):
                return False
            if n := _phrase_at(norms, k, self.roles):
                if k == hi + 1 and self.toks[hi].possessive and norms[hi] not in _PRONOUN_IS:  # type: ignore[union-attr]
                    return False  # "Jo's interpreter": the worker is Jo's, so Jo is the one they work for
                last = self.toks[k + n - 1]
                return last is not None and not last.possessive  # "Jo is the IRO's worry": not Jo's role
            if named and _phrase_at(norms, k, self.services):
                return True
            if self._body(k):
                named = True
            elif norms[k] not in self.v.role_fillers and not (self.toks[k].possessive and k > hi + 1):  # type: ignore[union-attr]
                # ("X is the child's social worker": a possessive before the role)
                if not self._describes_post(k, hi) or loose == 2:
                    return False
                loose += 1
            k += 1
        return False

    def _describes_post(self, k: int, hi: int) -> bool:
        """Word k, after "the" or "our" following the name, may describe the post before its role (round 27): a
        lower-case word of no family, child or person, not the name's verb."""
        tok, norms = self.toks[k], self.norms
        return (tok is not None and k >= hi + 2 and not tok.cap and not tok.possessive and norms[k].isalpha()
                and norms[k] not in self.v.role_words and norms[k] not in self.v.person_relations
                and any(norms[j] in ("the", "our") for j in range(hi + 1, k)))

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
        # "Chris Dunn, legal services, re ...": the worker's service set off and closed (round 49)
        if (n := _phrase_at(norms, k, self.services)) > 1 and not any(toks[j].possessive for j in range(k, k + n)) \
                and (k + n >= len(norms) or (toks[k + n - 1].after.strip()[:1] in _CLOSERS  # type: ignore[union-attr]
                                             and norms[k + n] in self.v.set_off_service_next)):
            return True  # ... and followed by a professional's part ("re ...", "attended"), not a case note
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

    def _described_service(self, hi: int) -> bool:
        """'referred to Beacon (the CSE service)', 'Harbour (a DA project)': a bracket after the name saying it is a
        service, closed within a few words."""
        k, toks = hi + 1, self.toks
        first = toks[k]
        if first is None or first.before.strip() != "(" or self.norms[k] not in ("the", "a", "an"):
            return False
        for j in range(k + 1, min(len(self.norms), k + 6)):
            tok = toks[j]
            if tok is None or (j > k + 1 and tok.before.strip()):
                return False
            if self.norms[j] in _SERVICE_NOUNS:
                return tok.after.strip()[:1] == ")"
            if not (_acronym(tok) or (tok.cap and self.norms[j] not in self.family)
                    or self.norms[j] in self.v.service_kinds or self.norms[j] in self.v.sectors):
                return False  # ("Kayla (the girl in the CSE project)": a child described, not a service)
        return False

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
                # ("about X with the housing officer": a worker of the service is with the name, round 33)
                return end >= len(norms) or (norms[end] not in _RECORD_NOUNS
                                             and not (n and _phrase_at(norms, end, self.roles)))
        return False
