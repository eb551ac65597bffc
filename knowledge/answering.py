"""Turning a practitioner's question into one of four outcomes.

* ``answer``           - a confident answer for the right partnership, with its source;
* ``did_you_mean``     - unsure: up to three suggestions;
* ``ask_partnership``  - the answer differs by partnership and we don't know which one;
* ``cannot_answer``    - nothing in the arrangements answers it (off-topic, another area, adult
                          safeguarding, a figure the documents do not give): say so and why, point to
                          where it can be found, `/safeguarding topics` and the partnership contact;
* ``help``             - the question asks for the bot's own help ("can you help me?").

A question that reads as a worry about a child's safety always starts with "call 999" and the local
front door, whatever else is found. Pure domain code: no Slack, no database.
"""

from __future__ import annotations

from knowledge.base import KnowledgeBase, load_knowledge_base
from knowledge.confidence import SUGGEST_CONFIDENCE, confident, local_first
from knowledge.current import said_with
from knowledge.dating import ARRANGEMENTS_CAVEAT
from knowledge.evidence import Evidence
from knowledge.localise import attribution, local_answer, local_decline
from knowledge.models import Entry, RelevantAgency
from knowledge.named import GroupNames, agency_list, is_membership_request
from knowledge.offered import offered
from knowledge.outcome import Answer, Outcome, Suggestion, cite, source_of
from knowledge.partnerships import NATIONAL, PARTNERSHIPS, display_name, is_partnership
from knowledge.parts import part_entries
from knowledge.question import main_question, split_context, sub_questions
from knowledge.roles import role_lead
from knowledge.safety import detect_worry, get_detector
from knowledge.safety_reply import away_reply, leaves_worry, route_entries, safety_reply
from knowledge.scope import (
    Decline,
    carries_list,
    decline_reason,
    figure_heavy,
    is_action_request,
    is_contact_request,
    is_definition_request,
    is_figure_request,
    is_group_request,
    is_help_request,
    is_list_request,
    is_local_count_request,
    missing_fact,
    name_noise,
)
from knowledge.search import Hit, Query, SearchIndex
from knowledge.text import expand, find_places, raw_tokens, stem, terms
from knowledge.vocabulary import vocabulary

__all__ = ["Answer", "Answerer", "Outcome", "Suggestion", "get_answerer", "source_of"]


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
GROUP_WANTED = 1.15  # "which group looks at levels 2 and 3": the group before the framework it works with
OTHER_GROUP = 0.85  # the question names one group: other groups step back
NAMED_GROUP_CONFIDENCE = 0.35  # the question names the leading entry's group: answered from here
ASK_RATIO = 0.85  # another partnership's best within this share of the top -> ask which area
FACT_HOLDER = 0.80  # "email for ...": a hit this close to the top that holds the asked-for fact goes first


