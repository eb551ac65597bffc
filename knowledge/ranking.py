"""How the hits of a search are ordered before an outcome is chosen: the area's own entries on a near tie, the
meaning before a group named after it, the list, the contact, the figures or the group asked for, a group the
question names, and a close runner-up that holds the asked-for fact. `Answerer` (answering.py) is a `Ranking`."""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from knowledge.antecedent import pointed_back, terms_of
from knowledge.base import KnowledgeBase
from knowledge.confidence import LOCAL_TIE, SUGGEST_CONFIDENCE, confident, local_first
from knowledge.facts import asks_contact_detail, gives_for_year, gives_other_year, missing_fact
from knowledge.intents import (
    asks_besides_meaning,
    asks_group_list,
    carries_list,
    figure_heavy,
    is_contact_request,
    is_definition_request,
    is_engagement_request,
    is_figure_request,
    is_group_request,
    is_level_request,
    is_list_request,
    is_local_count_request,
    is_name_request,
    is_partners_request,
    is_service_request,
    is_who_request,
    name_noise,
)
from knowledge.models import Entry
from knowledge.named import asked_member_roles, names_member
from knowledge.partnerships import NATIONAL, PARTNERSHIPS, display_name
from knowledge.question import main_question, split_context, sub_questions, with_named
from knowledge.roles import role_lead
from knowledge.search import Hit, Query, SearchIndex, Slot
from knowledge.setting import examples_apart, setting_lead
from knowledge.shown import per_entry
from knowledge.spelled import spelled_out
from knowledge.text import ACRONYMS, STOPWORDS, concepts_of, expand, fold, raw_tokens, stem, strip_places

# Ranking preferences, chosen by measurement on the development sets (see knowledge/README.md).
LOCAL_PREFERENCE = 1.15  # in a known area, its own entries beat national ones on a near tie
NAMED_PREFERENCE = 1.30  # ... more so when the question itself names the place
NATIONAL_PREFERENCE = 1.08  # with no area known, national entries beat any one partnership's
DEFINITION_PREFERENCE = 1.05  # "what is X": the meaning (glossary) before a local group named after X
LIST_PREFERENCE = 1.10  # "which groups / what are the relevant agencies": the entry holding the list
AGENCIES_NAMED = 1.15  # "which colleges are relevant agencies": a list whose agencies the question names
FIGURES_FOR_CONTACT = 0.70  # "who is the LADO": the route or contact before an entry of referral figures
FIGURES_WANTED = 1.10  # "how many children on CP plans in Warrington": the area's figures before the definition
NATIONAL_FOR_COUNT = 0.85  # "how many cases in cwac": a national entry never holds an area's count
WHEN_FOR_WHO = 0.70  # "who's on the rapid review panel": an entry that only gives a timescale holds no who
LEVEL_WANTED = 1.20  # "what level of help does a family need": the area's threshold document before early help
GROUP_WANTED = 1.15  # "which group looks at levels 2 and 3": the group before the framework it works with
ROLE_MEMBER = 1.15  # "can DSLs be part of any group": a group whose membership names that role
PARTNERS_WANTED = 1.30  # "who are the safeguarding partners under the new hcypsp": the area's partners entry
NAME_WANTED = 1.05  # "what do they call the plan here": a title giving a name the question lacks, on a near tie
OTHER_GROUP = 0.85  # the question names one group: other groups step back
NAMED_GROUP_CONFIDENCE = 0.35  # the question names the leading entry's group: answered from here
_BRACKETS_RE = re.compile(r"\([^)]*\)")  # "DSL (Designated Safeguarding Lead)": the name before its expansion
TITLE_NAMED = 0.5  # the share of a title's own words a question names for the entry to be what it asks about
FACT_HOLDER = 0.80  # "email for ...": a hit this close to the top that holds the asked-for fact goes first
HEAD_NEAR = 0.85  # "what was the attendance of ...": a close runner-up whose title holds the thing asked goes first
HEAD_FAR = 0.55  # ... and this far behind when the top never mentions the thing asked
_HEAD_RE = re.compile(
    r"\bwhat(?: is| was| are| were|s)? the (?P<head>\w+(?: \w+)?) (?:of|for|in|at|on|from)\b"
    r"|\bwhat (?P<head2>\w+) (?:is|are|was|were|did|does|do|has|have) (?:there|the|they|we|our)\b"
    r"|\bis there (?:an?|any) (?P<head3>\w+(?: \w+)?)\b"
    # "where do i find halton's safeguarding procedures now": up to three words before the thing asked, which ends it
    r"|\bwhere (?:is|are|can i find|do i find|would i find|can we find|do we find) (?:(?:the|our|its|their) )?"
    r"(?:(?!(?:now|of|for|in|on|at|from)\b)\w+ ){0,3}(?!(?:kept|held|stored|located|now|online|nowadays)\b)"
    r"(?P<head4>\w+)"
    r"(?= (?:now|kept|held|stored|located|online|nowadays|these|of|for|in|on|at|from)\b|\s*[,?.!]|\s*$)")
