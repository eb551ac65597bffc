"""Who is asking (`Actor`, resolved once per request by handlers.middleware) and what a slash-command
subcommand receives (`CommandContext`: already parsed, already acknowledged)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient

from bot.authz import Permission, Role, allowed, allowed_for
from bot.mrkdwn import literal
from bot.partnerships import assigned_partnership
from bot.services import Services


@dataclass
class Actor:
    """The person behind one request. Middleware puts one on Bolt's `context["actor"]`; its roles and
    partnerships are read from the database on first use only (then kept for the request), so a listener
    that never asks (the 999 line, the front door) never depends on the database."""

    services: Services
    team_id: str
    user_id: str
    channel_id: str

    @cached_property
    def roles(self) -> frozenset[Role]:
        with self.services.db.read() as s:  # no write lock; usually served from the lookup cache
            return self.services.roles_of(s, self.team_id, self.user_id)

    @cached_property
    def partnership(self) -> str | None:
        """The partnership this request is about (channel, then person, then workspace): what answers show."""
        with self.services.db.read() as s:
            return self.services.partnership_of(s, self.team_id, self.channel_id, self.user_id)

    @cached_property
    def assigned(self) -> str | None:
        """The partnership this person's roles hold in (bot.partnerships.assigned_partnership)."""
        with self.services.db.read() as s:
            return assigned_partnership(s, self.team_id, self.user_id, self.services.settings.default_partnership)

    def channel_partnership(self, channel_id: str) -> str | None:
        """The partnership the server records for a channel (its setting, else the workspace's), never the
        person's area: where a record made in that channel belongs."""
        with self.services.db.read() as s:
            return self.services.partnership_of(s, self.team_id, channel_id, None)

    def can(self, permission: Permission) -> bool:
        return allowed(self.roles, permission)

    def can_for(self, permission: Permission, partnership: str | None) -> bool:
        """`permission` over a record of `partnership` (an admin anywhere; others in their own partnership)."""
        return allowed_for(self.roles, permission, self.assigned, partnership)


@dataclass
class CommandContext:
    services: Services
    team_id: str
    user_id: str
    channel_id: str
    command: str
    text: str  # the rest of the command text after the subcommand word
    respond: Respond
    client: WebClient
    partnership: str | None
    roles: frozenset[Role]
    trigger_id: str | None = None
    body: dict[str, Any] | None = None
    actor: Actor | None = None

    def can(self, permission: Permission) -> bool:
        return allowed(self.roles, permission)

    def who(self) -> Actor:
        """The request's Actor (a fresh one when built outside a request, as in unit tests)."""
        if self.actor is None:
            self.actor = Actor(self.services, self.team_id, self.user_id, self.channel_id)
        return self.actor

    def can_for(self, permission: Permission, partnership: str | None) -> bool:
        return allowed_for(self.roles, permission, self.who().assigned, partnership)

    def reply(self, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        """An ephemeral reply to the person who typed the command; `<placeholder>` in help reads literally."""
        self.respond(text=literal(text), blocks=blocks, response_type="ephemeral", replace_original=False)


SubcommandHandler = Callable[[CommandContext], None]
