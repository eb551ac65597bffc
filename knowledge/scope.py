"""What the documents do not answer (from `data/vocabulary.yaml` `out_of_scope`).

`decline_reason`: another area, adult safeguarding, events after the documents, a person the documents do not name
(a role, someone in the asker's own organisation), or a kind of fact (a figure, a cost, an inspection result, see
`facts.py`) that the best entry does not contain: decline with the reason and a pointer instead of answering with a
loosely related entry. What a question asks for is in `intents.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.counting import RANGE_RE, years_of
from knowledge.current import NOW, change_asked, now_asked, now_decline
from knowledge.declines import Decline, other_area_decline, rule_decline
from knowledge.facts import YEAR_RE, Weight, fact_missing, named_people
from knowledge.intents import is_contact_request
from knowledge.models import Entry
from knowledge.offered import subject_of
from knowledge.partnerships import NATIONAL, display_name
from knowledge.question import asks, clauses
from knowledge.roles import role_lead
from knowledge.safety import get_detector
from knowledge.setting import setting_lead
from knowledge.shown import entry_text, fold_question, per_entry
from knowledge.slots import adult_asked as _adult_asked
from knowledge.slots import found as _found
from knowledge.slots import phrase_re
from knowledge.text import STOPWORDS, expand, raw_tokens, stem, strip_been, strip_places, terms
from knowledge.vocabulary import TopicRule, vocabulary

# An entry that mentions another area answers a question naming it only if it also matches the rest of the
# question: this share of the question's weight, besides the place name ("does Merseyside police cover
# Knowsley" yes; "what does the Knowsley safeguarding partnership do" no).
OTHER_AREA_SUPPORT = 0.30


# "who is the X", "who's the X" (folded to "who the X"), "who are the X"
_WHO_IS_RE = re.compile(
    r"^\s*(?:(?:who is|whos|who are) (?:the |our |my |your )?|who (?:the|our|my|your) )"
    r"(.+?)(?: for | in | at | of | on |\s*[?;!]|\W*$)"
)


_WHO_VERB_RE = re.compile(r"^\s*who (?:currently |actually )?([a-z]+) (?:the |our |my )?(.+?)"
                          r"(?: for | in | at |\s*[?!.;]| - |\W*$)")


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


_CLAUSE_AFTER_ROLE = re.compile(r"(?:[a-z]{3,}(?:ing|ed)|who|that|which|whose)$")


def _role_missing(folded_q: str, best: Entry) -> str | None:
    """'who is the lead member for children': the role, when the entry does not mention all of its words."""
    m = _WHO_IS_RE.search(folded_q)
    if not m:
        by_verb = _role_by_verb(folded_q)
        if by_verb is None:
            return None
        stems, _have = per_entry("roles", best, _role_terms)
        return by_verb[1] if stem(by_verb[0]) not in stems else None
    said = raw_tokens(strip_places(m.group(1)))
    if later := _later_holder(folded_q, said):
        return later
    words = [t for t in said if t not in STOPWORDS]
    while words and _found(vocabulary().now_words, words[-1]):
        words.pop()  # "who is cwac's dcs now"
    nouns = vocabulary().role_nouns
    ends = [i for i, w in enumerate(words) if w in nouns]
    if not ends:
        return None
    anchored = False
    if ends[-1] + 1 < len(words) and words[ends[-1] + 1] in vocabulary().now_words:
        # "who is the scrutineer now that the transition is over": the role ends before its now clause; a clause
        # anchored on the documents' own change asks who holds it under the new arrangements (named or not)
        rule = vocabulary().out_of_scope.now
        anchored = rule is not None and bool(_found(rule.anchored, " ".join(words[ends[-1] + 1:])))
        words = words[:ends[-1] + 1]
    cut = next((i for i in ends if i + 1 < len(words) and _CLAUSE_AFTER_ROLE.match(words[i + 1])), None)
    if cut is not None:  # "the independent person appointed to do scrutiny", "... writing the report": the role
        words, ends = words[:cut + 1], [i for i in ends if i <= cut]
    route = words[ends[-1]] in vocabulary().route_roles  # "who is the LADO now": the LADO entry says how to reach it
    if _found(vocabulary().now_words, folded_q) and ends[-1] == len(words) - 1 and not route and not anchored:
        return " ".join(words) + " now"  # who holds it today: documents from 2019 cannot say
    if ends[-1] != len(words) - 1:
        return None  # "who is the business manager accountable to": a relation, not who holds the role
    stems, have = per_entry("roles", best, _role_terms)
    missing = [w for w in words if (stems.isdisjoint(stem(x) for x in expand([w])) if w in nouns
                                    else have.isdisjoint(terms(expand([w]))))]
    if not missing and words[-1] in vocabulary().holder_roles and not _names_anyone(best) \
            and (anchored or not _office_holds(best, words)):  # after the change, not the post that held it before
        return " ".join(words)  # "who is the WSP manager": the entry says what the manager does, not who it is
    return " ".join(words) if missing else None


def _later_holder(folded_q: str, words: list[str]) -> str | None:
    """'who is the new director of finance': a word before the role (`now.before_role`) asks who holds it after the
    documents, unless the question anchors it on the documents' own change ("under the new arrangements")."""
    rule = vocabulary().out_of_scope.now
    if rule is None or not rule.before_role or _found(rule.anchored, folded_q):
        return None
    joined = " ".join(words)
    lead = _found(rule.before_role, joined)
    if not lead or not joined.startswith(lead + " "):
        return None  # the word stands before the role only when it opens what is asked ("the new director")
    rest = [w for w in words[len(lead.split()):] if w not in STOPWORDS]
    if vocabulary().route_roles.intersection(rest):
        return None  # "who is the current LADO": its entry says how to reach whoever it is
    return " ".join(rest) + " now" if any(w in vocabulary().role_nouns for w in rest) else None


