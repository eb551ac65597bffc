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
from knowledge.confidence import SUGGEST_CONFIDENCE, confident
from knowledge.current import said_with
from knowledge.declines import Decline
from knowledge.evidence import Evidence
from knowledge.intents import (
    is_action_request,
    is_engagement_request,
    is_figure_request,
    is_help_request,
    is_level_request,
)
from knowledge.localise import local_decline, sources_for
from knowledge.models import Entry
from knowledge.named import GroupNames, agency_list, is_membership_request, kind_entry
from knowledge.offered import offered
from knowledge.outcome import Answer, Outcome, Suggestion, source_of
from knowledge.partnerships import NATIONAL, PARTNERSHIPS, display_name, is_partnership
from knowledge.parts import part_entries
from knowledge.question import main_question, split_context
from knowledge.ranking import Ranking
from knowledge.rendering import Rendering
from knowledge.safety import Worry, detect_worry, get_detector
from knowledge.safety_reply import (
    advice_reply,
    away_reply,
    leaves_worry,
    route_entries,
    safety_reply,
)
from knowledge.scope import beside_worry_decline, decline_reason, route_unheld
from knowledge.search import Hit, Query, SearchIndex
from knowledge.slots import compile_vocabulary
from knowledge.text import find_places, fold, raw_tokens, stem
from knowledge.vocabulary import vocabulary

__all__ = ["Answer", "Answerer", "Outcome", "Suggestion", "get_answerer", "source_of"]

ASK_RATIO = 0.85  # another partnership's best within this share of the top -> ask which area
NATIONAL_RATIO = 0.85  # with no area known, a national entry this close to a partnership's top answers instead
LIST_BESIDE = 0.75  # "are nurseries relevant agencies": no list names them; an entry holding this share of the words


