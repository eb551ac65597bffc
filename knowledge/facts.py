"""A kind of fact the question asks for (an email, a timescale, a chair, a figure for a year: `fact_kinds` in
`data/vocabulary.yaml`) that the best entry does not hold (`missing_fact`, `fact_missing`): the decline says so
instead of answering with a loosely related entry, and ranking puts a close runner-up that holds it first."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from knowledge.counting import (
    COUNT_WINDOW,
    RANGE_RE,
    SECTION_OR_YEAR_RE,
    count_near,
    counted_in_year,
    counted_words,
    numbers_of,
    undated,
    years_in,
    years_of,
)
from knowledge.models import Entry
from knowledge.offered import named_stems
from knowledge.partnerships import NATIONAL
from knowledge.shown import entry_text, fold_question, per_entry
from knowledge.slots import WINDOW_WEIGHT, asked_of, cue_stated, evidence_for, field_states, names_subject, stated_near
from knowledge.slots import found as _found
from knowledge.slots import phrase_re as _phrase_re
from knowledge.slots import weighty as _weighty
from knowledge.text import STOPWORDS, raw_tokens, stem, strip_places, without_places
from knowledge.vocabulary import FactKind, vocabulary

Weight = Callable[[str], float]  # a stem's weight in the search (its idf)
YEAR_RE = re.compile(r"\b(20\d\d)\b")


def _entry_numbers(e: Entry) -> tuple[tuple[str, ...], tuple[int, ...]]:
    return numbers_of(entry_text(e))


def _count_near(e: Entry, counted: list[str]) -> bool:
    """The entry gives a number next to one of the counted words."""
    return count_near(per_entry("numbers", e, _entry_numbers), counted)


def named_people() -> list[str]:
    """The people the documents name (the person's-name kind's evidence, the one kind with `near`)."""
    return next((k.evidence for k in vocabulary().out_of_scope.fact_kinds if k.near is not None), [])


def _about_person(kind: FactKind, folded_q: str) -> bool:
    """'what's the number for Lorna Quigley': a contact word beside a person the documents name."""
    people = named_people()
    return bool(kind.about_person and people and _found(kind.about_person, folded_q) and _found(people, folded_q))


def _what_ends(kind: FactKind, folded_q: str) -> bool:
    """'what's the youth justice board's budget': a what-question ending in one of `kind.what_ends` asks for the
    amount itself ("what does it fund from its budget" asks what it pays for)."""
    return bool(kind.what_ends) and re.search(
        r"^\W*(?:what|whats)\s+(?:is\s+|are\s+|was\s+)?(?:the|their|its|our|your)\s+(?:[a-z0-9&]+\s+){0,6}?" + "(?:"
        + "|".join(map(re.escape, kind.what_ends)) + r")(?:\s+(?:this year|now|currently|for (?:this|next) year))?\W*$",
        without_places(folded_q)) is not None  # "... budget in halton": the place is no more asked


