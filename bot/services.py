"""The services a listener or job needs, built once per process and handed to every `register()`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from bot.ackgate import AckGate
from bot.authz import Role, roles_of
from bot.lookups import LookupCache
from bot.partnerships import resolve_partnership
from bot.settings import Settings
from storage.core import read_config_stamp
from storage.db import Database

if TYPE_CHECKING:
    from bot.liveknowledge import LiveKnowledge
    from knowledge import KnowledgeBase


@dataclass
class Services:
    settings: Settings
    db: Database
    lookups: LookupCache = field(default_factory=LookupCache, repr=False)
    acks: AckGate = field(default_factory=AckGate, repr=False)  # acks before follow-up work (bot/ackgate.py)

    def __post_init__(self) -> None:
        from bot.capabilities import register_all

        register_all()  # capabilities offer their digest items (bot.reminders.digest imports none of them)
        self.lookups.watch(self._config_stamp)

    def _config_stamp(self) -> int | None:
        """The committed configuration stamp: how this process hears of another's grant or revoke."""
        with self.db.read() as s:
            return read_config_stamp(s)

    @cached_property
    def knowledge(self) -> LiveKnowledge:
        """The shipped knowledge plus the business unit's approved versions, kept current (bot.liveknowledge)."""
        from bot.liveknowledge import LiveKnowledge

        return LiveKnowledge(self.db)

    @property
    def kb(self) -> KnowledgeBase:
        """The live knowledge base now for a caller with no workspace (the shipped files with every approved
        version); a request uses its workspace's, `kb_for(team_id)`."""
        return self.knowledge.kb

    def kb_for(self, team_id: str | None) -> KnowledgeBase:
        """The workspace's live knowledge base: the shipped files with the versions approved in that workspace."""
        return self.knowledge.current(team_id).kb

    def roles_of(self, session: Session, team_id: str, user_id: str) -> frozenset[Role]:
        """A person's roles, including admin for BOOTSTRAP_ADMIN_IDS: every permission check asks here.

        Cached for a few seconds (bot.lookups); a grant or revoke empties it here at once, elsewhere within ~1 s."""
        return self.lookups.get(("roles", team_id, user_id),
                                lambda: roles_of(session, team_id, user_id, self.settings.admin_ids))

    def partnership_of(
        self, session: Session, team_id: str, channel_id: str | None, user_id: str | None
    ) -> str | None:
        """The partnership a request belongs to, falling back to DEFAULT_PARTNERSHIP (cached like roles_of)."""
        return self.lookups.get(
            ("area", team_id, channel_id, user_id),
            lambda: resolve_partnership(session, team_id, channel_id, user_id, self.settings.default_partnership),
        )


def build_services(settings: Settings) -> Services:
    return Services(settings=settings, db=Database(settings.database_url))