def _names_anyone(e: Entry) -> bool:
    """The entry names a person the documents name (the person's-name kind's evidence)."""
    text = entry_text(e)
    return any(p in text for p in named_people())


def _office_holds(e: Entry, role: list[str]) -> bool:
    """The entry says which post holds the role ("the current Chair of the WSCB took on the role of Independent
    Scrutineer"): who it is, by office, though no one is named."""
    said = r"\s+".join(re.escape(w) for w in role)
    return re.search(rf"\b(?:took on|takes on|acts as|act as|became|becomes)\s+(?:the\s+)?(?:role\s+of\s+)?"
                     rf"(?:the\s+|an?\s+)?{said}\b", entry_text(e).replace("*", "")) is not None


def _mentions(best: Entry | None, phrase: str, shown: str) -> bool:
    """The entry names the phrase, word for word or in other forms ("adults board" in "Safeguarding Adult Board")."""
    if best is None:
        return False
    if phrase in shown:
        return True
    said = per_entry("stemmed", best, lambda e: " " + " ".join(stem(t) for t in raw_tokens(entry_text(e))) + " ")
    return " " + " ".join(stem(t) for t in raw_tokens(phrase)) + " " in said


def _bound_only(bounds: list[str], year: str, folded_q: str, shown: str) -> bool:
    """The entry names a later year only where what it covers ends ("beyond 2021"), and the question asks of that
    year itself ("spent on training in 2021"), not of the same boundary ("what happens after 2021")."""
    if not bounds:
        return False
    bounded = re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(b) for b in bounds) + r")\s+" + year + r"\b")
    every = len(re.findall(rf"\b{year}\b", shown))
    return every > 0 and len(bounded.findall(shown)) == every and not bounded.search(folded_q)


def _names_place(place: str, shown: str, places: list[str]) -> bool:
    """The entry names the place itself, not only inside a longer place's name: "Greater Manchester Community
    Rehabilitation Company" says nothing about Manchester's own partnership."""
    longer = tuple(p for p in places if p != place and phrase_re((place,)).search(p))
    return phrase_re((place,)).search(phrase_re(longer).sub(" ", shown) if longer else shown) is not None