class Answerer:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.index = SearchIndex(list(kb))
        self.evidence = Evidence(self.index)
        self.group_names = GroupNames(kb)

    # -- rendering --------------------------------------------------------------------------------
    def _named_agencies(self, e: Entry, question: str) -> list[RelevantAgency]:
        """Agencies in the entry's payload that the question names (e.g. "probation", "GPs")."""
        if not e.agencies or not question:
            return []
        q = set(terms(expand(raw_tokens(question))))
        scored = []
        for a in e.agencies:
            name_terms = {t for t in terms(raw_tokens(a.name)) if not t.startswith("~")} - name_noise()[0]
            if not name_terms:
                continue
            hit = sum(self.index.idf(t) for t in name_terms & q) / sum(self.index.idf(t) for t in name_terms)
            if hit >= 0.4:
                scored.append((hit, a))
        scored.sort(key=lambda x: -x[0])
        return [a for _hit, a in scored[:2]]

    def render(self, e: Entry, question: str = "", area: str | None = None) -> str:
        """The answer card text for someone in `area` (None: unknown), ending with its citation."""
        head = f"*{e.title}*"
        if e.partnership != NATIONAL and display_name(e.partnership).lower() not in e.title.lower():
            head += f" ({display_name(e.partnership)})"
        lines = [head]
        for a in self._named_agencies(e, question):
            groups = f" Groups: {', '.join(a.groups)}." if a.groups else ""
            lines.append(f"*{a.name}* is a relevant agency. How it engages: {a.engagement}.{groups}")
        lines.append(local_answer(e, area))
        notes: list[str] = []
        for ref in e.see_also:
            other = self.kb.get(ref)
            if other is None:
                continue
            if other.timescale is not None:
                lines.append(f"• {other.title}: *{other.timescale.describe()}*.")
            if other.note and other.note not in notes:
                notes.append(other.note)
        lines.extend(f"_Note: {n}_" for n in notes)
        source, sep, due = cite(e).partition("\n")
        whose = attribution(e, area)
        lines.append((source[:-1] + whose + "_" if whose else source) + sep + due)
        return "\n".join(lines)

    def _known_weight(self, stem_: str) -> float:
        """A stem's idf; 0 for a word no entry holds (a typo or unknown shorthand says nothing of what is asked)."""
        return self.index.idfs.get(stem_, 0.0)

    def _linked(self, e: Entry | None) -> list[Entry]:
        """The entries `render` shows with `e` (its `see_also`), whose timescales the answer gives too."""
        return [x for x in (self.kb.get(ref) for ref in e.see_also) if x is not None] if e is not None else []

    def _contact_line(self, area: str | None) -> str:
        c = self.kb.contact(area) if area else None
        if c is None:
            return "For anything else, contact your local safeguarding partnership."
        bits = [c.name] + [x for x in (c.email, c.phone, c.url) if x]
        return "For anything else, contact " + ", ".join(bits) + "."

    # -- the flow ---------------------------------------------------------------------------------
    def rank(self, question: str, area: str | None, named: bool,
             asked: tuple[str, str] | None = None) -> tuple[Query, list[Hit]]:
        """Search the area (and national entries) and order the hits by preference. `asked`: (one question of
        several, the rest of the message) instead of the message's own split."""
        lead, rest = role_lead(question) if asked is None else ("", question)  # "SW here, ...": who asks
        asking, context = asked or split_context(main_question(rest))
        context = f"{lead} {context}".strip()
        query = self.index.analyse(asking, context)
        parts = sub_questions(asking) if asked is None else []
        if len(parts) > 1:
            query.parts = parts
        if asked is not None:
            question = asking
        allowed = {area, NATIONAL} if area else None
        hits = self.index.search(query, allowed, *((6, 18) if asked else (12, 40)))  # one question of several: fewer
        definition = is_definition_request(question)
        wants_list = is_list_request(question)
        wants_contact = is_contact_request(question)
        wants_figures = is_figure_request(question)
        wants_group = is_group_request(question)
        local_count = bool(area) and is_local_count_request(question)
        for h in hits:
            if area and h.entry.partnership == area:
                h.boost = NAMED_PREFERENCE if named else LOCAL_PREFERENCE
            elif not area and h.entry.partnership == NATIONAL:
                h.boost = NATIONAL_PREFERENCE
            if definition and h.entry.kind == "glossary":
                h.boost = max(h.boost, NAMED_PREFERENCE) * DEFINITION_PREFERENCE
            if wants_list and carries_list(h.entry):
                h.boost *= LIST_PREFERENCE
                if h.entry.agencies and self._agency_kind_named(h.entry, query):
                    h.boost *= AGENCIES_NAMED
            if wants_contact and figure_heavy(h.entry):
                h.boost *= FIGURES_FOR_CONTACT
            if wants_figures and figure_heavy(h.entry):
                h.boost *= FIGURES_WANTED
            if wants_group and h.entry.kind == "group":
                h.boost *= GROUP_WANTED
            if local_count and h.entry.partnership == NATIONAL:
                h.boost *= NATIONAL_FOR_COUNT
        asked = self._asked(query)
        named_groups = [h for h in hits if h.entry.group and self._group_named(h.entry, asked)]
        for h in hits:  # one named group is not answered with another group
            if named_groups and h.entry.kind == "group" and h not in named_groups:
                h.boost *= OTHER_GROUP
        hits.sort(key=lambda h: -h.ranking)
        if area and not definition:
            local_first(hits, area)
        # the top lacks the email (phone, address) asked for, and a close runner-up holds it
        if hits and missing_fact(question, hits[0].entry, holder_kinds=True) is not None:
            holder = next((i for i, h in enumerate(hits[1:4], 1) if h.confidence >= hits[0].confidence * FACT_HOLDER
                           and missing_fact(question, h.entry) is None), None)
            if holder is not None:
                hits.insert(0, hits.pop(holder))
        return query, hits

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

    confident = staticmethod(confident)

    def answer(self, question: str, partnership: str | None = None, *, nested: bool = False) -> Answer:
        """`nested` answers the non-worry part of a worried message: it never recurses into the safety reply."""
        question = (question or "").strip()
        places = find_places(question)
        named = places[0][1] if places else None
        area = named or (partnership if is_partnership(partnership) else None)
        worry = detect_worry(question)
        is_worry = worry.is_worry and not nested
        if not question or (not is_worry and is_help_request(question)):
            return Answer("help", self._help_text(area), question, area)

        query, hits = self.rank(question, area, bool(named))
        top = hits[0] if hits else None
        confident = ((self.confident(hits) or self._names_top_group(query, hits)) and top is not None
                     and self.evidence.about_subject(query, top.entry)
                     and not self.evidence.unknown_acronyms(query.text))  # only the clauses that ask

        if is_worry and (away := self._decline(question, places, query, top)) and leaves_worry(away.kind, question):
            if away.kind != "other_areas":  # adult safeguarding: declined below, with no child's 999 line
                is_worry = False
            else:  # a child elsewhere: 999, then plainly that this area's front door is not theirs
                return Answer("cannot_answer", away_reply(away.text), question, area, None, top.confidence if top
                              else 0.0, safety=True, corrections=query.corrections)
        if is_worry:
            best = top.entry if top and confident else None
            if best is None and (rest := get_detector().question_part(question)) and rest != question:
                sub = self.answer(rest, area, nested=True)  # what else the message asks, without the worry's words
                best = sub.entry if sub.outcome == "answer" and not sub.safety else None
            text, shown = safety_reply(self.kb, worry, area, best, lambda e: self.render(e, question))
            return Answer("answer", text, question, area, shown[0] if shown else None, top.confidence if top else 1.0,
                          safety=True, sources=[source_of(e) for e in shown], corrections=query.corrections)

        foreign = self.group_names.foreign(question, area)
        unheld = None if foreign else self.group_names.unheld(
            question, area, {s.corrected_from: s.word for s in query.slots if s.corrected_from})
        if area and (foreign or unheld):
            held = [Suggestion(h.entry.id, h.entry.title, h.entry.partnership, h.entry.topic)
                    for h in hits[:1] if h.entry.group is not None and h.entry.partnership == area]
            said = f" The nearest here: _{held[0].title}_." if held else ""
            text = foreign.text(area) if foreign else f"{display_name(area)}'s arrangements name no {unheld}."
            return Answer("cannot_answer", f"{text}{said} {self._contact_line(area)}", question, area,
                          None, top.confidence if top else 0.0, suggestions=held, corrections=query.corrections)
        listed = agency_list(self.kb, area, lambda e: bool(self._named_agencies(e, question))) if (
            area and is_membership_request(question)) else None  # "are we a relevant agency": the area's list
        decline = local_decline(self._decline(question, places, query, top, listed), self.kb, area)
        if decline is not None:
            near = offered([(h.entry, h.confidence) for h in hits[:4]] if decline.related and confident else [],
                           decline.about)
            held = [Suggestion(near.id, near.title, near.partnership, near.topic)] if near is not None else []
            said = said_with(decline.kind, near, lambda e: self.render(e, question, area))
            return Answer("cannot_answer", f"{decline.text}{said} {self._contact_line(area)}", question, area, None,
                          top.confidence if top else 0.0, suggestions=held, corrections=query.corrections)
        if listed is not None:
            return Answer("answer", self.render(listed, question, area), question, area, listed,
                          top.confidence if top else 0.0, sources=[source_of(listed)], corrections=query.corrections)
        if (first := self._what_first(question, worry.category, area, top if confident else None)) is not None:
            return first
        each = part_entries(self, query, hits, area, bool(named), confident)  # "who decides X, and how long?"
        if not confident and each is None:
            if top and top.confidence >= SUGGEST_CONFIDENCE:
                sugg = self._suggestions(hits)
                lines = ["I'm not sure I've understood. Did you mean:"]
                lines += [f"{i}. {s.title}" + self._area_suffix(s.partnership, area) for i, s in enumerate(sugg, 1)]
                return Answer("did_you_mean", "\n".join(lines), question, area, None, top.confidence,
                              suggestions=sugg, corrections=query.corrections)
            return Answer("cannot_answer", self._cannot_text(area), question, area, None,
                          top.confidence if top else 0.0, corrections=query.corrections)

        assert top is not None
        if area is None and top.entry.partnership != NATIONAL and each is None:
            asked = self._maybe_ask(question, hits, top)
            if asked is not None:
                asked.corrections = query.corrections
                return asked
        e = top.entry
        for_area = area or (e.partnership if e.partnership != NATIONAL else None)
        shown = each or [e] + [g for g in [self._other_named_group(query, hits)] if g is not None]
        e = shown[0]
        return Answer("answer", "\n\n".join(self.render(x, question, for_area) for x in shown), question, for_area, e,
                      top.confidence, sources=[source_of(x) for x in shown],
                      suggestions=self._suggestions(hits[1:], limit=3, near=top.confidence * 0.8),
                      corrections=query.corrections)

    def _decline(self, question: str, places: list[tuple[str, str]], query: Query, top: Hit | None,
                 listed: Entry | None = None) -> Decline | None:
        best = listed or (top.entry if top else None)
        return decline_reason(question, names_served_place=bool(places), best=best, weight=self._known_weight,
                              support=None if listed else lambda phrase: self.evidence.support_without(query, top,
                                                                                                       phrase),
                              linked=self._linked(best))

    def _what_first(self, question: str, category: str | None, area: str | None, top: Hit | None) -> Answer | None:
        """'What do I do if a colleague is accused...': what to do first (the LADO), then the entry for context."""
        if category is None or category != vocabulary().what_first_category or not is_action_request(question) \
                or is_figure_request(question):
            return None
        first, shown = route_entries(self.kb, category, area)
        if first is None or not shown:
            return None
        e = shown[0]
        text = f"{first}\n\n{self.render(e, question, area)}"
        return Answer("answer", text, question, area, e, top.confidence if top else 0.0, sources=[source_of(e)])

    def _area_suffix(self, slug: str, area: str | None) -> str:
        return "" if slug in (NATIONAL, area) else f" ({display_name(slug)})"

    def _suggestions(self, hits: list[Hit], limit: int = 3, near: float = 0.0) -> list[Suggestion]:
        out: list[Suggestion] = []
        seen: set[str] = set()
        for h in hits:
            if h.confidence < max(near, SUGGEST_CONFIDENCE * 0.8) or h.entry.id in seen:
                continue
            seen.add(h.entry.id)
            out.append(Suggestion(h.entry.id, h.entry.title, h.entry.partnership, h.entry.topic))
            if len(out) >= limit:
                break
        return out

    def _maybe_ask(self, question: str, hits: list[Hit], top: Hit) -> Answer | None:
        best: dict[str, Hit] = {}
        national_near = False
        for h in hits:
            p = h.entry.partnership
            if p == NATIONAL:
                national_near = national_near or h.confidence >= top.confidence * 0.95
                continue
            if p not in best:
                best[p] = h
        rivals = [h for p, h in best.items() if h.confidence >= top.confidence * ASK_RATIO]
        if national_near or len(rivals) < 2:
            return None
        sugg = [Suggestion(h.entry.id, h.entry.title, h.entry.partnership, h.entry.topic) for h in rivals]
        sugg.sort(key=lambda s: list(PARTNERSHIPS).index(s.partnership))
        names = ", ".join(display_name(s.partnership) for s in sugg)
        text = (
            "The answer depends on the partnership. Which area are you asking about? "
            f"({names})\nTip: name the place in your question, e.g. \"... in {display_name(sugg[0].partnership)}\"."
        )
        return Answer("ask_partnership", text, question, None, None, top.confidence, suggestions=sugg)

    def _cannot_text(self, area: str | None) -> str:
        return (
            "I can't answer that from the partnership arrangements. "
            "Try `/safeguarding topics` to see what I can help with. " + self._contact_line(area)
        )

    def _help_text(self, area: str | None) -> str:
        where = display_name(area) if area else "Cheshire West and Chester, Halton, Warrington and Wirral"
        return (
            f"*What I can help with*: the published children's safeguarding arrangements for {where}. Ask in your "
            "own words, e.g. _\"How do I escalate a disagreement with another agency?\"_ or _\"What is the rapid "
            "review timescale?\"_, or type `/safeguarding topics` to browse. `/case-review` notifies a serious "
            "incident; `/escalate` raises a professional disagreement. If a child is in immediate danger, call 999. "
            + ARRANGEMENTS_CAVEAT + " " + self._contact_line(area)
        )


_answerers: dict[int, Answerer] = {}


def get_answerer(kb: KnowledgeBase | None = None) -> Answerer:
    """One Answerer (and search index) per loaded knowledge base."""
    kb = kb or load_knowledge_base()
    a = _answerers.get(id(kb))
    if a is None or a.kb is not kb:
        a = Answerer(kb)
        _answerers[id(kb)] = a
    return a
