"""The route an escalation follows: read from the knowledge base, copied into the escalation when raised.

Incident tools keep the escalation policy as it was when the incident began; so do we. A later edit of
the knowledge base (a new window, a renamed step) never moves an open escalation's windows.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from knowledge.models import StepWindow

if TYPE_CHECKING:
    from knowledge import KnowledgeBase


class StepSnapshot(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: int
    title: str
    who: str
    action: str
    window: StepWindow | None = None


class RouteSnapshot(BaseModel):
    model_config = ConfigDict(frozen=True)

    entry_id: str
    partnership: str
    title: str
    policy: str | None = None
    document: str
    section: str
    as_of: date
    steps: list[StepSnapshot]

    def step(self, number: int) -> StepSnapshot:
        return self.steps[number - 1]

    @property
    def last_step(self) -> int:
        return len(self.steps)

    @property
    def has_windows(self) -> bool:
        return any(s.window is not None for s in self.steps)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RouteSnapshot:
        return cls.model_validate(data)


def snapshot_route(kb: KnowledgeBase, partnership: str) -> RouteSnapshot | None:
    """The partnership's professional-differences route as the knowledge base states it now."""
    route = kb.escalation_route(partnership)
    if route is None:
        return None
    entry = next(e for e in kb.entries(partnership, "escalation") if e.route == route)
    return RouteSnapshot(
        entry_id=entry.id,
        partnership=partnership,
        title=entry.title,
        policy=route.policy,
        document=entry.source.document,
        section=entry.source.section,
        as_of=entry.as_of,
        steps=[StepSnapshot(**s.model_dump()) for s in route.steps],
    )
