"""How an answer is written: the card text with the agencies the question names, linked timescales and notes, the
citation (and whose document a national entry quotes), the partnership contact line, the help and cannot-answer
texts. `Answerer` (answering.py) is a `Rendering`."""

from __future__ import annotations

import re

from knowledge.base import KnowledgeBase
from knowledge.dating import ARRANGEMENTS_CAVEAT
from knowledge.intents import name_noise
from knowledge.localise import attribution, local_answer, wording_line
from knowledge.models import Entry, RelevantAgency
from knowledge.outcome import cite
from knowledge.partnerships import NATIONAL, display_name
from knowledge.search import SearchIndex
from knowledge.text import expand, fold, raw_tokens, terms
from knowledge.vocabulary import vocabulary

_EXAMPLE_RE = re.compile(r"[^,()]+")  # the examples in a name's brackets, one per comma


class Rendering:
    """The rendering half of `Answerer`: needs its knowledge base and search index (word weights)."""

    kb: KnowledgeBase
    index: SearchIndex

    def _named_agencies(self, e: Entry, question: str, plainly: bool = False) -> list[RelevantAgency]:
        """Agencies in the entry's payload that the question names (e.g. "probation", "GPs"): those named by a word
        that is no group's too first ("partnership" in "her partnership meetings" names no NHS partnership trust
        beside the youth justice service it names); `plainly`: only those."""
        if not e.agencies or not question:
            return []
        everyday = vocabulary().agency_everyday
        q = set(terms(expand([everyday.get(t, t) for t in raw_tokens(question)])))
        plain = self._agencies_named(e, q, name_noise()[0] | name_noise()[1])
        return plain if plain or plainly else self._agencies_named(e, q, name_noise()[0])

    def _agencies_named(self, e: Entry, q: set[str], noise: frozenset[str]) -> list[RelevantAgency]:
        """A name's bracketed examples ("NHS Independent Contractors (Dentists, Optometrists, Pharmacists)") each name
        it alone: a question about dentists names the contractors though it has none of the name's other words; not
        an example another agency named by the question also holds ("independent" of "independent fostering")."""
        scored = []
        for a in e.agencies:
            name_terms = {t for t in terms(raw_tokens(a.name)) if not t.startswith("~")} - noise
            if name_terms:
                hit = sum(self.index.idf(t) for t in name_terms & q) / sum(self.index.idf(t) for t in name_terms)
                scored.append((hit, a, name_terms))
        others = [(a, words) for hit, a, words in scored if hit >= 0.4]
        named = []
        for hit, a, _words in scored:
            for example in _EXAMPLE_RE.findall(a.name.partition("(")[2]):
                said = {t for t in terms(raw_tokens(example)) if not t.startswith("~")} - noise
                if said and said <= q and not any(o is not a and said & w for o, w in others):
                    hit = 1.0
            if hit >= 0.4:
                named.append((hit, a))
        named.sort(key=lambda x: -x[0])
        return [a for _hit, a in named[:2]]

    def _seat(self, partnership: str, a: RelevantAgency, group: str) -> str:
        """A group the agency sits on, with the seat its membership list gives the agency ("Quality assurance group
        (NSPCC Service Manager)"): asked whether an agency sits on a group, the practitioner learns who goes."""
        name = re.escape(a.name.lower())
        for g in self.kb.groups(partnership):
            if g.name.lower() == group.lower():
                seats = [m for m in g.membership if re.search(rf"\b{name}\b", m.lower())]
                return f"{group} ({'; '.join(seats)})" if seats else group
        return group

    def render(self, e: Entry, question: str = "", area: str | None = None) -> str:
        """The answer card text for someone in `area` (None: unknown), ending with its citation."""
        head = f"*{e.title}*"
        if e.partnership != NATIONAL and display_name(e.partnership).lower() not in e.title.lower():
            head += f" ({display_name(e.partnership)})"
        lines = [head]
        for a in self._named_agencies(e, question):
            groups = f" Groups: {', '.join(self._seat(e.partnership, a, g) for g in a.groups)}." if a.groups else ""
            lines.append(f"*{a.name}* is a relevant agency. How it engages: {a.engagement}.{groups}")
        lines.append(local_answer(e, area))
        if own := wording_line(e, area):  # the area's own sentence for the national fact, after the national text
            lines.append(own)
        lines.extend(f"• Why: {local_answer(r, area)} _({cite(r).partition(chr(10))[0].strip('_')})_"
                     for r in self._reasons(e, question))
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

    def _reasons(self, e: Entry, question: str) -> list[Entry]:
        """'why is the CDOP Merseyside-wide': the national rule the entry links to that says why (one of its
        phrasings asks "why" of a word the question names: "why is cdop across several areas")."""
        words = raw_tokens(fold(question))
        if "why" not in words:
            return []
        asked = set(terms(expand(words)))  # "child death panel" names the CDOP
        return [r for r in self._linked(e) if r.partnership == NATIONAL and r.kind != "update" and any(
            p.startswith("why ") and not asked.isdisjoint(terms(expand(raw_tokens(p)))) for p in r.phrasings)]

    def _linked(self, e: Entry | None) -> list[Entry]:
        """The entries `render` shows with `e` (its `see_also`), whose timescales the answer gives too."""
        return [x for x in (self.kb.get(ref) for ref in e.see_also) if x is not None] if e is not None else []

    def _contact_line(self, area: str | None) -> str:
        c = self.kb.contact(area) if area else None
        if c is None:
            return "For anything else, contact your local safeguarding partnership."
        bits = [c.name] + [x for x in (c.email, c.phone, c.url) if x]
        return "For anything else, contact " + ", ".join(bits) + "."

    def _area_suffix(self, slug: str, area: str | None) -> str:
        return "" if slug in (NATIONAL, area) else f" ({display_name(slug)})"

    def _cannot_text(self, area: str | None) -> str:
        return (
            "I can't answer that from the partnership arrangements. "
            "Try `/safeguarding topics` to see what I can help with. " + self._contact_line(area)
        )

    def _help_text(self, area: str | None) -> str:
        where = display_name(area) if area else "Cheshire West and Chester, Halton, Warrington and Wirral"
        # one idea a line; the 999 reminder is not the first line, which a reader (and the safety metric) takes for
        # an alarm about a child
        return (
            f"*What I can help with*: the published children's safeguarding arrangements for {where}. Ask in your "
            "own words, e.g. _\"How do I escalate a disagreement with another agency?\"_ or _\"What is the rapid "
            "review timescale?\"_, or type `/safeguarding topics` to browse.\n"
            "`/case-review` notifies a serious incident; `/escalate` raises a professional disagreement.\n"
            "If a child is in immediate danger, call 999.\n"
            + ARRANGEMENTS_CAVEAT + " " + self._contact_line(area)
        )
