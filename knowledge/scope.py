"""What the documents do not answer, and what a question is asking for (from `data/vocabulary.yaml`).

* `is_help_request`: "help", "can you help me?", "what can you do" ask for the bot's help, not a topic;
* `decline_reason`: another area, adult safeguarding, events after the documents, or a kind of fact
  (a figure, a cost, an inspection result) that the best entry does not contain: decline with the reason
  and a pointer instead of answering with a loosely related entry;
* `is_definition_request`: "what is X" wants the meaning (a glossary entry) before a group named after X.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

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
from knowledge.current import NOW, change_asked, now_asked, now_decline
from knowledge.declines import Decline, other_area_decline, rule_decline
from knowledge.models import Entry
from knowledge.offered import named_stems, subject_of
from knowledge.partnerships import NATIONAL
from knowledge.safety import get_detector
from knowledge.slots import WINDOW_WEIGHT, asked_of, evidence_for, field_states, names_subject, stated_near
from knowledge.slots import adult_asked as _adult_asked
from knowledge.slots import found as _found
from knowledge.slots import phrase_re as _phrase_re
from knowledge.slots import weighty as _weighty
from knowledge.text import STOPWORDS, expand, fold, raw_tokens, stem, strip_places, terms
from knowledge.vocabulary import FactKind, vocabulary

_T = TypeVar("_T")
Weight = Callable[[str], float]  # a stem's weight in the search (its idf)
_YEAR_RE = re.compile(r"\b(20\d\d)\b")
_DEFINITION_RE = re.compile(
    r"^\s*(what(s| is)( an?)? \w+( \w+){0,3}\W*$|define\b|definition of\b|meaning of\b|"
    r"what do(es)? .+ (mean|stand for)\b)"
)


_PER_ENTRY: dict[tuple[str, int], tuple[Entry, object]] = {}


def _per_entry(name: str, e: Entry, make: Callable[[Entry], _T]) -> _T:
    """`make(e)` computed once per entry object (held in the key's value, so its id is never reused)."""
    hit = _PER_ENTRY.get((name, id(e)))
    if hit is not None and hit[0] is e:
        return hit[1]  # type: ignore[return-value]
    value = make(e)
    _PER_ENTRY[(name, id(e))] = (e, value)
    return value


@lru_cache(maxsize=1024)
def _fold_question(question: str) -> str:
    return fold(question)


def entry_text(e: Entry) -> str:
    """The folded text an answer shows: title, answer and structured payload."""
    return _per_entry("text", e, _entry_text)


def _entry_text(e: Entry) -> str:
    bits = [e.title, e.answer]
    if e.timescale:
        bits.append(e.timescale.describe())
    if e.contact:
        bits.extend(x for x in (e.contact.name, e.contact.phone, e.contact.email) if x)
    if e.group:
        bits.extend(x for x in (e.group.name, e.group.chair, e.group.frequency, e.group.meets) if x)
    bits.extend(a.name for a in e.agencies)
    return fold(" ".join(bits))


def is_help_request(question: str) -> bool:
    words = [t for t in raw_tokens(question) if t not in STOPWORDS]
    return all(w in vocabulary().help_words for w in words)


def is_list_request(question: str) -> bool:
    return _found(vocabulary().list_cues, _fold_question(question)) is not None


def carries_list(e: Entry) -> bool:
    """The entry holds a whole list: agencies, threshold levels, route steps or a bulleted answer."""
    return bool(e.agencies or (e.threshold and e.threshold.levels) or (e.route and len(e.route.steps) > 1)
                or e.answer.count("•") >= 3 or e.answer.count("\n- ") >= 3)


def is_contact_request(question: str) -> bool:
    return _found(vocabulary().contact_cues, _fold_question(question)) is not None


def is_action_request(question: str) -> bool:
    """'what do I do', 'who do I tell', 'who handles': asks what to do, not what something is or how many."""
    return _found(vocabulary().action_cues, _fold_question(question)) is not None


def is_group_request(question: str) -> bool:
    """'which group/panel/team ...' (singular): the group doing something, not the topic it works on."""
    return _found(vocabulary().group_cues, _fold_question(question)) is not None


def is_local_count_request(question: str) -> bool:
    """'how many children ... in Warrington': a count only the area's own entries can hold."""
    q = _fold_question(question)
    return any(k.local_only and _found(k.cues, q) and not (k.unless and _found(k.unless, q))
               for k in vocabulary().out_of_scope.fact_kinds)


def is_figure_request(question: str) -> bool:
    """'how many', 'number of', 'what percentage': an entry made of figures is preferred."""
    q = _fold_question(question)
    return any(k.prefer_figures and _found(k.cues, q) for k in vocabulary().out_of_scope.fact_kinds)


@lru_cache(maxsize=1)
def name_noise() -> tuple[frozenset[str], frozenset[str]]:
    """Stemmed words that tell no relevant agency / no group apart (vocabulary `*_name_noise`)."""
    v = vocabulary()
    return frozenset(map(stem, v.agency_name_noise)), frozenset(map(stem, v.group_name_noise))


_NUMBER_RE = re.compile(r"\b\d[\d,.]*%?")


def figure_heavy(e: Entry) -> bool:
    """The entry is mostly figures (four or more numbers besides section numbers and years)."""
    return _per_entry("figures", e, _count_figures) >= 4


def _count_figures(e: Entry) -> int:
    return len(_NUMBER_RE.findall(SECTION_OR_YEAR_RE.sub(" ", fold(e.answer))))


def is_definition_request(question: str) -> bool:
    return bool(_DEFINITION_RE.search(_fold_question(question)))


def _entry_numbers(e: Entry) -> tuple[tuple[str, ...], tuple[int, ...]]:
    return numbers_of(entry_text(e))


def _count_near(e: Entry, counted: list[str]) -> bool:
    """The entry gives a number next to one of the counted words."""
    return count_near(_per_entry("numbers", e, _entry_numbers), counted)


def _about_person(kind: FactKind, folded_q: str) -> bool:
    """'what's the number for Lorna Quigley': a contact word beside a person the documents name."""
    people = next((k.evidence for k in vocabulary().out_of_scope.fact_kinds if k.near is not None), [])
    return bool(kind.about_person and people and _found(kind.about_person, folded_q) and _found(people, folded_q))


def _fact_missing(kind: FactKind, folded_q: str, best: Entry, shown: str, weight: Weight | None = None,
                  linked: list[Entry] | None = None) -> bool:
    if not _found(kind.cues, folded_q) and not _about_person(kind, folded_q):
        return False
    if kind.unless and _found(kind.unless, folded_q) and not (kind.near is not None and _names_role(kind, folded_q)):
        return False  # "name of the training course" is not a person; "... training officer" is
    if kind.local_only and best.partnership == NATIONAL:
        return True
    single_years = _YEAR_RE.findall(RANGE_RE.sub(" ", folded_q))
    if (kind.local_only or kind.prefer_figures or kind.dated) and (any(y not in shown for y in single_years)
                                                                   or not years_of(folded_q) <= years_of(shown)):
        return True  # a figure for a year the entry does not cover ("i-ART referrals in 2019-20", "in 2018-19")
    text = SECTION_OR_YEAR_RE.sub(" ", shown)
    asked, others = asked_of(kind, folded_q, weight is not None) if kind.subject_near else (frozenset(), None)
    if kind.needs_focus and others is None:
        return False  # "when does the review have to be done" asks no meeting time
    stems = _per_entry("slot-stems", best, lambda e: tuple(stem(t) for t in raw_tokens(
        SECTION_OR_YEAR_RE.sub(" ", entry_text(e)))))
    if others is not None and not names_subject(frozenset(stems), others, weight):
        return True  # "does the executive meet monthly" is not the accountable officers' six-monthly meeting
    if kind.fields and field_states(kind, best, linked, lambda x: names_subject(  # a route's windows are its own:
            _per_entry("slot-named", x, named_stems) if x.route is not None else  # named in its title or keywords
            _per_entry("slot-set", x, lambda y: frozenset(stem(t) for t in raw_tokens(entry_text(y)))),
            others or asked, weight)):
        return False  # a group's frequency, a timescale, a route's day windows, of what is asked
    if "route.windows" in kind.fields and best.route is not None and any(s.window for s in best.route.steps):
        return True  # its days are the route's windows, and the route is not what is asked ("decide on a referral")
    evidence = evidence_for(kind, folded_q)
    if not any(re.search(p, text) for p in evidence):
        return True
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


def _names_role(kind: FactKind, folded_q: str) -> bool:
    """What follows the cue ends with a role noun ("the training and development officer")."""
    m = _phrase_re(tuple(kind.cues)).search(folded_q)
    words = [t for t in raw_tokens(strip_places(folded_q[m.end():] if m else "")) if t not in STOPWORDS]
    return bool(words) and words[-1] in vocabulary().role_nouns


def _evidence_near(kind: FactKind, folded_q: str, text: str) -> bool:
    """Some evidence (a person's name) stands within `kind.near` words of what the question asks about (the role)."""
    m = _phrase_re(tuple(kind.cues)).search(folded_q)
    after = folded_q[m.end():] if m else folded_q
    if m and not [t for t in raw_tokens(after) if t not in STOPWORDS]:
        after = folded_q[:m.start()]  # "who chairs the executive, by name": the role comes before the cue
    asked = {stem(t) for t in raw_tokens(strip_places(after)) if t not in STOPWORDS} - vocabulary().generic
    toks = [stem(t) for t in raw_tokens(text)]
    at = [i for i, t in enumerate(toks) if t in asked]
    for p in kind.evidence:
        for found in re.finditer(p, text):
            j = len(raw_tokens(text[:found.start()]))
            if any(abs(i - j) <= kind.near for i in at):
                return True
    return False


def missing_fact(question: str, best: Entry, *, holder_kinds: bool = False) -> FactKind | None:
    """The kind of fact the question asks for (an email, a timescale, a figure) that `best` does not hold
    (`holder_kinds`: only kinds whose holder may be answered first, e.g. an email)."""
    q = _fold_question(question)
    shown = entry_text(best)
    return next((k for k in vocabulary().out_of_scope.fact_kinds
                 if (k.prefer_holder or not holder_kinds) and _fact_missing(k, q, best, shown)), None)


# An entry that mentions another area answers a question naming it only if it also matches the rest of the
# question: this share of the question's weight, besides the place name ("does Merseyside police cover
# Knowsley" yes; "what does the Knowsley safeguarding partnership do" no).
OTHER_AREA_SUPPORT = 0.30


# "who is the X", "who's the X" (folded to "who the X"), "who are the X"
_WHO_IS_RE = re.compile(
    r"^\s*(?:(?:who is|whos|who are) (?:the |our |my |your )?|who (?:the|our|my|your) )"
    r"(.+?)(?: for | in | at | of | on |\W*$)"
)


_WHO_VERB_RE = re.compile(r"^\s*who (?:currently |actually )?([a-z]+) (?:the |our |my )?(.+?)(?: for | in | at |\W*$)")


def _role_by_verb(folded_q: str) -> tuple[str, str] | None:
    """'who chairs the executive group' -> ("chair", "chair of the executive group")."""
    m = _WHO_VERB_RE.search(folded_q)
    noun = vocabulary().role_verbs.get(m.group(1)) if m else None
    if m is None or noun is None:
        return None
    what = " ".join(t for t in raw_tokens(strip_places(m.group(2))) if t not in STOPWORDS)
    return noun, f"{noun} of the {what}" if what else noun


_OWN_ORG_RE = re.compile(r"\b(?:at|in|from|for|on) (?:my|our) (?!area\b|partnership\b)\w+")


def _own_role(folded_q: str) -> str | None:
    """'who is the DSL at my school': a person in the asker's own organisation, whom no document names."""
    m = _WHO_IS_RE.search(folded_q)
    if not m or not _OWN_ORG_RE.search(folded_q):
        return None
    words = [t for t in raw_tokens(strip_places(m.group(1))) if t not in STOPWORDS]
    return " ".join(words) if words and words[-1] in vocabulary().role_nouns | {"dsl", "lead", "senco"} else None


def _role_terms(e: Entry) -> tuple[frozenset[str], frozenset[str]]:
    """Stems, and stems plus concepts ("police lead" meets "Chief Constable"), of what the entry shows."""
    toks = expand(raw_tokens(entry_text(e)))
    return frozenset(stem(t) for t in toks), frozenset(terms(toks))


def _role_missing(folded_q: str, best: Entry) -> str | None:
    """'who is the lead member for children': the role, when the entry does not mention all of its words."""
    m = _WHO_IS_RE.search(folded_q)
    if not m:
        by_verb = _role_by_verb(folded_q)
        if by_verb is None:
            return None
        stems, _have = _per_entry("roles", best, _role_terms)
        return by_verb[1] if stem(by_verb[0]) not in stems else None
    words = [t for t in raw_tokens(strip_places(m.group(1))) if t not in STOPWORDS]
    while words and _found(vocabulary().now_words, words[-1]):
        words.pop()  # "who is cwac's dcs now"
    nouns = vocabulary().role_nouns
    ends = [i for i, w in enumerate(words) if w in nouns]
    if not ends:
        return None
    route = words[ends[-1]] in vocabulary().route_roles  # "who is the LADO now": the LADO entry says how to reach it
    if _found(vocabulary().now_words, folded_q) and ends[-1] == len(words) - 1 and not route:
        return " ".join(words) + " now"  # who holds it today: documents from 2019 cannot say
    if ends[-1] != len(words) - 1:
        return None  # "who is the business manager accountable to": a relation, not who holds the role
    stems, have = _per_entry("roles", best, _role_terms)
    missing = [w for w in words if (stems.isdisjoint(stem(x) for x in expand([w])) if w in nouns
                                    else have.isdisjoint(terms(expand([w]))))]
    return " ".join(words) if missing else None


def _mentions(best: Entry | None, phrase: str, shown: str) -> bool:
    """The entry names the phrase, word for word or in other forms ("adults board" in "Safeguarding Adult Board")."""
    if best is None:
        return False
    if phrase in shown:
        return True
    said = _per_entry("stemmed", best, lambda e: " " + " ".join(stem(t) for t in raw_tokens(entry_text(e))) + " ")
    return " " + " ".join(stem(t) for t in raw_tokens(phrase)) + " " in said


def decline_reason(question: str, *, names_served_place: bool, best: Entry | None,
                   support: Callable[[str], float] | None = None, weight: Weight | None = None,
                   linked: list[Entry] | None = None) -> Decline | None:
    """Why the documents cannot answer this question, or None. `best` is the entry we would answer with;
    `support(phrase)` is the share of the question it matches without `phrase` (None: not checked); `weight` a
    stem's search weight; `linked` the entries the answer shows with `best` (their timescales)."""
    scope = vocabulary().out_of_scope
    q = _fold_question(question)
    shown = entry_text(best) if best is not None else ""
    place = _found(scope.other_areas.phrases, q)
    mentioned = place is not None and place in shown and (support is None or support(place) >= OTHER_AREA_SUPPORT)
    if place and not mentioned and (away := other_area_decline(scope.other_areas, q, place, names_served_place)):
        return away
    adult = _found(scope.adult.phrases, q) and _adult_asked(scope.adult, q, get_detector().adult_reading(question))
    if adult and not _mentions(best, adult, shown):  # the detector reads the message only beside an adult phrase
        return rule_decline("adult", scope.adult, adult)
    later = _found(scope.after_documents.phrases, q)
    if later and later not in shown and not (best is not None and now_asked(q)):  # "these days": said then, below
        return rule_decline("after_documents", scope.after_documents, later)
    first_year = scope.after_documents.first_year
    if first_year:
        for year in _YEAR_RE.findall(q):
            if int(year) < first_year:
                continue
            if year not in shown or (support and support(year) < OTHER_AREA_SUPPORT):
                return rule_decline("after_documents", scope.after_documents, year)
            if best is not None and best.partnership == NATIONAL and change_asked(q, names_served_place):
                return Decline("after_documents", f"The arrangements I hold date from 2019; they do not say what "
                               f"changed locally in or after {year}.", scope.after_documents.pointer, related=True)
    for rule in scope.topics:
        if (topic := _found(rule.phrases, q)) and topic not in shown:
            return rule_decline(rule.name, rule, topic)
    if own := _own_role(q):
        return Decline("a role", f"The documents I hold do not name people in your own organisation, so not who the "
                       f"{own} is there.", "Your manager or your organisation's safeguarding lead can tell you.")
    if best is not None and (role := _role_missing(q, best)):
        if role.endswith(" now"):
            return Decline("a role", f"The documents I hold date from 2019 and do not say who the {role[:-4]} is now.",
                           "The partnership's website or business unit can tell you.", related=True)
        return Decline("a role", f"The documents I hold do not say who the {role} is.",
                       "The partnership's website or business unit can tell you.", related=True)
    if best is not None:
        for kind in scope.fact_kinds:
            if _fact_missing(kind, q, best, shown, weight, linked):
                return Decline(kind.name, kind.reason, kind.pointer, related=True, about=subject_of(kind, q, weight))
        if now := now_decline(q, best):  # the slot is held, but as of 2019-20: "who chairs it now"
            return Decline(NOW, *now, related=True)
    return None
