"""Is the fact a question asks for stated *of what it asks about*, or only somewhere in the entry?

"how often does the Halton executive meet" must not be answered by an entry that says the executive exists and,
three sentences on, that learning events are quarterly; "how long do the partners have to settle a funding
dispute" is not "the accountable officers meet every 6 months". A fact kind with `subject_near` (data in
`vocabulary.yaml`) is stated when one of its structured `fields` holds it (a group's frequency, a timescale, a
route's day windows), or when its evidence stands within `subject_near` words of a word the question asks it of:
a `focus` word when the question holds one ("meet"), else any content word besides the cue, places, stopwords,
generic, question and group-noise words and the asking concepts themselves ("long", "days", "often").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from pydantic import BaseModel

from knowledge.models import Entry
from knowledge.text import (
    ORDINARY,
    STOPWORDS,
    concepts_of,
    expand,
    find_places,
    first_word,
    raw_tokens,
    stem,
    strip_places,
)
from knowledge.vocabulary import AdultRule, FactKind, ScopeRule, vocabulary


@lru_cache(maxsize=1024)
def phrase_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """The phrases at word edges (also a phrase such as "£"), longest first."""
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<![a-z0-9])(" + alts + r")(?![a-z0-9])")


def compile_vocabulary() -> int:
    """Compile every phrase list of the vocabulary once, when the index is built: the first questions asking for
    a kind of fact would otherwise each pay for a large alternation. Returns how many lists."""
    lists: set[tuple[str, ...]] = set()
    todo: list[object] = [vocabulary()]
    while todo:
        x = todo.pop()
        if isinstance(x, BaseModel):
            todo += [getattr(x, name) for name in type(x).model_fields]
        elif isinstance(x, (list, tuple, set, frozenset, dict)) and x:
            if all(isinstance(p, str) for p in x):
                lists.add(tuple(x))
            todo += list(x.values() if isinstance(x, dict) else x)
    for phrases in lists:
        _phrase_test(phrases)
    return len(lists)


_TOKEN_RE = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1024)
def _phrase_test(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], frozenset[str] | None]:
    """The phrases' pattern and their first words (None when one starts with no word, "£ ..."): a phrase standing at
    word edges starts a word of the text that is its first word whole, so a text holding none of them holds none."""
    firsts = {first_word(p) for p in phrases}
    return phrase_re(phrases), None if "" in firsts else frozenset(firsts)


@lru_cache(maxsize=256)
def _words(folded: str) -> frozenset[str]:
    """The words of a text the checks look in again and again (a question, its clauses)."""
    return frozenset(_TOKEN_RE.findall(folded))


def found(phrases: list[str] | tuple[str, ...], folded: str) -> str | None:
    """The first of the phrases standing in the folded text (at word edges), or None (also for no phrases)."""
    if not phrases:
        return None
    pattern, firsts = _phrase_test(tuple(phrases))
    if firsts is not None and firsts.isdisjoint(_words(folded)):
        return None
    m = pattern.search(folded)
    return m.group(1) if m else None


# With the search's word weights (idf): an asked word within `subject_near` words of the evidence must weigh at
# least WINDOW_WEIGHT ("partner", "safeguarding", "children" say little); a word weighing CLAUSE_WEIGHT or more
# ("fostering", "dispute") may stand anywhere in the evidence's clause ("A child is privately fostered when ...
# for 28 days or more"). Measured on every development set (knowledge/README.md, decline9).
WINDOW_WEIGHT = 1.5
CLAUSE_WEIGHT = 2.0
_CLAUSE_RE = re.compile(r"[.;:!?\n\u2022]+")


def field_states(kind: FactKind, e: Entry, linked: list[Entry] | None = None,
                 about: Callable[[Entry], bool] | None = None) -> bool:
    """One of the kind's structured fields holds the fact for this entry (a timescale also on a linked entry that
    the answer shows with it), on an entry `about` what is asked."""
    for path in kind.fields:
        if path == "route.windows":
            if e.route is not None and any(s.window is not None for s in e.route.steps) and (about is None or about(e)):
                return True
            continue
        head, _, attr = path.partition(".")
        for x in [e, *(linked or [])] if path == "timescale" else [e]:
            value = getattr(x, head)
            if value is not None and (not attr or getattr(value, attr) is not None) and (about is None or about(x)):
                return True
    return False


@lru_cache(maxsize=2)
def _ignored(noise: bool) -> tuple[frozenset[str], frozenset[str]]:
    """Stems never taken as what is asked about (with `noise`: also group-name noise, when no weights are known),
    and the asking concepts ("how long", "how often")."""
    v = vocabulary()
    words = set(v.generic) | set(v.question_words) | set(v.help_words) | (set(v.group_name_noise) if noise else set())
    asking = frozenset(c for w in v.asking_words for c in concepts_of(stem(w)))
    return frozenset(stem(w) for w in words), asking


def asked_of(kind: FactKind, folded_q: str, weighed: bool = False) -> tuple[frozenset[str], frozenset[str] | None]:
    """Stems of what the question asks the fact of; with a focus ("meet") its entry words, and the question's
    other words as the second item (None: no focus)."""
    rest = phrase_re(tuple(kind.cues)).sub(" ", folded_q)
    ignored, asking = _ignored(not weighed)
    toks = [t for t in expand(raw_tokens(strip_places(rest))) if t not in STOPWORDS and not t.isdigit()]
    stems = frozenset(s for s in map(stem, toks) if s not in ignored and not asking.intersection(concepts_of(s)))
    for focus in kind.focus:
        # "might meet the criteria": the focus word in another sense asks no meeting's fact
        found = (m for m in phrase_re(tuple(focus.asked)).finditer(folded_q)
                 if not _sense_after(kind, folded_q[m.end():]))
        if m := next(found, None):
            said = [m.group(1)] if m.group(1) in focus.shown else focus.shown  # "police": the police, no other party
            own = {stem(t) for t in raw_tokens(m.group(1))}  # "get together" is the focus, not what meets
            return frozenset(stem(t) for p in said for t in raw_tokens(p)), stems - own
    return (frozenset(), None) if kind.focus_only else (stems, None)


def weighty(stems: frozenset[str], weight: Callable[[str], float] | None) -> frozenset[str]:
    """The stems that say what is asked about ("executive", not "partner"; "ce" is too short)."""
    return frozenset(s for s in stems if len(s) > 2 and (weight is None or weight(s) >= WINDOW_WEIGHT))


def names_subject(entry_stems: frozenset[str], others: frozenset[str], weight: Callable[[str], float] | None) -> bool:
    """With a focus ("does the executive meet monthly"), the entry must still hold one of the question's weighty
    other words ("executive"), if it has any: the accountable officers' meeting is not the executive's."""
    heavy = weighty(others, weight) - (ORDINARY - entry_stems)  # a chat word ("the top bosses") names nothing,
    return not heavy or not heavy.isdisjoint(entry_stems)  # unless the entry says it too ("formally meet")


def evidence_for(kind: FactKind, folded_q: str) -> list[str]:
    """The kind's evidence patterns that answer this question (not a frequency for "how many days")."""
    if kind.not_counted and phrase_re(tuple(kind.counted)).search(folded_q):
        return [p for p in kind.evidence if p not in kind.not_counted]
    return kind.evidence