def fact_missing(kind: FactKind, folded_q: str, best: Entry, shown: str, weight: Weight | None = None,
                 linked: list[Entry] | None = None) -> bool:
    """The question asks for this kind of fact and `best` (`shown`: its folded text) does not give it."""
    who_named = kind.near is not None and _WHO_NAMED_RE.search(folded_q) is not None
    if (not _found(kind.cues, folded_q) and not _found(kind.cues, without_places(folded_q))
            and not _about_person(kind, folded_q) and not who_named and not _what_ends(kind, folded_q)):
        return False  # "what did the JTAI in warrington find": the place interrupts the cue
    if kind.unless and _found(kind.unless, folded_q) and not (kind.near is not None and (
            who_named or _names_role(kind, folded_q) or _found(kind.person_asks, folded_q))):
        return False  # "name of the training course" is not a person; "... training officer", "who runs it" are
    if kind.local_only and best.partnership == NATIONAL:
        return True
    if kind.contact and not vocabulary().route_roles.isdisjoint(raw_tokens(folded_q)) \
            and vocabulary().route_roles.isdisjoint(raw_tokens(shown)):
        return True  # "halton LADO email address": the partnership's own mailbox is not the LADO's
    single_years = YEAR_RE.findall(RANGE_RE.sub(" ", folded_q))
    if (kind.local_only or kind.prefer_figures or kind.dated) and (any(y not in shown for y in single_years)
                                                                   or not years_of(folded_q) <= years_of(shown)):
        return True  # a figure for a year the entry does not cover ("i-ART referrals in 2019-20", "in 2018-19")
    text = SECTION_OR_YEAR_RE.sub(" ", shown)
    asked, others = asked_of(kind, folded_q, weight is not None) if kind.subject_near else (frozenset(), None)
    if kind.needs_focus and others is None:
        return False  # "when does the review have to be done" asks no meeting time
    stems = per_entry("slot-stems", best, lambda e: tuple(stem(t) for t in raw_tokens(
        SECTION_OR_YEAR_RE.sub(" ", entry_text(e)))))
    if others is not None and not names_subject(frozenset(stems), others, weight):
        return True  # "does the executive meet monthly" is not the accountable officers' six-monthly meeting
    if kind.fields and field_states(kind, best, linked, lambda x: names_subject(  # a route's windows are its own:
            per_entry("slot-named", x, named_stems) if x.route is not None else  # named in its title or keywords
            per_entry("slot-set", x, lambda y: frozenset(stem(t) for t in raw_tokens(entry_text(y)))),
            others or asked, weight)):
        return False  # a group's frequency, a timescale, a route's day windows, of what is asked
    if "route.windows" in kind.fields and best.route is not None and any(s.window for s in best.route.steps):
        return True  # its days are the route's windows, and the route is not what is asked ("decide on a referral")
    evidence = evidence_for(kind, folded_q)
    if not any(re.search(p, text) for p in evidence):
        return True
    if asked and cue_stated(kind, folded_q, text, evidence):
        return False  # "the 24-hour turnaround": the fact under the question's own word
    if asked:
        heavy = _weighty(others, weight) if kind.beside_subject and others else None  # this body's chair, not another's
        return not stated_near(kind, asked, text, stems, weight, focus=others is not None, evidence=evidence) or bool(
            heavy and not stated_near(kind, heavy, text, stems, weight, evidence=evidence))
    if kind.near is not None:
        return not _evidence_near(kind, folded_q, text)
    counted = counted_words(folded_q) if kind.prefer_figures or kind.local_only else []
    if not counted:
        return False
    if not _count_near(best, counted):
        return True
    if not (asked_years := years_in(folded_q)):
        return False
    dated = counted_words(undated(folded_q))  # "april 2019" dates the count, it is not counted
    if weight is not None:
        dated = [c for c in dated if weight(c) >= WINDOW_WEIGHT] or dated  # "plans", not "children"
    return not counted_in_year(shown, dated, asked_years, COUNT_WINDOW)

# "who's the independent person for the partnership - name?": a person asked for, the name added after a dash or comma
_WHO_NAMED_RE = re.compile(r"^\W*(?:who|whos|who is)\b.*\s[-,]\s*(?:full\s+)?names?\s*\?*\s*$")
_ROLE_END_RE = re.compile(r"\s(?:for|at|of|in|on|from|with|pls|please|plz|thanks|ta)\b")
_CLAUSE_END_RE = re.compile(r"[,;.?!]|\s-\s")  # the asked role ends with its clause


def _names_role(kind: FactKind, folded_q: str) -> bool:
    """What follows the cue ends with a role noun ("the training and development officer")."""
    m = _phrase_re(tuple(kind.cues)).search(folded_q)
    after = _CLAUSE_END_RE.split(folded_q[m.end():] if m else "", maxsplit=1)[0]  # "..., need to escalate step 3"
    after = _ROLE_END_RE.split(after, maxsplit=1)[0]  # "the training officer for the scp pls": the role, not its body
    words = [t for t in raw_tokens(strip_places(after)) if t not in STOPWORDS]
    if not words and m:  # "who is the WSP manager by name? ...": the role stands before the cue, in its clause
        words = [t for t in raw_tokens(strip_places(_CLAUSE_END_RE.split(folded_q[:m.start()])[-1]))
                 if t not in STOPWORDS]
    roles = vocabulary().role_nouns
    said = raw_tokens(after)  # "the independent person doing scrutiny": a role, then what its holder does
    return bool(words) and (words[-1] in roles or any(
        w in roles and nxt.endswith("ing") for w, nxt in pairwise(said)))


