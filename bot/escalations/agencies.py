"""The agency choices on the `/escalate` form, from bot/escalations/agencies.yaml and the knowledge base."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

DATA = Path(__file__).with_name("agencies.yaml")


class AgencyChoices(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    first: list[str] = Field(min_length=1)
    not_agencies: list[str] = Field(default_factory=list)


@cache
def load() -> AgencyChoices:
    return AgencyChoices.model_validate(yaml.safe_load(DATA.read_text(encoding="utf-8")))


def choices(kb: Any, partnership: str | None) -> list[str]:
    """The statutory partners first, then the partnership's relevant agencies (no duplicates, no non-agencies)."""
    data = load()
    listed = [a.name for a in kb.relevant_agencies(partnership)] if partnership else []
    skip = {n.casefold() for n in data.not_agencies}
    out: list[str] = []
    for name in [*data.first, *listed]:
        if name.casefold() not in skip and name.casefold() not in {o.casefold() for o in out}:
            out.append(name)
    return out
