"""The next review date of an entry by its kind: annual-report figures sooner, statutory timescales and
definitions later. The periods are data (review_periods.yaml, validated here), not code."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, get_args

import yaml
from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.kbedit.states import Change
from knowledge.base import document_title
from knowledge.models import Entry, Kind

DATA = Path(__file__).with_name("review_periods.yaml")
Months = int  # a number of calendar months


class SourceRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title_contains: str = Field(min_length=3)
    months: Months = Field(ge=1, le=60)


class ReviewPeriods(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    default_months: Months = Field(ge=1, le=60)
    sources: list[SourceRule] = Field(default_factory=list)
    kinds: dict[str, Months] = Field(default_factory=dict)

    @field_validator("kinds")
    @classmethod
    def _known_kinds(cls, kinds: dict[str, Months]) -> dict[str, Months]:
        unknown = sorted(set(kinds) - set(get_args(Kind)))
        if unknown:
            raise ValueError(f"unknown kind(s) {', '.join(unknown)}; kinds are {', '.join(get_args(Kind))}")
        bad = sorted(k for k, m in kinds.items() if not 1 <= m <= 60)
        if bad:
            raise ValueError(f"months must be 1 to 60 for {', '.join(bad)}")
        return kinds

    def months_for(self, entry: Entry) -> Months:
        if entry.kind in self.kinds:  # a definition stays a definition whichever document it came from
            return self.kinds[entry.kind]
        title = document_title(entry.source.document).lower()
        return next((r.months for r in self.sources if r.title_contains.lower() in title), self.default_months)


@cache
def load(path: Path = DATA) -> ReviewPeriods:
    return ReviewPeriods.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def next_review(entry: Entry, today: date) -> date:
    """The day this entry is next due for review, counted from `today` (London)."""
    return today + relativedelta(months=load().months_for(entry))


def date_if_unchosen(draft: Any, live: Entry | None, today: date) -> None:
    """An edit or new entry approved with its review date left as it was (or empty) is next reviewed by its
    kind from the day of approval; a date the author chose is kept. Sets the draft's content (a new dict, so
    the JSON column is written)."""
    if draft.change not in (Change.EDIT.value, Change.NEW.value) or draft.content is None:
        return
    chosen = draft.content.get("review_by")
    before = live.review_by.isoformat() if live is not None and live.review_by is not None else None
    if chosen is not None and chosen != before:
        return
    entry = Entry.model_validate(draft.content)
    draft.content = {**draft.content, "review_by": next_review(entry, today).isoformat()}