class Answerer(Ranking, Rendering):
    """The four outcomes (and help) for a question; ranking in `ranking.py`, the texts in `rendering.py`."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.index = SearchIndex(list(kb))
        self.evidence = Evidence(self.index)
        self.group_names = GroupNames(kb)
        compile_vocabulary()  # the vocabulary's phrase patterns, compiled before the first question

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
        confident = ((self.confident(hits) or self._names_top_group(query, hits)
                      or self._names_top_term(query, hits, question) or self._names_top_title(query, hits))
                     and top is not None
                     and (self.evidence.about_subject(query, top.entry) or self._names_when_holder(query, hits))
                     and not self.evidence.unknown_acronyms(query.text)  # only the clauses that ask
                     and not self.evidence.unknown_sections(query.text))

        away = self._decline(question, places, query, top) if is_worry else None
        beside = self._beside_worry(question, top) if is_worry and not (away and leaves_worry(away.kind, question)) \
            else None
        if beside is not None:  # 999 and the front door, then plainly not what the asking clauses ask
            text = advice_reply(self.kb, worry, area, beside.text)  # the front door above is where to go: no mailbox
            return Answer("cannot_answer", text, question, area, None, top.confidence if top else 0.0, safety=True,
                          corrections=query.corrections)
        if away is not None and leaves_worry(away.kind, question):
            if away.kind != "other_areas":  # adult safeguarding: declined below, with no child's 999 line
                is_worry = False
            else:  # a child elsewhere: 999, then plainly that this area's front door is not theirs; a served place
                # named too ("missing from Chester, found in Rhyl") keeps its front door before the decline
                text = advice_reply(self.kb, worry, area, away.text) if places else away_reply(away.text)
                return Answer("cannot_answer", text, question, area, None, top.confidence if top else 0.0, safety=True,
                              corrections=query.corrections)
        if is_worry:
            best = top.entry if top and confident else None
            if best is None:
                best = self._asked_besides(question, area)
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
        member = is_membership_request(question)  # "are we a relevant agency": the area's list
        listed = agency_list(self.kb, area, lambda e: bool(self._named_agencies(e, question))) if (
            area and (member or is_engagement_request(question))) else None
        if listed is not None and not member and not self._named_agencies(listed, question, plainly=True):
            listed = None  # "which groups does youth justice sit on": only a list naming that agency says how
        if listed is not None and not self._named_agencies(listed, question) and confident and top is not None \
                and top.coverage >= LIST_BESIDE and top.entry.id != listed.id:
            listed = None  # no list names the asker's kind ("nurseries n childminders"); a confident entry holding
            # every word asked does ("Appendix 1: ... registered under the Childcare Act 2006")
        if listed is not None and member and not self._named_agencies(listed, question, plainly=True) and (
                kind := kind_entry(question, [h.entry for h in hits[:3] if h.confidence >= SUGGEST_CONFIDENCE],
                                   area or "")) is not None:
            listed = kind  # "how do schools like ours get a voice": how schools are included, not the agencies list
        each = part_entries(self, query, hits, area, bool(named), confident)  # "who decides X, and how long?"
        decline = local_decline(self._decline(question, places, query, top, listed, each or []), self.kb, area)
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
        if (first := self._what_first(question, worry, area, top if confident else None)) is not None:
            return first
        if not confident and area and is_level_request(question) and (level := self._threshold(hits, area)):
            return Answer("answer", self.render(level, question, area), question, area, level,
                          top.confidence if top else 0.0, sources=[source_of(level)], corrections=query.corrections)
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
        if area is None and top.entry.partnership != NATIONAL and each is None and (
                national := next((h for h in hits if h.entry.partnership == NATIONAL), None)) is not None and \
                national.confidence >= top.confidence * NATIONAL_RATIO:
            top = national  # no area known: the national entry on the same thing, not one partnership's
        if area is None and top.entry.partnership != NATIONAL and each is None:
            asked = self._maybe_ask(question, hits, top)
            if asked is not None:
                asked.corrections = query.corrections
                return asked
        e = top.entry
        for_area = area or (e.partnership if e.partnership != NATIONAL else None)
        shown = each or [e] + [g for g in [self._other_named_group(query, hits)] if g is not None]
        e = shown[0]
        text = "\n\n".join(self.render(x, question, for_area) for x in shown)
        if area and len(shown) == 1 and (note := route_unheld(question, e, area, self.kb.council(area))):
            text = f"{note}\n\n{text}"  # "who is the LADO in Wirral": the definition, said to be all that is held
        return Answer("answer", text, question, for_area, e,
                      top.confidence, sources=sources_for(shown, for_area),
                      suggestions=self._suggestions(hits[1:], limit=3, near=top.confidence * 0.8),
                      corrections=query.corrections)

    def _asked_besides(self, question: str, area: str | None) -> Entry | None:
        """What else a worried message asks. First the asking part with the worry's words ("... is that private
        fostering? how long before the LA is told"), when the entry found is the one its title names (never the
        worry's cue matched loosely: "how do I record a disclosure" is no answer about checks); then the asking part
        without them ("how long before the LA is told" alone finds the national Panel notification)."""
        detector = get_detector()
        for with_cues in (True, False):
            rest = detector.question_part(question, with_cues=with_cues)
            if not rest or rest == question:
                continue
            sub = self.answer(rest, area, nested=True)
            if sub.outcome != "answer" or sub.safety or sub.entry is None:
                continue
            if with_cues and self._title_share(sub.entry, {stem(t) for t in raw_tokens(fold(rest))}) < 1.0:
                continue
            return sub.entry
        return None

    def _threshold(self, hits: list[Hit], area: str) -> Entry | None:
        """The area's threshold document for "which level would that be": the best-ranked one among the hits, else
        the area's first."""
        found = next((h.entry for h in hits if h.entry.kind == "threshold" and h.entry.partnership == area), None)
        return found or next(iter(self.kb.entries(kind="threshold", partnership=area)), None)

    def _decline(self, question: str, places: list[tuple[str, str]], query: Query, top: Hit | None,
                 listed: Entry | None = None, parts: list[Entry] | None = None) -> Decline | None:
        """Why not to answer, or None; `parts`: the entries answering each question of several, shown with the best
        (what one of them holds is held: "which group decides, and how long" is answered by the timescale's entry)."""
        best = listed or (top.entry if top else None)
        return decline_reason(question, names_served_place=bool(places), best=best, weight=self._known_weight,
                              support=None if listed else lambda phrase: self.evidence.support_without(query, top,
                                                                                                       phrase),
                              linked=self._linked(best) + [e for e in parts or [] if e is not best])

    def _beside_worry(self, question: str, top: Hit | None) -> Decline | None:
        """What the clauses that ask in a worried message ask that the arrangements leave to another source."""
        best = top.entry if top else None
        return beside_worry_decline(split_context(main_question(question))[0], best, self._known_weight,
                                    self._linked(best) if best is not None else [])

    def _what_first(self, question: str, worry: Worry, area: str | None, top: Hit | None) -> Answer | None:
        """'What do I do if a colleague is accused...': what to do first (the LADO), then the entry for context.
        'What do I do if I think a child is being hit': a harm read (a cue, about a child) in a general question
        goes to the area's front door, as a told case would."""
        category = worry.category
        if category is None or not is_action_request(question) or is_figure_request(question):
            return None
        if category in vocabulary().front_door_categories and get_detector().harm_by_staff(question):
            category = vocabulary().what_first_category  # "... abused by a teacher": the LADO first
        if category in vocabulary().front_door_categories:
            if not worry.cues or get_detector().adult_reading(question) != "child" \
                    or vocabulary().own_route_words.intersection(raw_tokens(question)):
                return None  # "an agency ignores our requests": no harm to a child; "a child death": its own route
            if area is None:  # every area's front door offered: where a worry goes depends on the area
                doors = [d for p in PARTNERSHIPS if (d := self.kb.front_door_entry(p)) is not None]
                return self._ask_area(question, doors, top.confidence if top else 0.0) if doors else None
            door = self.kb.front_door_entry(area)
            if door is None or (top is not None and top.entry.id == door.id):
                return None
            return Answer("answer", self.render(door, question, area), question, area, door,
                          top.confidence if top else 0.0, sources=sources_for([door], area))
        if category != vocabulary().what_first_category:
            return None
        first, shown = route_entries(self.kb, category, area)
        if first is None or not shown:
            return None
        e = shown[0]
        text = f"{first}\n\n{self.render(e, question, area)}"
        return Answer("answer", text, question, area, e, top.confidence if top else 0.0, sources=sources_for([e], area))

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
        return self._ask_area(question, [h.entry for h in rivals], top.confidence)

    @staticmethod
    def _ask_area(question: str, entries: list[Entry], confidence: float) -> Answer:
        """Which area: each partnership's own entry offered, in the partnerships' order."""
        sugg = [Suggestion(e.id, e.title, e.partnership, e.topic) for e in entries]
        sugg.sort(key=lambda s: list(PARTNERSHIPS).index(s.partnership))
        names = ", ".join(display_name(s.partnership) for s in sugg)
        text = (
            "The answer depends on the partnership. Which area are you asking about? "
            f"({names})\nTip: name the place in your question, e.g. \"... in {display_name(sugg[0].partnership)}\"."
        )
        return Answer("ask_partnership", text, question, None, None, confidence, suggestions=sugg)


_answerers: dict[int, Answerer] = {}


def get_answerer(kb: KnowledgeBase | None = None) -> Answerer:
    """One Answerer (and search index) per loaded knowledge base."""
    kb = kb or load_knowledge_base()
    a = _answerers.get(id(kb))
    if a is None or a.kb is not kb:
        a = Answerer(kb)
        _answerers[id(kb)] = a
    return a
