"""The services a listener or job needs, built once per process and handed to every `register()`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from bot.settings import Settings
from storage.db import Database

if TYPE_CHECKING:
    from knowledge import KnowledgeBase


@dataclass
class Services:
    settings: Settings
    db: Database
    extras: dict[str, object] = field(default_factory=dict)

    @cached_property
    def kb(self) -> KnowledgeBase:
        """Read-only knowledge base, loaded and validated once."""
        from knowledge import load_knowledge_base

        return load_knowledge_base()


def build_services(settings: Settings) -> Services:
    return Services(settings=settings, db=Database(settings.database_url))
