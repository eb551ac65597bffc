"""What an answer is: its outcome, text, suggestions and the citation of the entry it shows.

Kept apart from the answering flow (knowledge/answering.py) so the flow stays one file's length.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from knowledge.base import document_title
from knowledge.dating import long_date, month_year, review_note
from knowledge.models import Entry

Outcome = Literal["answer", "did_you_mean", "ask_partnership", "cannot_answer", "help"]


@dataclass
class Suggestion:
    entry_id: str
    title: str
    partnership: str
    topic: str = ""  # the entry's topic: what an unanswered question was nearest to (counted, never its text)

    def to_json(self) -> dict[str, str]:
        return {"id": self.entry_id, "title": self.title, "partnership": self.partnership}


@dataclass
class Answer:
    outcome: Outcome
    text: str
    question: str
    partnership: str | None = None  # the area the answer is for (None = unknown)
    entry: Entry | None = None
    score: float = 0.0
    safety: bool = False
    suggestions: list[Suggestion] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)

    @property
    def answered(self) -> bool:
        return self.outcome == "answer"

    @property
    def entry_id(self) -> str | None:
        return self.entry.id if self.entry else None

    @property
    def nearest_topic(self) -> str:
        """The answering entry's topic, else the first suggestion's: where an unanswered question came nearest
        ("" when nothing was near). Insight counts by it; the weekly gaps list groups the questions by it."""
        if self.entry is not None:
            return self.entry.topic
        return self.suggestions[0].topic if self.suggestions else ""

    def to_json(self) -> dict[str, Any]:
        return {
            "answered": self.answered,
            "outcome": self.outcome,
            "text": self.text,
            "entry_id": self.entry_id,
            "score": round(self.score, 4),
            "partnership": self.partnership,
            "safety": self.safety,
            "sources": self.sources,
            "suggestions": [s.to_json() for s in self.suggestions],
        }


def source_of(e: Entry) -> dict[str, Any]:
    return {
        "entry_id": e.id,
        "document": e.source.document,
        "title": document_title(e.source.document),
        "section": e.source.section,
        "url": e.source.url,
        "as_of": e.as_of.isoformat(),
        "review_by": e.review_by.isoformat() if e.review_by else None,
    }


def cite(e: Entry) -> str:
    doc = document_title(e.source.document)
    where = f"{doc} ({e.source.document})" if doc != e.source.document else doc
    line = f"_Source: {where}, {e.source.section}. As of {month_year(e.as_of)}._"
    lines = [line]
    if e.confirmed is not None:  # edited or written by the business unit: who vouches for it, and when
        lines.append(f"_Confirmed by the partnership business unit (<@{e.confirmed.by}>) on "
                     f"{long_date(e.confirmed.on)}._")
    due = review_note(e)
    if due:
        lines.append(f"_{due}_")
    return "\n".join(lines)
