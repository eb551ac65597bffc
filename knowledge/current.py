"""'Who chairs the executive now?': the documents date from 2019-20, so what is true today is not theirs to say.

A question asking for a chair, a person, a figure, a frequency or an amount *now* (`out_of_scope.now` in
`vocabulary.yaml`) is declined even when the entry states the slot: the reply says the documents' date, shows what
they said then (the entry, with its source) and whom to ask. Without a now word ("who chairs the exec") the
question is answered with its as-of date; "now the LSCB has gone" asks about the change the documents describe.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.dating import month_year
from knowledge.models import Entry
from knowledge.question import asks, clauses, leans_back, question_parts
from knowledge.slots import found, phrase_re
from knowledge.text import STOPWORDS, raw_tokens
from knowledge.vocabulary import vocabulary

NOW = "now"  # the Decline kind of these replies
# "a report going to our board": the asker's own board or group, not the LSCB the documents' change replaced
_OWN_RE = re.compile(r"\b(?:our|my|your) (?:own )?[a-z]+")


def now_asked(folded_q: str) -> str | None:
    """What the question wants confirmed as of today ("who chairs it"), or None. The now word must stand in the
    question that asks for the slot: "is it still done pan-Cheshire, and when is it reviewed" asks no date now, and
    "my manager's now involved. by which day ..." says now of the context."""
    rule = vocabulary().out_of_scope.now
    if rule is None or not (found(rule.words, folded_q) or found(rule.event_words, folded_q)):
        return None
    if found(rule.anchored, _OWN_RE.sub(" ", folded_q)):
        return _event_asked(folded_q)
    said = clauses(folded_q)
    asking = [c for c in said if asks(c)] or said or [folded_q]  # "my manager's now involved." asks nothing
    parts = [part for c in asking for part in question_parts(c) or [c]]
    for n, part in enumerate(parts):
        if what := _part_asked(part):
            return what
        # "who chairs it - is that still the case?": a now word in a follow-up pointing back asks of the slot before
        if n and rule.words and found(rule.words, part) and leans_back(part) and (
                what := _part_asked(f"{parts[n - 1]} {part}")):
            return what
    return None


def _event_asked(folded_q: str) -> str | None:
    """'has the new website launched yet': an event after the documents, or None."""
    rule = vocabulary().out_of_scope.now
    if rule is None or not found(rule.event_words, folded_q) or not (event := found(list(rule.events), folded_q)):
        return None
    fillers = vocabulary().clause_fillers
    opening = next((w for w in raw_tokens(folded_q) if w not in fillers), "")
    return None if opening in rule.event_lists else rule.events[event]


def _part_asked(folded_q: str) -> str | None:
    """What one question of the message wants confirmed as of today, or None."""
    v = vocabulary()
    rule = v.out_of_scope.now
    if event := _event_asked(folded_q):
        return event
    if rule is None or not found(rule.words, folded_q):
        return None
    service = found(list(v.route_roles), folded_q)  # "who is the LADO now": its entry says how to reach whoever it is
    for kind in v.out_of_scope.fact_kinds:
        if kind.name in rule.kinds and found(kind.cues, folded_q) and not found(kind.unless, folded_q) and not (
                service and kind.near is not None):  # a person's name
            return rule.kinds[kind.name]
    if not service and (cue := found(list(rule.asks), folded_q)):
        return rule.asks[cue]
    return None


def change_asked(folded_q: str, names_served_place: bool) -> bool:
    """Beside a later year and a national entry: what changed after the documents, in a served place, locally or
    with no other subject ('what changed with Working Together 2023'; `after_documents.changes`, `.local`,
    `.changed_of`), which the 2019 documents cannot say."""
    rule = vocabulary().out_of_scope.after_documents
    if names_served_place:
        return True  # "in Wirral since 2023": a national note says nothing of what changed there
    if not found(rule.changes, folded_q):
        return False
    if found(rule.local, folded_q):
        return True
    ignored = set(STOPWORDS) | set(vocabulary().question_words)
    rest = phrase_re(tuple(rule.changes + rule.changed_of)).sub(" ", folded_q)
    return not [t for t in raw_tokens(rest) if t not in ignored and not t.isdigit()]


def now_decline(folded_q: str, best: Entry) -> tuple[str, str] | None:
    """(reason, pointer) when the question asks what holds now, else None."""
    rule = vocabulary().out_of_scope.now
    what = now_asked(folded_q)
    if rule is None or what is None or best.kind == "update":
        return None  # "do CCGs still exist": an entry recording a change after the documents says what holds since
    if found(rule.claims, folded_q):
        return None  # "heard it was only twice a year": a claim checked against the documents, answered with their date
    return rule.reason.format(as_of=month_year(best.as_of), what=what), rule.pointer


def said_with(kind: str, held: Entry | None, render: Callable[[Entry], str]) -> str:
    """What a decline shows of the entry: for a now question what the documents said then, else its title."""
    if held is None:
        return ""
    if kind == NOW:
        return f"\n\nWhat the documents said then:\n{render(held)}\n"
    return f" What I hold on this: _{held.title}_."