SPELT_OUT_CONFIDENCE = 0.2  # "what is WARPAC, a mum brought it up ...": the leading entry spelling it out answers
SUBJECT_HOLDER = 1.0  # a contact asked for: one holding the subject, matching as well as a top without it, goes first


_WHAT_IS_CAPS_RE = re.compile(r"\bwhat(?:'s|s| is| does| do)\s+(?:the\s+)?([A-Z][A-Z0-9]{1,7})\b")


def _spelt_out(question: str, e: Entry) -> bool:
    """'what is WARPAC exactly, a parent mentioned it': the entry spells out the shorthand asked about right after
    it ("*WARPAC* (Warrington Parents and Carers Forum ...)"), so it says what it is, whatever else the message says."""
    m = _WHAT_IS_CAPS_RE.search(question)
    return m is not None and re.search(rf"\b{m.group(1)}\b\**\s*\(", e.answer) is not None


@lru_cache(maxsize=1)
def _area_words() -> frozenset[str]:
    """The words of the four areas' names ("cheshire", "west", "chester", ...), read once."""
    return frozenset(w for p in PARTNERSHIPS for w in raw_tokens(fold(display_name(p))))


def _gives_name(e: Entry, said: frozenset[str]) -> bool:
    """The title gives a name the question does not say: a capitalised word past the first, not a place's
    ("Early help and Team Around the Family in Cheshire West" for "what do they call the plan here")."""
    places = _area_words()
    words = e.title.split()[1:]
    return any(w[:1].isupper() and (t := fold(w).strip(" ()-:,.")) not in said and t not in places for w in words)


@lru_cache(maxsize=1)
def _contact_concepts() -> frozenset[str]:
    return frozenset(concepts_of(stem("email")))  # the contact concept: email, phone, address, website ...


def _subject(query: Query) -> Slot | None:
    """The question's weightiest word besides a contact detail it asks for (its subject: "lado" in "whats the LADO
    email"), or None."""
    rest = [s for s in query.slots if _contact_concepts().isdisjoint(s.concepts)]
    return max(rest, key=lambda s: s.weight) if rest else None


TITLE_WEIGHT = 2.0  # a word asked this weighty in an entry's title says the entry is about what is asked


def _weighty(query: Query) -> frozenset[str]:
    """The question's weighty stems besides a contact detail ("police", "covers", "merseyside" but not "email")."""
    return frozenset(s.stem for s in query.slots
                     if s.weight >= TITLE_WEIGHT and _contact_concepts().isdisjoint(s.concepts))


