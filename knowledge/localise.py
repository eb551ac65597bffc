"""Keep one partnership's facts out of another's answer, and name the area's own bodies in it.

National and glossary entries are often taken from one partnership's document and may carry a local
sentence ("In Wirral, board members should hold ..."). Shown to someone in another area, such a sentence
is dropped, and the citation says whose document the national definition was taken from.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from knowledge.base import KnowledgeBase, document_title
from knowledge.declines import Decline
from knowledge.models import Entry, LocalWording
from knowledge.outcome import source_of
from knowledge.partnerships import NATIONAL, display_name
from knowledge.text import find_places
from knowledge.vocabulary import vocabulary

_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[*_A-Z])")


def document_partnership(document: str) -> str | None:
    """The partnership whose published document this is (from its title), or None for national sources."""
    places = find_places(document_title(document))
    return places[0][1] if places else None


def _names_only_other_areas(sentence: str, area: str) -> bool:
    named = {slug for _phrase, slug in find_places(sentence)}
    return bool(named) and area not in named


def local_answer(e: Entry, area: str | None) -> str:
    """The entry's answer for someone in `area`: a national entry loses sentences about other areas only."""
    text = e.answer.strip()
    if e.partnership != NATIONAL or area is None:
        return text
    lines = []
    for line in text.split("\n"):
        kept = [s for s in _SENTENCE_RE.split(line) if not _names_only_other_areas(s, area)]
        if kept or not line.strip():
            lines.append(" ".join(kept))
    return "\n".join(lines).strip() or text


def attribution(e: Entry, area: str | None) -> str:
    """' (national; taken from X's document)' when a national entry cites another area's document."""
    owner = document_partnership(e.source.document)
    if e.partnership != NATIONAL or owner is None or owner == area:
        return ""
    return f" This applies nationally; the wording is taken from {display_name(owner)}'s document."


def local_wording(e: Entry, area: str | None) -> LocalWording | None:
    """How `area`'s own document states the national fact `e` holds, or None (no area, a partnership entry, or no
    wording held for that area)."""
    if e.partnership != NATIONAL or area is None:
        return None
    said = e.local_wording.get(area)
    # the national text is already taken from this area's document: its sentence would say the same twice
    return None if said is None or said.document == e.source.document else said


def wording_line(e: Entry, area: str | None) -> str:
    """The line shown after a national entry's text for someone in `area` whose arrangements say it too: the area's
    own sentence and where it is, so the practitioner recognises it ("" when none is held). The quote stays as the
    seed writes it; Slack's specials are escaped with the rest of the answer (`bot.mrkdwn.literal`)."""
    said = local_wording(e, area)
    if said is None or area is None:
        return ""
    quote = " ".join(said.quote.split())
    return f'_In {display_name(area)}\'s arrangements_ ({said.section}): "{quote}"'


def sources_for(shown: list[Entry], area: str | None) -> list[dict[str, Any]]:
    """The sources of an answer showing `shown` to someone in `area`, one per entry: a national entry whose local
    wording the answer quotes carries the area's own document section too (`local_wording`), so each source still
    names one entry shown."""
    out: list[dict[str, Any]] = []
    for e in shown:
        source = source_of(e)
        said = local_wording(e, area)
        if said is not None:
            source["local_wording"] = {"partnership": area, "document": said.document,
                                       "title": document_title(said.document), "section": said.section}
        out.append(source)
    return out


def local_decline(decline: Decline | None, kb: KnowledgeBase, area: str | None) -> Decline | None:
    """A decline for someone in `area` names its council ("Raise a concern ... with Halton Borough Council's adult
    social care team") where the pointer says only "the local council" (`out_of_scope.council_words`)."""
    words = vocabulary().out_of_scope.council_words
    if decline is None or area is None or not words:
        return decline
    said = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    return replace(decline, pointer=said.sub(kb.council(area), decline.pointer))