def _evidence_near(kind: FactKind, folded_q: str, text: str) -> bool:
    """Some evidence (a person's name) stands within `kind.near` words of what the question asks about (the role)."""
    m = _phrase_re(tuple(kind.cues)).search(folded_q)
    after = folded_q[m.end():] if m else folded_q
    if m and not [t for t in raw_tokens(after) if t not in STOPWORDS]:
        after = folded_q[:m.start()]  # "who chairs the executive, by name": the role comes before the cue
    if kind.person_asks:  # "who leads the practice group": the group is asked of, not "lead representatives"
        after = _phrase_re(tuple(kind.person_asks)).sub(" ", after)
    if m and kind.near is not None:  # "the strategic director at halton borough council": the role, not the council
        after = _ROLE_END_RE.split(_CLAUSE_END_RE.split(after, maxsplit=1)[0], maxsplit=1)[0] or after
    asked = {stem(t) for t in raw_tokens(strip_places(after)) if t not in STOPWORDS} - vocabulary().generic
    if kind.person_asks and _found(kind.person_asks, folded_q):  # "... practice group": "clinical commissioning
        asked = asked - {stem(t) for t in kind.unless} or asked  # group" names no one in the practice group
    toks = [stem(t) for t in raw_tokens(text)]
    at = [i for i, t in enumerate(toks) if t in asked]
    for p in kind.evidence:
        for found in re.finditer(p, text):
            j = len(raw_tokens(text[:found.start()]))
            if any(abs(i - j) <= kind.near for i in at):
                return True
    return False


def asks_contact_detail(question: str) -> bool:
    """The question asks for an email, a phone number, a website or an address (the `contact` fact kinds)."""
    q = fold_question(question)
    return any(_found(k.cues, q) for k in vocabulary().out_of_scope.fact_kinds if k.contact)


def missing_fact(question: str, best: Entry, *, holder_kinds: bool = False, weight: Weight | None = None,
                 holder: bool = False) -> FactKind | None:
    """The kind of fact the question asks for (an email, a timescale, a figure) that `best` does not hold
    (`holder_kinds`: only kinds whose holder may be answered first, e.g. an email; `weight`: judged as the decline
    judges it; `holder`: `best` is a runner-up, which holds a `holder_by_field` kind only in its own field)."""
    q = fold_question(question)
    shown = entry_text(best)
    return next((k for k in vocabulary().out_of_scope.fact_kinds
                 if (k.prefer_holder or not holder_kinds) and (fact_missing(k, q, best, shown, weight) or (
                     holder and k.holder_by_field and _found(k.cues, q) and not _held_plainly(k, q, best, weight)))),
                None)


def gives_other_year(kind: FactKind, question: str, e: Entry) -> bool:
    """A dated kind the entry gives, but not for the year asked (the 2017-18 accounts for a 2019-20 total): a runner-up
    naming that year beside some other amount is no holder of it."""
    if not kind.dated:
        return False
    text = SECTION_OR_YEAR_RE.sub(" ", entry_text(e))
    return any(re.search(p, text) for p in evidence_for(kind, fold_question(question)))


def gives_for_year(kind: FactKind, question: str, e: Entry) -> bool:
    """A dated kind the entry gives for the year asked, beside the thing the question's cue names ("total
    contributions for 2019-20": "contributions for 2019-2020 amount to £218,866"): a holder even where the top gives
    an amount for another year. The thing is the cue's last content word, so a 2019-20 *income* is not met by that
    year's contributions."""
    q = fold_question(question)
    cue = _found(kind.cues, q) if kind.dated else None
    asked = years_in(q)
    words = [t for t in raw_tokens(cue or "") if t not in STOPWORDS and not t.isdigit()]
    if not words or not asked:
        return False
    text = entry_text(e)
    return bool(count_near(numbers_of(text), [stem(words[-1])])) and counted_in_year(
        text, [stem(words[-1])], asked, COUNT_WINDOW)


def _held_plainly(kind: FactKind, folded_q: str, e: Entry, weight: Weight | None) -> bool:
    """The entry's own field holds the fact ("frequency: quarterly") and its name or keywords hold what is asked
    ("the CE working group": Child Exploitation Working Group), or its text gives the fact under the question's own
    word ("the 24-hour turnaround")."""
    asked, others = asked_of(kind, folded_q, weight is not None)
    text = SECTION_OR_YEAR_RE.sub(" ", entry_text(e))
    return field_states(kind, e, None, lambda x: names_subject(per_entry("slot-named", x, named_stems),
                                                               others or asked, weight)) or cue_stated(
        kind, folded_q, text, evidence_for(kind, folded_q))