class Ranking:
    """The ranking half of `Answerer`: needs its knowledge base and search index."""

    kb: KnowledgeBase
    index: SearchIndex

    @cached_property
    def _terms(self) -> frozenset[tuple[str, ...]]:
        """The terms the glossary and the acronyms define (for "X keeps coming up, what is it"), built once."""
        return terms_of(e.title for e in self.kb.entries(kind="glossary"))

    @cached_property
    def _topic_stems(self) -> frozenset[str]:
        """Stems of every entry title's words: what the knowledge base is organised by ("escalation", "training")."""
        return frozenset(stem(t) for e in self.kb.entries() for t in raw_tokens(e.title))

    def _known_weight(self, stem_: str) -> float:
        """A stem's idf; 0 for a word no entry holds (a typo or unknown shorthand says nothing of what is asked)."""
        return self.index.idfs.get(stem_, 0.0)

    def rank(self, question: str, area: str | None, named: bool,
             asked: tuple[str, str] | None = None) -> tuple[Query, list[Hit]]:
        """Search the area (and national entries) and order the hits by preference. `asked`: (one question of
        several, the rest of the message) instead of the message's own split."""
        lead, rest = role_lead(question) if asked is None else ("", question)  # "SW here, ...": who asks
        if asked is None and not lead:  # "housing repairs in widnes - the levels thing, what ...": where they work
            lead, rest = setting_lead(question)
        pointed = pointed_back(rest, self._terms) if asked is None else None  # "X came up. what is it?"
        asking, context = asked or pointed or split_context(main_question(rest), self._topic_stems)
        asking = spelled_out(asking, question)  # "an independent fostering agency ... are IFAs named"
        asking, examples = examples_apart(asking)  # "staff like coaches or leaders": they illustrate "staff"
        context = f"{context} {examples}".strip()
        if lead and is_engagement_request(rest):  # "police inspector - which groups am i supposed to sit on": the
            asking = f"{lead} {asking}"  # role said first is whose part is asked, not only who asks
        else:
            context = f"{lead} {context}".strip()
        query = self.index.analyse(*with_named(asking, context, question))
        parts = sub_questions(asking) if asked is None else []
        if len(parts) > 1:
            query.parts = parts
        if asked is not None:
            question = asking
        allowed = {area, NATIONAL} if area else None
        hits = self.index.search(query, allowed, *((6, 18) if asked else (12, 40)))  # one question of several: fewer
        definition = pointed is not None or ((is_definition_request(question) or is_definition_request(asking))
                                             and not asks_besides_meaning(asking))
        wants_list = is_list_request(question)
        # "what levels does the practice group look at": the list is the named group's, not another entry's list
        of_named = wants_list and not asks_group_list(question)
        wants_contact = is_contact_request(question)
        wants_figures = is_figure_request(question)
        wants_group = is_group_request(question)
        wants_who = is_who_request(question)
        wants_name = frozenset(raw_tokens(fold(question))) if is_name_request(question) else None
        asked = self._asked(query)
        named_groups = [h for h in hits if h.entry.group and self._group_named(h.entry, asked)]
        wants_level = bool(area) and is_level_request(question)
        wants_partners = bool(area) and is_partners_request(question)
        local_count = bool(area) and is_local_count_request(question)
        titled = self._acronym_titled(asking, hits) if definition and pointed is None else frozenset()
        subject = _subject(query)
        weighty = _weighty(query) if wants_contact else frozenset()
        members = asked_member_roles(asking)
        for h in hits:
            if area and h.entry.partnership == area:
                h.boost = NAMED_PREFERENCE if named else LOCAL_PREFERENCE
            elif not area and h.entry.partnership == NATIONAL:
                h.boost = NATIONAL_PREFERENCE
            if definition and h.entry.kind == "glossary" and titled <= self._title_stems(h.entry):
                h.boost = max(h.boost, NAMED_PREFERENCE) * DEFINITION_PREFERENCE
            if wants_list and (h in named_groups if named_groups and of_named else carries_list(h.entry)):
                h.boost *= LIST_PREFERENCE
                if h.entry.agencies and self._agency_kind_named(h.entry, query):
                    h.boost *= AGENCIES_NAMED
            if wants_contact and figure_heavy(h.entry) and not self._titled_with(h.entry, subject, weighty):
                h.boost *= FIGURES_FOR_CONTACT  # not an entry titled with what is asked ("LADO - allegations ...")
            if wants_figures and figure_heavy(h.entry):
                h.boost *= FIGURES_WANTED
            if wants_group and h.entry.kind == "group":
                h.boost *= GROUP_WANTED
            if wants_partners and h.entry.kind == "partners":
                h.boost *= PARTNERS_WANTED
            if wants_level and h.entry.kind == "threshold":
                h.boost *= LEVEL_WANTED
            if members and names_member(h.entry, members):
                h.boost *= ROLE_MEMBER
            if wants_who and h.entry.kind == "timescale":
                h.boost *= WHEN_FOR_WHO
            if local_count and h.entry.partnership == NATIONAL:
                h.boost *= NATIONAL_FOR_COUNT
            if wants_name is not None and _gives_name(h.entry, wants_name):
                h.boost *= NAME_WANTED
        for h in hits:  # one named group is not answered with another group
            if named_groups and h.entry.kind == "group" and h not in named_groups:
                h.boost *= OTHER_GROUP
        hits.sort(key=lambda h: -h.ranking)
        if area and not definition:
            local_first(hits, area)
        # the area's preference lifted a weak local entry over a national one that answers plainly on its own
        if area and hits and hits[0].entry.partnership == area and not confident(hits):
            national = next((i for i, h in enumerate(hits[1:4], 1) if h.entry.partnership == NATIONAL
                             and h.confidence > hits[0].confidence), None)
            if national is not None and confident(first := [hits[national], *hits[:national], *hits[national + 1:]]):
                hits[:] = first
        self._head_first(question, query, hits)
        # a contact asked for: the area's preference lifted an entry without the question's subject over one that holds
        # it and matched at least as well ("whats the LADO email for halton": the LADO, not the partnership's mailbox)
        if hits and subject is not None and asks_contact_detail(question) and \
                not self.evidence.covers(subject, hits[0].entry):
            held = next((i for i, h in enumerate(hits[1:4], 1) if self.evidence.covers(subject, h.entry)
                         and h.confidence >= hits[0].confidence * SUBJECT_HOLDER), None)
            if held is not None:
                hits.insert(0, hits.pop(held))
        # the top lacks the email (phone, address) asked for, and a close runner-up holds it
        # (a top giving the amount for another year leaves it declined, unless a runner-up gives it for the year asked)
        if hits and (lacking := missing_fact(question, hits[0].entry, holder_kinds=True)) is not None:
            other_year = gives_other_year(lacking, question, hits[0].entry)
            holder = next((i for i, h in enumerate(hits[1:4], 1) if h.confidence >= hits[0].confidence * FACT_HOLDER
                           and (not other_year or gives_for_year(lacking, question, h.entry))
                           # a national entry only where it matched better before the local preference: "how
                           # many reviews did halton complete" is not answered with the national footprint's "60";
                           # a fact that holds everywhere (a timescale) also in a near tie (LOCAL_TIE)
                           and not (h.entry.partnership == NATIONAL and h.confidence < hits[0].confidence
                                    - (LOCAL_TIE if lacking.national_holds else 0.0))
                           and missing_fact(question, h.entry, weight=self._known_weight, holder=True) is None
                           # a contact's holder is about what is asked: "the LADO email" is not the policy team's
                           # mailbox (a timescale's holder says it of what is asked already: subject_near)
                           and (subject is None or not lacking.contact or self.evidence.covers(subject, h.entry))),
                          None)
            if holder is not None:
                hits.insert(0, hits.pop(holder))
        return query, hits

    def _acronym_titled(self, asking: str, hits: list[Hit]) -> frozenset[str]:
        """'what does SPG stand for': the acronyms asked that some close entry's title names ("Safeguarding Practice
        Group (SPG)"); a glossary entry only listing them ("HCYPSP ...: SPG = ...") is then no better a definition."""
        said = " ".join(raw_tokens(fold(asking)))  # the acronym right after the question word is the term asked
        asked = {t for t in raw_tokens(said) if t in ACRONYMS
                 and re.search(rf"\bwhat(?:s| is| are| does| do)(?: the| an?)? {re.escape(t)}\b", said)}
        return frozenset(a for a in asked if any(a in self._title_stems(h.entry) for h in hits[:5]))

    def _head_first(self, question: str, query: Query, hits: list[Hit]) -> None:
        """'what was the attendance of the lay member at board meetings' ('where are the procedures'): the thing asked
        (its head noun) is in a close runner-up's title and not in the top's; a rarer word beside it ("lay") lifted the
        wrong entry."""
        if len(hits) < 2:
            return
        m = _HEAD_RE.search(fold(question))
        if m is None:
            return
        said = next(g for g in m.groups() if g)
        words = [t for t in raw_tokens(said) if t not in STOPWORDS]
        slots = {s.stem for s in query.slots}
        if not words or any(stem(t) not in slots for t in words):
            return
        head = {stem(t) for t in words}

        def holds(e: Entry) -> bool:
            return head <= self._title_stems(e)

        if holds(hits[0].entry):
            return
        top = hits[0]
        named = len(slots & self._title_stems(top.entry))  # "what levels is the multi agency training at": the top's
        # title names the rest of what is asked as much, so the head word qualifies it ("levels" of the training)
        # a top that never mentions the thing asked ("what training is there for volunteers": the LADO entry, for
        # "volunteers") gives way to a runner-up further behind
        lacks = not any(self.evidence.covers(s, top.entry) for s in query.slots if s.stem in head)
        # ... and so does a top whose title names nothing asked ("is there a health sub-group": the structure)
        near = HEAD_FAR if lacks or not named else HEAD_NEAR
        held = next((i for i, h in enumerate(hits[1:4], 1) if h.confidence >= top.confidence * near
                     and holds(h.entry) and len(slots & self._title_stems(h.entry)) >= named
                     # the area's own entry keeps its place before a national one (local_first)
                     and not (h.entry.partnership == NATIONAL and top.entry.partnership != NATIONAL)), None)
        if held is not None:
            hits.insert(0, hits.pop(held))

    def _titled_with(self, e: Entry, subject: Slot | None, weighty: frozenset[str]) -> bool:
        """The entry's title names the subject asked, or another weighty word asked ("which police force covers
        wirral - merseyside or cheshire": "Area covered (Wirral)", whose figures are the area's, not the topic's)."""
        title = self._title_stems(e)
        return (subject is not None and subject.stem in title) or not weighty.isdisjoint(title)

    @staticmethod
    def _title_stems(e: Entry) -> frozenset[str]:
        """The title's word stems, a hyphenated word also as one ("Sub-Group" holds "subgroup")."""
        return per_entry("title-stems", e, lambda x: frozenset(
            stem(t) for t in raw_tokens(x.title) + raw_tokens(x.title.replace("-", ""))))

    def _other_named_group(self, query: Query, hits: list[Hit]) -> Entry | None:
        """'the QA group and the impact forum': a second group the question names beside the top one."""
        if not hits or hits[0].entry.group is None:
            return None
        asked = self._asked(query)
        if not self._group_named(hits[0].entry, asked):
            return None
        return next((h.entry for h in hits[1:] if h.entry.group is not None and h.entry.id != hits[0].entry.id
                     and self._group_named(h.entry, asked)), None)

    @staticmethod
    def _agency_kind_named(e: Entry, query: Query) -> bool:
        """'which colleges ...': some agency in the entry's list is named with a word of the question ("College")."""
        asked = {s.stem for s in query.slots} - name_noise()[0]
        return any(not asked.isdisjoint(stem(t) for t in raw_tokens(a.name)) for a in e.agencies)

    @staticmethod
    def _asked(query: Query) -> set[str]:
        """Stems the question holds, with its acronyms written out ("the SPG" names the Safeguarding Practice Group)."""
        return {s.stem for s in query.slots} | {stem(t) for t in expand([s.word for s in query.slots])}

    def _group_named(self, e: Entry, asked: set[str]) -> bool:
        """The question names this group: every distinctive word of its name is in the question."""
        assert e.group is not None
        words = {stem(t) for t in raw_tokens(e.group.name)} - name_noise()[1]
        return bool(words) and words <= asked

    def _names_top_group(self, query: Query, hits: list[Hit]) -> bool:
        """'would I be on the impact forum?': the leading entry is a group the question names in full, and no other
        group is named; the name is the evidence, however few of the other words the entry holds."""
        if not hits or hits[0].entry.group is None or hits[0].confidence < NAMED_GROUP_CONFIDENCE:
            return False
        asked = self._asked(query)
        named = {h.entry.id for h in hits if h.entry.group is not None and self._group_named(h.entry, asked)}
        return named == {hits[0].entry.id}

    def _names_top_term(self, query: Query, hits: list[Hit], question: str) -> bool:
        """'X keeps coming up. what is it?': a definition asked of a term the question names in full, and the
        leading entry is that term's glossary entry; the words around the name say where it was heard."""
        if hits and hits[0].confidence >= SPELT_OUT_CONFIDENCE and _spelt_out(question, hits[0].entry):
            return True
        if not hits or hits[0].entry.kind != "glossary" or hits[0].confidence < NAMED_GROUP_CONFIDENCE \
                or not is_definition_request(question):
            return False
        return self._title_share(hits[0].entry, self._asked(query)) == 1.0

    def _title_share(self, e: Entry, asked: set[str]) -> float:
        """The share of the entry title's own words (its place, bracketed expansion and group words aside) the
        question holds."""
        words = per_entry("title-words", e, lambda x: frozenset(
            stem(t) for t in raw_tokens(strip_places(fold(_BRACKETS_RE.sub(" ", x.title)))) if t not in STOPWORDS)
            - name_noise()[1])
        return len(words & asked) / len(words) if words else 0.0

    def _names_top_title(self, query: Query, hits: list[Hit]) -> bool:
        """'practitioners forum in warrington - has that changed': the question names the leading entry's title
        (at least TITLE_NAMED of its own words) and no close runner-up's as much; a close call between entries the
        question names alike still asks."""
        if not hits or hits[0].confidence < SUGGEST_CONFIDENCE or is_service_request(query.text):
            return False
        asked = self._asked(query)
        share = self._title_share(hits[0].entry, asked)
        if share < (1.0 if is_definition_request(query.text) else TITLE_NAMED):  # "what is X": X is the whole title
            return False
        local = hits[0].entry.partnership != NATIONAL  # the area's own entry before a national one named alike
        words = len(self._title_stems(hits[0].entry) & asked)  # "contact" alone names "Contact the Halton partnership"
        return all(self._title_share(h.entry, asked) < share or (local and h.entry.partnership == NATIONAL)
                   or len(self._title_stems(h.entry) & asked) < words  # ... as fully, but with fewer of its words
                   for h in hits[1:4] if h.entry.id != hits[0].entry.id)

    def _names_when_holder(self, query: Query, hits: list[Hit]) -> bool:
        """'halton accountable officers - how regularly do they sit down': a when / how often question naming the
        leading entry's title, whose own timescale or meeting frequency answers it, is about that entry however
        many other words it has (the subject share's test is for entries that only mention the words)."""
        e = hits[0].entry if hits else None
        return e is not None and (e.timescale is not None or (e.group is not None and e.group.frequency is not None)) \
            and self._names_top_title(query, hits)
