"""What a slash-command subcommand receives: already parsed, already acknowledged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient

from bot.authz import Permission, Role, allowed
from bot.context import Services
from bot.mrkdwn import literal


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

    def can(self, permission: Permission) -> bool:
        return allowed(self.roles, permission)

    def reply(self, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        """An ephemeral reply to the person who typed the command; `<placeholder>` in help reads literally."""
        self.respond(text=literal(text), blocks=blocks, response_type="ephemeral", replace_original=False)


SubcommandHandler = Callable[[CommandContext], None]