def decline_reason(question: str, *, names_served_place: bool, best: Entry | None,
                   support: Callable[[str], float] | None = None, weight: Weight | None = None,
                   linked: list[Entry] | None = None) -> Decline | None:
    """Why the documents cannot answer this question, or None. `best` is the entry we would answer with;
    `support(phrase)` is the share of the question it matches without `phrase` (None: not checked); `weight` a
    stem's search weight; `linked` the entries the answer shows with `best` (their timescales)."""
    scope = vocabulary().out_of_scope
    q = fold_question(question)
    shown = entry_text(best) if best is not None else ""
    here = strip_been(q)  # "like the GCP2 we used in stockport": where the asker was before is not what is asked
    place = _found(scope.other_areas.phrases, here)
    mentioned = place is not None and _names_place(place, shown, scope.other_areas.phrases) and (
        support is None or support(place) >= OTHER_AREA_SUPPORT)
    if place and not mentioned and (away := other_area_decline(scope.other_areas, here, place, names_served_place)):
        return away
    adult = _found(scope.adult.phrases, q) and _adult_asked(scope.adult, q, get_detector().adult_reading(question))
    if adult and not _mentions(best, adult, shown):  # the detector reads the message only beside an adult phrase
        return rule_decline("adult", scope.adult, adult)
    # "ive just taken over as training lead, what does ...": the asker's own news is not an event after the documents
    told = _asking(role_lead(question)[1])
    later = _found(scope.after_documents.phrases, told)
    if later and later not in shown and not (best is not None and now_asked(q)):  # "these days": said then, below
        return rule_decline("after_documents", scope.after_documents, later)
    first_year = scope.after_documents.first_year
    if first_year:
        for start, end in sorted(years_of(q) - years_of(shown)):  # "for 2021-22": a year the documents never reached,
            if int(start) >= first_year:  # though the entry names its first ("beyond 2021")
                return rule_decline("after_documents", scope.after_documents, f"{start}-{end}")
        for year in YEAR_RE.findall(RANGE_RE.sub(" ", q)):  # "2019-2020" is the 2019-20 year, checked above
            if int(year) < first_year:
                continue
            if year not in shown or (support and support(year) < OTHER_AREA_SUPPORT) or _bound_only(
                    scope.after_documents.bounds, year, q, shown):
                return rule_decline("after_documents", scope.after_documents, year)
            if best is not None and best.partnership == NATIONAL and change_asked(q, names_served_place):
                return Decline("after_documents", f"The arrangements I hold date from 2019; they do not say what "
                               f"changed locally in or after {year}.", scope.after_documents.pointer, related=True)
    # "housing officer for a social landlord, ...": who asks, and "we run holiday clubs. does the partnership ...": what
    # the asker does, name no topic asked (`told`, above)
    if topical := _topic_decline(scope.topics, told, shown):
        return topical
    if own := _own_role(q):
        return Decline("a role", f"The documents I hold do not name people in your own organisation, so not who the "
                       f"{own} is there.", "Your manager or your organisation's safeguarding lead can tell you.")
    if best is not None and (role := _role_missing(q, best)):
        held = role.removesuffix(" now")
        verb = "are" if held.endswith("s") and not held.endswith("ss") else "is"  # "the members are", "the chair is"
        if role.endswith(" now"):
            return Decline("a role", f"The documents I hold date from 2019 and do not say who the {held} {verb} now.",
                           "The partnership's website or business unit can tell you.", related=True)
        return Decline("a role", f"The documents I hold do not say who the {held} {verb}.",
                       "The partnership's website or business unit can tell you.", related=True)
    if best is not None:
        asked = told  # "CP conf chair here, how long ...": who asks asks for no chair
        for kind in scope.fact_kinds:
            if fact_missing(kind, asked, best, shown, weight, linked):
                return Decline(kind.name, kind.reason, kind.pointer, related=True, about=subject_of(kind, q, weight))
        if now := now_decline(q, best):  # the slot is held, but as of 2019-20: "who chairs it now"
            return Decline(NOW, *now, related=True)
    return None


