"""A decline's shape, and the other-area declines: a question asked of another area, or comparing one with ours.

Beside a served place another area is what is asked when the question asks *of* it ("moved to flintshire",
"flintshire social services", `slots.asked_area`) or compares the two ("the same threshold document as cheshire
west", "a group like warrington's"): nothing is held on the other area, so the reply says so, and what is held
for the served area may be offered ("What I hold on this"). Otherwise ("moved to halton from knowsley") the other
area is only where someone came from and the question is about the served area.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.question import main_question, split_context
from knowledge.slots import asked_area, found, phrase_re
from knowledge.text import PLACES
from knowledge.vocabulary import ScopeRule


@dataclass(frozen=True)
class Decline:
    kind: str  # other_areas | adult | after_documents | a fact kind's name
    reason: str
    pointer: str
    related: bool = False  # the best entry is about the subject, only without this fact: it may be offered
    about: frozenset[str] = frozenset()  # the asked subject's weighty stems: an offered entry must name them

    @property
    def text(self) -> str:
        return f"{self.reason} {self.pointer}"


def rule_decline(kind: str, rule: ScopeRule, what: str, *, reason: str | None = None, related: bool = False,
                 **fmt: str) -> Decline:
    return Decline(kind, (reason or rule.reason).format(place=what.title(), what=what, **fmt),
                   rule.pointer.format(place=what.title(), what=what, **fmt), related=related)


def compared(rule: ScopeRule, folded_q: str) -> bool:
    """The clauses that ask compare areas: a comparison word, or "like" right before a place ("like warrington
    does"); not a remark around them ("moved from liverpool and everything's different. who ...")."""
    if found(rule.compared_anywhere, folded_q):
        return True  # "halton vs knowsley: who are the partners"
    folded_q = split_context(main_question(folded_q))[0]
    if found(rule.compared, folded_q):
        return True
    if not rule.compared_before:
        return False
    places = phrase_re(tuple([*PLACES, *rule.phrases])).pattern
    cue = phrase_re(tuple(rule.compared_before)).pattern
    return re.search(cue + r" (?:the ones? in |in |at |)(?:" + places + ")", folded_q) is not None


def other_area_decline(rule: ScopeRule, folded_q: str, place: str, names_served_place: bool) -> Decline | None:
    """The decline for a question naming another area (`place`), or None when it asks about the served one."""
    if not names_served_place:
        return rule_decline("other_areas", rule, place)
    if rule.compared_reason and compared(rule, folded_q):
        return rule_decline("other_areas", rule, place, reason=rule.compared_reason, related=True)
    asked = asked_area(rule, folded_q)
    return rule_decline("other_areas", rule, asked) if asked else None