# "a 24-hour turnaround": the asked noun this many words from the time at most
CUE_NEAR = 2


def cue_stated(kind: FactKind, folded_q: str, text: str, evidence: list[str]) -> bool:
    """The entry gives the fact under the question's own word ("what is the front door's *turnaround*" and "the
    24-hour turnaround for decisions"): a cue of the question stands within CUE_NEAR words of the evidence (not
    in the same words). Only for a kind without a focus: a meeting's frequency is said of what meets."""
    cues = tuple(c for c in kind.cues if c in folded_q and phrase_re((c,)).search(folded_q))
    if kind.focus or not cues:
        return False
    stated = [f.span() for pattern in evidence for f in re.finditer(pattern, text)]  # found once, not per cue
    for m in phrase_re(cues).finditer(text):
        for f_start, f_end in stated:
            gap = text[f_end:m.start()] if f_end <= m.start() else text[m.end():f_start] if (
                m.end() <= f_start) else None
            if gap is not None and len(raw_tokens(gap)) <= CUE_NEAR:
                return True
    return False


@lru_cache(maxsize=64)
def _senses(kind_name: str) -> frozenset[str]:
    kinds = vocabulary().out_of_scope.fact_kinds
    return frozenset(stem(w) for k in kinds if k.name == kind_name for f in k.focus for w in f.other_senses)