def beside_worry_decline(asking: str, best: Entry | None, weight: Weight | None = None,
                         linked: list[Entry] | None = None) -> Decline | None:
    """What a worried message's own asking clauses (`asking`) ask that the arrangements leave to another source
    (`beside_worry` rules: a housing band, a police decision, a clinical or legal question, a number): a setting named
    around them ("landlord query - ...", "school transport firm here") asks nothing."""
    scope = vocabulary().out_of_scope
    told = _asking(role_lead(asking)[1])
    shown = entry_text(best) if best is not None else ""
    asked = fold_question(" ".join(c for c in clauses(setting_lead(role_lead(asking)[1])[1]) if asks(c)))
    if topical := _topic_decline([rule for rule in scope.topics if rule.beside_worry], told, shown, asked):
        return topical
    for kind in scope.fact_kinds if best is not None else []:
        if kind.beside_worry and (not kind.worry_cues or _found(kind.worry_cues, told)) and fact_missing(
                kind, told, best, shown, weight, linked):
            return Decline(kind.name, kind.reason, kind.pointer, related=True)
    return None


def _topic_decline(rules: list[TopicRule], told: str, shown: str, asked: str | None = None) -> Decline | None:
    """The first topic rule whose phrase the asking text (`told`) holds, that the entry shown does not mention; beside a
    worry (`asked`: its clauses that ask) an `asked_only` rule's phrase must stand in one of them."""
    for rule in rules:
        said = asked if rule.asked_only and asked is not None else told
        if (topic := _found(rule.phrases, said)) and topic not in shown and not _found(rule.unless, told):
            return rule_decline(rule.name, rule, topic)
    return None


def _asking(question: str) -> str:
    """The folded message without the asker's statements about themselves: "I chair a community group. does anyone
    speak for ..." asks for no chair."""
    question = setting_lead(question)[1]  # "housing repairs in widnes - the levels thing, what ...": where they work
    parts = clauses(question)
    # ("what does TAF mean? keeps coming up on the early help forms": a remark after the question says where it was
    # met, and asks for no form); a request after it still asks ("... - need a name")
    # ("... cdop? full name": a few words alone are a request too)
    asking = [asks(c) or bool(_REQUEST_RE.match(c)) or len(c.split()) <= 3 for c in parts]
    last = max((n for n, a in enumerate(asking) if a), default=len(parts) - 1)
    kept = [c for n, c in enumerate(parts) if n <= last and (asking[n] or not _SELF_RE.match(c))]
    return fold_question(" ".join(kept) if kept and len(kept) < len(parts) else question)


_REQUEST_RE = re.compile(r"^\W*(?:need|needs|needed|want|wanted|looking for|after|please|pls|plz|"
                         r"just(?!\s+(?:took|taken|started|joined|moved|become|became|been)\b)|name|number|"
                         r"email|details|contact|send|give|tell|list|and|also|plus)\b", re.I)
# ... and the same said without its "I" ("been asked to sit on the group as a trustee. how often ...")
_SELF_RE = re.compile(r"^\W*(?:i|im|i'm|ive|i've|we|were|we're|weve|we've|been|just been|recently|just started|"
                      r"started|just joined|joined|"
                      r"(?:just\s+)?(?:took|taken|become|became|moved)\s+(?:over|on|up|into|to|in)\b)\s",
                      re.I)


def route_unheld(question: str, best: Entry, area: str | None, council: str) -> str | None:
    """'who is the LADO in Wirral': a role reached as a service (`route_roles`) asked for in an area whose documents
    give no way to it (the answer is the national definition, not the area's own entry): a line saying so and where to
    go, shown before the definition, else None."""
    q = fold_question(question)
    words = raw_tokens(q)
    if area is None or best.partnership != NATIONAL or not (
            is_contact_request(q) or not vocabulary().route_asks.isdisjoint(words)):
        return None
    role = next((w.upper() for w in words if w in vocabulary().route_roles), None)
    return None if role is None else (f"{display_name(area)}'s arrangements I hold do not say who the {role} is or how "
                                      f"to reach them: {council}'s children's social care team can put you through. "
                                      f"What a {role} does:")