def _sense_after(kind: FactKind, after: str) -> bool:
    """The words after a focus word in the question use it in another sense ("meet *the (cspr) criteria*")."""
    toks = [t for t in raw_tokens(after)[:4] if t not in ("the", "their", "its", "our", "a")][:2]
    return not _senses(kind.name).isdisjoint(map(stem, toks))


def _other_sense(kind: FactKind, stems: tuple[str, ...], i: int) -> bool:
    """The focus word at `i` is used in another sense ("partners *meet* their statutory duties")."""
    after = [t for t in stems[i + 1:i + 3] if t not in ("the", "their", "its")][:1]
    return bool(after) and after[0] in _senses(kind.name)


# the words after a frequency adjective, up to a stopword or punctuation: the noun phrase it describes
_PHRASE_AFTER_RE = re.compile(r"(?:[ \t]+[a-z0-9]+){1,6}")
QUALIFIED_WORDS = 6


@lru_cache(maxsize=8)
def _focus_shown(kind_name: str) -> frozenset[str]:
    kinds = vocabulary().out_of_scope.fact_kinds
    return frozenset(w for k in kinds if k.name == kind_name for f in k.focus for w in f.shown)


def qualifies_other(kind: FactKind, said: str, after: str) -> bool:
    """The evidence is an adjective (`kind.qualifiers`) describing a noun phrase with no focus word: "quarterly
    report" is the report's frequency; "quarterly meetings", "weekly allocation meetings" and "meets quarterly."
    are a meeting's."""
    if said not in kind.qualifiers or any(re.match(p, after.lstrip()) for p in kind.evidence):
        return False  # "bi monthly every two months", "monthly or quarterly"
    m = _PHRASE_AFTER_RE.match(after)
    words: list[str] = []
    for t in raw_tokens(m.group(0)) if m else []:
        if t in STOPWORDS:
            break
        words.append(t)
    return bool(words) and _focus_shown(kind.name).isdisjoint(words)


def stated_near(kind: FactKind, asked: frozenset[str], text: str, stems: tuple[str, ...],
                weight: Callable[[str], float] | None = None, focus: bool = False,
                evidence: list[str] | None = None) -> bool:
    """Some evidence stands within `kind.subject_near` words of an asked-about word, or in the clause of a weighty
    one (`stems`: the text's tokens, stemmed; `weight`: a stem's idf, None: every word counts for the window)."""
    assert kind.subject_near is not None
    said = [i for i, t in enumerate(stems) if t in asked and not (focus and _other_sense(kind, stems, i))]
    near = [i for i in said if focus or weight is None or weight(stems[i]) >= WINDOW_WEIGHT]
    heavy = [i for i in said if focus or (weight is not None and weight(stems[i]) >= CLAUSE_WEIGHT)]
    if not near and not heavy:
        return False
    starts = [m.start() for m in _TOKEN_RE.finditer(text)]  # `text` is folded: its tokens are `stems`' tokens
    if len(starts) == len(stems):
        def index(pos: int) -> int:
            return bisect_left(starts, pos)
    else:
        def index(pos: int) -> int:
            return len(raw_tokens(text[:pos]))
    ends = [index(m.start()) for m in _CLAUSE_RE.finditer(text)]
    for pattern in kind.evidence if evidence is None else evidence:
        for found in re.finditer(pattern, text):
            if focus and qualifies_other(kind, found.group(0), text[found.end():]):
                continue  # "the quarterly report goes to each hub meeting": the report's frequency
            j = index(found.start())
            if any(abs(i - j) <= kind.subject_near for i in near):
                return True
            lo = max([0, *(k for k in ends if k <= j)])
            hi = min([len(stems), *(k for k in ends if k > j)])
            if any(lo <= i < hi for i in heavy):
                return True
    return False


class _AreaPatterns(NamedTuple):
    """One rule's compiled "asked about another area" patterns (built once per rule, not per question)."""

    after_other: re.Pattern[str]  # "moved to flintshire"
    other_before: re.Pattern[str] | None  # "flintshire social services"
    service_other: re.Pattern[str] | None  # "the LADO for sefton"
    doing: re.Pattern[str] | None  # "what threshold doc does sefton use"
    after: str
    before: str
    service: str


_AREA_PATTERNS: dict[int, tuple[ScopeRule, _AreaPatterns]] = {}


def _area_patterns(rule: ScopeRule) -> _AreaPatterns:
    hit = _AREA_PATTERNS.get(id(rule))
    if hit is not None and hit[0] is rule:
        return hit[1]
    after = r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, rule.asked_after)) + r") (?:the )?"
    services = "|".join(map(re.escape, rule.asked_before))
    before = r" (?:" + services + r")(?![a-z0-9])" if rule.asked_before else ""
    service = r"(?<![a-z0-9])(?:" + services + r") (?:for|in|at|of) (?:the )?" if rule.asked_before else ""
    other = "(" + phrase_re(tuple(rule.phrases)).pattern + ")"
    doing = (re.compile(r"(?<![a-z0-9])(?:does|do|did) (?:the )?" + other + r" (?:"
                        + "|".join(map(re.escape, rule.asked_doing)) + r")(?![a-z0-9])") if rule.asked_doing else None)
    pats = _AreaPatterns(re.compile(after + other), re.compile(other + before) if before else None,
                         re.compile(service + other) if service else None, doing, after, before, service)
    _AREA_PATTERNS[id(rule)] = (rule, pats)
    return pats


def asked_area(rule: ScopeRule, folded_q: str) -> str:
    """Beside a served place, the other area the question asks about ("... moved to flintshire", "flintshire social
    services"), or "" (also when the served place is asked about the same way: "I work in Manchester but my case is
    in Warrington")."""
    if not rule.asked_after:
        return ""
    p = _area_patterns(rule)
    m = p.after_other.search(folded_q) or (p.other_before.search(folded_q) if p.other_before else None)
    served = tuple(name for name, _slug in find_places(folded_q))
    here = phrase_re(served).pattern if served else ""

    def asks_here(lead: str) -> bool:  # the served place asked about the same way
        return bool(re.search(lead + here, folded_q) or (p.before and re.search(here + p.before, folded_q)))

    # "who's the LADO for sefton, ... works across wirral and sefton", "sefton's escalation policy, wirral kid placed
    # there": a service asked of the other area, and of no served place, is what the question asks whatever else the
    # message names
    if p.service_other is not None and served:
        own = p.service_other.search(folded_q) or (p.other_before.search(folded_q) if p.other_before else None)
        if own and not asks_here(p.service):
            return own.group(1)
    # "what threshold doc does sefton use": the other area is who the question asks about
    if p.doing is not None and (doing := p.doing.search(folded_q)):
        return doing.group(1)
    # "a wirral child placed in sefton": where the child lives, unless a service of it is asked for (above)
    if rule.unless and phrase_re(tuple(rule.unless)).search(folded_q):
        return ""
    if m is None or (served and asks_here(p.after)):
        return ""
    return m.group(1)


def adult_asked(rule: AdultRule, folded_q: str, reading: str) -> str | None:
    """The adult-safeguarding phrase a question asks about, or None: none, or a child is described (a child word; a
    `reading` of "child": an age, "pupil"; a relative such as "her son" unless the reading is plainly "adult")."""
    phrase = found(rule.phrases, folded_q)  # (not the detector's "adult" reading alone: it missed real worries)
    if phrase is None or reading == "child" or found(rule.unless, folded_q) or (
            reading != "adult" and found(rule.relatives, folded_q)):
        return None
    return phrase
